// The attack database's markup: the one-line "Known attacks" link list of tool and server pages, the
// index /incidents/ and the parts of an incident page around its Markdown body. Badges are the tool
// pages' own (parts.ts); every external link opens without sending the catalog's page as referrer.
import type { Server } from '../../schema';
import { incidentsForServer, incidentsForTool, incidentUrl, ruleUrl, type incidentIndexModel, type incidentPageModel } from '../../editorial/incidents';
import type { Incident } from '../../editorial/incident-match';
import { serverUrl, toolUrl } from '../catalog';
import { plural } from '../format';
import { each, html, type Html } from '../html';
import { categoryUrl } from '../taxonomy';
import { labelList } from './parts';
import { withCode } from './policy-help';

const KIND: Record<Incident['data']['kind'], string> = { incident: 'Incident', 'attack-class': 'Attack class' };
/** How each policy step's sentence begins: the words of docs/policies.md, then what it applies to. */
const ACTION: Record<Incident['data']['policy'][number]['action'], string> = {
  deny: 'Deny',
  'require-approval': 'Require approval for',
  'constrain-arguments': 'Constrain',
  'pin-definition': 'Pin',
  'rate-limit': 'Rate-limit',
};

const links = (incidents: readonly Incident[]): Html =>
  each(incidents, (incident, index) => html`${index > 0 ? ', ' : ''}<a href="${incidentUrl(incident.slug)}">${incident.data.short}</a>`);

/** One line on a tool page (nothing when no incident matches): the tool page budget is 30 KB. */
export function toolIncidentsLine(server: Server, toolName: string): Html {
  const incidents = incidentsForTool(server, toolName);
  if (incidents.length === 0) return html``;
  return html`<p class="known-attacks">Known attacks on tools like this: ${links(incidents)} (<a href="/incidents/">all</a>).</p>`;
}

/** One line on a server page: each incident some of its tools meet, with how many. */
export function serverIncidentsLine(server: Server): Html {
  const matches = incidentsForServer(server);
  if (matches.length === 0) return html``;
  return html`<p class="known-attacks">Known attacks on tools like these: ${each(
    matches,
    ({ incident, tools }, index) => html`${index > 0 ? ', ' : ''}<a href="${incidentUrl(incident.slug)}">${incident.data.short}</a> (${plural(tools, 'tool')})`,
  )}.</p>`;
}

const firstDate = (incident: Incident) => incident.data.dates[0]!.date;

export function incidentIndexBody(rows: ReturnType<typeof incidentIndexModel>): Html {
  return html`<article><h1>Known attacks on MCP tools</h1><p>Documented incidents and attack classes involving MCP servers and tools, each with its public sources, what it abuses, the catalog tools that meet its precondition (computed from their verdicts) and the gateway policy that would have stopped or contained it.</p><div class="table-wrap"><table class="incidents"><thead><tr><th scope="col">Date</th><th scope="col">Incident</th><th scope="col">Kind</th><th scope="col">Catalog tools</th><th scope="col">Servers</th></tr></thead><tbody>${each(
    rows,
    ({ incident, stats, url }) =>
      html`<tr><td><time datetime="${firstDate(incident)}">${firstDate(incident)}</time></td><td><a href="${url}">${incident.data.title}</a></td><td>${KIND[incident.data.kind]}</td><td>${stats.tools.toLocaleString('en-US')}</td><td>${stats.servers.toLocaleString('en-US')}</td></tr>`,
  )}</tbody></table></div></article>`;
}

type IncidentPageModel = ReturnType<typeof incidentPageModel>;

/** Above the Markdown body: title, kind, dates, summary and what it abuses. */
export function incidentPageHead({ incident }: IncidentPageModel): Html {
  const { data } = incident;
  return html`<header><p class="muted"><a href="/incidents/">Known attacks</a> · ${KIND[data.kind]}</p><h1>${data.title}</h1><p>${withCode(data.summary)}</p><ul class="dates">${each(
    data.dates,
    (entry) => html`<li><time datetime="${entry.date}">${entry.date}</time> ${withCode(entry.event)}</li>`,
  )}</ul><p>It abuses: ${each(data.abuses.categories, (category) => html`<a class="badge category-${category}" href="${categoryUrl(category)}">${category}</a>`)}</p>${labelList(data.abuses.labels)}</header><h2>What happened</h2>`;
}

/** Below the Markdown body: the catalog's matches, the policy pattern, the rules and the sources. */
export function incidentPageDetails({ incident, stats }: IncidentPageModel): Html {
  const { data } = incident;
  return html`<h2 id="catalog">Catalog tools that meet its precondition</h2><p>${withCode(data.precondition.description)}</p><p class="incident-count"><strong>${plural(stats.tools, 'tool')}</strong> on <strong>${plural(stats.servers, 'server')}</strong> of the catalog meet it.</p>${
    stats.examples.length > 0
      ? html`<p>For example (one tool a server):</p><ul class="examples">${each(
          stats.examples,
          (example) => html`<li><a href="${toolUrl(example.server, example.tool)}"><code>${example.tool}</code></a> on <a href="${serverUrl(example.server)}">${example.serverName}</a> (${example.category})</li>`,
        )}</ul>`
      : ''
  }<h2 id="policy">The policy that would have stopped or contained it</h2><ul class="policy-pattern">${each(
    data.policy,
    (step) => html`<li><strong>${ACTION[step.action]}</strong> ${withCode(step.applies)}: ${withCode(step.why)}.</li>`,
  )}</ul><p class="muted">How each of these is written for a gateway: <a href="/method/">the method</a> and the policy of any tool page above.</p><h2 id="rules">Rules that detect its precondition</h2>${
    data.rules.length > 0
      ? html`<ul class="rules">${each(data.rules, (rule) => html`<li><a href="${ruleUrl(rule)}"><code>${rule}</code></a></li>`)}</ul>`
      : html`<p class="muted">No classifier rule: the precondition is read from the server's record itself (its endpoints, or its change history: <a href="/changes/changed/">changed tools</a>).</p>`
  }<h2 id="sources">Sources</h2><ol class="sources">${each(
    data.sources,
    (source) =>
      html`<li><a href="${source.url}" rel="noopener noreferrer">${source.title}</a>, ${source.publisher}, <time datetime="${source.date}">${source.date}</time>${
        source.ids.length > 0 ? html` (${each(source.ids, (id, index) => html`${index > 0 ? ', ' : ''}<code>${id}</code>`)})` : ''
      }</li>`,
  )}</ol>`;
}
