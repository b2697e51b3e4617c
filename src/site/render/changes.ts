// What a page shows of a tool change: the word diff of its description, the verdict before and after,
// and the rug-pull flag of a tool page. Descriptions are crawled text: every string goes through the
// `html` template. The diff reads without colour: removals are [-…-], additions {+…+} (git's word diff).
import type { Server } from '../../schema';
import { changeVerdicts, rugPullOf, type ChangeRef } from '../changes';
import { serverUrl } from '../catalog';
import { formatDate, revealHidden, shorten } from '../format';
import { each, html, type Html } from '../html';
import { compactDiff } from '../text-diff';
import { changeList, riskBadges } from './parts';

const countChars = (chars: number) => `${chars.toLocaleString('en-US')} character${chars === 1 ? '' : 's'}`;

/** A compact word diff of two descriptions, with a legend. */
export function descriptionDiff(before: string, after: string): Html {
  const { parts, changes, shownChanges } = compactDiff(before, after);
  const more = (chars: number | undefined) => (chars ? ` … (${countChars(chars)} more)` : '');
  return html`<p class="diff">${each(parts, (part) =>
    part.kind === 'gap'
      ? html`<span class="gap" title="unchanged text left out">…</span>`
      : part.kind === 'same'
        ? html`${revealHidden(part.text)}`
        : part.kind === 'del'
          ? html`<del>[-${revealHidden(part.text)}${more(part.more)}-]</del>`
          : html`<ins>{+${revealHidden(part.text)}${more(part.more)}+}</ins>`,
  )}</p><p class="muted legend">[-removed-] {+added+}${shownChanges < changes ? `; ${changes - shownChanges} more changes not shown` : ''}.</p>`;
}

/** The verdicts either side of a change, in one line. */
function verdictLine(change: ChangeRef): Html {
  const { before, after } = changeVerdicts(change);
  if (change.change === 'removed') return before ? html`<p>Its verdict when removed: ${riskBadges(before.category, before.risk)}</p>` : html``;
  if (!before || !after) return html``;
  if (before.category === after.category && before.risk === after.risk) return html`<p>Verdict unchanged: ${riskBadges(after.category, after.risk)}</p>`;
  return html`<p>Verdict before: ${riskBadges(before.category, before.risk)} now: ${riskBadges(after.category, after.risk)}</p>`;
}

/** What changed, for a changed or removed tool: the diff, the verdicts, or plainly that the earlier text was not kept. */
export function changeDetails(change: ChangeRef): Html {
  if (change.change === 'added') return html``;
  if (change.kept === false) {
    return html`<p class="muted">The earlier definition was not kept (this change was recorded before the catalog kept what a change replaced), so what changed cannot be shown.</p>`;
  }
  const next = change.next && change.next !== 'unknown' ? change.next : undefined;
  const description =
    change.change === 'changed' && change.fields?.includes('description') && change.previousDescription !== 'unknown' && next
      ? descriptionDiff(change.previousDescription ?? '', next.description ?? '')
      : change.change === 'removed' && typeof change.previousDescription === 'string'
        ? html`<p class="diff">Its description: ${shorten(change.previousDescription, 400)}</p>`
        : html``;
  const partial = change.omitted?.length
    ? html`<p class="muted">The earlier ${change.omitted.join(', ')} ${change.omitted.length === 1 ? 'was' : 'were'} too long to keep, so ${
        change.omitted.includes('description') ? 'the description diff and ' : ''
      }the verdict before cannot be shown.</p>`
    : change.previous === 'unknown'
      ? html`<p class="muted">A later change of this tool was recorded without its earlier definition, so the definitions around this one are not known.</p>`
      : html``;
  return html`${description}${verdictLine(change)}${partial}`;
}

/** The flag of a tool whose description changed after the catalog first saw it, linking to that change. */
export function rugPullFlag(server: Server, tool: string): Html {
  const pull = rugPullOf(server, tool);
  if (!pull) return html``;
  return html`<p class="note rug-pull" role="note"><strong>Its description changed after it was first seen</strong> (changed ${formatDate(pull.at)}${
    pull.firstSeen ? `; first seen ${formatDate(pull.firstSeen)}` : ''
  }): <a href="${`${serverUrl(server.id)}#${pull.anchor}`}">see what changed</a>. A tool approved once can change what it tells the agent without anyone approving it again.</p>`;
}

/** The links between the change pages: every kind, each kind, and where a server's own history is. */
export function changeKindNav(current: ChangeRef['change'] | undefined): Html {
  const link = (kind: ChangeRef['change'] | undefined, label: string) =>
    kind === current ? html`<strong aria-current="page">${label}</strong>` : html`<a href="${kind ? `/changes/${kind}/` : '/changes/'}">${label}</a>`;
  return html`<nav class="change-kinds" aria-label="Kinds of change">${link(undefined, 'All')} · ${link('added', 'Added')} · ${link('changed', 'Changed')} · ${link('removed', 'Removed')}</nav>`;
}

/** The servers in a list of changes, each linking to its page's own complete history: the filter by server. */
export function changeServers(changes: readonly ChangeRef[]): Html {
  const servers = new Map<string, { name: string; count: number }>();
  for (const change of changes) {
    const entry = servers.get(change.server) ?? { name: change.serverName, count: 0 };
    entry.count += 1;
    servers.set(change.server, entry);
  }
  if (servers.size === 0) return html``;
  return html`<details class="change-servers"><summary>By server (${servers.size})</summary><p class="muted">Each server's page lists its whole history.</p><ul>${each(
    [...servers].sort((a, b) => b[1].count - a[1].count || (a[1].name < b[1].name ? -1 : 1)),
    ([id, entry]) => html`<li><a href="${`${serverUrl(id)}#history`}">${entry.name}</a> (${entry.count})</li>`,
  )}</ul></details>`;
}

const KIND_INTRO: Record<ChangeRef['change'], string> = {
  added: 'Tools that appeared on a server collected again.',
  changed: 'Tools whose definition changed, with what changed: the description word by word and the verdict before and now.',
  removed: 'Tools a server no longer offers, with the verdict they had.',
};

/** The body of /changes/ (every kind) and /changes/<kind>/: a bounded list of the newest changes, each with what changed. */
export function changesPageBody(kind: ChangeRef['change'] | undefined, changes: readonly ChangeRef[], limit: number): Html {
  return html`<h1>${kind ? `Recent changes: ${kind}` : 'Recent changes'}</h1>${changeKindNav(kind)}<p>${kind ? `${KIND_INTRO[kind]} ` : ''}The newest ${limit} ${
    kind ? `${kind} tools` : 'changes to tool definitions'
  }, found when a server is collected again. A tool whose description changes after it was first seen can change what an agent does without anyone approving it again (a "rug pull"). Subscribe: <a href="/changes.xml">Atom feed</a>.</p>${changeServers(
    changes,
  )}${changeList(changes, kind ? `No ${kind} tools recorded yet.` : undefined, changeDetails)}`;
}
