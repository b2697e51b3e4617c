// Verb classes: the words that say what a call does. Each class becomes two rules, one for the verb of
// the tool's name (weight 3) and one for the lead verb of its description (weight 2).
import type { Conclusion, RuleHints } from '../types';

export interface VerbClass {
  /** Rule ids are `name.verb.<id>` and `description.verb.<id>`. */
  id: string;
  concludes: Conclusion;
  also?: readonly Conclusion[];
  verbs: readonly string[];
  explanation: string;
  /**
   * What the class says about the MCP spec's hints (both of its rules carry it). `qualifier:overwrite`
   * is kept for classes whose call deletes or overwrites what exists (it gives the `destructive` label);
   * a class that is non-additive in the spec's broader sense (update in place, stop, run, pay) says
   * so here instead, as `destructive: true`.
   */
  hints?: RuleHints;
}

export const verbClasses: readonly VerbClass[] = [
  {
    id: 'read',
    concludes: 'category:Read',
    explanation: 'retrieves, searches, lists, inspects or computes without changing anything',
    verbs: [
      'get', 'list', 'search', 'find', 'fetch', 'read', 'retrieve', 'query', 'describe', 'show', 'view', 'lookup',
      'look', 'browse', 'check', 'inspect', 'count', 'calculate', 'compute', 'analyze', 'analyse', 'summarize',
      'summarise', 'explain', 'estimate', 'compare', 'validate', 'verify', 'convert', 'translate', 'parse',
      'format', 'render', 'preview', 'download', 'export', 'scan', 'recommend', 'suggest', 'predict', 'detect',
      'diagnose', 'ping', 'echo', 'discover', 'explore', 'measure', 'audit', 'lint', 'diff', 'grep', 'tail',
      'peek', 'poll', 'wait', 'think', 'plan', 'reason', 'recall', 'is', 'has', 'can', 'generate', 'extract',
      'identify', 'resolve', 'locate', 'match', 'test', 'review', 'watch', 'monitor', 'evaluate', 'assess',
      'classify', 'provide', 'return', 'load', 'open', 'display', 'print', 'select', 'sample', 'visualize',
      'obtain', 'access', 'research', 'track', 'screenshot', 'capture', 'transcribe', 'decode', 'encode',
      'hash', 'sort', 'filter', 'aggregate', 'geocode', 'choose', 'pick', 'shuffle', 'roll', 'scrape', 'crawl', 'forecast', 'tell', 'answer', 'ask', 'learn', 'understand',
    ],
  },
  {
    id: 'create',
    concludes: 'category:Write',
    explanation: 'creates or sends something new, which adds to the state outside the caller',
    hints: { destructive: false, idempotent: false },
    verbs: [
      'create', 'add', 'insert', 'append', 'new', 'make', 'post', 'send', 'publish', 'upload', 'comment', 'reply',
      'submit', 'request', 'star', 'fork', 'follow', 'subscribe', 'invite', 'register', 'import', 'copy', 'clone',
      'duplicate', 'tag', 'label', 'mark', 'enable', 'start', 'resume', 'attach', 'link', 'share', 'book',
      'reserve', 'save', 'store', 'record', 'log', 'notify', 'schedule', 'assign', 'approve', 'accept', 'react',
      'like', 'vote', 'pin', 'bookmark', 'remember', 'memorize', 'push', 'commit', 'merge', 'sync', 'install',
      'provision', 'connect', 'login', 'authenticate', 'initialize', 'init', 'synthesize', 'pause', 'close',
      'archive', 'dismiss', 'activate', 'associate', 'resend', 'snapshot', 'boot', 'unmute', 'reopen', 'confirm', 'unresolve', 'unstar', 'unfollow', 'unsubscribe', 'hide', 'mute', 'email',
      'message', 'tweet', 'scroll', 'populate', 'split',
      'upvote', 'downvote', 'grant', 'transfer', 'emit', 'broadcast', 'announce', 'order',
    ],
  },
  {
    id: 'modify',
    concludes: 'category:Write',
    explanation: 'changes existing state in place (update, set, edit), which can be changed back',
    hints: { destructive: true, idempotent: true },
    verbs: [
      'update', 'set', 'edit', 'modify', 'change', 'rename', 'move', 'patch', 'configure', 'reconfigure', 'apply',
      'reorder', 'reprioritize', 'resize', 'scale', 'transition', 'toggle', 'lock', 'unlock', 'unassign', 'unlink',
      'protect', 'unprotect', 'renew', 'enroll', 'setup', 'reassign', 'relabel', 'retag', 'alter',
      'undelete', 'reindex', 'switch', 'customize', 'disassociate', 'upgrade', 'downgrade', 'unconfirm', 'repair', 'enhance',
      // Swapping cards, indexes or faces exchanges two things in place; a token swap is money (rules/money.ts).
      'swap', 'unmerge', 'snooze', 'postpone', 'reschedule', 'reauthorize',
      // `write` names an operation on something (`label_write`: "write operations on labels"), not an
      // overwrite; a write that replaces what is there says so (description.overwrite).
      'write',
    ],
  },
  {
    id: 'overwrite',
    concludes: 'category:Write',
    also: ['qualifier:overwrite'],
    explanation: 'replaces or overwrites existing state (replace, overwrite, upsert, restore), so what was there is lost',
    hints: { destructive: true, idempotent: true },
    verbs: ['replace', 'overwrite', 'upsert', 'put', 'restore', 'revert', 'rollback', 'rotate', 'rebuild', 'migrate', 'deallocate', 'power', 'regenerate', 'rebase', 'recycle', 'clean'],
  },
  {
    id: 'manage',
    concludes: 'category:Write',
    also: ['qualifier:overwrite'],
    explanation: 'manages something as a whole (one tool that creates, changes and removes it), so a call may replace or remove what exists',
    hints: { destructive: true },
    verbs: ['manage', 'administer', 'maintain'],
  },
  {
    id: 'interact',
    concludes: 'category:Write',
    explanation: 'acts in a live user interface (click, type, hover, navigate), where one action can submit, delete or buy anything the page offers',
    hints: { destructive: true, idempotent: false, openWorld: true },
    verbs: ['click', 'fill', 'type', 'press', 'drag', 'navigate', 'tap', 'dblclick', 'hover', 'swipe', 'go'],
  },
  {
    id: 'interrupt',
    concludes: 'category:Write',
    explanation: 'stops, cancels or disables something that is running or in use, which interrupts it',
    hints: { destructive: true, idempotent: true },
    verbs: [
      'cancel', 'stop', 'restart', 'reboot', 'shutdown', 'suspend', 'disable', 'deactivate', 'detach', 'abort',
      'halt', 'unpublish', 'unshare', 'block', 'ban', 'reject', 'deny', 'disconnect', 'logout', 'expire', 'freeze',
    ],
  },
  {
    id: 'destroy',
    concludes: 'category:Destructive',
    also: ['qualifier:overwrite'],
    explanation: 'deletes, destroys, revokes or terminates, which removes state that may not come back',
    hints: { destructive: true, idempotent: true },
    verbs: [
      'delete', 'remove', 'destroy', 'drop', 'purge', 'truncate', 'terminate', 'kill', 'revoke', 'wipe', 'erase',
      'clear', 'reset', 'prune', 'evict', 'flush', 'deprovision', 'decommission', 'uninstall', 'unregister',
      'rm', 'del', 'discard', 'trash', 'nuke', 'shred', 'rmdir', 'unset', 'empty',
    ],
  },
  {
    id: 'execute',
    concludes: 'category:Execute',
    explanation: 'runs code, commands, queries, jobs or deployments whose effect the tool itself does not fix',
    hints: { destructive: true, idempotent: false },
    verbs: [
      'run', 'execute', 'exec', 'eval', 'invoke', 'trigger', 'deploy', 'launch', 'spawn', 'dispatch', 'build',
      'compile', 'shell', 'bash', 'redeploy', 'rerun', 'call', 'script', 'automate', 'perform',
    ],
  },
  {
    id: 'financial',
    concludes: 'category:Financial',
    explanation: 'moves money or creates a financial obligation (payment, refund, trade, purchase)',
    hints: { destructive: true, idempotent: false },
    verbs: [
      'pay', 'refund', 'purchase', 'buy', 'sell', 'trade', 'withdraw', 'deposit', 'stake', 'unstake',
      'donate', 'tip', 'charge', 'invoice', 'checkout', 'bid', 'payout', 'remit', 'mint', 'borrow', 'lend',
      'repay',
    ],
  },
  {
    id: 'detach',
    concludes: 'category:Write',
    // Not additive in MCP's sense (destructiveHint): the link is gone until someone puts it back.
    also: ['qualifier:overwrite'],
    // Taking the same label off twice leaves the same state.
    hints: { destructive: true, idempotent: true },
    explanation: 'takes a link, label, mark or member off something (a label from an issue, a user from a group, a reaction), which can be put back',
    verbs: ['untag', 'unlabel', 'unpin', 'unwatch', 'unbookmark', 'unfavorite', 'unreact', 'untrash', 'unblock', 'unrepost', 'untaint', 'unflag'],
  },
  {
    id: 'reset-value',
    concludes: 'category:Write',
    also: ['qualifier:overwrite'],
    hints: { destructive: true, idempotent: true },
    explanation: 'clears a cache or a value that is rebuilt or set again (a cache, an input field, a selection), so nothing is lost',
    // Only through readings (see `clearedValueNouns`): clear, flush or purge are this class with such an object.
    verbs: [],
  },
];

