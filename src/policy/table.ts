// The recommendation as data: one table from what the classifier says about a tool to what a gateway
// should do with it, each row with the reason docs/policies.md and the site show. Change a number
// here and every format, every explanation and the docs table follow.
import type { CapabilityLabel, Category, RiskClass } from '../schema/classification';
import type { PolicyWindow } from '../schema/policy';

/** N calls per window. */
export interface CallLimit {
  max: number;
  window: PolicyWindow;
}

/** `allow` can be called (within limits); `deny` stays visible and every call is blocked; `hide` is removed from the tool list and blocked. */
export type Access = 'allow' | 'deny' | 'hide';

/** When a row applies. Every field given must match; an empty `when` never appears. */
export interface RowCondition {
  category?: Category[];
  /** Risk at or above this class. */
  riskAtLeast?: RiskClass;
  /** Risk strictly below this class. */
  riskBelow?: RiskClass;
  label?: CapabilityLabel;
  insufficientInformation?: true;
  /** Whether the tool has a numeric amount-like parameter a condition can cap (see parameters.ts). */
  amountParameter?: boolean;
  /** The tool's server supplies private data, untrusted content and an outward channel (possibly through different tools). */
  exfiltrationTriangle?: true;
}

export interface RowEffect {
  access?: Access;
  /** A per-tool call limit; when several rows set one for the same window, the lowest wins. */
  limit?: CallLimit;
  /** A person should approve each call where the client can ask (Claude Code `ask`). */
  approval?: true;
  /** Cap the amount argument per call and per day (Financial tools). */
  amountCap?: true;
  /** What the gateway tells the agent when it blocks a call (fixed text: never the tool's own words). */
  onDeny?: string;
}

export interface TableRow {
  id: string;
  /** `category` rows: exactly one applies to every tool. `modifier` rows: any number add to it. */
  kind: 'category' | 'modifier';
  when: RowCondition;
  then: RowEffect;
  /** Why this is the default: shown in the explanation and docs/policies.md. */
  reason: string;
  /**
   * For a row without a limit whose reason says the tool needs none: what it says instead when another
   * row gives the tool a limit (the explanation must not say "no limit" above "at most 10 calls an hour").
   */
  reasonWhenLimited?: string;
}

/** Per-call and per-day caps on an amount argument, in the parameter's own unit (cents or whole units: we cannot tell). */
export const AMOUNT_CAP = { perCall: 100, perDay: 500 } as const;

/** The server-wide limit every server policy carries, on top of the per-tool ones. */
export const SERVER_CALL_LIMIT: CallLimit = { max: 60, window: 'minute' };
export const SERVER_CALL_LIMIT_REASON =
  'A runaway or hijacked agent loops; 60 calls a minute across all of the server\'s tools is far above what a person-supervised task needs and stops a loop within a minute.';

