// The shape of the real ecosystem as data/servers shows it, reduced to counts the generator draws
// from (src/synth/profile.json, written by `npm run synth -- --profile`). Only counts and the most
// frequent tokens are kept: the file stays small, and no real server's record is copied whole.
import { compareCodePoints } from '../lib/canonical-json';
import type { Server } from '../schema';

/** `[value, count]`, most frequent first, ties by value, so the file is byte-identical per input. */
export type Counts = Array<[string, number]>;
export type NumberCounts = Array<[number, number]>;

export interface SourceTemplate {
  /** Where the source's records are read from: the most common repository, commit, license, date and attribution. */
  repository?: string;
  commit?: string;
  license?: string;
  at?: string;
  attribution?: string;
  /** The path of a record with its varying part replaced by `{key}`. */
  path?: string;
}

export interface Profile {
  /** Figures of the real dataset, for the tests and the script's report. */
  real: {
    servers: number;
    withTools: number;
    tools: number;
    distinctNames: number;
    /** Distinct names / tools in seeded samples of the real servers, by sample size (servers). */
    distinctRateBySample: NumberCounts;
    toolsPerServer: { median: number; p90: number; max: number };
  };
  /** Pitman-Yor parameters fitted to the real name reuse (see `fitNameReuse`). */
  nameReuse: { alpha: number; theta: number };
  /** Server shape: `status|capture|sources` (sources in the record's order), the top ones. */
  shapes: Counts;
  /** Tools per server, for servers with tools. */
  toolCounts: NumberCounts;
  nameStyles: Counts;
  /** Tokens per tool name, for names of more than one token. */
  nameTokens: NumberCounts;
  firstTokens: Counts;
  otherTokens: Counts;
  /** Share of tools with a description, words per description, and description words. */
  descriptionShare: number;
  descriptionWords: NumberCounts;
  words: Counts;
  /** Parameters per tool whose schema is known, their names and types, and shares of required and described ones. */
  parameterCounts: NumberCounts;
  parameterNames: Counts;
  parameterTypes: Counts;
  requiredShare: number;
  parameterDescriptionShare: number;
  /** Share of tools with an annotations object, and per hint how often it is declared and how often true. */
  annotationShare: number;
  hints: Record<Hint, { declared: number; true: number }>;
  titleShare: number;
  /** Server-level fields. */
  identityKinds: Counts;
  licenses: Counts;
  registryShare: number;
  packageTypes: Counts;
  repoTokens: Counts;
  serverDescriptionShare: number;
  sources: Record<string, SourceTemplate>;
}

export const HINTS = ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const;
export type Hint = (typeof HINTS)[number];

class Counter {
  readonly map = new Map<string, number>();
  add(key: string, by = 1): void {
    this.map.set(key, (this.map.get(key) ?? 0) + by);
  }
  top(limit = Infinity, minimum = 1): Counts {
    return [...this.map]
      .filter(([, count]) => count >= minimum)
      .sort((a, b) => b[1] - a[1] || compareCodePoints(a[0], b[0]))
      .slice(0, limit);
  }
  numeric(): NumberCounts {
    return [...this.map].map(([key, count]): [number, number] => [Number(key), count]).sort((a, b) => a[0] - b[0]);
  }
  mostCommon(): string | undefined {
    return this.top(1)[0]?.[0];
  }
}

/** Splits a tool name into lower-case word tokens, whatever its style (snake, camel, kebab, dotted). */
export function nameTokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((token) => token.length > 0)
    .map((token) => token.toLowerCase());
}

export type NameStyle = 'snake' | 'camel' | 'pascal' | 'kebab' | 'dotted' | 'single';

