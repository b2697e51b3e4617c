// The computed parts of the method pages (src/content/method/*.mdx): the tables and lists whose rows and
// numbers are read from the code that uses them (the classifier's confidence values and default risks,
// the taxonomy, src/policy/table.ts), so the prose around them cannot drift from what the pages it
// explains were computed with. The MDX pages place them with <MethodPart name="..." />.
import { CONFIDENCE, DEFAULT_RISK } from '../../classify';
import { AMOUNT_CAP, DECISION_TABLE, SERVER_CALL_LIMIT, SERVER_CALL_LIMIT_REASON, describeLimits, type TableRow } from '../../policy';
import { each, html, type Html } from '../html';
import { CATEGORIES, CATEGORY_MEANING, LABELS, LABEL_MEANING, LABEL_TITLE, RISKS, RISK_MEANING, categoryUrl, labelUrl, riskUrl } from '../taxonomy';

const percent = (value: number) => `${Math.round(value * 100)}%`;

/** When a decision-table row applies, in words. */
export function describeCondition(row: TableRow): string {
  const { when } = row;
  const parts: string[] = [];
  if (when.category) parts.push(`category ${when.category.join(', ')}`);
  if (when.riskAtLeast) parts.push(when.riskAtLeast === 'Critical' ? 'risk Critical' : `risk ${when.riskAtLeast} or above`);
  if (when.riskBelow) parts.push(`risk below ${when.riskBelow}`);
  if (when.label) parts.push(`label ${when.label}`);
  if (when.amountParameter !== undefined) parts.push(when.amountParameter ? 'has an amount parameter' : 'no amount parameter');
  if (when.exfiltrationTriangle) parts.push('its server has an exfiltration triangle');
  if (when.insufficientInformation) parts.push('insufficient information');
  return parts.join('; ');
}

/** What a decision-table row does, in words. */
export function describeEffect(row: TableRow): string {
  const { then } = row;
  const parts: string[] = [];
  if (then.access) parts.push(then.access);
  if (then.limit) parts.push(describeLimits([then.limit]));
  if (then.amountCap) parts.push(`amount at most ${AMOUNT_CAP.perCall} a call and ${AMOUNT_CAP.perDay} a day`);
  if (then.approval) parts.push('approval');
  return parts.join(', ');
}

/** The confidence values in the order a verdict meets them, each with when it applies. */
export const CONFIDENCE_ROWS: ReadonlyArray<readonly [number | string, string]> = [
  [CONFIDENCE.agree, "The verb of the name and the lead verb of the description give the same category."],
  [CONFIDENCE.nameOnly, "Only the name's verb decides, or the name and the description disagree and the more severe category wins."],
  [CONFIDENCE.phrase, 'A strong phrase or parameter shape of the opening sentence (deletes, runs code, moves money) raised the category: at least this.'],
  [CONFIDENCE.descriptionOnly, "Only the description's lead verb decides."],
  [CONFIDENCE.qualifier, 'A qualifier made it Read: the tool is limited to reading, or its opening says it returns guidance: at least this.'],
  [CONFIDENCE.annotation, "The author's annotation decided: readOnlyHint: true for a tool the text left as Other, or readOnlyHint: false."],
  [CONFIDENCE.weakRead, 'Nothing but a weak hint of reading.'],
  [CONFIDENCE.sibling, 'The tool says nothing of itself; every other tool of its server (or of its name\'s family) is Read, or every one is Write, and it is taken to be the same.'],
  [CONFIDENCE.nothing, 'Nothing says what a call does: the category is Other, with insufficient information.'],
  [`+${percent(CONFIDENCE.annotationConfirms)}`, 'When readOnlyHint: true confirms a Read verdict.'],
];

/** The categories, each linked to its listing, with what a call of each does. */
export function categoryFacts(): Html {
  return html`<dl class="facts">${each(CATEGORIES, (category) => html`<dt><a href="${categoryUrl(category)}">${category}</a></dt><dd>A call ${CATEGORY_MEANING[category]}.</dd>`)}</dl>`;
}

/** The risk classes with their meaning and the categories each is the default of (DEFAULT_RISK). */
export function riskTable(): Html {
  return html`<div class="table-wrap"><table><thead><tr><th scope="col">Risk</th><th scope="col">Meaning</th><th scope="col">Default for</th></tr></thead><tbody>${each(
    RISKS,
    (risk) =>
      html`<tr><td><a href="${riskUrl(risk)}">${risk}</a></td><td>${RISK_MEANING[risk]}</td><td>${CATEGORIES.filter((category) => DEFAULT_RISK[category] === risk).join(', ') || '(a raised class only)'}</td></tr>`,
  )}</tbody></table></div>`;
}

export function confidenceTable(): Html {
  return html`<div class="table-wrap"><table><thead><tr><th scope="col">Confidence</th><th scope="col">When</th></tr></thead><tbody>${each(
    CONFIDENCE_ROWS,
    ([value, when]) => html`<tr><td>${typeof value === 'number' ? percent(value) : value}</td><td>${when}</td></tr>`,
  )}</tbody></table></div>`;
}

export function labelFacts(): Html {
  return html`<dl class="facts">${each(LABELS, (label) => html`<dt><a href="${labelUrl(label)}">${LABEL_TITLE[label]}</a></dt><dd>The tool ${LABEL_MEANING[label]}.</dd>`)}</dl>`;
}

/** The decision table's category rows or modifier rows (src/policy/table.ts). */
export function decisionTable(kind: TableRow['kind']): Html {
  return html`<div class="table-wrap"><table><thead><tr><th scope="col">Row</th><th scope="col">When</th><th scope="col">Then</th><th scope="col">Why</th></tr></thead><tbody>${each(
    DECISION_TABLE.filter((row) => row.kind === kind),
    (row) => html`<tr><td><code>${row.id}</code></td><td>${describeCondition(row)}</td><td>${describeEffect(row)}</td><td>${row.reason}</td></tr>`,
  )}</tbody></table></div>`;
}

export function serverLimitNote(): Html {
  return html`<p id="server-limit">Every server policy also limits all of the server's tools together to ${describeLimits([SERVER_CALL_LIMIT])}. ${SERVER_CALL_LIMIT_REASON}</p>`;
}

/** The parts an MDX method page can place by name. */
export const METHOD_PARTS = {
  categories: categoryFacts,
  risks: riskTable,
  confidence: confidenceTable,
  labels: labelFacts,
  'decision-category': () => decisionTable('category'),
  'decision-modifier': () => decisionTable('modifier'),
  'server-limit': serverLimitNote,
} as const satisfies Record<string, () => Html>;

export type MethodPartName = keyof typeof METHOD_PARTS;

/** Where a method page (an entry of src/content/method/) is served: the overview at /method/, the data page at /data/. */
export function methodPageUrl(id: string): string {
  return id === 'index' ? '/method/' : id === 'data' ? '/data/' : `/method/${id}/`;
}

/** The method pages' menu, in their front matter's order; the current page is marked, not linked. */
export function methodNav(pages: ReadonlyArray<{ id: string; title: string; menu?: string | undefined; order: number }>, current: string): Html {
  const sorted = [...pages].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
  return html`<nav class="method-nav" aria-label="Method"><ul>${each(sorted, (page) => {
    const name = page.menu ?? page.title;
    return page.id === current ? html`<li><strong aria-current="page">${name}</strong></li>` : html`<li><a href="${methodPageUrl(page.id)}">${name}</a></li>`;
  })}<li><a href="/rules/">Rules</a></li></ul></nav>`;
}
