// Everything a server page shows, gathered in one function so the .astro page only lays it out.
import type { Server } from '../schema';
import { serverUrl, toolRef, type ChangeRef } from './catalog';
import { describeCollection, describeSource } from './format';
import { parameterRows } from './parameters';
import { tokenCost } from './tokens';
import { serverPolicy, verdictsFor } from './verdicts';

export function serverPageModel(server: Server) {
  const verdicts = verdictsFor(server);
  const cost = tokenCost(server.tools.map((tool) => tool.definition));
  const tools = server.tools.map((tool, index) => {
    const verdict = verdicts.tools[index]!;
    const ref = toolRef(server, tool, verdict);
    return { ref, parameters: parameterRows(tool.definition.inputSchema).length, tokens: cost.perTool[index]!.tokens, summary: verdict.summary };
  });
  const history: ChangeRef[] = [...server.history].reverse().map((entry) => ({ ...entry, server: server.id, serverName: server.displayName }));
  return {
    verdict: verdicts.server,
    tools,
    cost,
    policy: serverPolicy(server),
    source: describeSource(server),
    collection: describeCollection(server),
    history,
    rugPulls: server.history.filter((entry) => entry.change === 'changed' && entry.fields?.includes('description')).length,
    urls: { self: serverUrl(server.id), json: `/servers/${server.id}.json` },
  };
}
