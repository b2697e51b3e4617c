// A rule id as a link to its page (/rules/<id>/): every piece of evidence, finding and hint on a tool
// or server page cites its rule this way. The link is the id itself (the style sheet sets it in the
// code face), with no <code> around it: a tool page shows a dozen of them and has a 30 KB budget.
// The hint table links what a rule matched instead, since the evidence table above names the rules.
import { emittableRule } from '../../classify/rule-catalog';
import { html, type Html } from '../html';

/** The page of a rule; ids are the classifier's own (dots, letters, hyphens), never crawled text. */
export function ruleUrl(id: string): string {
  return `/rules/${id}/`;
}

/** The id linked to its page, or as plain code when no page exists for it (an id this build does not know). */
export function ruleLink(id: string): Html {
  return emittableRule(id) ? html`<a href="${ruleUrl(id)}">${id}</a>` : html`<code>${id}</code>`;
}

/** What a rule matched (already quoted), linked to the rule's page; plain text when there is no page. */
export function ruleMatchLink(id: string, matched: string): Html {
  return emittableRule(id) ? html`<a href="${ruleUrl(id)}">${matched}</a>` : html`${matched}`;
}
