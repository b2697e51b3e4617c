// From a tool definition and its classification to one decision: what the table says, and how each
// format carries it for this tool's name. Renderers and explanations read only this object, so the
// JSON, the YAML, the settings and the words next to them cannot disagree.
import type { CapabilityLabel, Category, Classification, RiskClass } from '../schema/classification';
import type { McpTool } from '../schema/tool';
import { claudeRule, hostedNameLimits, interceptNameLimits } from './names';
import { classifyMethod, findMethodParameter, nameIsDestructive } from './methods';
import { findAmountParameter, isIntegerParameter } from './parameters';
import { AMOUNT_CAP, DECISION_TABLE, rowApplies, type Access, type CallLimit, type RowInput } from './table';

type Verdict = Pick<Classification, 'category' | 'risk' | 'labels' | 'insufficientInformation'>;

const WINDOW_ORDER = ['minute', 'hour', 'day'] as const;
const ACCESS_ORDER: readonly Access[] = ['allow', 'deny', 'hide'];

export interface AmountCap {
  /** The argument capped (top-level, numeric). */
  parameter: string;
  /** Its schema says integer; otherwise Intercept's counter drops the fraction of each call's amount. */
  integer: boolean;
  perCall: number;
  perDay: number;
}

/** One value of a tool's method argument, with what the table says for it alone. */
export interface MethodVerdict {
  /** The exact value (untrusted text: escape it wherever it is shown). */
  value: string;
  category: Category;
  risk: RiskClass;
  access: Access;
  limits: CallLimit[];
  approval: boolean;
}

/** A tool that chooses what it does by one argument (see methods.ts). */
export interface MethodPlan {
  /** The argument, addressable as `args.<parameter>`. */
  parameter: string;
  required: boolean;
  /**
   * Decided per method: the blocked methods are denied by argument and the rest allowed with the
   * limits of the strictest of them. False when every method is allowed, every method is blocked, or
   * the tool cannot be split (Financial, or a name that alone is destructive): the whole-tool decision stands.
   */
  split: boolean;
  methods: MethodVerdict[];
  /** Values whose own decision blocks them, in the author's order. */
  blocked: string[];
}

/** How the hosted JSON policy carries the decision for this tool. */
export interface HostedPlan {
  /** Listed under `tools` (allowed within its rules). Not listed + not hidden = blocked by `default: deny`. */
  listed: boolean;
  hidden: boolean;
  limits: CallLimit[];
  /** `deny_if` on the amount argument: below 0 (a negative amount would pass any upper cap) or above `max`. */
  amountBounds?: { parameter: string; max: number };
  /** `deny_if` `args.<parameter> eq <value>`, one per blocked method. */
  methodDenies?: { parameter: string; values: string[] };
  notes: string[];
}

/** How the Intercept YAML policy carries it. */
export interface InterceptPlan {
  listed: boolean;
  hidden: boolean;
  /** Listed with one `action: deny` rule carrying `onDeny`. */
  denyRule: boolean;
  /** The deny rule's message when this format blocks a tool the decision allows (it says why). */
  onDeny?: string;
  limits: CallLimit[];
  amountCap?: AmountCap;
  /** Rules before the limits: the method must be one of `known`, and must not be one of `blocked`. */
  methodRules?: { parameter: string; known: string[]; blocked: string[] };
  notes: string[];
}

/** How Claude Code's permissions carry it. */
export interface ClaudePlan {
  list: 'allow' | 'ask' | 'deny';
  rule: string;
  /** The server segment of the rule (a suggestion people replace with their own server name). */
  server: string;
  notes: string[];
}

/** What the table says for one verdict: the part of a decision that does not depend on a format. */
export interface TableOutcome {
  access: Access;
  /** At most one per window, minute first. */
  limits: CallLimit[];
  approval: boolean;
  amountCap?: AmountCap;
  /** The message a gateway gives the agent when it blocks the tool (fixed text). */
  onDeny?: string;
  /** The table rows that fired, in table order, with their reasons (for a split tool: those of the methods it allows). */
  rows: { id: string; reason: string }[];
}

export interface ToolDecision extends TableOutcome {
  /** The tool's exact name (untrusted text: escape it wherever it is shown). */
  tool: string;
  category: Category;
  risk: RiskClass;
  labels: CapabilityLabel[];
  insufficientInformation: boolean;
  /** Set when the tool has a method argument; `methods.split` says whether the decision is per method. */
  methods?: MethodPlan;
  hosted: HostedPlan;
  intercept: InterceptPlan;
  claude: ClaudePlan;
}

