// The three policy formats the catalog emits, each as a zod schema that mirrors the format's own
// documented rules, so a generated file that would not load in its gateway fails here first.
// Plain zod (no astro:*): imported by src/policy, the site's download endpoints and the tests.
import { z } from 'zod';

/** The windows every format here understands. */
export const PolicyWindow = z.enum(['minute', 'hour', 'day']);
export type PolicyWindow = z.infer<typeof PolicyWindow>;

/**
 * A map keyed by tool name, validated entry by entry over the object's OWN keys. `z.record` drops a
 * key named `__proto__` (tool names are attacker-chosen, and `__proto__` is a legal one), which would
 * let an entry escape validation; this keeps every key and returns the input unchanged.
 */
function toolMap<T extends z.ZodType>(entry: T) {
  return z
    .custom<Record<string, z.output<T>>>(
      (input) => typeof input === 'object' && input !== null && !Array.isArray(input),
      'must be a map of tool names',
    )
    .superRefine((input, ctx) => {
      for (const key of Object.keys(input)) {
        const result = entry.safeParse((input as Record<string, unknown>)[key]);
        if (result.success) continue;
        for (const issue of result.error.issues) {
          ctx.addIssue({ code: 'custom', message: issue.message, path: [key, ...issue.path] });
        }
      }
    });
}

// ---------------------------------------------------------------------------------------------------
// 1. Hosted JSON policy (PolicyLayer's gateway; https://policylayer.com/docs/writing-policies).

/** A call quota. Documented shape: `{counter, window, max, scope: "grant"}`. */
export const HostedLimit = z.strictObject({
  /** Counter name; counters are per grant, so two tools must never share one by accident. */
  counter: z.string().min(1, 'a limit needs a counter name'),
  window: PolicyWindow,
  /** Calls (or units) allowed per window. */
  max: z.number().int().positive(),
  scope: z.literal('grant'),
});
export type HostedLimit = z.infer<typeof HostedLimit>;

/**
 * An argument condition that denies the call when it holds ("deny charges over 10000" in the docs).
 * The stored documentation shows `deny_if` only as a list, not its entries: this entry shape follows
 * Intercept's condition vocabulary and is the one part of this format the catalog could not check.
 */
export const HostedDenyIf = z
  .strictObject({
    /** `args.<parameter>`: the argument the condition reads. */
    path: z.string().regex(/^args\.[^.]+$/, 'a deny_if path is args.<parameter>'),
    op: z.enum(['gt', 'gte', 'lt', 'lte', 'eq', 'neq']),
    /** A number, or for `eq`/`neq` a string (a method name): ordering a string means nothing. */
    value: z.union([z.number(), z.string()]),
  })
  .refine((entry) => typeof entry.value === 'number' || entry.op === 'eq' || entry.op === 'neq', {
    error: (issue) => `deny_if: operator "${String((issue.input as { op?: unknown }).op)}" compares numbers, not a string`,
  });
export type HostedDenyIf = z.infer<typeof HostedDenyIf>;

/** Per-tool rules. Under `default: deny`, listing a tool with `{}` allows it. */
export const HostedToolRules = z.strictObject({
  deny_if: z.array(HostedDenyIf).optional(),
  limits: z.array(HostedLimit).optional(),
});
export type HostedToolRules = z.infer<typeof HostedToolRules>;

export const HostedPolicy = z
  .strictObject({
    /** Only "1" is recognised. */
    version: z.literal('1'),
    /** Required: what happens to tools not listed under `tools`. */
    default: z.enum(['allow', 'deny']),
    /** Tools removed from tools/list and denied at call time; `"*"` hides everything. */
    hide: z.array(z.string().min(1)).optional(),
    /** Static quota limits across every tool call. */
    all_tools: z.strictObject({ limits: z.array(HostedLimit) }).optional(),
    /** Per-tool rules (optional in the docs; the catalog always writes it). */
    tools: toolMap(HostedToolRules).optional(),
  })
  .superRefine((policy, ctx) => {
    const seen = new Set<string>();
    policy.hide?.forEach((name, index) => {
      if (seen.has(name)) ctx.addIssue({ code: 'custom', path: ['hide', index], message: `hide: duplicate entry "${name}"` });
      seen.add(name);
    });
    // Counters are shared by name within a grant: one name used twice counts two things as one.
    const counters = new Map<string, string>();
    const claim = (counter: string, owner: string, path: (string | number)[]) => {
      const previous = counters.get(counter);
      if (previous !== undefined) {
        ctx.addIssue({ code: 'custom', path, message: `counter "${counter}" is already used by ${previous}` });
      } else counters.set(counter, owner);
    };
    policy.all_tools?.limits.forEach((limit, index) => claim(limit.counter, 'all_tools', ['all_tools', 'limits', index, 'counter']));
    const tools = policy.tools ?? {};
    for (const name of Object.keys(tools)) {
      tools[name]?.limits?.forEach((limit, index) =>
        claim(limit.counter, `tool ${JSON.stringify(name)}`, ['tools', name, 'limits', index, 'counter']),
      );
    }
  });
