// From a tool definition and its classification to one decision: what the table says, and how each
// format carries it for this tool's name. Renderers and explanations read only this object, so the
// JSON, the YAML, the settings and the words next to them cannot disagree.
import type { CapabilityLabel, Category, Classification, RiskClass } from '../schema/classification';
import type { McpTool } from '../schema/tool';
import { claudeRule, hostedNameLimits, interceptNameLimits } from './names';
import { findAmountParameter, isIntegerParameter } from './parameters';
import { AMOUNT_CAP, DECISION_TABLE, rowApplies, type Access, type CallLimit } from './table';

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

/** How the hosted JSON policy carries the decision for this tool. */
export interface HostedPlan {
  /** Listed under `tools` (allowed within its rules). Not listed + not hidden = blocked by `default: deny`. */
  listed: boolean;
  hidden: boolean;
  limits: CallLimit[];
  /** `deny_if` on the amount argument: below 0 (a negative amount would pass any upper cap) or above `max`. */
  amountBounds?: { parameter: string; max: number };
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

export interface ToolDecision {
  /** The tool's exact name (untrusted text: escape it wherever it is shown). */
  tool: string;
  category: Category;
  risk: RiskClass;
  labels: CapabilityLabel[];
  insufficientInformation: boolean;
  access: Access;
  /** At most one per window, minute first. */
  limits: CallLimit[];
  approval: boolean;
  amountCap?: AmountCap;
  /** The message a gateway gives the agent when it blocks the tool (fixed text). */
  onDeny?: string;
  /** The table rows that fired, in table order, with their reasons. */
  rows: { id: string; reason: string }[];
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

/** The recommendation for one tool, from the table in table.ts. */
export function recommendToolPolicy(
  definition: Pick<McpTool, 'name' | 'inputSchema'>,
  classification: Pick<Classification, 'category' | 'risk' | 'labels' | 'insufficientInformation'>,
  options: RecommendOptions = { claudeServerName: 'server' },
): ToolDecision {
  const amountParameter = findAmountParameter(definition);
  const input = {
    category: classification.category,
    risk: classification.risk,
    labels: [...new Set(classification.labels)].sort(),
    insufficientInformation: classification.insufficientInformation,
    amountParameter: amountParameter !== undefined,
    exfiltrationTriangle: options.exfiltrationTriangle === true,
  };
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
    if (effect.limit) {
      const current = byWindow.get(effect.limit.window);
      byWindow.set(effect.limit.window, current === undefined ? effect.limit.max : Math.min(current, effect.limit.max));
    }
    if (effect.amountCap && amountParameter !== undefined) {
      amountCap = { parameter: amountParameter, integer: isIntegerParameter(definition, amountParameter), perCall: AMOUNT_CAP.perCall, perDay: AMOUNT_CAP.perDay };
    }
  }
  const blocked = access !== 'allow';
  const limits: CallLimit[] = blocked
    ? []
    : WINDOW_ORDER.flatMap((window) => {
        const max = byWindow.get(window);
        return max === undefined ? [] : [{ max, window }];
      });
  if (blocked) {
    approval = false;
    amountCap = undefined;
    onDeny ??= DEFAULT_DENY_MESSAGE;
  }

  const decision = {
    tool: definition.name,
    category: input.category,
    risk: input.risk,
    labels: input.labels,
    insufficientInformation: input.insufficientInformation,
    access,
    limits,
    approval,
    ...(amountCap ? { amountCap } : {}),
    ...(onDeny ? { onDeny } : {}),
    rows: fired.map((row) => ({ id: row.id, reason: row.reason })),
  };
  return {
    ...decision,
    hosted: planHosted(decision),
    intercept: planIntercept(decision),
    claude: planClaude(decision, options.claudeServerName),
  };
}

type Core = Pick<ToolDecision, 'tool' | 'access' | 'limits' | 'approval' | 'amountCap'>;

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
  if (decision.approval) notes.push(noApprovalNote('Intercept', decision));
  return {
    listed: true,
    hidden: false,
    denyRule: false,
    limits: [...decision.limits],
    ...(decision.amountCap ? { amountCap: decision.amountCap } : {}),
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
