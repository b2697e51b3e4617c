// The words shown next to a snippet, generated from the same decision the snippet is rendered from.
// Plain text (the tool name is untrusted: the page escapes it like any other text).
import { quotedList, type ToolDecision } from './recommend';
import { DECISION_TABLE, type CallLimit } from './table';

const PER = { minute: 'a minute', hour: 'an hour', day: 'a day' } as const;

export function describeLimits(limits: readonly CallLimit[]): string {
  return limits.map((limit) => `${limit.max} calls ${PER[limit.window]}`).join(' and ');
}

/**
 * A row's reason as this decision enforces it. The table's reasons quote their own limit ("30 calls an
 * hour leaves room..."); where a stricter row lowered it, or a block made it moot, quoting it would
 * contradict the snippet, so the number becomes the one enforced and the row's own is named as such.
 * A row that says the tool needs no limit of its own gives its `reasonWhenLimited` when another row sets one.
 */
function reasonInEffect(row: ToolDecision['rows'][number], decision: Pick<ToolDecision, 'limits'>): string {
  const table = DECISION_TABLE.find((candidate) => candidate.id === row.id);
  const own = table?.then.limit;
  if (!own) return decision.limits.length > 0 && table?.reasonWhenLimited ? table.reasonWhenLimited : row.reason;
  const enforced = decision.limits.find((limit) => limit.window === own.window);
  if (enforced?.max === own.max) return row.reason;
  const stated = new RegExp(`\\b${own.max} (?:calls )?${PER[own.window]}\\b`);
  return row.reason.replace(
    stated,
    enforced
      ? `${enforced.max} calls ${PER[own.window]} (this reason alone would allow ${own.max}; a stricter one here lowers it)`
      : `a limit (this reason alone would allow ${own.max} calls; moot, as the tool is blocked)`,
  );
}

/** The reason of every row that fired, in table order, each stating only numbers the decision enforces. */
export function rowReasons(decision: Pick<ToolDecision, 'rows' | 'limits'>): string[] {
  return decision.rows.map((row) => reasonInEffect(row, decision));
}

function verdict(decision: ToolDecision): string {
  if (decision.access === 'hide') return 'Hide it: remove it from the tool list and block every call.';
  if (decision.access === 'deny') return 'Block it: every call is denied.';
  const parts: string[] = [];
  if (decision.limits.length > 0) parts.push(`at most ${describeLimits(decision.limits)}`);
  if (decision.amountCap) {
    const { parameter, perCall, perDay } = decision.amountCap;
    parts.push(`${parameter} between 0 and ${perCall} per call and at most ${perDay} per day`);
  }
  if (decision.approval) parts.push('a person approves each call where the client can ask');
  return parts.length > 0 ? `Allow it with limits: ${parts.join('; ')}.` : 'Allow it.';
}

function hostedLine(decision: ToolDecision): string {
  const plan = decision.hosted;
  let what: string;
  if (plan.hidden) what = 'listed in "hide": removed from tools/list (on streamable HTTP) and denied at call time.';
  else if (!plan.listed) what = 'not listed, so "default": "deny" blocks every call.';
  else {
    const parts: string[] = [];
    if (plan.limits.length > 0) parts.push(`limits of ${describeLimits(plan.limits)}`);
    if (plan.amountBounds) parts.push(`deny_if on args.${plan.amountBounds.parameter} below 0 or above ${plan.amountBounds.max}`);
    what = parts.length > 0 ? `listed under "tools" with ${parts.join(' and ')}.` : 'listed under "tools" with no rules: allowed.';
  }
  return [`Hosted JSON: ${what}`, ...plan.notes].join(' ');
}

function interceptLine(decision: ToolDecision): string {
  const plan = decision.intercept;
  const parts: string[] = [];
  if (plan.hidden) parts.push('listed in hide: removed from tools/list, and a call gets "Tool is hidden by policy"');
  if (plan.denyRule) parts.push(`${plan.hidden ? 'also ' : ''}listed with an action: deny rule whose on_deny says why`);
  if (!plan.hidden && !plan.listed) parts.push('not listed, so default: deny blocks every call');
  if (plan.listed && !plan.denyRule) {
    const rules: string[] = [];
    if (plan.limits.length > 0) rules.push(`rate_limit rules for ${describeLimits(plan.limits)}`);
    if (plan.amountCap) {
      const { parameter, perCall, perDay } = plan.amountCap;
      rules.push(`conditions args.${parameter} gte 0 and lte ${perCall}`, `a daily counter with increment_from args.${parameter} capped at ${perDay}`);
    }
    parts.push(rules.length > 0 ? `listed with ${rules.join(', ')}` : 'listed with rules: [] (allowed)');
  }
  return [`Intercept: ${parts.join('; ')}.`, ...plan.notes].join(' ');
}

function claudeLine(decision: ToolDecision): string {
  const meaning = { allow: 'runs without asking', ask: 'a person approves each call', deny: 'blocked' }[decision.claude.list];
  return [
    `Claude Code: ${decision.claude.rule} in permissions.${decision.claude.list} (${meaning}); replace "${decision.claude.server}" with the name you gave the server in Claude Code.`,
    ...decision.claude.notes,
  ].join(' ');
}

/** Method values by what happens to them, in the order each outcome first appears. */
function groupMethods(methods: NonNullable<ToolDecision['methods']>['methods'], label: (method: (typeof methods)[number]) => string): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const method of methods) {
    const key = label(method);
    groups.set(key, [...(groups.get(key) ?? []), method.value]);
  }
  return [...groups];
}

/** For a tool with a method argument: each method and what happens to it (empty for other tools). */
export function methodLines(decision: ToolDecision): string[] {
  const plan = decision.methods;
  if (!plan) return [];
  const argument = JSON.stringify(plan.parameter);
  if (plan.split) {
    const groups = groupMethods(plan.methods, (method) =>
      method.access === 'allow' ? `allowed (${method.category})` : `blocked by argument (${method.category}, risk ${method.risk})`,
    );
    return [
      '',
      `Its argument ${argument} chooses what it does, so the policy decides per method; the allowed ones share the limits above, the strictest of theirs:`,
      ...groups.map(([outcome, values]) => `- ${quotedList(values)}: ${outcome}.`),
    ];
  }
  const values = quotedList(plan.methods.map((method) => method.value));
  const why =
    plan.blocked.length === 0
      ? 'none of them is blocked on its own, so the verdict above applies to each.'
      : plan.blocked.length === plan.methods.length
        ? 'each of them is blocked on its own, so the whole tool is.'
        : decision.category === 'Financial' || plan.methods.some((method) => method.category === 'Financial')
          ? 'it moves money, and an amount cap cannot be limited to one method, so the verdict above applies to each.'
          : 'its name alone says it destroys, so every method is a way to do that and the verdict above applies to each.';
  return ['', `Its argument ${argument} chooses what it does (${values}); ${why}`];
}

/** Several short paragraphs: the verdict, why (one line per table row that fired), then each format. */
export function explainDecision(decision: ToolDecision): string {
  const lines = [
    // JSON quoting keeps a hostile name on one line and shows where it ends.
    `${JSON.stringify(decision.tool)} (${decision.category}, risk ${decision.risk}). ${verdict(decision)}`,
    ...methodLines(decision),
    '',
    'Why:',
    ...rowReasons(decision).map((reason) => `- ${reason}`),
    '',
    hostedLine(decision),
    interceptLine(decision),
    claudeLine(decision),
  ];
  return `${lines.join('\n')}\n`;
}
