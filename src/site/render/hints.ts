// The declared | inferred | agree? table of a tool page and the server page's count of what is
// declared and inferred (src/site/hints.ts gathers both).
import { each, html, type Html } from '../html';
import { plural, shorten } from '../format';
import { HINT_DEFAULTS, type HintRow, type ServerHintSummary } from '../hints';
import { ruleMatchLink } from './rule-link';

/** Where the method page explains the inferred annotations. */
export const HINTS_METHOD_URL = '/method/#inferred-annotations';

/** Evidence shown per hint: the first rules, each with a short span of what it matched (the table stays small). */
const EVIDENCE_SHOWN = 2;
const MATCH_SHOWN = 40;

function inferredCell(row: HintRow): Html {
  if (row.inferred === null) return html`<span class="muted">${row.inferredNote === 'read-only' ? 'no meaning (read-only)' : 'cannot tell'}</span>`;
  return html`${String(row.inferred)}${
    row.evidence.length > 0
      ? html`<div class="muted">${each(row.evidence.slice(0, EVIDENCE_SHOWN), (item, index) => html`${index > 0 ? '; ' : ''}${ruleMatchLink(item.rule, `“${shorten(item.match, MATCH_SHOWN)}”`)}`)}</div>`
      : ''
  }`;
}

/** What the inferred side of each hint follows, said where the author's value differs (the spec's wording, read from the text). */
const SPEC_READING: Record<HintRow['hint'], string> = {
  readOnlyHint: 'the inferred one is whether the text says the tool only reads (category Read)',
  destructiveHint: 'the inferred one follows the spec\'s wording: any non-additive update, such as an update in place, a stop or a delete, is destructive',
  idempotentHint: 'the inferred one follows the spec\'s wording: a call is idempotent when repeating it with the same arguments has no further effect',
  openWorldHint: 'the inferred one is true only when the text says the tool reaches the web, mail or other people, and false when its world is the one service it acts on',
};

/** The tool page's table: what the author declares, what the text says by the spec's wording, and whether they agree. */
export function hintTable(rows: readonly HintRow[]): Html {
  const disagreements = rows.filter((row) => row.agreement === 'disagree');
  const declaresNone = rows.every((row) => row.declared === undefined);
  return html`<div class="table-wrap"><table class="hints"><thead><tr><th>Hint</th><th>Declared (author)</th><th>Inferred (MCP spec)</th><th>Agree?</th></tr></thead><tbody>${each(
    rows,
    (row) =>
      html`<tr><td><code>${row.hint}</code></td>${row.declared === undefined ? html`<td class="muted">not declared (default ${String(HINT_DEFAULTS[row.hint])})</td>` : html`<td>${String(row.declared)}</td>`}<td>${inferredCell(row)}</td>${
        row.agreement === 'disagree' ? html`<td><strong>no</strong></td>` : row.agreement === 'agree' ? html`<td>yes</td>` : html`<td class="muted">-</td>`
      }</tr>`,
  )}</tbody></table></div><p class="muted">${
    disagreements.length > 0
      ? html`They disagree on ${each(disagreements, (row, index) => html`${index > 0 ? ', ' : ''}<code>${row.hint}</code>`)}. The author's value follows the author's own reading of the hint; ${each(
          disagreements,
          (row, index) => html`${index > 0 ? '; ' : ''}for <code>${row.hint}</code>, ${SPEC_READING[row.hint]}`,
        )}, read from the tool's text alone. `
      : declaresNone
        ? html`The inferred values are what the tool's own text gives by the spec's wording, for a client that has no declared hint to go on. `
        : ''
  }<a href="${HINTS_METHOD_URL}">How hints are inferred</a>.</p>`;
}

/** The server page's summary: how many tools declare nothing, and what the catalog infers for the server's tools. */
export function serverHintSummaryNote(summary: ServerHintSummary): Html {
  if (summary.tools === 0) return html``;
  const { inferred } = summary;
  const changing = inferred.readOnlyHint.false;
  return html`<p class="muted">${
    summary.declareNone === summary.tools ? html`No tool declares annotations.` : html`${plural(summary.declareNone, 'tool')} of ${summary.tools.toLocaleString('en-US')} declare${summary.declareNone === 1 ? 's' : ''} no annotations.`
  } Inferred from the tools' text by the MCP spec's wording: ${inferred.readOnlyHint.true.toLocaleString('en-US')} read-only, ${changing.toLocaleString('en-US')} changing state (${inferred.destructiveHint.true.toLocaleString('en-US')} of them destructive, ${inferred.idempotentHint.true.toLocaleString('en-US')} idempotent), ${inferred.openWorldHint.true.toLocaleString('en-US')} open world${
    inferred.readOnlyHint.none > 0 ? html`; ${plural(inferred.readOnlyHint.none, 'tool')} cannot be told` : ''
  }.${summary.disagree > 0 ? html` On ${plural(summary.disagree, 'tool')} a declared hint and the inferred one disagree (each tool's page says which).` : ''} <a href="${HINTS_METHOD_URL}">How hints are inferred</a>.</p>`;
}
