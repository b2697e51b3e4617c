// The method page (/method/): how a category, a risk class and a confidence are decided, what findings and
// the exfiltration triangle are, and the policy decision table. The numbers and rows are read from the
// code that uses them (the classifier's confidence values and default risks, src/policy/table.ts), so
// the page cannot drift from what the pages it explains were computed with. Text follows docs/classifier.md
// and docs/policies.md. Other pages link to the anchors of render/context.ts's METHOD_ANCHORS.
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

export function methodPageBody(): Html {
  const categoryRows = DECISION_TABLE.filter((row) => row.kind === 'category');
  const modifierRows = DECISION_TABLE.filter((row) => row.kind === 'modifier');
  const table = (rows: readonly TableRow[]) =>
    html`<div class="table-wrap"><table><thead><tr><th scope="col">Row</th><th scope="col">When</th><th scope="col">Then</th><th scope="col">Why</th></tr></thead><tbody>${each(
      rows,
      (row) => html`<tr><td><code>${row.id}</code></td><td>${describeCondition(row)}</td><td>${describeEffect(row)}</td><td>${row.reason}</td></tr>`,
    )}</tbody></table></div>`;
  return html`<h1>Method</h1><p class="lead">How each tool gets its category, risk class, confidence and findings, and how a verdict becomes a gateway policy. Every verdict on this site lists the rules that fired and the text they matched; this page explains what those mean. The classifier's measured accuracy is on the <a href="/data/#accuracy">data page</a>.</p>
<h2 id="category">Category</h2><p>A tool's category is the worst thing one call can do. The tool's name is split into words once (camelCase, acronyms, <code>_ - . / :</code>); the part after the last namespace separator is the action, and its verb is the name's first word, its last (<code>acr_registry_list</code>), or the word after a vendor prefix (<code>slack_list_channels</code>). The description's lead verb is the first verb of its opening. Verb rules vote from the name and from the description; the more severe of the two wins (a lead verb more than six words in does not overrule the name). Strong phrases of the description's opening sentence, and parameter shapes, may escalate it (a tool that can also delete, runs arbitrary code, or moves money); a tool limited to reading, or one that returns guidance about an action, is Read; "cannot be undone" makes a Write tool Destructive. With nothing to go on the category is Other, with insufficient information.</p><dl class="facts">${each(
    CATEGORIES,
    (category) => html`<dt><a href="${categoryUrl(category)}">${category}</a></dt><dd>A call ${CATEGORY_MEANING[category]}.</dd>`,
  )}</dl>
<h2 id="annotations">Annotations</h2><p>Annotations are the server author's claims. A claim that raises risk (<code>destructiveHint: true</code>, <code>readOnlyHint: false</code>) is taken; <code>readOnlyHint: true</code> settles only a tool its text left as Read or Other. Contradictions (a delete tool marked read-only, read-only and destructive at once, a delete marked not destructive) are reported as annotation findings.</p>
<h2 id="inferred-annotations">Inferred annotations</h2><p>Beside the category, each tool gets the MCP spec's four hints as its own text gives them, read by the spec's wording, never from what the author declared: <code>readOnlyHint</code> is true for category Read; <code>destructiveHint</code> is true when a call may perform a non-additive update (overwrite, update in place, delete, stop, revoke, run, pay) and false when it only adds (create, add, send); <code>idempotentHint</code> is true when repeating a call with the same arguments changes nothing more (set, delete, stop) and false when each call adds or acts again; the two mean nothing for a read-only tool. <code>openWorldHint</code> is true when a rule finds the web, mail or other people in the tool's text, else false (its world is the service it acts on). Each value names the rules that decided it; a hint the text cannot tell is left out, and a client then assumes the spec's default. So a plain update is category Write (it can be changed back) but <code>destructiveHint: true</code>. The <em>destructive</em> capability label is narrower: the tool's own operation can delete or overwrite. A tool page shows the author's value and the inferred one side by side and says where they disagree: the author follows their own reading of the hint, the catalog the spec's; the <a href="/data/#inferred-annotations">data page</a> measures how often they agree, and how often they could.</p>
<h2 id="risk">Risk class</h2><p>The risk class is the category's default, raised by at most one class for a reason the evidence names: a Read tool that returns credentials, a Write or Other tool that acts on permissions or access control, a tool whose author declares it destructive.</p><div class="table-wrap"><table><thead><tr><th scope="col">Risk</th><th scope="col">Meaning</th><th scope="col">Default for</th></tr></thead><tbody>${each(
    RISKS,
    (risk) =>
      html`<tr><td><a href="${riskUrl(risk)}">${risk}</a></td><td>${RISK_MEANING[risk]}</td><td>${CATEGORIES.filter((category) => DEFAULT_RISK[category] === risk).join(', ') || '(a raised class only)'}</td></tr>`,
  )}</tbody></table></div>
<h2 id="confidence">Confidence</h2><p>Confidence says how directly the tool's own words decided its category, not how likely the verdict is to be right (that is measured: see the <a href="/data/#accuracy">accuracy figures</a>). It is set by what decided the category:</p><div class="table-wrap"><table><thead><tr><th scope="col">Confidence</th><th scope="col">When</th></tr></thead><tbody>${each(
    CONFIDENCE_ROWS,
    ([value, when]) => html`<tr><td>${typeof value === 'number' ? percent(value) : value}</td><td>${when}</td></tr>`,
  )}</tbody></table></div>
<h2 id="labels">Capability labels</h2><dl class="facts">${each(LABELS, (label) => html`<dt><a href="${labelUrl(label)}">${LABEL_TITLE[label]}</a></dt><dd>The tool ${LABEL_MEANING[label]}.</dd>`)}</dl>
<h2 id="findings">Findings and tool poisoning</h2><p>A poisoning finding says that a tool's definition speaks to the model instead of describing the tool: instruction tags such as <code>&lt;IMPORTANT&gt;</code>, "ignore previous instructions", asking to hide something from the user, secret paths (<code>~/.ssh/id_rsa</code>, <code>.env</code>), instructions about other tools, requests for the conversation or for secrets, parameters shaped to carry data out (<code>sidenote</code>, <code>debug</code>), and invisible or bidirectional Unicode. Each finding names its rule, the field, the exact matched text (hidden characters shown as <code>⟨U+XXXX⟩</code>) and where it starts. Legitimate tools use the same words while documenting themselves, so each rule draws a line (a public key is not a secret path; a placeholder is not an instruction tag); a finding is for a reader to judge. Annotation findings are the contradictions above, shown apart.</p><p><a href="/findings/poisoning/">Tools with poisoning findings</a></p>
<h2 id="exfiltration-triangle">Exfiltration triangle</h2><p>A server has an exfiltration triangle when its tools together read private data, ingest untrusted content and can send data out (possibly three different tools). An instruction hidden in the untrusted content can then make an agent read the private data and send it out, all through that one server. Its outward tools get a lower limit and approval in the policy.</p><p><a href="/servers/exfiltration-triangle/">Servers with an exfiltration triangle</a></p>
<h2 id="decision-table">From verdict to policy: the decision table</h2><p>One category row applies to every tool; any number of modifier rows add to it. When rows combine, the strictest access wins (hide &gt; deny &gt; allow), the lowest limit per window wins, and approval is added if any row asks for it. Approval exists only where the client can ask a person (Claude Code's <code>ask</code>); a gateway enforces the limits instead.</p><h3>Category rows</h3>${table(categoryRows)}<h3>Modifier rows</h3>${table(modifierRows)}<p id="server-limit">Every server policy also limits all of the server's tools together to ${describeLimits([SERVER_CALL_LIMIT])}. ${SERVER_CALL_LIMIT_REASON}</p>`;
}
