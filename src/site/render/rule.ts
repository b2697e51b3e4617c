// The bodies of /rules/ and /rules/<id>/ from their page models (src/site/rule-page.ts). Examples and
// patterns are shown as inert text: the examples include the poisoning payloads the rules must catch.
import { each, html, type Html } from '../html';
import { plural, revealHidden, shorten } from '../format';
import type { ExampleView, MatcherLine, RulePageModel, ruleIndexModel } from '../rule-page';
import { RULE_EXAMPLES_SHOWN } from '../rule-fires';
import { toolTable, TEXT_LIMITS } from './parts';
import { ruleUrl } from './rule-link';

function matcherLine(line: MatcherLine): Html {
  const value =
    'words' in line
      ? html`<ul class="words">${each(line.words, (word) => html`<li><code>${revealHidden(word)}</code></li>`)}</ul>`
      : 'pattern' in line
        ? html`<pre class="pattern"><code>${line.pattern}</code></pre>`
        : html`${line.text}`;
  return html`<dt>${line.label}</dt><dd>${value}</dd>`;
}

function exampleItem(example: ExampleView): Html {
  const shown = (text: string) => revealHidden(shorten(text, TEXT_LIMITS.match));
  return html`<li><code>${revealHidden(example.name)}</code>${example.title !== undefined ? html` <span class="muted">title</span> “${shown(example.title)}”` : ''}${
    example.description !== undefined ? (example.description === '' ? html` <span class="muted">(empty description)</span>` : html` “${shown(example.description)}”`) : ''
  }${
    example.parameters.length > 0
      ? html`<div class="muted">${each(
          example.parameters,
          (parameter, index) =>
            html`${index > 0 ? '; ' : ''}parameter <code>${revealHidden(parameter.name)}</code>${parameter.description !== undefined ? html` “${shown(parameter.description)}”` : ''}${
              parameter.values ? html` one of ${parameter.values.join(', ')}` : ''
            }`,
        )}</div>`
      : ''
  }${example.annotations ? html`<div class="muted">annotations ${example.annotations}</div>` : ''}</li>`;
}

function firesSection(model: RulePageModel): Html {
  const { fires } = model;
  if (fires.tools === 0) {
    return html`<p>It fires on no tool of the catalog: its examples above are what it is for.</p>`;
  }
  return html`<p>Cited by the verdicts of <strong>${plural(fires.tools, 'tool')}</strong> on ${plural(fires.servers, 'server')} of the catalog.${
    fires.tools > fires.examples.length ? html` ${RULE_EXAMPLES_SHOWN} of them, one per tool name, chosen by content hash (the same ones at every build of the same data):` : ''
  }</p>${toolTable(fires.examples)}`;
}

export function rulePageBody(model: RulePageModel): Html {
  const { rule } = model;
  return html`<article><header><p class="muted"><a href="/rules/">Rules</a> · ${model.kindTitle}</p><h1><code>${rule.id}</code></h1><p class="lead">${rule.explanation}</p></header>
<h2 id="matches">What it matches</h2><dl class="matcher">${each(model.matcher, matcherLine)}</dl>
<h2 id="concludes">What it concludes</h2><ul>${each(
    model.conclusions,
    (conclusion) => html`<li>${conclusion.href ? html`<a href="${conclusion.href}"><code>${conclusion.text}</code></a>` : html`<code>${conclusion.text}</code>`}${conclusion.meaning ? html`: ${conclusion.meaning}` : ''}</li>`,
  )}</ul>${rule.weight !== undefined ? html`<p>Weight ${rule.weight}${rule.weight >= 3 ? ': a verb of the name, or an HTTP method, the strongest evidence' : rule.weight === 2 ? ': a lead verb of the description or a strong phrase of its opening, which may raise the category' : ': a hint, which fills a gap or adds a label'}.</p>` : ''}${
    model.hints.length > 0 ? html`<p>What a match says of the MCP spec's behaviour hints: ${model.hints.join(', ')} (<a href="/method/#inferred-annotations">how hints are inferred</a>).</p>` : ''
  }
<h2 id="examples">Examples</h2>${
    model.examples
      ? html`<p>The classifier's tests run every one of these: the rule must fire on the first list and stay quiet on the second.</p><h3>Fires on</h3><ul class="examples">${each(model.examples.fires, exampleItem)}</ul><h3>Stays quiet on</h3><ul class="examples">${each(model.examples.quiet, exampleItem)}</ul>`
      : html`<p>It is decided from a whole server or from declared annotations rather than from a tool's words, so its examples are the catalog tools below; the classifier's server and annotation tests cover it.</p>`
  }
<h2 id="catalog">In the catalog</h2>${firesSection(model)}</article>`;
}

export function ruleIndexBody(groups: ReturnType<typeof ruleIndexModel>): Html {
  const total = groups.reduce((sum, group) => sum + group.rules.length, 0);
  return html`<h1>Rules</h1><p class="lead">Every rule the classifier can cite on a tool page, ${plural(total, 'rule')} in all, grouped by what it reads, each with the number of catalog tools whose verdict cites it. Each rule's page shows what it matches, what it concludes, the examples it is tested on and the tools it fires on. <a href="/method/">How a verdict is made from them</a>.</p>${each(
    groups,
    (group) =>
      html`<h2 id="${group.kind}">${group.title}</h2><p>${group.about}</p><ul class="rule-list">${each(
        group.rules,
        (rule) => html`<li><a href="${ruleUrl(rule.id)}">${rule.id}</a> <span class="muted">${plural(rule.tools, 'tool')}</span><div>${rule.explanation}</div></li>`,
      )}</ul>`,
  )}`;
}