export interface RecommendOptions {
  /** The server's name in Claude Code (already normalised; see names.ts). */
  claudeServerName: string;
  /** The tool's server supplies all three sides of the exfiltration triangle (ServerClassification.exfiltrationTriangle). */
  exfiltrationTriangle?: boolean;
}

const DEFAULT_DENY_MESSAGE = 'Blocked by policy. Ask a person to do it outside the agent.';
const FORMAT_FALLBACK_DENY =
  'Blocked by policy: this tool should be rate-limited, and this gateway cannot count calls for a tool with this name. Ask a person to do it outside the agent.';

function applyTable(input: RowInput, definition: Pick<McpTool, 'inputSchema'>, amountParameter: string | undefined): TableOutcome {
  const fired = DECISION_TABLE.filter((row) => rowApplies(row, input));
  const categoryRows = fired.filter((row) => row.kind === 'category');
  if (categoryRows.length !== 1) {
    throw new Error(`decision table: ${categoryRows.length} category rows match ${input.category}/${input.risk}; exactly one must`);
  }

  let access: Access = 'allow';
  let approval = false;
  let amountCap: AmountCap | undefined;
  let onDeny: string | undefined;
  const byWindow = new Map<CallLimit['window'], number>();
  for (const row of fired) {
    const effect = row.then;
    if (effect.access && ACCESS_ORDER.indexOf(effect.access) > ACCESS_ORDER.indexOf(access)) access = effect.access;
    if (effect.approval) approval = true;
    if (effect.onDeny) onDeny = effect.onDeny;
    if (effect.limit) tighten(byWindow, effect.limit);
    if (effect.amountCap && amountParameter !== undefined) {
      amountCap = { parameter: amountParameter, integer: isIntegerParameter(definition, amountParameter), perCall: AMOUNT_CAP.perCall, perDay: AMOUNT_CAP.perDay };
    }
  }
  const blocked = access !== 'allow';
  const limits = blocked ? [] : windowLimits(byWindow);
  if (blocked) {
    approval = false;
    amountCap = undefined;
    onDeny ??= DEFAULT_DENY_MESSAGE;
  }
  return {
    access,
    limits,
    approval,
    ...(amountCap ? { amountCap } : {}),
    ...(onDeny ? { onDeny } : {}),
    rows: fired.map((row) => ({ id: row.id, reason: row.reason })),
  };
}

/** Several limits for one window: the lowest wins. */
function tighten(byWindow: Map<CallLimit['window'], number>, limit: CallLimit): void {
  const current = byWindow.get(limit.window);
  byWindow.set(limit.window, current === undefined ? limit.max : Math.min(current, limit.max));
}

function windowLimits(byWindow: ReadonlyMap<CallLimit['window'], number>): CallLimit[] {
  return WINDOW_ORDER.flatMap((window) => {
    const max = byWindow.get(window);
    return max === undefined ? [] : [{ max, window }];
  });
}

function rowInput(verdict: Verdict, amountParameter: boolean, exfiltrationTriangle: boolean): RowInput & { labels: CapabilityLabel[] } {
  return {
    category: verdict.category,
    risk: verdict.risk,
    labels: [...new Set(verdict.labels)].sort(),
    insufficientInformation: verdict.insufficientInformation,
    amountParameter,
    exfiltrationTriangle,
  };
}

/**
 * Each method's own decision, and whether the tool is split by it: only when some methods are
 * blocked and some are not. Never for a Financial tool or method (an amount cap cannot be scoped to
 * one method), nor for a tool whose name alone is destructive (its methods are ways to destroy).
 */
function planMethods(
  definition: Pick<McpTool, 'name' | 'inputSchema'>,
  classification: Verdict,
  exfiltrationTriangle: boolean,
): { plan: MethodPlan; outcomes: TableOutcome[] } | undefined {
  const method = findMethodParameter(definition);
  if (!method || classification.category === 'Financial') return undefined;
  const verdicts = method.values.map((value) => classifyMethod(definition, classification, method, value));
  const outcomes = verdicts.map((verdict) => applyTable(rowInput(verdict, false, exfiltrationTriangle), definition, undefined));
  const methods = method.values.map((value, index): MethodVerdict => {
    const verdict = verdicts[index] as Verdict;
    const outcome = outcomes[index] as TableOutcome;
    return { value, category: verdict.category, risk: verdict.risk, access: outcome.access, limits: outcome.limits, approval: outcome.approval };
  });
  const blocked = methods.filter((entry) => entry.access !== 'allow').map((entry) => entry.value);
  const financial = verdicts.some((verdict) => verdict.category === 'Financial');
  const split = !financial && blocked.length > 0 && blocked.length < methods.length && !nameIsDestructive(definition);
  return { plan: { parameter: method.parameter, required: method.required, split, methods, blocked }, outcomes };
}

