// classifyServer: the server-level view (counts, the most severe risk, labels and the exfiltration
// triangle) computed from its tools' classifications.
import type { CapabilityLabel, Category, Classification, RiskClass, Server, ServerClassification } from '../schema';
import { classifyTool } from './classify-tool';

const CATEGORIES: readonly Category[] = ['Read', 'Write', 'Execute', 'Destructive', 'Financial', 'Other'];
const RISKS: readonly RiskClass[] = ['Low', 'Medium', 'High', 'Critical'];

/** `classifications` (same order as `server.tools`) saves classifying twice when the caller already has them. */
export function classifyServer(server: Server, classifications?: readonly Classification[]): ServerClassification {
  const results = classifications ?? server.tools.map((tool) => classifyTool(tool.definition));
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
