// classifyServer: the server-level view (counts, the most severe risk, labels and the exfiltration
// triangle) computed from its tools' classifications; classifyServerTools: each tool's verdict, where a
// tool that says nothing of itself may lean on what its server's other tools do.
import type { CapabilityLabel, Category, Classification, Evidence, RiskClass, Server, ServerClassification } from '../schema';
import { CONFIDENCE, classifyTool, DEFAULT_RISK } from './classify-tool';
import { tokenizeName } from './tokenize';

/** A description of at most this many words is near-empty ("Hello tool", "Adjust reporting"). */
export const NEAR_EMPTY_WORDS = 4;
/** How many other tools must agree: of the name's family (`vt_behavior` beside `vt_file_report`), or of the whole server. */
export const FAMILY_AGREEING = 2;
export const SERVER_AGREEING = 3;
/**
 * The one category a silent tool may take from its siblings: reading. A tool of a server that only reads
 * most likely reads too; that it writes, runs or deletes something its own words would have to show.
 */
const LEANABLE: ReadonlySet<Category> = new Set(['Read']);
const CJK_CHARACTER = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g;

/** Words of a description, counting two Chinese, Japanese or Korean characters as one (those scripts have no spaces). */
function wordCount(description: string): number {
  const cjk = description.match(CJK_CHARACTER)?.length ?? 0;
  const spaced = description.replace(CJK_CHARACTER, ' ').trim().split(/\s+/).filter((word) => word !== '').length;
  return spaced + Math.ceil(cjk / 2);
}

/**
 * Every tool's classification, in `server.tools` order. A tool left with insufficient information whose
 * description is empty or near-empty is Read when every other classified tool of its name's family (the
 * tools whose names begin with the same word), or else of its server, is Read and enough of them agree; its evidence says so (`server.sibling.family`, `server.sibling.server`).
 */
export function classifyServerTools(server: Server): Classification[] {
  const results = server.tools.map((tool) => classifyTool(tool.definition));
  return results.map((result, index) => siblingVerdict(server, results, index) ?? result);
}

function siblingVerdict(server: Server, results: readonly Classification[], index: number): Classification | undefined {
  const own = results[index] as Classification;
  const definition = server.tools[index]?.definition;
  if (!definition || !own.insufficientInformation || own.category !== 'Other' || own.decidedBy.risk.length > 0) return undefined;
  if (wordCount(definition.description ?? '') > NEAR_EMPTY_WORDS) return undefined;
  const first = tokenizeName(definition.name)[0]?.word;
  const siblings: Array<{ name: string; category: Category; family: boolean }> = [];
  results.forEach((result, other) => {
    const name = server.tools[other]?.definition.name;
    if (other === index || name === undefined || result.insufficientInformation || result.category === 'Other') return;
    siblings.push({ name, category: result.category, family: first !== undefined && tokenizeName(name)[0]?.word === first });
  });
  const family = siblings.filter((sibling) => sibling.family);
  const [kind, pool] = family.length >= FAMILY_AGREEING ? (['family', family] as const) : siblings.length >= SERVER_AGREEING ? (['server', siblings] as const) : [undefined, []];
  const category = pool[0]?.category;
  if (kind === undefined || category === undefined || !LEANABLE.has(category) || pool.some((sibling) => sibling.category !== category)) return undefined;
  const names = pool.map((sibling) => sibling.name).sort();
  const whose = kind === 'family' ? `every other tool of the server whose name begins with "${first}"` : 'every other tool of its server';
  const evidence: Evidence = {
    rule: `server.sibling.${kind}`,
    field: 'server',
    match: `${names.length} tools: ${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}`,
    concludes: `category:${category}`,
    weight: 1,
    explanation: `The tool's own name and description say nothing of what a call does, and ${whose} is ${category}, so it is taken to be ${category} too.`,
  };
  const risk = DEFAULT_RISK[category];
  const found = own.findings.length > 0 ? ` Findings: ${[...new Set(own.findings.map((finding) => finding.rule))].sort().join(', ')}.` : '';
  return {
    ...own,
    category,
    risk,
    confidence: CONFIDENCE.sibling,
    insufficientInformation: false,
    summary: `${category}, ${risk} risk: ${evidence.explanation.replace(/\.$/, '')} (${names.length} tools in the server).${own.labels.length > 0 ? ` Capabilities: ${own.labels.join(', ')}.` : ''}${found}`,
    evidence: [...own.evidence, evidence],
    decidedBy: { category: [evidence.rule], risk: [] },
  };
}

const CATEGORIES: readonly Category[] = ['Read', 'Write', 'Execute', 'Destructive', 'Financial', 'Other'];
const RISKS: readonly RiskClass[] = ['Low', 'Medium', 'High', 'Critical'];

/** `classifications` (same order as `server.tools`) saves classifying twice when the caller already has them. */
export function classifyServer(server: Server, classifications?: readonly Classification[]): ServerClassification {
  const results = classifications ?? classifyServerTools(server);
  if (results.length !== server.tools.length) {
    throw new Error(`classifyServer(${server.id}): ${results.length} classifications for ${server.tools.length} tools`);
  }
  const byCategory = Object.fromEntries(CATEGORIES.map((category) => [category, 0])) as Record<Category, number>;
  const byRisk = Object.fromEntries(RISKS.map((risk) => [risk, 0])) as Record<RiskClass, number>;
  const labels = new Set<CapabilityLabel>();
  const triangle = { privateData: [] as string[], untrustedContent: [] as string[], outwardChannel: [] as string[] };
  let risk = 0;
  let findingCount = 0;
  results.forEach((result, index) => {
    const name = server.tools[index]?.definition.name ?? '';
    byCategory[result.category]++;
    byRisk[result.risk]++;
    risk = Math.max(risk, RISKS.indexOf(result.risk));
    findingCount += result.findings.length;
    for (const label of result.labels) labels.add(label);
    if (result.labels.includes('private-data')) triangle.privateData.push(name);
    if (result.labels.includes('untrusted-content')) triangle.untrustedContent.push(name);
    if (result.labels.includes('outward-channel')) triangle.outwardChannel.push(name);
  });
  for (const side of Object.values(triangle)) side.sort();
  return {
    toolCount: server.tools.length,
    byCategory,
    byRisk,
    risk: RISKS[risk] ?? 'Low',
    labels: [...labels].sort(),
    exfiltrationTriangle: triangle.privateData.length > 0 && triangle.untrustedContent.length > 0 && triangle.outwardChannel.length > 0,
    triangle,
    findingCount,
  };
}