/**
 * Objects whose removal takes a link off something instead of deleting a thing: `remove_label`,
 * "Remove a user from the group" (with `detachContainers`), "unset the reaction". Read by prepare.ts
 * for the verbs remove, unset, detach and unassign (their class is then `detach`).
 */
export const detachNouns: ReadonlySet<string> = new Set([
  'tag', 'tags', 'label', 'labels', 'member', 'members', 'membership', 'memberships', 'assignee', 'assignees', 'owner', 'owners',
  'permission', 'permissions', 'participant', 'participants', 'collaborator', 'collaborators', 'attendee', 'attendees', 'reviewer',
  'reviewers', 'watcher', 'watchers', 'follower', 'followers', 'friend', 'friends', 'link', 'links', 'relation', 'relations',
  'relationship', 'relationships', 'association', 'associations', 'assignment', 'assignments', 'dependency', 'dependencies',
  'annotation', 'annotations', 'taint', 'taints', 'protection', 'focus', 'delegate', 'delegates', 'bookmark', 'bookmarks', 'repost',
  'presence', 'reaction', 'reactions', 'emoji', 'like', 'likes', 'vote', 'votes', 'star', 'stars', 'pin', 'pins', 'favorite',
  'favorites', 'subscription', 'subscriptions', 'notification', 'notifications',
]);

