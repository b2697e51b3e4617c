// The three formats, each rendered from the same decisions. Objects are built in a fixed order
// (tools sorted by code point), and every object is validated by its schema before it is returned:
// a generator bug fails here, not in someone's gateway.
import { compareCodePoints } from '../lib/canonical-json';
import { toolSlug } from '../lib/ids';
import {
  ClaudeSettings,
  HostedPolicy,
  InterceptPolicy,
  type HostedLimit,
  type HostedToolRules,
  type InterceptRule,
  type InterceptToolRules,
} from '../schema/policy';
import type { ToolDecision } from './recommend';
import type { CallLimit } from './table';
import { toYaml, type YamlValue } from './yaml';

export interface Rendered<T> {
  object: T;
  text: string;
}

/** What the whole policy adds on top of its tools' decisions. */
export interface PolicyScope {
  /** Shown in Intercept's `description`. */
  description: string;
  /** The server-wide limit, when the policy covers a server. */
  serverLimit?: CallLimit;
  /** Intercept: whether the `"*"` section can carry the server-wide limit (see ServerDecision). */
  interceptServerLimit: boolean;
}

const byName = (a: ToolDecision, b: ToolDecision) => compareCodePoints(a.tool, b.tool);

function json<T>(object: T): Rendered<T> {
  return { object, text: `${JSON.stringify(object, null, 2)}\n` };
}

