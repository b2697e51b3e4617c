// What the site shows of the attack database: the incidents a tool or server meets (computed from its
// verdicts, never listed by hand), and the models of /incidents/ and /incidents/<slug>/.
import type { Server } from '../schema';
import { serverSummaries } from '../site/catalog';
import { verdictsFor } from '../site/verdicts';
import { datasetIncidentTally, loadIncidents, meetsPrecondition, serverToolFacts, type Incident, type IncidentStats, type ToolFacts } from './incident-match';

let cached: Incident[] | undefined;
/** Each server's tool facts, computed once however many of its tool pages are rendered (a server may have hundreds). */
const factsCache = new WeakMap<Server, ToolFacts[]>();

function factsFor(server: Server): ToolFacts[] {
  let facts = factsCache.get(server);
  if (!facts) {
    facts = serverToolFacts(server, verdictsFor(server));
    factsCache.set(server, facts);
  }
  return facts;
}

/** Every incident page, sorted by slug (read once per build). */
export function allIncidents(): Incident[] {
  return (cached ??= loadIncidents());
}

export function incidentUrl(slug: string): string {
  return `/incidents/${slug}/`;
}

/** The page of a classifier rule (built from the rule's own metadata). */
export function ruleUrl(id: string): string {
  return `/rules/${encodeURIComponent(id)}/`;
}

/** The incidents whose precondition the tool meets, in index order. */
export function incidentsForTool(server: Server, toolName: string): Incident[] {
  const index = server.tools.findIndex((tool) => tool.definition.name === toolName);
  if (index < 0) throw new Error(`server "${server.id}" has no tool "${toolName}"`);
  const facts = factsFor(server)[index]!;
  return byDate(allIncidents().filter((incident) => meetsPrecondition(incident, facts)));
}

/** The incidents at least one of the server's tools meets, each with how many of its tools do. */
export function incidentsForServer(server: Server): Array<{ incident: Incident; tools: number }> {
  const facts = factsFor(server);
  return byDate(allIncidents())
    .map((incident) => ({ incident, tools: facts.filter((tool) => meetsPrecondition(incident, tool)).length }))
    .filter((entry) => entry.tools > 0);
}

/** Newest first (by each page's first date), then by title: the order of the index and of every list of links. */
function byDate(incidents: Incident[]): Incident[] {
  return [...incidents].sort((a, b) => (b.data.dates[0]!.date < a.data.dates[0]!.date ? -1 : b.data.dates[0]!.date > a.data.dates[0]!.date ? 1 : a.data.title.localeCompare(b.data.title)));
}

export function sortedIncidents(): Incident[] {
  return byDate(allIncidents());
}

/** How many catalog tools and servers meet the incident's precondition, with a few examples. */
export function incidentStats(slug: string): IncidentStats {
  serverSummaries(); // the catalog's one pass over the dataset tallies the incidents
  return datasetIncidentTally().get(slug);
}

export function incidentPageModel(slug: string) {
  const incident = allIncidents().find((candidate) => candidate.slug === slug);
  if (!incident) throw new Error(`no incident "${slug}"`);
  return { incident, stats: incidentStats(slug), urls: { self: incidentUrl(slug), index: '/incidents/' } };
}

export function incidentIndexModel() {
  return sortedIncidents().map((incident) => ({ incident, stats: incidentStats(incident.slug), url: incidentUrl(incident.slug) }));
}
