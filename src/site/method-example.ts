// The real tool the "how to read a tool page" method page shows through the tool page's own components.
// The build's data decides which: a preferred tool when its server is in the data, else the tool with
// the most evidence of the first server (by id) that has tools, so every data folder gets a real one.
import type { Server, StoredTool } from '../schema';
import { defaultDataDir, listServerIds, readServerFile, serverFile } from '../store/dataset';
import { toolUrl } from './catalog';
import { toolPageModel } from './tool-page';
import { toolVerdict } from './verdicts';

/** GitHub's create_pull_request: a Write tool with an outward channel, evidence from name and description, and a policy with limits. */
const PREFERRED: ReadonlyArray<{ serverPrefix: string; tool: string }> = [{ serverPrefix: 'github-github-mcp-server-', tool: 'create_pull_request' }];

export function chooseExample(ids: readonly string[], read: (id: string) => Server): { server: Server; tool: StoredTool } | undefined {
  for (const preferred of PREFERRED) {
    const id = ids.find((candidate) => candidate.startsWith(preferred.serverPrefix));
    const server = id === undefined ? undefined : read(id);
    const tool = server?.tools.find((candidate) => candidate.definition.name === preferred.tool);
    if (server && tool) return { server, tool };
  }
  for (const id of ids) {
    const server = read(id);
    let best: StoredTool | undefined;
    let most = -1;
    for (const tool of server.tools) {
      const evidence = toolVerdict(server, tool).evidence.length;
      if (evidence > most) [best, most] = [tool, evidence];
    }
    if (best) return { server, tool: best };
  }
  return undefined;
}

let cached: ReturnType<typeof build> | undefined;

function build() {
  const dataDir = defaultDataDir();
  const ids = listServerIds(dataDir);
  const chosen = chooseExample(ids, (id) => readServerFile(serverFile(dataDir, id)));
  if (!chosen) return undefined;
  const { server, tool } = chosen;
  const model = toolPageModel(server, tool);
  return { server, tool: tool.definition.name, serverName: server.displayName, url: toolUrl(server.id, tool.definition.name), model, verdict: model.classification };
}

/** The example tool of this build, or undefined for a data folder without a single tool. */
export function methodExample() {
  cached ??= build();
  return cached;
}