/** Marks that are deleted the way they are removed (a reaction, a like, a subscription, a notification): `delete` of one is Write too. */
export const markNouns: ReadonlySet<string> = new Set([
  'reaction', 'reactions', 'emoji', 'like', 'likes', 'vote', 'votes', 'upvote', 'star', 'stars', 'pin', 'pins', 'subscription', 'subscriptions', 'notification', 'notifications',
]);

/** What something is removed from when it is taken out of a membership, not destroyed: "from the group", "from a playlist". */
export const detachContainers: ReadonlySet<string> = new Set([
  'group', 'groups', 'team', 'teams', 'list', 'lists', 'playlist', 'playlists', 'cart', 'channel', 'channels', 'segment', 'segments',
  'campaign', 'campaigns', 'cycle', 'release', 'initiative', 'board', 'card', 'case', 'favorites', 'backlog', 'whitelist', 'blacklist',
  'blocklist', 'allowlist', 'denylist', 'category', 'sprint', 'epic', 'milestone', 'organization', 'org', 'workspace', 'project',
  'issue', 'task', 'story', 'ticket', 'parent', 'user', 'role', 'library', 'chat', 'conversation', 'bookmarks', 'cache',
]);

/** Things a clear, flush, purge or reset empties without losing anything: a cache is rebuilt, a field or selection is set again. */
export const clearedValueNouns: ReadonlySet<string> = new Set([
  'cache', 'caches', 'cached', 'value', 'values', 'input', 'selection', 'formatting', 'highlight', 'highlights', 'presence', 'focus', 'console', 'field',
]);

