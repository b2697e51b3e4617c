// The dataset as people download it: a document per server, a flat record per tool, CSV rows.
// The post-build step writes these; the per-server JSON is the same document the catalog.json holds.
import type { Classification, Server, StoredTool } from '../schema';
import { HINT_NAMES, type HintName } from '../classify/hints';
import { toolSlug } from '../lib/ids';
import { serverUrl, toolUrl } from './catalog';
import { csvLine } from './csv';
import { verdictsFor } from './verdicts';
import { followedBy } from '../editorial/review-verdict';
import type { ReviewState } from '../editorial/reviews';

export const POLICY_FILE_NAMES = ['policy.json', 'policy.yaml', 'claude-settings.json'] as const;

/**
 * A person's review of a tool, next to the classifier's verdict in every download: what it says, whether
 * it still holds (`stale`: the tool changed since, so the policy follows the classifier) and which
 * verdict the tool's policy follows.
 */
export function reviewExport(state: ReviewState | undefined) {
  if (!state) return undefined;
  const { review } = state;
  return {
    status: state.status,
    policyFollows: followedBy(state),
    ...(review.agrees ? { agrees: true } : {}),
    ...(review.category !== undefined ? { category: review.category } : {}),
    ...(review.risk !== undefined ? { risk: review.risk } : {}),
    ...(review.labels !== undefined ? { labels: [...new Set(review.labels)].sort() } : {}),
    ...(review.hints !== undefined ? { hints: review.hints } : {}),
    reason: review.reason,
    reviewer: review.reviewer,
    date: review.date,
    reviewedHash: review.hash,
  };
}

const policyLinks = (base: string) => Object.fromEntries(POLICY_FILE_NAMES.map((file) => [file, `${base}${file}`]));

/**
 * A server record with every tool's classification, the links to its pages and the server's policy
 * files (a tool's own policy is on its page). A server whose tools are not collected has neither
 * classification nor policy: a classification of no tools would read "Low risk".
 */
export function serverDocument(server: Server) {
  const verdicts = verdictsFor(server);
  return {
    ...server,
    url: serverUrl(server.id),
    ...(server.tools.length > 0 ? { classification: verdicts.server, policies: policyLinks(serverUrl(server.id)) } : {}),
    tools: server.tools.map((tool, index) => ({
      ...tool,
      slug: toolSlug(tool.definition.name),
      url: toolUrl(server.id, tool.definition.name),
      classification: verdicts.tools[index] as Classification,
      ...(verdicts.reviews[index] ? { review: reviewExport(verdicts.reviews[index]) } : {}),
    })),
  };
}

/** What /servers/<id>.json holds: the /scan/ page and the scan CLI read these documents, never a second export. */
export type ServerDocument = ReturnType<typeof serverDocument>;

/** The inferred hints' values alone (catalog.json and the per-server JSON carry their evidence too). */
function inferredValues(classification: Classification): Record<HintName, boolean | null> {
  return Object.fromEntries(HINT_NAMES.map((hint) => [hint, classification.inferredAnnotations[hint].value])) as Record<HintName, boolean | null>;
}

/** One tool, flat: a line of tools.ndjson. */
export function toolRecord(server: Server, tool: StoredTool, classification: Classification, review?: ReviewState) {
  const hints = tool.definition.annotations ?? {};
  return {
    server: server.id,
    serverName: server.displayName,
    name: tool.definition.name,
    title: tool.definition.title ?? hints.title ?? undefined,
    description: tool.definition.description,
    category: classification.category,
    risk: classification.risk,
    confidence: classification.confidence,
    insufficientInformation: classification.insufficientInformation,
    labels: classification.labels,
    findings: classification.findings.map((finding) => finding.rule),
    readOnlyHint: hints.readOnlyHint ?? undefined,
    destructiveHint: hints.destructiveHint ?? undefined,
    idempotentHint: hints.idempotentHint ?? undefined,
    openWorldHint: hints.openWorldHint ?? undefined,
    /** The spec's hints as the catalog infers them from the text (null: cannot tell, or no meaning for a read-only tool); the evidence is in catalog.json. */
    inferred: inferredValues(classification),
    hash: tool.hash,
    url: toolUrl(server.id, tool.definition.name),
    /** A person's review, when there is one: its verdict, whether it still holds, and which verdict the policy follows. */
    review: reviewExport(review),
  };
}