export type HostedPolicy = z.infer<typeof HostedPolicy>;

// ---------------------------------------------------------------------------------------------------
// 2. Intercept YAML (PolicyLayer/Intercept, Apache-2.0). Every rule below is one row of the
// "Validation errors" table of its POLICY.md, checked against internal/config/validate.go; the
// messages are Intercept's own, so a test failure reads like `intercept validate` would.

const NUMERIC_OPS = new Set(['lt', 'lte', 'gt', 'gte']);

/**
 * Go's strings.TrimSpace(s) == "": Intercept's test for an empty hide entry. Go's unicode.IsSpace
 * differs from JavaScript's trim(): it counts NEL (U+0085) as space and the BOM (U+FEFF) as not.
 */
export function isBlankForGo(text: string): boolean {
  return /^[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*$/.test(text);
}
const LIST_OPS = new Set(['in', 'not_in']);

export const InterceptOperator = z.enum(['eq', 'neq', 'in', 'not_in', 'lt', 'lte', 'gt', 'gte', 'regex', 'contains', 'exists'], {
  error: (issue) => `unknown operator "${String(issue.input)}"`,
});
export type InterceptOperator = z.infer<typeof InterceptOperator>;

export const InterceptCondition = z
  .strictObject({
    /** `args.<field>` (dots descend into nested arguments) or `state.<scope>.<counter>`. */
    path: z.string().refine((path) => path.startsWith('args.') || path.startsWith('state.'), {
      error: (issue) => `path must start with "args." or "state.", got "${String(issue.input)}"`,
    }),
    op: InterceptOperator,
    value: z.unknown(),
  })
  .superRefine((condition, ctx) => {
    const { op, value } = condition;
    if (LIST_OPS.has(op) && !Array.isArray(value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `operator "${op}" requires a list value` });
    }
    if (NUMERIC_OPS.has(op) && typeof value !== 'number') {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `operator "${op}" requires a numeric value` });
    }
    if (op === 'exists' && typeof value !== 'boolean') {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'operator "exists" requires a boolean value' });
    }
    if (op === 'regex') {
      if (typeof value !== 'string') {
        ctx.addIssue({ code: 'custom', path: ['value'], message: 'regex value must be a string' });
      } else {
        // Intercept compiles with Go's RE2; JavaScript's engine is the closest check available here.
        try {
          new RegExp(value);
        } catch (error) {
          ctx.addIssue({ code: 'custom', path: ['value'], message: `invalid regex "${value}": ${(error as Error).message}` });
        }
      }
    }
  });
export type InterceptCondition = z.infer<typeof InterceptCondition>;

export const InterceptState = z.strictObject({
  /** Referenced in conditions as `state.<tool>.<counter>` (`state._global.<counter>` under `"*"`). */
  counter: z.string().min(1, 'counter must not be empty'),
  window: z.enum(['minute', 'hour', 'day'], {
    error: (issue) => `window must be "minute", "hour", or "day", got "${String(issue.input)}"`,
  }),
  /** Fixed amount per allowed call (default 1). Intercept reads it as an integer. */
  increment: z.number().int().optional(),
  /** `args.<field>` whose value is added instead of `increment`. */
  increment_from: z
    .string()
    .refine((path) => path.startsWith('args.'), { error: (issue) => `increment_from must start with "args.", got "${String(issue.input)}"` })
    .optional(),
});
export type InterceptState = z.infer<typeof InterceptState>;