/** Allowed outcomes together (the methods a split tool allows, and the whole tool's if it was allowed): every limit at its lowest, approval if any asks, rows in table order. */
function combineAllowed(outcomes: readonly TableOutcome[]): TableOutcome {
  const allowed = outcomes.filter((outcome) => outcome.access === 'allow');
  const byWindow = new Map<CallLimit['window'], number>();
  for (const limit of allowed.flatMap((outcome) => outcome.limits)) tighten(byWindow, limit);
  const ids = new Set(allowed.flatMap((outcome) => outcome.rows.map((row) => row.id)));
  return {
    access: 'allow',
    limits: windowLimits(byWindow),
    approval: allowed.some((outcome) => outcome.approval),
    rows: DECISION_TABLE.filter((row) => ids.has(row.id)).map((row) => ({ id: row.id, reason: row.reason })),
  };
}

/** The recommendation for one tool, from the table in table.ts. */
export function recommendToolPolicy(
  definition: Pick<McpTool, 'name' | 'inputSchema'>,
  classification: Verdict,
  options: RecommendOptions = { claudeServerName: 'server' },
): ToolDecision {
  const amountParameter = findAmountParameter(definition);
  const exfiltrationTriangle = options.exfiltrationTriangle === true;
  const input = rowInput(classification, amountParameter !== undefined, exfiltrationTriangle);
  const whole = applyTable(input, definition, amountParameter);
  const methods = planMethods(definition, classification, exfiltrationTriangle);
  // A split lifts a block for the methods that are not destructive; it never loosens an allowed tool,
  // whose own rows (a raised risk, say) still apply to every method it keeps.
  const outcome = methods?.plan.split ? combineAllowed(whole.access === 'allow' ? [whole, ...methods.outcomes] : methods.outcomes) : whole;

  const decision = {
    tool: definition.name,
    category: input.category,
    risk: input.risk,
    labels: input.labels,
    insufficientInformation: input.insufficientInformation,
    ...outcome,
    ...(methods ? { methods: methods.plan } : {}),
  };
  return {
    ...decision,
    hosted: planHosted(decision),
    intercept: planIntercept(decision),
    claude: planClaude(decision, options.claudeServerName),
  };
}

type Core = Pick<ToolDecision, 'tool' | 'access' | 'limits' | 'approval' | 'amountCap' | 'methods'>;