function checked<T>(schema: { safeParse: (input: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, object: T, format: string): T {
  const result = schema.safeParse(object);
  if (!result.success) {
    const issues = result.error?.issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`) ?? [];
    throw new Error(`generated ${format} policy is invalid:\n  ${issues.join('\n  ')}`);
  }
  return object;
}

/** Counters are shared by name within a grant, so each tool's carry its slug and `:`, which no slug contains. */
function hostedCounter(tool: string, window: CallLimit['window']): string {
  return `tool:${toolSlug(tool)}:calls_per_${window}`;
}

export function renderHosted(decisions: readonly ToolDecision[], scope: PolicyScope): Rendered<HostedPolicy> {
  const sorted = [...decisions].sort(byName);
  const hide = sorted.filter((decision) => decision.hosted.hidden).map((decision) => decision.tool);
  const tools = Object.fromEntries(
    sorted
      .filter((decision) => decision.hosted.listed)
      .map((decision): [string, HostedToolRules] => {
        const plan = decision.hosted;
        const rules: HostedToolRules = {};
        if (plan.amountBounds) {
          const path = `args.${plan.amountBounds.parameter}`;
          rules.deny_if = [
            { path, op: 'lt', value: 0 },
            { path, op: 'gt', value: plan.amountBounds.max },
          ];
        }
        if (plan.methodDenies) {
          const path = `args.${plan.methodDenies.parameter}`;
          rules.deny_if = [...(rules.deny_if ?? []), ...plan.methodDenies.values.map((value) => ({ path, op: 'eq' as const, value }))];
        }
        if (plan.limits.length > 0) {
          rules.limits = plan.limits.map(
            (limit): HostedLimit => ({ counter: hostedCounter(decision.tool, limit.window), window: limit.window, max: limit.max, scope: 'grant' }),
          );
        }
        return [decision.tool, rules];
      }),
  );
  const policy: HostedPolicy = {
    version: '1',
    default: 'deny',
    ...(hide.length > 0 ? { hide } : {}),
    ...(scope.serverLimit
      ? {
          all_tools: {
            limits: [
              {
                counter: `server:calls_per_${scope.serverLimit.window}`,
                window: scope.serverLimit.window,
                max: scope.serverLimit.max,
                scope: 'grant' as const,
              },
            ],
          },
        }
      : {}),
    tools,
  };
  return json(checked(HostedPolicy, policy, 'hosted JSON'));
}

const PER = { minute: 'a minute', hour: 'an hour', day: 'a day' } as const;

function interceptRules(decision: ToolDecision): InterceptRule[] {
  const plan = decision.intercept;
  if (plan.denyRule) {
    return [{ name: 'blocked by policy', action: 'deny', on_deny: plan.onDeny ?? decision.onDeny ?? 'Blocked by policy.' }];
  }
  const rules: InterceptRule[] = plan.methodRules ? methodRules(plan.methodRules) : [];
  rules.push(...plan.limits.map((limit) => ({
    name: `at most ${limit.max} calls ${PER[limit.window]}`,
    rate_limit: `${limit.max}/${limit.window}`,
    on_deny: `Rate limit: this tool may be called at most ${limit.max} times ${PER[limit.window]}. Try again later.`,
  })));
  if (plan.amountCap) {
    const { parameter, perCall, perDay } = plan.amountCap;
    rules.push(
      {
        // gte 0 as well: a negative amount passes any upper cap and would lower the daily counter.
        name: `between 0 and ${perCall} per call`,
        conditions: [
          { path: `args.${parameter}`, op: 'gte', value: 0 },
          { path: `args.${parameter}`, op: 'lte', value: perCall },
        ],
        on_deny: `Blocked by policy: ${parameter} must be given, not negative, and at most ${perCall} per call.`,
      },
      {
        name: `at most ${perDay} per day`,
        conditions: [{ path: `state.${decision.tool}.daily_${parameter}`, op: 'lte', value: perDay }],
        on_deny: `Blocked by policy: the daily total of ${parameter} (${perDay}) is reached.`,
        state: { counter: `daily_${parameter}`, window: 'day', increment_from: `args.${parameter}` },
      },
    );
  }
  return rules;
}

/**
 * A split tool's method rules. Intercept's deny rules take no conditions, so both are evaluate rules
 * whose condition must hold for the call to pass; a missing argument fails every condition
 * (internal/engine), so a call without the method is denied by the first. The on_deny texts name no
 * method: values are the server author's words.
 */
function methodRules({ parameter, known, blocked }: NonNullable<ToolDecision['intercept']['methodRules']>): InterceptRule[] {
  const path = `args.${parameter}`;
  return [
    {
      name: `${parameter} is a known method`,
      conditions: [{ path, op: 'in', value: [...known] }],
      on_deny: `Blocked by policy: ${parameter} must be given and be one of the methods this tool declares.`,
    },
    {
      name: `destructive ${parameter}s blocked`,
      conditions: [{ path, op: 'not_in', value: [...blocked] }],
      on_deny: `Blocked by policy: this ${parameter} deletes or overwrites data. Ask a person to do it outside the agent.`,
    },
  ];
}

export function renderIntercept(decisions: readonly ToolDecision[], scope: PolicyScope): Rendered<InterceptPolicy> {
  const sorted = [...decisions].sort(byName);
  const hide = sorted.filter((decision) => decision.intercept.hidden).map((decision) => decision.tool);
  const entries = sorted
    .filter((decision) => decision.intercept.listed)
    .map((decision): [string, InterceptToolRules] => [decision.tool, { rules: interceptRules(decision) }]);
  if (scope.serverLimit && scope.interceptServerLimit) {
    const { max, window } = scope.serverLimit;
    entries.push([
      '*',
      {
        rules: [
          {
            name: 'server-wide limit',
            rate_limit: `${max}/${window}`,
            on_deny: `Rate limit: at most ${max} calls ${PER[window]} across all of this server's tools. Try again later.`,
          },
        ],
      },
    ]);
  }
  const policy: InterceptPolicy = {
    version: '1',
    description: scope.description,
    default: 'deny',
    ...(hide.length > 0 ? { hide } : {}),
    tools: Object.fromEntries(entries),
  };
  checked(InterceptPolicy, policy, 'Intercept YAML');
  return { object: policy, text: toYaml(policy as unknown as { [key: string]: YamlValue }) };
}

/** A rule shared by several tools (their names normalise alike) carries the strictest of their lists. */
export function claudeLists(decisions: readonly ToolDecision[]): Map<string, { list: 'allow' | 'ask' | 'deny'; tools: string[] }> {
  const order = ['allow', 'ask', 'deny'] as const;
  const rules = new Map<string, { list: 'allow' | 'ask' | 'deny'; tools: string[] }>();
  for (const decision of [...decisions].sort(byName)) {
    const { rule, list } = decision.claude;
    const current = rules.get(rule);
    if (!current) rules.set(rule, { list, tools: [decision.tool] });
    else {
      current.tools.push(decision.tool);
      if (order.indexOf(list) > order.indexOf(current.list)) current.list = list;
    }
  }
  return rules;
}

export function renderClaude(decisions: readonly ToolDecision[]): Rendered<ClaudeSettings> {
  const lists = { allow: [] as string[], ask: [] as string[], deny: [] as string[] };
  for (const [rule, { list }] of claudeLists(decisions)) lists[list].push(rule);
  const permissions: ClaudeSettings['permissions'] = {};
  for (const list of ['allow', 'ask', 'deny'] as const) {
    if (lists[list].length > 0) permissions[list] = lists[list].sort(compareCodePoints);
  }
  return json(checked(ClaudeSettings, { permissions }, 'Claude Code settings'));
}
