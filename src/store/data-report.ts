// What the embedded dataset holds, counted: servers by source and status, tools by capture, how many
// records were merged from several sources, conflicts, same-name servers kept apart, the largest servers.
// `npm run data-report` prints it; docs/data.md and the README quote it.
import type { Server } from '../schema';
import { compareCodePoints } from '../lib/canonical-json';
import type { KeptApart } from './merge-sources';

export type SourceSummary = {
  source: string;
  /** Servers this source knows. */
  servers: number;
  /** Of those, servers another source knows too. */
  merged: number;
  /** Servers whose shown tools are this source's. */
  toolsShown: number;
  /** Tools this source lists, in all. */
  toolsListed: number;
  /** Servers where this source's values are among a conflict's. */
  conflicts: number;
};

export type DataReport = {
  servers: number;
  withTools: number;
  tools: number;
  byStatus: Record<string, number>;
  byCapture: Record<string, number>;
  /** Number of servers known to 1, 2, 3 and 4+ sources. */
  bySourceCount: Record<string, number>;
  conflictsByField: Record<string, number>;
  sources: SourceSummary[];
  sameName: Array<{ name: string; servers: Array<{ id: string; identity: string }> }>;
  keptApart: KeptApart[];
  largest: Array<{ id: string; tools: number; source: string }>;
};

const bump = (counts: Record<string, number>, key: string, by = 1) => {
  counts[key] = (counts[key] ?? 0) + by;
};

const sortedCounts = (counts: Record<string, number>) =>
  Object.fromEntries(Object.entries(counts).sort(([a], [b]) => compareCodePoints(a, b)));

/** A name as people would confuse it: case, punctuation and the words "mcp" and "server" ignored. */
export function looseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/\b(mcp|server|servers)\b/g, ' ')
    .replace(/[^a-z0-9]+/g, '');
}

export function dataReport(servers: Iterable<Server>, keptApart: KeptApart[] = []): DataReport {
  const report: DataReport = {
    servers: 0,
    withTools: 0,
    tools: 0,
    byStatus: {},
    byCapture: {},
    bySourceCount: {},
    conflictsByField: {},
    sources: [],
    sameName: [],
    keptApart,
    largest: [],
  };
  const perSource = new Map<string, SourceSummary>();
  const names = new Map<string, Array<{ id: string; identity: string }>>();
  const sizes: DataReport['largest'] = [];
  for (const server of servers) {
    report.servers += 1;
    report.tools += server.tools.length;
    if (server.tools.length > 0) report.withTools += 1;
    bump(report.byStatus, server.crawl.status);
    const sources = server.sources ?? [];
    const shown = server.tools.length > 0 ? (sources.find((entry) => entry.fields.includes('tools')) ?? sources[0]) : undefined;
    if (shown) bump(report.byCapture, shown.capture ?? 'tools-list', server.tools.length);
    const count = new Set(sources.map((entry) => entry.source)).size;
    bump(report.bySourceCount, count >= 4 ? '4+' : String(Math.max(1, count)));
    for (const conflict of server.conflicts ?? []) bump(report.conflictsByField, conflict.field);
    const conflicted = new Set((server.conflicts ?? []).flatMap((conflict) => conflict.values.map((value) => value.source.slice(0, value.source.indexOf(':')))));
    for (const source of new Set(sources.map((entry) => entry.source))) {
      let summary = perSource.get(source);
      if (!summary) {
        summary = { source, servers: 0, merged: 0, toolsShown: 0, toolsListed: 0, conflicts: 0 };
        perSource.set(source, summary);
      }
      summary.servers += 1;
      if (count > 1) summary.merged += 1;
      if (shown?.source === source) summary.toolsShown += 1;
      summary.toolsListed += sources.filter((entry) => entry.source === source).reduce((sum, entry) => sum + (entry.tools ?? 0), 0);
      if (conflicted.has(source)) summary.conflicts += 1;
    }
    const loose = looseName(server.displayName);
    if (loose) names.set(loose, [...(names.get(loose) ?? []), { id: server.id, identity: server.identity ?? server.name }]);
    sizes.push({ id: server.id, tools: server.tools.length, source: shown?.source ?? '' });
  }
  report.byStatus = sortedCounts(report.byStatus);
  report.byCapture = sortedCounts(report.byCapture);
  report.bySourceCount = sortedCounts(report.bySourceCount);
  report.conflictsByField = sortedCounts(report.conflictsByField);
  report.sources = [...perSource.values()].sort((a, b) => b.servers - a.servers || compareCodePoints(a.source, b.source));
  report.sameName = [...names.entries()]
    .filter(([, list]) => list.length > 1)
    .map(([name, list]) => ({ name, servers: list.sort((a, b) => compareCodePoints(a.id, b.id)) }))
    .sort((a, b) => b.servers.length - a.servers.length || compareCodePoints(a.name, b.name));
  report.largest = sizes.sort((a, b) => b.tools - a.tools || compareCodePoints(a.id, b.id)).slice(0, 20);
  return report;
}