export const DECISION_TABLE: readonly TableRow[] = [
  {
    id: 'category.read',
    kind: 'category',
    when: { category: ['Read'] },
    then: { access: 'allow' },
    reason: 'It only retrieves or computes; nothing outside changes. The server-wide limit already bounds how much it can be called.',
    reasonWhenLimited: 'It only retrieves or computes; nothing outside changes. On that alone the server-wide limit would bound it; the limit here comes from another reason.',
  },
  {
    id: 'category.write',
    kind: 'category',
    when: { category: ['Write'] },
    then: { access: 'allow', limit: { max: 30, window: 'hour' } },
    reason: 'It changes state outside, in a way that can be undone; 30 calls an hour leaves room for real work and keeps a looping agent\'s damage small enough to review and undo.',
  },
  {
    id: 'category.execute',
    kind: 'category',
    when: { category: ['Execute'] },
    then: { access: 'allow', limit: { max: 10, window: 'hour' }, approval: true },
    reason: 'What it does is decided by its input (code, commands, queries, deployments), not by the tool; a person should see each call, and 10 an hour bounds it where no one can be asked.',
  },
  {
    id: 'category.destructive.critical',
    kind: 'category',
    when: { category: ['Destructive'], riskAtLeast: 'Critical' },
    then: {
      access: 'hide',
      onDeny: 'Blocked by policy: this tool deletes, overwrites or revokes irreversibly. Ask a person to do it outside the agent.',
    },
    reason: 'It deletes, overwrites or revokes irreversibly; an agent should not even see it, so it neither spends context on it nor tries it. A person can run it directly.',
  },
  {
    id: 'category.destructive',
    kind: 'category',
    when: { category: ['Destructive'], riskBelow: 'Critical' },
    then: {
      access: 'deny',
      onDeny: 'Blocked by policy: this tool deletes or overwrites data. Ask a person to do it outside the agent.',
    },
    reason: 'It deletes or overwrites; it stays visible so the agent can tell the user it exists, but every call is blocked with the reason.',
  },
  {
    id: 'category.financial.capped',
    kind: 'category',
    when: { category: ['Financial'], amountParameter: true },
    then: { access: 'allow', amountCap: true, limit: { max: 20, window: 'day' }, approval: true },
    reason: `It moves money and names the amount in a parameter, so the amount can be capped: at most ${AMOUNT_CAP.perCall} per call and ${AMOUNT_CAP.perDay} per day in the parameter's own unit (set your real limits; the unit may be cents), at most 20 calls a day, and a person approves each call where the client can ask.`,
  },
  {
    id: 'category.financial.uncapped',
    kind: 'category',
    when: { category: ['Financial'], amountParameter: false },
    then: {
      access: 'deny',
      onDeny: 'Blocked by policy: this tool moves money and has no amount the policy can cap. Ask a person to do it outside the agent.',
    },
    reason: 'It moves money and has no numeric amount parameter a gateway could cap, so no limit can bound what one call costs.',
  },
  {
    id: 'category.other',
    kind: 'category',
    when: { category: ['Other'] },
    then: { access: 'allow', limit: { max: 20, window: 'hour' }, approval: true },
    reason: 'Its own name, description and parameters do not say what it does; until someone reviews it, treat it as able to change things: limited, and approved by a person where the client can ask.',
  },
  {
    id: 'risk.raised',
    kind: 'modifier',
    when: { category: ['Read', 'Write', 'Other'], riskAtLeast: 'High' },
    then: { approval: true },
    reason: 'Its risk is above its category\'s default for a reason the evidence names (e.g. permissions, IAM, secrets); a person should approve each call where the client can ask.',
  },
  {
    id: 'label.credentials',
    kind: 'modifier',
    when: { label: 'credentials' },
    then: { approval: true, limit: { max: 10, window: 'hour' } },
    reason: 'It handles or returns credentials; each call should be seen by a person where possible, and few are needed.',
  },
  {
    id: 'label.code-execution',
    kind: 'modifier',
    when: { label: 'code-execution' },
    then: { approval: true, limit: { max: 10, window: 'hour' } },
    reason: 'It can run code; treat it like an Execute tool whatever its category.',
  },
  {
    id: 'label.destructive',
    kind: 'modifier',
    when: { category: ['Read', 'Write', 'Execute', 'Other'], label: 'destructive' },
    then: { approval: true },
    reason: 'Part of what it can do is destructive even though the tool as a whole is not; a person should approve each call where the client can ask.',
  },
  {
    id: 'label.outward-channel',
    kind: 'modifier',
    when: { label: 'outward-channel' },
    then: { limit: { max: 20, window: 'hour' } },
    reason: 'It can send data out of the system (email, messages, uploads, web requests); a lower limit bounds what a prompt-injected agent can exfiltrate.',
  },
  {
    id: 'server.exfiltration-triangle',
    kind: 'modifier',
    when: { label: 'outward-channel', exfiltrationTriangle: true },
    then: { approval: true, limit: { max: 10, window: 'hour' } },
    reason: 'Its server also reads private data and untrusted content, so an instruction hidden in that content can make the agent send the data out through this tool; a person should approve each call where the client can ask.',
  },
  {
    id: 'classification.insufficient',
    kind: 'modifier',
    when: { insufficientInformation: true },
    then: { approval: true },
    reason: 'The classifier had too little to go on; a person should approve each call where the client can ask until someone reviews the tool.',
  },
];

const RISK_ORDER: readonly RiskClass[] = ['Low', 'Medium', 'High', 'Critical'];

export function riskRank(risk: RiskClass): number {
  return RISK_ORDER.indexOf(risk);
}

export interface RowInput {
  category: Category;
  risk: RiskClass;
  labels: readonly CapabilityLabel[];
  insufficientInformation: boolean;
  amountParameter: boolean;
  exfiltrationTriangle: boolean;
}

export function rowApplies(row: TableRow, input: RowInput): boolean {
  const { when } = row;
  if (when.category && !when.category.includes(input.category)) return false;
  if (when.riskAtLeast && riskRank(input.risk) < riskRank(when.riskAtLeast)) return false;
  if (when.riskBelow && riskRank(input.risk) >= riskRank(when.riskBelow)) return false;
  if (when.label && !input.labels.includes(when.label)) return false;
  if (when.insufficientInformation && !input.insufficientInformation) return false;
  if (when.amountParameter !== undefined && when.amountParameter !== input.amountParameter) return false;
  if (when.exfiltrationTriangle && !input.exfiltrationTriangle) return false;
  return true;
}
