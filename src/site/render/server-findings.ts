// The server page's findings: each rule that found something in the server's tools, linked to its
// page, with the tools it found it in (each tool's page shows the matched text).
import type { Server } from '../../schema';
import { toolUrl } from '../catalog';
import { findingsByRule } from '../findings';
import { plural } from '../format';
import { each, html, type Html } from '../html';
import { verdictsFor } from '../verdicts';
import { ruleLink } from './rule-link';

/** Tools named per rule; the rest are counted (a server of hundreds of tools keeps its page small). */
const TOOLS_NAMED = 5;

export function serverFindingsSection(server: Server): Html {
  const groups = findingsByRule(
    server.tools.map((tool) => tool.definition.name),
    verdictsFor(server).tools,
  );
  if (groups.length === 0) return html``;
  return html`<h2 id="findings">Findings</h2><ul class="findings">${each(
    groups,
    (group) =>
      html`<li class="finding severity-${group.severity}"><strong>${group.severity}</strong> ${ruleLink(group.rule)} in ${plural(group.tools.length, 'tool')}: ${each(
        group.tools.slice(0, TOOLS_NAMED),
        (tool, index) => html`${index > 0 ? ', ' : ''}<a href="${toolUrl(server.id, tool)}">${tool}</a>`,
      )}${group.tools.length > TOOLS_NAMED ? html` and ${(group.tools.length - TOOLS_NAMED).toLocaleString('en-US')} more` : ''}</li>`,
  )}</ul>`;
}