/** `"a", "b" or "c"`: method values are untrusted text, so each is JSON-quoted (one line, visible ends). */
export function quotedList(values: readonly string[]): string {
  const quoted = values.map((value) => JSON.stringify(value));
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

/** What a gateway that cannot ask a person does instead, said plainly. */
function noApprovalNote(format: string, decision: Core): string {
  if (decision.limits.length > 0 || decision.amountCap) return `${format} cannot ask a person; the limits are what it enforces.`;
  return `${format} cannot ask a person, so it allows this tool with no per-tool limit; only a server-wide limit bounds it.`;
}

function planHosted(decision: Core): HostedPlan {
  const names = hostedNameLimits(decision.tool);
  const notes = [...names.notes];
  if (!names.listable) return { listed: false, hidden: false, limits: [], notes };
  if (decision.access === 'hide') {
    if (names.hideable) return { listed: false, hidden: true, limits: [], notes };
    notes.push('It cannot be hidden, so it is left out and default: deny blocks it.');
    return { listed: false, hidden: false, limits: [], notes };
  }
  if (decision.access === 'deny') {
    notes.push('This format has no field for the reason a tool is blocked; the agent gets the gateway\'s generic denial.');
    return { listed: false, hidden: false, limits: [], notes };
  }
  const limits = [...decision.limits];
  const plan: HostedPlan = { listed: true, hidden: false, limits, notes };
  const split = decision.methods?.split ? decision.methods : undefined;
  if (split) {
    plan.methodDenies = { parameter: split.parameter, values: [...split.blocked] };
    notes.push(
      `deny_if on args.${split.parameter} equal to ${quotedList(split.blocked)} blocks ${split.blocked.length === 1 ? 'that method' : 'those methods'}; deny_if compares with one value at a time, so this format cannot also block a method it does not name (one added later, or a call without ${split.parameter}): the Intercept policy blocks those too.`,
    );
  }
  if (decision.amountCap) {
    plan.amountBounds = { parameter: decision.amountCap.parameter, max: decision.amountCap.perCall };
    const perDay = limits.find((limit) => limit.window === 'day');
    notes.push(
      `This format documents call-count limits only, not a counter that adds up an argument, so the daily cap on ${decision.amountCap.parameter} is not expressed` +
        (perDay ? `; the per-call cap times ${perDay.max} calls a day bounds it at ${perDay.max * decision.amountCap.perCall}.` : '.'),
    );
  }
  if (decision.approval) notes.push(noApprovalNote('This format', decision));
  return plan;
}

function planIntercept(decision: Core): InterceptPlan {
  const names = interceptNameLimits(decision.tool);
  const notes = [...names.notes];
  const none: InterceptPlan = { listed: false, hidden: false, denyRule: false, limits: [], notes };
  if (!names.listable && !names.hideable) return none;
  if (decision.access === 'hide') {
    // Hidden, and where possible also listed with a deny rule: the reason stays in the file, and the
    // tool stays blocked if someone deletes the hide line.
    if (names.hideable) return { listed: names.listable, hidden: true, denyRule: names.listable, limits: [], notes };
    return { listed: names.listable, hidden: false, denyRule: names.listable, limits: [], notes };
  }
  if (!names.listable) return none;
  if (decision.access === 'deny') return { listed: true, hidden: false, denyRule: true, limits: [], notes };
  const needsCounters = decision.limits.length > 0 || decision.amountCap !== undefined;
  if (needsCounters && !names.counters) {
    notes.push('Its limits cannot be expressed, so it is denied instead: a blocked call is safer than an unlimited one.');
    return { listed: true, hidden: false, denyRule: true, onDeny: FORMAT_FALLBACK_DENY, limits: [], notes };
  }
  if (decision.amountCap && !decision.amountCap.integer) {
    const perDay = decision.limits.find((limit) => limit.window === 'day');
    notes.push(
      `Intercept adds ${decision.amountCap.parameter} to its daily counter as a whole number (12.5 counts as 12)` +
        (perDay ? `, so the true daily total can pass the cap by less than ${perDay.max}, one unit per allowed call.` : ', so the true daily total can pass the cap by less than one unit per allowed call.'),
    );
  }
  const split = decision.methods?.split ? decision.methods : undefined;
  if (split) {
    notes.push(
      `Two rules on args.${split.parameter} come first: it must be one of the ${split.methods.length} known methods (a call without it, or with a method added later, is denied), and not ${quotedList(split.blocked)}.`,
    );
  }
  if (decision.approval) notes.push(noApprovalNote('Intercept', decision));
  return {
    listed: true,
    hidden: false,
    denyRule: false,
    limits: [...decision.limits],
    ...(decision.amountCap ? { amountCap: decision.amountCap } : {}),
    ...(split ? { methodRules: { parameter: split.parameter, known: split.methods.map((method) => method.value), blocked: [...split.blocked] } } : {}),
    notes,
  };
}

function planClaude(decision: Core, serverName: string): ClaudePlan {
  const rule = claudeRule(serverName, decision.tool);
  const notes: string[] = [];
  if (rule !== `mcp__${serverName}__${decision.tool}`) {
    notes.push(`Claude Code replaces characters outside A-Z a-z 0-9 _ - with "_" in tool names, so the rule names ${JSON.stringify(rule.slice(`mcp__${serverName}__`.length))}.`);
  }
  if (decision.access !== 'allow') return { list: 'deny', rule, server: serverName, notes };
  if (decision.methods?.split) {
    notes.push(
      `Claude Code cannot read arguments, so it cannot block ${quotedList(decision.methods.blocked)} alone: a person approves each call (ask) and sees the ${decision.methods.parameter} it names.`,
    );
    return { list: 'ask', rule, server: serverName, notes };
  }
  if (decision.approval || decision.limits.length > 0 || decision.amountCap) {
    if (!decision.approval) {
      notes.push('Claude Code cannot count calls or check arguments, so instead of a limit a person approves each call (ask).');
    } else if (decision.limits.length > 0 || decision.amountCap) {
      notes.push('Claude Code cannot count calls or check arguments; a person approving each call (ask) stands in for the limits.');
    }
    return { list: 'ask', rule, server: serverName, notes };
  }
  return { list: 'allow', rule, server: serverName, notes };
}
