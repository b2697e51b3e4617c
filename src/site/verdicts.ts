// The one place the site asks for a tool's classification and policies, so a page, its download and
// the dataset export always compute them with the same inputs.
import { classifyServer, classifyServerTools, classifyTool } from '../classify';
import { policyForServer, policyForTool, type ServerPolicy, type ToolPolicy } from '../policy';
import type { Classification, Server, ServerClassification, StoredTool } from '../schema';

export type ServerVerdicts = {
  tools: Classification[];
  server: ServerClassification;
};

const cache = new WeakMap<Server, ServerVerdicts>();

/** Classifications of every tool of a server (in the server's tool order, a silent tool leaning on its siblings) and the server-level view. */
export function verdictsFor(server: Server): ServerVerdicts {
  let verdicts = cache.get(server);
  if (!verdicts) {
    const tools = classifyServerTools(server);
    verdicts = { tools, server: classifyServer(server, tools) };
    cache.set(server, verdicts);
  }
  return verdicts;
}

export function toolVerdict(server: Server, tool: StoredTool): Classification {
  const index = server.tools.indexOf(tool);
  if (index < 0) throw new Error(`tool "${tool.definition.name}" is not on server "${server.id}"`);
  return verdictsFor(server).tools[index] as Classification;
}

export function toolPolicy(server: Server, tool: StoredTool): ToolPolicy {
  return policyForTool(tool.definition, toolVerdict(server, tool), {
    serverDisplayName: server.displayName,
    exfiltrationTriangle: verdictsFor(server).server.exfiltrationTriangle,
  });
}

export function serverPolicy(server: Server): ServerPolicy {
  const verdicts = verdictsFor(server);
  const byTool = new Map(server.tools.map((tool, index) => [tool.definition, verdicts.tools[index] as Classification]));
  return policyForServer(server, (definition) => byTool.get(definition) ?? classifyTool(definition), {
    exfiltrationTriangle: verdicts.server.exfiltrationTriangle,
  });
}