/** Words before a gesture verb that put it in a live user interface (`browser_drop`, `page_clear`, "drag and drop"). */
export const gestureContext: ReadonlySet<string> = new Set(['browser', 'page', 'element', 'mouse', 'ui', 'drag', 'playwright', 'puppeteer']);

/** Running one of these reads and reports (`runAccessibilityAudit`, "Execute a quality gate report", `start_search`). */
export const readActivityNouns: ReadonlySet<string> = new Set([
  'audit', 'audits', 'report', 'reports', 'search', 'searches', 'lint', 'diagnostics', 'diagnosis', 'inspection', 'validation',
]);

/** Verbs of checking what an operation would do: a confirm or overwrite parameter of theirs describes that operation, not their own call. */
export const checkingVerbs: ReadonlySet<string> = new Set(['validate', 'verify', 'check', 'test', 'lint', 'preview', 'audit', 'estimate', 'diff', 'compare']);

/**
 * Verbs that are just as often nouns (`get_workflow_run`, `list_orders`, "Order details"). They count
 * only as the first token of a name or the first word of a sentence.
 */
export const nounLikeVerbs: ReadonlySet<string> = new Set([
  'run', 'eval', 'build', 'order', 'charge', 'trade', 'post', 'comment', 'review', 'search', 'query', 'report', 'export',
  'import', 'backup', 'snapshot', 'schedule', 'change', 'update', 'set', 'test', 'match', 'log', 'message',
  'list', 'record', 'tag', 'label', 'share', 'link', 'stake', 'transfer', 'deposit', 'tip', 'bid', 'invoice',
  'check', 'count', 'view', 'show', 'scan', 'audit', 'diff', 'sample', 'plan', 'book', 'reply', 'request',
  'clone', 'copy', 'store', 'star', 'fork', 'follow', 'vote', 'like', 'pin', 'mark', 'lock', 'move', 'patch',
  'put', 'scale', 'close', 'trigger', 'call', 'dispatch', 'shell', 'bash', 'monitor', 'watch', 'sync', 'access',
  'push', 'commit', 'merge', 'email', 'is', 'has', 'can', 'type', 'power', 'script', 'return', 'swap', 'bridge',
  'display', 'print', 'filter', 'sort', 'hash', 'forecast', 'answer', 'research', 'track', 'capture', 'setup',
  'open', 'load', 'screenshot', 'format', 'think', 'reason', 'ban', 'block', 'freeze', 'empty', 'drop',
  'clear', 'reset', 'design', 'suspend', 'start', 'stop', 'new', 'make', 'reserve', 'mint', 'checkout',
  'install', 'payout', 'rm', 'del', 'trash', 'cancel', 'select', 'ask', 'learn', 'tell', 'perform', 'fill',
  'hover', 'press', 'drag', 'scroll', 'click', 'grant', 'deny', 'login', 'logout', 'init', 'setup', 'manage',
  'tweet', 'broadcast', 'transition', 'archive',
]);