export const CSV_HEADER = [
  'server',
  'server_name',
  'tool',
  'category',
  'risk',
  'confidence',
  'labels',
  'findings',
  'read_only_hint',
  'destructive_hint',
  'idempotent_hint',
  'open_world_hint',
  'inferred_read_only_hint',
  'inferred_destructive_hint',
  'inferred_idempotent_hint',
  'inferred_open_world_hint',
  'hash',
  'url',
  'review_status',
  'review_category',
  'review_risk',
  'review_date',
  'description',
] as const;

export function toolCsvLine(record: ReturnType<typeof toolRecord>): string {
  return csvLine([
    record.server,
    record.serverName,
    record.name,
    record.category,
    record.risk,
    record.confidence,
    record.labels.join(' '),
    record.findings.join(' '),
    record.readOnlyHint,
    record.destructiveHint,
    record.idempotentHint,
    record.openWorldHint,
    ...HINT_NAMES.map((hint) => record.inferred[hint] ?? undefined),
    record.hash,
    record.url,
    record.review?.status,
    record.review ? (record.review.category ?? record.category) : undefined,
    record.review ? (record.review.risk ?? record.risk) : undefined,
    record.review?.date,
    record.description,
  ]);
}

/** How catalog.json frames the server documents: the post-build step writes these, the data page counts them. */
export const CATALOG_HEAD = '{"schema":"/schema/server.schema.json","servers":[\n';
export const CATALOG_SEPARATOR = ',\n';
export const CATALOG_TAIL = '\n]}\n';

/** One server's part of each whole-dataset download: its catalog.json entry, its tools.ndjson lines and tools.csv lines. */
export function exportLines(server: Server): { document: ReturnType<typeof serverDocument>; catalog: string; ndjson: string[]; csv: string[] } {
  const verdicts = verdictsFor(server);
  const records = server.tools.map((tool, index) => toolRecord(server, tool, verdicts.tools[index] as Classification, verdicts.reviews[index]));
  const document = serverDocument(server);
  return {
    document,
    catalog: JSON.stringify(document),
    ndjson: records.map((record) => `${JSON.stringify(record)}\n`),
    csv: records.map(toolCsvLine),
  };
}

export type ExportFile = 'catalog.json' | 'tools.ndjson' | 'tools.csv';

/**
 * The byte size of each whole-dataset download, added up server by server from the same lines the
 * post-build step writes. The data page is rendered by astro build, beside or before that step, so it
 * cannot read the files: it counts what they will hold.
 */
export class ExportSizes {
  private servers = 0;
  private bytes: Record<ExportFile, number> = { 'catalog.json': Buffer.byteLength(CATALOG_HEAD) + Buffer.byteLength(CATALOG_TAIL), 'tools.ndjson': 0, 'tools.csv': Buffer.byteLength(csvLine([...CSV_HEADER])) };

  add(server: Server): void {
    const lines = exportLines(server);
    this.bytes['catalog.json'] += Buffer.byteLength(lines.catalog) + (this.servers > 0 ? Buffer.byteLength(CATALOG_SEPARATOR) : 0);
    for (const line of lines.ndjson) this.bytes['tools.ndjson'] += Buffer.byteLength(line);
    for (const line of lines.csv) this.bytes['tools.csv'] += Buffer.byteLength(line);
    this.servers += 1;
  }

  sizes(): Record<ExportFile, number> {
    return { ...this.bytes };
  }
}