/** Why two servers of one name were not merged: what keeps their identities apart. */
export function whyApart(identities: string[]): string {
  const kinds = new Set(identities.map((identity) => identity.slice(0, identity.indexOf(':'))));
  if (kinds.size === 1 && kinds.has('repo')) {
    const roots = new Set(identities.map((identity) => identity.split('/').slice(0, 3).join('/')));
    return roots.size === 1 ? 'different folders of one monorepo' : 'different repositories';
  }
  return 'nothing they share identifies one server (different repositories, packages or endpoints)';
}

const count = (value: number) => value.toLocaleString('en');

/** The report's totals and per-source table as Markdown lines: printed by `npm run data-report`, kept in docs/data.md. */
export function formatSummary(report: DataReport): string[] {
  const line = (counts: Record<string, number>) => Object.entries(counts).map(([key, value]) => `${key} ${count(value)}`).join(', ');
  return [
    `- servers: ${count(report.servers)} (${count(report.withTools)} with tools), tools: ${count(report.tools)}`,
    `- by status: ${line(report.byStatus)}`,
    `- tools by capture: ${line(report.byCapture)}`,
    `- servers known to 1, 2, 3, 4+ sources: ${line(report.bySourceCount)}`,
    `- conflicts by field: ${line(report.conflictsByField) || 'none'}`,
    '',
    '| source | servers | merged with another source | tools shown from it (servers) | tools it lists | in a conflict |',
    '|---|---:|---:|---:|---:|---:|',
    ...report.sources.map(
      (source) => `| ${source.source} | ${count(source.servers)} | ${count(source.merged)} | ${count(source.toolsShown)} | ${count(source.toolsListed)} | ${count(source.conflicts)} |`,
    ),
  ];
}

/** The README's sentence on the embedded dataset (between its `<!-- data-report -->` markers). */
export function readmeFigures(report: DataReport): string {
  const capture = (kind: string) => count(report.byCapture[kind] ?? 0);
  const derived = count((report.byCapture['static-analysis'] ?? 0) + (report.byCapture['cli-metadata'] ?? 0));
  const multi = Object.entries(report.bySourceCount).reduce((sum, [sources, servers]) => (sources === '1' ? sum : sum + servers), 0);
  return (
    `The embedded dataset, as \`npm run data-report\` counts it: **${count(report.servers)} servers, ${count(report.withTools)} with tools, ` +
    `${count(report.tools)} tools** (${capture('live')} listed by a live server this project crawled, ${capture('tools-list')} saved from a live ` +
    `\`tools/list\` by a dataset's authors, ${derived} derived from source code or CLI metadata, ${capture('names-only')} known by name and ` +
    `description only); ${count(multi)} servers are known to two or more sources.`
  );
}

/** Replaces what stands between `<!-- data-report -->` and `<!-- /data-report -->` in a document. */
export function replaceMarked(document: string, text: string): string {
  const open = '<!-- data-report -->\n';
  const start = document.indexOf(open);
  const end = document.indexOf('<!-- /data-report -->');
  if (start === -1 || end < start) throw new Error('no <!-- data-report --> … <!-- /data-report --> block');
  return `${document.slice(0, start + open.length)}${text}\n${document.slice(end)}`;
}
