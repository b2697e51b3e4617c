// The words around a tool's policy snippets: that a one-tool snippet blocks the server's other tools
// and how to merge it, and which arguments to constrain, with templates. Markup from the `html`
// template; the advice itself is src/policy/arguments.ts.
import type { ArgumentAdvice } from '../../policy/arguments';
import { codeSpans } from '../policy-setup';
import { each, html, type Html } from '../html';

/** Text whose backticks mark code, as markup (every part escaped). */
export function withCode(text: string): Html {
  return html`${each(codeSpans(text), (part) => (part.code ? html`<code>${part.text}</code>` : html`${part.text}`))}`;
}

/** Above a tool's snippets: pasted alone they block every other tool of the server, and how to merge. */
export function oneToolPolicyNote(serverName: string, serverPolicyUrl: string): Html {
  return html`<p class="note">Pasted alone, the hosted JSON and Intercept policies below block every other tool of ${serverName}: they are <code>default: deny</code> and list only this tool. For the whole server, use <a href="${serverPolicyUrl}">the server's policy</a>, which already has this tool's entry. To add this tool to a policy of your own, copy its entry under <code>tools</code> (and its line in <code>hide</code>, if it has one) into your policy's; in Claude Code, copy its rule into the same list of your settings.</p>`;
}

/** The sentence with its parameter as code; only the parameter is marked (tool and server names are the author's text). */
function sentenceMarkup(entry: ArgumentAdvice): Html {
  const at = entry.sentence.indexOf(entry.parameter);
  if (at < 0) return html`${entry.sentence}`;
  return html`${entry.sentence.slice(0, at)}<code>${entry.parameter}</code>${entry.sentence.slice(at + entry.parameter.length)}`;
}

/** The arguments that choose what a call reaches, each with its constraint per format, as templates. */
export function argumentAdviceSection(advice: readonly ArgumentAdvice[]): Html {
  if (advice.length === 0) return html``;
  return html`<h3 id="arguments">Arguments to constrain</h3><p class="muted">The constraints are templates: replace the example value (example.com, your-org, /srv/project) with yours before use.</p>${each(
    advice,
    (entry) =>
      html`<div class="advice"><p>${sentenceMarkup(entry)}</p><details><summary>Constrain <code>${entry.parameter}</code></summary><p>Intercept: add this rule to the tool's <code>rules</code>.</p><pre><code class="language-yaml">${entry.intercept.text}</code></pre><p>${entry.hosted.text}${
        entry.hosted.fragment ? html` <code>${entry.hosted.fragment}</code>` : ''
      }</p><p>${entry.claude}</p><p class="muted">${entry.caveat}</p></details></div>`,
  )}`;
}