export function nameStyle(name: string): NameStyle | 'other' {
  if (/^[a-z0-9]+$/.test(name)) return 'single';
  if (/^[a-z0-9]+(_[a-z0-9]+)+$/.test(name)) return 'snake';
  if (/^[a-z0-9]+(-[a-z0-9]+)+$/.test(name)) return 'kebab';
  if (/^[a-z][a-z0-9]*([A-Z][a-z0-9]*)+$/.test(name)) return 'camel';
  if (/^([A-Z][a-z0-9]+)+$/.test(name)) return 'pascal';
  if (/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$/.test(name)) return 'dotted';
  return 'other';
}

export function descriptionWordsOf(text: string): string[] {
  return text.toLowerCase().match(/[a-z][a-z0-9'-]*/g) ?? [];
}

/** Expected distinct names after `n` draws of a Pitman-Yor process (exact: the step's chance of a new name is linear in the count so far). */
export function expectedDistinct(n: number, alpha: number, theta: number): number {
  let distinct = 0;
  for (let i = 0; i < n; i += 1) distinct += i === 0 ? 1 : (theta + alpha * distinct) / (theta + i);
  return distinct;
}

function fitTheta(tools: number, distinct: number, alpha: number): number {
  let low = 0;
  let high = 1e6;
  for (let step = 0; step < 40; step += 1) {
    const middle = (low + high) / 2;
    if (expectedDistinct(tools, alpha, middle) < distinct) low = middle;
    else high = middle;
  }
  return Math.round(((low + high) / 2) * 1000) / 1000;
}

/**
 * Fits the reuse model to the real distinct-name counts of nested samples (`[tools, distinct]`,
 * the whole dataset last): theta always matches the whole dataset, alpha is the one of a coarse grid
 * that best matches the smaller samples, so the synthetic rate is right at small and large scale.
 */
export function fitNameReuse(points: ReadonlyArray<readonly [number, number]>): { alpha: number; theta: number } {
  const [tools, distinct] = points.at(-1) as readonly [number, number];
  let best = { alpha: 0.5, theta: 0, error: Infinity };
  for (let alpha = 0.3; alpha < 0.96; alpha += 0.02) {
    const rounded = Math.round(alpha * 100) / 100;
    const theta = fitTheta(tools, distinct, rounded);
    const error = points.reduce((sum, [n, d]) => sum + ((expectedDistinct(n, rounded, theta) - d) / n) ** 2, 0);
    if (error < best.error) best = { alpha: rounded, theta, error };
  }
  return { alpha: best.alpha, theta: best.theta };
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** Median, p90 and max of tools per server with tools. */
export function toolsPerServerFigures(counts: readonly number[]): { median: number; p90: number; max: number } {
  const sorted = counts.filter((count) => count > 0).sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9), max: sorted.at(-1) ?? 0 };
}

/** Distinct tool names / tools over a set of servers. */
export function distinctNameRate(servers: Iterable<{ tools: ReadonlyArray<{ definition: { name: string } }> }>): number {
  const names = new Set<string>();
  let tools = 0;
  for (const server of servers) {
    for (const tool of server.tools) names.add(tool.definition.name);
    tools += server.tools.length;
  }
  return tools === 0 ? 0 : names.size / tools;
}

/** A path template: the common folder of the source's paths, then `{key}` and the common file name or extension. */
function pathTemplate(paths: readonly string[]): string | undefined {
  if (paths.length === 0) return undefined;
  const split = paths.map((file) => file.split('/'));
  const first = split[0] as string[];
  let common = 0;
  while (common < first.length - 1 && split.every((parts) => parts.length > common + 1 && parts[common] === first[common])) common += 1;
  const base = first.at(-1) as string;
  const sameBase = split.every((parts) => parts.at(-1) === base);
  const extension = base.includes('.') ? base.slice(base.lastIndexOf('.')) : '';
  return [...first.slice(0, common), sameBase ? `{key}/${base}` : `{key}${extension}`].join('/');
}

const round = (value: number): number => Math.round(value * 10000) / 10000;

/** Reduces the real servers to a profile. `servers` must come sorted by id (as `iterateServers` yields them) for a stable result. */
export function buildProfile(servers: readonly Server[]): Profile {
  const shapes = new Counter();
  const toolCounts = new Counter();
  const styles = new Counter();
  const tokenCounts = new Counter();
  const firstTokens = new Counter();
  const otherTokens = new Counter();
  const descriptionWords = new Counter();
  const words = new Counter();
  const parameterCounts = new Counter();
  const parameterNames = new Counter();
  const parameterTypes = new Counter();
  const identityKinds = new Counter();
  const licenses = new Counter();
  const packageTypes = new Counter();
  const repoTokens = new Counter();
  const nameUses = new Counter();
  const perSource = new Map<string, { repository: Counter; commit: Counter; license: Counter; at: Counter; attribution: Counter; paths: string[] }>();
  const hints = Object.fromEntries(HINTS.map((hint) => [hint, { declared: 0, true: 0 }])) as Profile['hints'];
  let tools = 0;
  let described = 0;
  let knownSchemas = 0;
  let parameters = 0;
  let required = 0;
  let parameterDescribed = 0;
  let annotated = 0;
  let titled = 0;
  let withRegistry = 0;
  let serverDescribed = 0;

  for (const server of servers) {
    const sources = server.sources ?? [];
    const capture = sources[0]?.capture ?? '';
    shapes.add(`${server.crawl.status}|${server.tools.length > 0 ? capture : ''}|${sources.map((source) => source.source).join(',')}`);
    if (server.tools.length > 0) toolCounts.add(String(server.tools.length));
    identityKinds.add(server.identity?.slice(0, server.identity.indexOf(':')) ?? 'none');
    licenses.add(server.license ?? '');
    if (server.registry) {
      withRegistry += 1;
      for (const entry of server.registry.packages) packageTypes.add(entry.registryType);
      if (server.registry.remotes.length > 0) packageTypes.add('remote');
    }
    if (server.description) serverDescribed += 1;
    const repo = server.identity?.startsWith('repo:') ? server.identity.split('/')[2] : undefined;
    if (repo) for (const token of nameTokens(repo)) repoTokens.add(token);
    for (const source of sources) {
      let entry = perSource.get(source.source);
      if (!entry) perSource.set(source.source, (entry = { repository: new Counter(), commit: new Counter(), license: new Counter(), at: new Counter(), attribution: new Counter(), paths: [] }));
      if (source.repository) entry.repository.add(source.repository);
      if (source.commit) entry.commit.add(source.commit);
      if (source.license) entry.license.add(source.license);
      if (source.at) entry.at.add(source.at);
      if (source.path) entry.paths.push(source.path);
      if (source === sources[0] && server.attribution) entry.attribution.add(server.attribution);
    }

    for (const { definition, notes } of server.tools) {
      tools += 1;
      nameUses.add(definition.name);
      const style = nameStyle(definition.name);
      styles.add(style);
      const tokens = nameTokens(definition.name);
      if (tokens.length > 1) tokenCounts.add(String(Math.min(tokens.length, 8)));
      if (tokens[0]) firstTokens.add(tokens[0]);
      for (const token of tokens.slice(1)) otherTokens.add(token);
      if (definition.description) {
        described += 1;
        const found = descriptionWordsOf(definition.description);
        descriptionWords.add(String(Math.min(found.length, 200)));
        for (const word of found) words.add(word);
      }
      const namesOnly = (notes ?? []).some((note) => note.includes('parameters are not known'));
      const properties = definition.inputSchema['properties'];
      if (!namesOnly) {
        knownSchemas += 1;
        const entries = properties && typeof properties === 'object' ? Object.entries(properties as Record<string, unknown>) : [];
        parameterCounts.add(String(Math.min(entries.length, 60)));
        const requiredList = Array.isArray(definition.inputSchema['required']) ? (definition.inputSchema['required'] as unknown[]) : [];
        for (const [name, schema] of entries) {
          parameters += 1;
          parameterNames.add(name);
          const value = (schema ?? {}) as Record<string, unknown>;
          parameterTypes.add(typeof value['type'] === 'string' ? value['type'] : 'none');
          if (requiredList.includes(name)) required += 1;
          if (typeof value['description'] === 'string') parameterDescribed += 1;
        }
      }
      if (definition.annotations) {
        annotated += 1;
        if (definition.annotations.title) titled += 1;
        for (const hint of HINTS) {
          const value = definition.annotations[hint];
          if (typeof value === 'boolean') {
            hints[hint].declared += 1;
            if (value) hints[hint].true += 1;
          }
        }
      }
    }
  }

  const distinct = nameUses.map.size;
  const withTools = servers.filter((server) => server.tools.length > 0);
  // Fixed strides through the sorted servers: deterministic, spread over the whole alphabet.
  const sample = (size: number): Server[] => servers.filter((_, index) => Math.floor((index * size) / servers.length) !== Math.floor(((index - 1) * size) / servers.length));
  const samples = [2000, 5000, servers.length].filter((size) => size <= servers.length).map((size) => ({ size, picked: sample(size) }));
  const reusePoints = samples.map(({ picked }): [number, number] => {
    const names = new Set(picked.flatMap((server) => server.tools.map((tool) => tool.definition.name)));
    return [picked.reduce((sum, server) => sum + server.tools.length, 0), names.size];
  });
  const annotationsAmong = (value: number): number => round(value / Math.max(1, annotated));

  return {
    real: {
      servers: servers.length,
      withTools: withTools.length,
      tools,
      distinctNames: distinct,
      distinctRateBySample: samples.map(({ size, picked }) => [size, round(distinctNameRate(picked))]),
      toolsPerServer: toolsPerServerFigures(withTools.map((server) => server.tools.length)),
    },
    nameReuse: fitNameReuse(reusePoints),
    shapes: shapes.top(400),
    toolCounts: toolCounts.numeric(),
    nameStyles: styles.top(),
    nameTokens: tokenCounts.numeric(),
    firstTokens: firstTokens.top(600, 3),
    otherTokens: otherTokens.top(2500, 3),
    descriptionShare: round(described / Math.max(1, tools)),
    descriptionWords: descriptionWords.numeric(),
    words: words.top(2500, 3),
    parameterCounts: parameterCounts.numeric(),
    parameterNames: parameterNames.top(800, 3),
    parameterTypes: parameterTypes.top(),
    requiredShare: round(required / Math.max(1, parameters)),
    parameterDescriptionShare: round(parameterDescribed / Math.max(1, parameters)),
    annotationShare: round(annotated / Math.max(1, knownSchemas)),
    hints: Object.fromEntries(HINTS.map((hint) => [hint, { declared: annotationsAmong(hints[hint].declared), true: round(hints[hint].true / Math.max(1, hints[hint].declared)) }])) as Profile['hints'],
    titleShare: annotationsAmong(titled),
    identityKinds: identityKinds.top(),
    licenses: licenses.top(30, 3),
    registryShare: round(withRegistry / Math.max(1, servers.length)),
    packageTypes: packageTypes.top(),
    repoTokens: repoTokens.top(1500, 3),
    serverDescriptionShare: round(serverDescribed / Math.max(1, servers.length)),
    sources: Object.fromEntries(
      [...perSource]
        .sort((a, b) => compareCodePoints(a[0], b[0]))
        .map(([source, entry]) => {
          const template: SourceTemplate = {};
          const set = (key: keyof SourceTemplate, value: string | undefined): void => {
            if (value !== undefined) template[key] = value;
          };
          set('repository', entry.repository.mostCommon());
          set('commit', entry.commit.mostCommon());
          set('license', entry.license.mostCommon());
          set('at', entry.at.mostCommon());
          set('attribution', entry.attribution.mostCommon());
          set('path', pathTemplate(entry.paths));
          return [source, template];
        }),
    ),
  };
}
