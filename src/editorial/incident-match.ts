// The attack database's loader and matcher: reads src/content/incidents/*.md (front matter validated
// by src/schema/incident.ts), reduces each tool to the facts a precondition can name, and tallies
// matches over the dataset in the one pass src/site/catalog.ts makes. Imports nothing of the site.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describeIssues, IncidentFrontMatter, type CapabilityLabel, type Category, type Classification, type PreconditionClause, type Server } from '../schema';
import { rugPulledTools } from '../site/changes';
import { readFrontMatter } from './front-matter';

export type Incident = {
  /** The file name without `.md`: the page is `/incidents/<slug>/`. */
  slug: string;
  /** The file, relative to the project, for error messages. */
  file: string;
  data: IncidentFrontMatter;
  /** The Markdown body (rendered by the content collection). */
  body: string;
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function defaultIncidentsDir(): string {
  return path.resolve(process.env['CATALOG_INCIDENTS_DIR'] ?? 'src/content/incidents');
}

/** Every problem of every file, one line each naming the file and the field; empty when all are valid. */
export function checkIncidents(dir = defaultIncidentsDir()): string[] {
  return readIncidents(dir).problems;
}

/** The incidents of `dir`, sorted by slug; throws naming every bad file and field. */
export function loadIncidents(dir = defaultIncidentsDir()): Incident[] {
  const { incidents, problems } = readIncidents(dir);
  if (problems.length > 0) throw new Error(`invalid incident pages (src/schema/incident.ts says what a page must have):\n  ${problems.join('\n  ')}`);
  return incidents;
}

function readIncidents(dir: string): { incidents: Incident[]; problems: string[] } {
  const incidents: Incident[] = [];
  const problems: string[] = [];
  const files = readdirSync(dir).filter((name) => name.endsWith('.md')).sort();
  for (const name of files) {
    const file = path.relative(process.cwd(), path.join(dir, name));
    const slug = name.slice(0, -'.md'.length);
    if (!SLUG.test(slug)) {
      problems.push(`${file}: the file name must be a slug (a-z, 0-9 and inner hyphens) followed by .md`);
      continue;
    }
    let parsed: { data: unknown; content: string };
    try {
      parsed = readFrontMatter(readFileSync(path.join(dir, name), 'utf8'));
    } catch (error) {
      problems.push(`${file}: the front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
      continue;
    }
    const result = IncidentFrontMatter.safeParse(parsed.data);
    if (!result.success) {
      problems.push(...describeIssues(result.error, { where: file }));
      continue;
    }
    incidents.push({ slug, file, data: result.data, body: parsed.content });
  }
  return { incidents, problems };
}

/** What a precondition can say about a tool: its verdict, its parameters, its history and its server. */
export type ToolFacts = {
  name: string;
  category: Category;
  labels: ReadonlySet<CapabilityLabel>;
  findings: ReadonlySet<string>;
  parameters: ReadonlySet<string>;
  descriptionChanged: boolean;
  serverTriangle: boolean;
  serverLabels: ReadonlySet<CapabilityLabel>;
  remote: boolean;
};

/** Each tool's facts, in `server.tools` order, from the verdicts the site already computed. */
export function serverToolFacts(server: Server, verdicts: { tools: readonly Classification[]; server: { labels: readonly CapabilityLabel[]; exfiltrationTriangle: boolean } }): ToolFacts[] {
  const changed = rugPulledTools(server);
  const serverLabels = new Set(verdicts.server.labels);
  const remote = server.source.kind === 'remote' || (server.registry?.remotes.length ?? 0) > 0;
  return server.tools.map((tool, index) => {
    const verdict = verdicts.tools[index] as Classification;
    const properties = tool.definition.inputSchema?.properties;
    return {
      name: tool.definition.name,
      category: verdict.category,
      labels: new Set(verdict.labels),
      findings: new Set(verdict.findings.map((finding) => finding.rule)),
      parameters: new Set(properties && typeof properties === 'object' ? Object.keys(properties).map((key) => key.toLowerCase()) : []),
      descriptionChanged: changed.has(tool.definition.name),
      serverTriangle: verdicts.server.exfiltrationTriangle,
      serverLabels,
      remote,
    };
  });
}

const hasAll = <T>(set: ReadonlySet<T>, items: readonly T[] | undefined) => items === undefined || items.every((item) => set.has(item));
const hasAny = <T>(set: ReadonlySet<T>, items: readonly T[] | undefined) => items === undefined || items.some((item) => set.has(item));

export function clauseHolds(clause: PreconditionClause, facts: ToolFacts): boolean {
  return (
    hasAll(facts.labels, clause.labels) &&
    hasAny(facts.labels, clause.anyLabels) &&
    (clause.categories === undefined || clause.categories.includes(facts.category)) &&
    hasAny(facts.findings, clause.findings) &&
    (clause.parameters === undefined || clause.parameters.some((name) => facts.parameters.has(name.toLowerCase()))) &&
    (clause.descriptionChanged === undefined || facts.descriptionChanged) &&
    (clause.serverTriangle === undefined || facts.serverTriangle) &&
    hasAll(facts.serverLabels, clause.serverLabels) &&
    (clause.remote === undefined || facts.remote)
  );
}

export function meetsPrecondition(incident: Incident, facts: ToolFacts): boolean {
  return incident.data.precondition.anyOf.some((clause) => clauseHolds(clause, facts));
}

/** A tool an incident page shows as an example. */
export type IncidentExample = { server: string; serverName: string; tool: string; category: Category };

/** How many examples an incident page lists: from as many different servers. */
export const INCIDENT_EXAMPLES = 6;

/** A stable pseudo-random rank (FNV-1a): examples are a spread of the catalog, the same on every build. */
function rank(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export type IncidentStats = { tools: number; servers: number; examples: IncidentExample[] };

/**
 * Counts per incident, filled one server at a time (memory stays bounded: a count and at most
 * INCIDENT_EXAMPLES examples an incident). Each tool's facts are computed once and tested against
 * every incident's clauses: a few set look-ups a tool and incident.
 */
export class IncidentTally {
  private readonly stats = new Map<string, IncidentStats & { ranks: number[] }>();

  constructor(readonly incidents: readonly Incident[]) {
    for (const incident of incidents) this.stats.set(incident.slug, { tools: 0, servers: 0, examples: [], ranks: [] });
  }

  add(server: Server, facts: readonly ToolFacts[]): void {
    for (const incident of this.incidents) {
      const entry = this.stats.get(incident.slug)!;
      let best: { tool: ToolFacts; rank: number } | undefined;
      for (const tool of facts) {
        if (!meetsPrecondition(incident, tool)) continue;
        entry.tools += 1;
        const r = rank(`${incident.slug}\u0000${server.id}\u0000${tool.name}`);
        if (best === undefined || r < best.rank) best = { tool, rank: r };
      }
      if (best === undefined) continue;
      entry.servers += 1;
      const at = entry.ranks.findIndex((other) => best.rank < other);
      const position = at < 0 ? entry.ranks.length : at;
      if (position >= INCIDENT_EXAMPLES) continue;
      entry.ranks.splice(position, 0, best.rank);
      entry.examples.splice(position, 0, { server: server.id, serverName: server.displayName, tool: best.tool.name, category: best.tool.category });
      entry.ranks.length = Math.min(entry.ranks.length, INCIDENT_EXAMPLES);
      entry.examples.length = Math.min(entry.examples.length, INCIDENT_EXAMPLES);
    }
  }

  get(slug: string): IncidentStats {
    const entry = this.stats.get(slug);
    if (!entry) throw new Error(`no incident "${slug}"`);
    return { tools: entry.tools, servers: entry.servers, examples: entry.examples };
  }
}

let tally: IncidentTally | undefined;

/** Called by src/site/catalog.ts as its one pass over the dataset begins: the counts start again. */
export function startIncidentTally(): void {
  tally = new IncidentTally(loadIncidents());
}

/** Called by src/site/catalog.ts for each server of that pass, with the verdicts it computed anyway. */
export function tallyServerIncidents(server: Server, verdicts: Parameters<typeof serverToolFacts>[1]): void {
  if (server.tools.length === 0) return;
  (tally ??= new IncidentTally(loadIncidents())).add(server, serverToolFacts(server, verdicts));
}

/** The counts of the pass, once it ran (src/editorial/incidents.ts makes sure it did). */
export function datasetIncidentTally(): IncidentTally {
  return (tally ??= new IncidentTally(loadIncidents()));
}
