// Every error in the "Validation errors" table of Intercept's POLICY.md, as a policy file that must be
// rejected with Intercept's own message, next to a valid file that must pass. Inputs are YAML text,
// parsed as a user's file would be.
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { InterceptPolicy } from '../../src/schema/policy';

function messages(text: string): string[] {
  const result = InterceptPolicy.safeParse(YAML.parse(text));
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

const VALID = `
version: "1"
description: "a valid policy using every feature"
default: deny
hide:
  - drop_database
tools:
  read_file:
    rules: []
  create_issue:
    rules:
      - name: hourly issue limit
        rate_limit: 5/hour
      - name: labels allowed
        conditions:
          - path: args.labels
            op: contains
            value: bug
          - path: args.repo
            op: in
            value: [a, b]
          - path: args.title
            op: regex
            value: "^feat"
          - path: args.assignee
            op: exists
            value: false
  pay:
    rules:
      - name: max single payment
        conditions:
          - path: args.amount
            op: lte
            value: 5000
        on_deny: too much
      - name: daily spend
        conditions:
          - path: state.pay.daily_spend
            op: lt
            value: 100000
        state:
          counter: daily_spend
          window: day
          increment_from: args.amount
  delete_thing:
    rules:
      - name: block
        action: deny
        on_deny: no
  "*":
    rules:
      - name: global
        conditions:
          - path: state._global.calls
            op: lte
            value: 60
        state:
          counter: calls
          window: minute
`;

/** [documented error, policy text that must produce it]. */
const MUST_REJECT: [string, string][] = [
  ['hide[1]: entry must not be empty', 'version: "1"\nhide: [a, "  "]\ntools: {}'],
  ['hide: duplicate entry "a"', 'version: "1"\nhide: [a, b, a]\ntools: {}'],
  ['version must be "1", got "2"', 'version: "2"\ntools: {}'],
  ['version must be "1", got ""', 'tools: {}'],
  ['default must be "allow" or "deny", got "block"', 'version: "1"\ndefault: block\ntools: {}'],
  ['rule must have a name', 'version: "1"\ntools:\n  t:\n    rules:\n      - action: deny'],
  ['rule must have a name', 'version: "1"\ntools:\n  t:\n    rules:\n      - rate_limit: 5/hour'],
  ['action must be "evaluate" or "deny", got "allow"', 'version: "1"\ntools:\n  t:\n    rules:\n      - name: r\n        action: allow'],
  [
    'deny rules must not have conditions',
    'version: "1"\ntools:\n  t:\n    rules:\n      - name: r\n        action: deny\n        conditions:\n          - {path: args.a, op: eq, value: 1}',
  ],
  ['evaluate rules must have at least one condition', 'version: "1"\ntools:\n  t:\n    rules:\n      - name: r'],
  ['evaluate rules must have at least one condition', 'version: "1"\ntools:\n  t:\n    rules:\n      - name: r\n        action: evaluate\n        conditions: []'],
  [
    'path must start with "args." or "state.", got "arguments.a"',
    'version: "1"\ntools:\n  t:\n    rules:\n      - name: r\n        conditions:\n          - {path: arguments.a, op: eq, value: 1}',
  ],
  ['unknown operator "lessthan"', 'version: "1"\ntools:\n  t:\n    rules:\n      - name: r\n        conditions:\n          - {path: args.a, op: lessthan, value: 1}'],
  ['operator "in" requires a list value', 'version: "1"\ntools:\n  t:\n    rules:\n      - name: r\n        conditions:\n          - {path: args.a, op: in, value: usd}'],
  ['operator "not_in" requires a list value', 'version: "1"\ntools:\n  t:\n    rules:\n      - name: r\n        conditions:\n          - {path: args.a, op: not_in, value: admin}'],
  ['operator "lte" requires a numeric value', 'version: "1"\ntools:\n  t:\n    rules:\n      - name: r\n        conditions:\n          - {path: args.a, op: lte, value: "5000"}'],
  ['operator "gt" requires a numeric value', 'version: "1"\ntools:\n  t:\n    rules:\n      - name: r\n        conditions:\n          - {path: args.a, op: gt, value: true}'],
  ['operator "exists" requires a boolean value', 'version: "1"\ntools:\n  t:\n    rules:\n      - name: r\n        conditions:\n          - {path: args.a, op: exists, value: "yes"}'],
  ['regex value must be a string', 'version: "1"\ntools:\n  t:\n    rules:\n      - name: r\n        conditions:\n          - {path: args.a, op: regex, value: 5}'],
  ['invalid regex "(unclosed"', 'version: "1"\ntools:\n  t:\n    rules:\n      - name: r\n        conditions:\n          - {path: args.a, op: regex, value: "(unclosed"}'],
  [
    'counter must not be empty',
    'version: "1"\ntools:\n  t:\n    rules:\n      - name: r\n        conditions:\n          - {path: state.t.c, op: lte, value: 1}\n        state: {counter: "", window: day}',
  ],
  [
    'window must be "minute", "hour", or "day", got "60"',
    'version: "1"\ntools:\n  t:\n    rules:\n      - name: r\n        conditions:\n          - {path: state.t.c, op: lte, value: 1}\n        state: {counter: c, window: "60"}',
  ],
  [
    'increment_from must start with "args.", got "amount"',
    'version: "1"\ntools:\n  t:\n    rules:\n      - name: r\n        conditions:\n          - {path: state.t.c, op: lte, value: 1}\n        state: {counter: c, window: day, increment_from: amount}',
  ],
  [
    'condition references state.t.missing but no matching state block found',
    'version: "1"\ntools:\n  t:\n    rules:\n      - name: r\n        conditions:\n          - {path: state.t.missing, op: lte, value: 1}',
  ],
  ['rate_limit count must be a positive integer, got "0"', 'version: "1"\ntools:\n  t:\n    rules:\n      - name: r\n        rate_limit: 0/hour'],
  ['rate_limit count must be a positive integer, got "five"', 'version: "1"\ntools:\n  t:\n    rules:\n      - name: r\n        rate_limit: five/hour'],
  ['rate_limit must be in the format "N/window" (e.g. "5/hour"), got "5"', 'version: "1"\ntools:\n  t:\n    rules:\n      - name: r\n        rate_limit: "5"'],
  ['rate_limit window must be "minute", "hour", or "day", got "60"', 'version: "1"\ntools:\n  t:\n    rules:\n      - name: r\n        rate_limit: 5/60'],
  [
    'rate_limit cannot be combined with conditions or state',
    'version: "1"\ntools:\n  t:\n    rules:\n      - name: r\n        rate_limit: 5/hour\n        conditions:\n          - {path: args.a, op: eq, value: 1}',
  ],
  ['rate_limit cannot be combined with conditions or state', 'version: "1"\ntools:\n  t:\n    rules:\n      - name: r\n        rate_limit: 5/hour\n        state: {counter: c, window: day}'],
  ['rate_limit cannot be used with action "deny"', 'version: "1"\ntools:\n  t:\n    rules:\n      - name: r\n        action: deny\n        rate_limit: 5/hour'],
  ['duplicate state counter "_rate_hour" (also used by rules[0])', 'version: "1"\ntools:\n  t:\n    rules:\n      - {name: a, rate_limit: 5/hour}\n      - {name: b, rate_limit: 9/hour}'],
  [
    'duplicate state counter "c" (also used by rules[0])',
    'version: "1"\ntools:\n  t:\n    rules:\n      - name: a\n        conditions: [{path: state.t.c, op: lte, value: 1}]\n        state: {counter: c, window: day}\n      - name: b\n        conditions: [{path: state.t.c, op: lte, value: 2}]\n        state: {counter: c, window: hour}',
  ],
];

describe('Intercept policy schema', () => {
  it('accepts a policy that uses every documented feature', () => {
    expect(messages(VALID)).toEqual([]);
  });

  it('accepts the smallest policy: a version and a tools map', () => {
    expect(messages('version: "1"\ntools: {}')).toEqual([]);
  });

  it.each(MUST_REJECT)('rejects with Intercept\'s error: %s', (expected, text) => {
    const found = messages(text);
    expect(found.some((message) => message.startsWith(expected) || message.includes(expected)), `got: ${found.join(' | ')}`).toBe(true);
  });

  it('finds a blank hide entry the way Go does: NEL is space, the BOM is not', () => {
    expect(InterceptPolicy.safeParse({ version: '1', hide: ['\u0085\u0085'], tools: {} }).success).toBe(false);
    expect(InterceptPolicy.safeParse({ version: '1', hide: ['\u3000'], tools: {} }).success).toBe(false);
    expect(InterceptPolicy.safeParse({ version: '1', hide: ['\ufeff'], tools: {} }).success).toBe(true);
  });

  it('requires the tools map (POLICY.md marks it required)', () => {
    expect(InterceptPolicy.safeParse({ version: '1' }).success).toBe(false);
  });

  it('finds a counter the way Intercept does: a dotted tool name can never match its own state block', () => {
    const text = 'version: "1"\ntools:\n  "a.b":\n    rules:\n      - name: r\n        rate_limit: 5/hour';
    expect(messages(text)).toContain('condition references state.a.b._rate_hour but no matching state block found');
  });

  it('reads state._global from a tool named "_global" before the "*" section, as Intercept does', () => {
    const text = [
      'version: "1"',
      'tools:',
      '  _global:',
      '    rules: []',
      '  "*":',
      '    rules:',
      '      - name: global',
      '        rate_limit: 60/minute',
    ].join('\n');
    expect(messages(text)).toContain('condition references state._global._rate_minute but no matching state block found');
    expect(messages(text.replace('  _global:\n    rules: []\n', ''))).toEqual([]);
  });

  it('validates a tool named __proto__ instead of dropping it (z.record would)', () => {
    const policy = JSON.parse('{"version":"1","tools":{"__proto__":{"rules":[{"name":"r","action":"deny","conditions":[{"path":"args.a","op":"eq","value":1}]}]}}}');
    const result = InterceptPolicy.safeParse(policy);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain('deny rules must not have conditions');
  });

  it('keeps what it validated: the parsed policy equals the input', () => {
    const input = YAML.parse(VALID);
    expect(InterceptPolicy.parse(input)).toEqual(input);
  });
});
