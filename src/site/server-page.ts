// Everything a server page shows, gathered in one function so the .astro page only lays it out.
// A server without tools (most of the catalog: known from an open dataset, tools not collected) gets
// what is known about it, its sources and how to collect its tools, and no verdict, chart or policy.
import type { Server } from '../schema';
import { serverUrl, toolRef, type ChangeRef } from './catalog';
import { rugPulledTools, serverChanges } from './changes';
import { notCollected } from './collect';
import { describeCollection, describeSource, plural } from './format';
import { serverHintSummary } from './hints';
import { httpLink, packageLink } from './links';
import { parameterRows } from './parameters';
import { conflictRows, isNamesOnly, sourceRows, toolOrigin } from './provenance';
import { describeTokenCost, tokenCost } from './tokens';
import { serverPolicy, verdictsFor } from './verdicts';

const RISK_RANK = { Low: 0, Medium: 1, High: 2, Critical: 3 } as const;
const CATEGORY_RANK = { Read: 0, Other: 1, Write: 2, Execute: 3, Destructive: 4, Financial: 5 } as const;

/** One line of "About this server": a term and its values, each optionally a link or code. */
export type Fact = { term: string; items: Array<{ text: string; href?: string | undefined; code?: boolean }>; note?: string | undefined };

/** One line per package, its versions together: the merge keeps `x` and `x 1.0.0` apart when two sources name them so. */
function packageItems(server: Server): Fact['items'] {
  const byName = new Map<string, { registryType: string; identifier: string; versions: string[] }>();
  for (const item of server.registry?.packages ?? []) {
    const key = `${item.registryType}\u0000${item.identifier}`;
    const entry = byName.get(key) ?? { registryType: item.registryType, identifier: item.identifier, versions: [] };
    if (item.version && !entry.versions.includes(item.version)) entry.versions.push(item.version);
    byName.set(key, entry);
  }
  return [...byName.values()].map((entry) => ({
    text: `${entry.registryType} ${entry.identifier}${entry.versions.length > 0 ? ` (${entry.versions.join(', ')})` : ''}`,
    href: packageLink(entry.registryType, entry.identifier),
  }));
}

function facts(server: Server, hasTools: boolean, cost: ReturnType<typeof tokenCost>, namesOnly: boolean): Fact[] {
  const list: Fact[] = [];
  const disputed = new Set((server.conflicts ?? []).map((conflict) => conflict.field));
  const dispute = (field: string) => (disputed.has(field) ? 'the sources disagree: see below' : undefined);
  const add = (term: string, items: Fact['items'], note?: string) => {
    if (items.length > 0) list.push({ term, items, note });
  };
  add('Name', [{ text: server.name, code: true }]);
  // Records the merge has seen list their sources in full below; older ones say where they came from here.
  if (!server.sources?.length) add('Source', [{ text: describeSource(server) }]);
  if (server.serverInfo) add('Reports itself as', [{ text: `${server.serverInfo.name}${server.serverInfo.version ? ` ${server.serverInfo.version}` : ''}`, code: true }]);
  if (server.license) add('License', [{ text: server.license }], dispute('license') ?? "of the server's code, as its sources state it");
  if (server.repository) add('Repository', [{ text: server.repository, href: httpLink(server.repository) }], dispute('repository'));
  if (server.homepage) add('Homepage', [{ text: server.homepage, href: httpLink(server.homepage) }]);
  add('Packages', packageItems(server));
  add(
    'Remote endpoints',
    (server.registry?.remotes ?? []).map((remote) => ({ text: `${remote.type} ${remote.url}${remote.headers?.length ? ` (needs ${remote.headers.join(', ')})` : ''}`, code: true })),
  );
  // Without tools, the "Tools not collected yet" section says this at length.
  if (hasTools) add('Collected', [{ text: describeCollection(server) }]);
  if (server.protocolVersion) add('MCP protocol', [{ text: server.protocolVersion }]);
  if (server.launch) {
    add(
      'Started with',
      [{ text: [server.launch.command, ...server.launch.args].join(' '), code: true }],
      server.launch.env.length > 0 ? `needs environment variables: ${server.launch.env.join(', ')}` : undefined,
    );
  }
  if (hasTools) {
    add(
      'Context cost',
      [{ text: `${describeTokenCost(cost)} for all tool definitions (o200k_base tokenizer)` }],
      namesOnly ? 'names and descriptions only: the parameters are not known, so the real definitions cost more' : undefined,
    );
  }
  if (server.attribution) add('Credit', [{ text: server.attribution }]);
  add('Data', [{ text: `${server.id}.json`, href: `/servers/${server.id}.json` }]);
  return list;
}

export function serverPageModel(server: Server) {
  const hasTools = server.tools.length > 0;
  const verdicts = verdictsFor(server);
  const cost = tokenCost(server.tools.map((tool) => tool.definition));
  const namesOnly = hasTools && server.tools.every((tool) => isNamesOnly(server, tool));
  const tools = server.tools.map((tool, index) => {
    const verdict = verdicts.tools[index]!;
    const ref = toolRef(server, tool, verdict, verdicts.reviews[index]);
    const rows = parameterRows(tool.definition.inputSchema);
    const unknown = rows.length === 0 && isNamesOnly(server, tool);
    return {
      ref,
      /** Undefined when only the name and description are known. */
      parameters: unknown ? undefined : rows.length,
      tokens: cost.perTool[index]!.tokens,
      summary: verdict.summary,
      /** Sorts the verdict column: by risk, then by the category's severity. */
      verdictRank: RISK_RANK[verdict.risk] * 10 + CATEGORY_RANK[verdict.category],
    };
  });
  const history: ChangeRef[] = serverChanges(server);
  const sources = sourceRows(server);
  const listing = sources.filter((row) => row.source !== 'crawl').length;
  const verdict = verdicts.server;
  return {
    hasTools,
    /** The page's meta description: never a risk class for a server without tools. */
    description: hasTools
      ? `${server.displayName}: ${plural(server.tools.length, 'tool')}, highest risk ${verdict.risk}. What each tool can do and the gateway policy to put in front of them.`
      : `${server.displayName}: an MCP server${listing > 0 ? ` listed by ${plural(listing, 'source')}` : ''}. Its tools have not been collected yet, so the catalog has no verdict on it; what is known and how to collect them.`,
    /** The line under the title. */
    summary: hasTools
      ? `${plural(server.tools.length, 'tool')}${namesOnly ? ' (names and descriptions only; their parameters are not known)' : ''}; the riskiest is`
      : 'No verdict: the tools of this server have not been collected, so nothing here says what it can do or how risky it is.',
    verdict,
    tools,
    namesOnly,
    cost,
    policy: hasTools ? serverPolicy(server) : undefined,
    /** How many tools declare no annotations, and the spec hints inferred for the tools. */
    hints: serverHintSummary(server.tools, verdicts.tools),
    facts: facts(server, hasTools, cost, namesOnly),
    origin: toolOrigin(server),
    notCollected: notCollected(server),
    sources,
    conflicts: conflictRows(server),
    source: describeSource(server),
    collection: describeCollection(server),
    history,
    /** The current tools whose description changed after they were first seen. */
    rugPulls: rugPulledTools(server),
    urls: { self: serverUrl(server.id), json: `/servers/${server.id}.json` },
  };
}