export const InterceptRule = z.strictObject({
  /** Required (checked with the other cross-field rules below, after rate_limit is expanded). */
  name: z.string().optional(),
  /** Default `evaluate`. */
  action: z.enum(['evaluate', 'deny'], { error: (issue) => `action must be "evaluate" or "deny", got "${String(issue.input)}"` }).optional(),
  /** Shorthand `<count>/<window>`. */
  rate_limit: z.string().optional(),
  conditions: z.array(InterceptCondition).optional(),
  /** Shown to the agent after `[INTERCEPT POLICY DENIED]`. */
  on_deny: z.string().optional(),
  state: InterceptState.optional(),
});
export type InterceptRule = z.infer<typeof InterceptRule>;

export const InterceptToolRules = z.strictObject({ rules: z.array(InterceptRule) });
export type InterceptToolRules = z.infer<typeof InterceptToolRules>;

/** Parses `<count>/<window>` exactly as Intercept does; returns the error message or the parts. */
export function parseRateLimit(text: string): { count: number; window: PolicyWindow } | { error: string } {
  const slash = text.indexOf('/');
  if (slash < 0) return { error: `rate_limit must be in the format "N/window" (e.g. "5/hour"), got "${text}"` };
  const countText = text.slice(0, slash);
  const window = text.slice(slash + 1);
  // Go's strconv.Atoi: optional sign, decimal digits only.
  const count = /^[+-]?\d+$/.test(countText) ? Number(countText) : Number.NaN;
  if (!Number.isSafeInteger(count) || count <= 0) return { error: `rate_limit count must be a positive integer, got "${countText}"` };
  const parsed = PolicyWindow.safeParse(window);
  if (!parsed.success) return { error: `rate_limit window must be "minute", "hour", or "day", got "${window}"` };
  return { count, window: parsed.data };
}

/** A rule as Intercept sees it after expanding the rate_limit shorthand (see its config.go). */
function expandRule(toolName: string, rule: InterceptRule): InterceptRule {
  if (rule.rate_limit === undefined || rule.rate_limit === '') return rule;
  if ((rule.conditions?.length ?? 0) > 0 || rule.state !== undefined || rule.action === 'deny') return rule;
  const parsed = parseRateLimit(rule.rate_limit);
  if ('error' in parsed) return rule;
  const scope = toolName === '*' ? '_global' : toolName;
  const counter = `_rate_${parsed.window}`;
  const { rate_limit: _expanded, ...rest } = rule;
  return {
    ...rest,
    action: 'evaluate',
    conditions: [{ path: `state.${scope}.${counter}`, op: 'lte', value: parsed.count }],
    state: { counter, window: parsed.window, increment: 1 },
  };
}

function validateIntercept(policy: { hide?: string[] | undefined; tools: Record<string, InterceptToolRules> }, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  policy.hide?.forEach((name, index) => {
    if (isBlankForGo(name)) {
      ctx.addIssue({ code: 'custom', path: ['hide', index], message: `hide[${index}]: entry must not be empty` });
      return;
    }
    if (seen.has(name)) ctx.addIssue({ code: 'custom', path: ['hide', index], message: `hide: duplicate entry "${name}"` });
    seen.add(name);
  });

  const expanded = new Map<string, InterceptRule[]>();
  for (const toolName of Object.keys(policy.tools)) {
    expanded.set(toolName, (policy.tools[toolName]?.rules ?? []).map((rule) => expandRule(toolName, rule)));
  }
  // Intercept's lookup for `state.<tool>.<counter>`: split on the first two dots only, so a tool whose
  // name contains a dot can never be matched; `_global` means `"*"` unless a tool is named `_global`.
  const hasStateBlock = (toolName: string, counter: string): boolean => {
    const rules = expanded.get(toolName) ?? (toolName === '_global' ? expanded.get('*') : undefined);
    return rules?.some((rule) => rule.state?.counter === counter) ?? false;
  };

  for (const [toolName, rules] of expanded) {
    const counters = new Map<string, number>();
    rules.forEach((rule, index) => {
      if (rule.state === undefined) return;
      const previous = counters.get(rule.state.counter);
      if (previous !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['tools', toolName, 'rules', index],
          message: `duplicate state counter "${rule.state.counter}" (also used by rules[${previous}])`,
        });
      } else counters.set(rule.state.counter, index);
    });

    rules.forEach((rule, index) => {
      const path = ['tools', toolName, 'rules', index];
      const issue = (message: string) => ctx.addIssue({ code: 'custom', path, message });
      if (rule.rate_limit !== undefined && rule.rate_limit !== '') {
        // Not expanded: Intercept reports why and skips the remaining checks for this rule.
        const parsed = parseRateLimit(rule.rate_limit);
        if ('error' in parsed) issue(parsed.error);
        if ((rule.conditions?.length ?? 0) > 0 || rule.state !== undefined) {
          issue('rate_limit cannot be combined with conditions or state; use separate rules or the full syntax instead');
        }
        if (rule.action === 'deny') issue('rate_limit cannot be used with action "deny"');
        return;
      }
      if (rule.name === undefined || rule.name === '') issue('rule must have a name');
      const action = rule.action ?? 'evaluate';
      const conditions = rule.conditions ?? [];
      if (action === 'deny' && conditions.length > 0) issue('deny rules must not have conditions');
      if (action === 'evaluate' && conditions.length === 0) issue('evaluate rules must have at least one condition');
      for (const condition of conditions) {
        if (!condition.path.startsWith('state.')) continue;
        const parts = condition.path.split('.');
        if (parts.length < 3) continue;
        const scope = parts[1] ?? '';
        const counter = parts.slice(2).join('.');
        if (!hasStateBlock(scope, counter)) {
          issue(`condition references state.${scope}.${counter} but no matching state block found`);
        }
      }
    });
  }
}

