// Everything a server page shows, gathered in one function so the .astro page only lays it out.
import type { Server } from '../schema';
import { serverUrl, toolRef, type ChangeRef } from './catalog';
import { describeCollection, describeSource } from './format';
import { parameterRows } from './parameters';
import { tokenCost } from './tokens';
import { serverPolicy, verdictsFor } from './verdicts';

const RISK_RANK = { Low: 0, Medium: 1, High: 2, Critical: 3 } as const;
const CATEGORY_RANK = { Read: 0, Other: 1, Write: 2, Execute: 3, Destructive: 4, Financial: 5 } as const;

export function serverPageModel(server: Server) {
  const verdicts = verdictsFor(server);
  const cost = tokenCost(server.tools.map((tool) => tool.definition));
  const tools = server.tools.map((tool, index) => {
    const verdict = verdicts.tools[index]!;
    const ref = toolRef(server, tool, verdict);
    return {
      ref,
      parameters: parameterRows(tool.definition.inputSchema).length,
      tokens: cost.perTool[index]!.tokens,
      summary: verdict.summary,
      /** Sorts the verdict column: by risk, then by the category's severity. */
      verdictRank: RISK_RANK[verdict.risk] * 10 + CATEGORY_RANK[verdict.category],
    };
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