/**
 * An Intercept policy file. At least as strict as Intercept: unknown keys (which Intercept ignores) and
 * an unquoted `version: 1` (which Go reads as "1") are rejected too, since the catalog never writes them.
 */
export const InterceptPolicy = z
  .strictObject({
    version: z.literal('1', { error: (issue) => `version must be "1", got "${String(issue.input ?? '')}"` }),
    description: z.string().optional(),
    /** Omitted means `allow`. */
    default: z.enum(['allow', 'deny'], { error: (issue) => `default must be "allow" or "deny", got "${String(issue.input)}"` }).optional(),
    /** Tool names removed from tools/list and denied on tools/call; `"*"` hides all tools. */
    hide: z.array(z.string()).optional(),
    /** Tool name (exact) or `"*"` (rules for every call; counters scoped `_global`). */
    tools: toolMap(InterceptToolRules),
  })
  .superRefine(validateIntercept);
export type InterceptPolicy = z.infer<typeof InterceptPolicy>;

// ---------------------------------------------------------------------------------------------------
// 3. Claude Code permissions (settings.json; code.claude.com/docs/en/permissions). Rules are checked
// deny, then ask, then allow; the first list that matches decides.

/**
 * One MCP rule naming one tool: `mcp__<server>__<tool>`. Claude Code builds these names by replacing
 * every character outside `A-Za-z0-9_-` with `_` in both segments; a `*` is a wildcard (tool segment
 * only), which the catalog never emits. The server segment must not contain `__`, or the rule cannot
 * be read back unambiguously.
 */
export const ClaudeMcpRule = z
  .string()
  .regex(/^mcp__[A-Za-z0-9-]+(?:_[A-Za-z0-9-]+)*__[A-Za-z0-9_-]+$/, 'an MCP rule is mcp__<server>__<tool> with A-Z a-z 0-9 _ - only');
export type ClaudeMcpRule = z.infer<typeof ClaudeMcpRule>;

export const ClaudeSettings = z.strictObject({
  permissions: z
    .strictObject({
      /** Approved without asking. */
      allow: z.array(ClaudeMcpRule).optional(),
      /** A person approves each call ("require approval"). */
      ask: z.array(ClaudeMcpRule).optional(),
      /** Blocked. */
      deny: z.array(ClaudeMcpRule).optional(),
    })
    .superRefine((permissions, ctx) => {
      // deny beats ask beats allow, so a rule in two lists silently means the stricter one: say it once.
      const seen = new Map<string, string>();
      for (const list of ['allow', 'ask', 'deny'] as const) {
        permissions[list]?.forEach((rule, index) => {
          const previous = seen.get(rule);
          if (previous !== undefined) ctx.addIssue({ code: 'custom', path: [list, index], message: `rule "${rule}" is also in ${previous}` });
          else seen.set(rule, list);
        });
      }
    }),
});
export type ClaudeSettings = z.infer<typeof ClaudeSettings>;
