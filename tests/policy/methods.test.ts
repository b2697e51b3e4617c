// Tools that choose what they do by a method argument: decided per method, on the real GitHub server
// and on hostile enums. What Intercept does with the rules is checked with its documented semantics
// (internal/engine: a missing argument fails every condition; `in` compares each list item).
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { classifyTool } from '../../src/classify';
import { policyForServer, policyForTool, type PolicyFormats } from '../../src/policy';
import { findMethodParameter, METHOD_LIMITS, methodDefinition } from '../../src/policy/methods';
import type { Classification } from '../../src/schema/classification';
import { ClaudeSettings, HostedPolicy, InterceptPolicy, type InterceptCondition, type InterceptRule } from '../../src/schema/policy';
import type { McpTool } from '../../src/schema/tool';
import { readServer } from '../../src/store/dataset';

const github = readServer('data', 'github-github-mcp-server-c4b8cae9');
if (!github) throw new Error('the GitHub server file is missing from data/servers');
const githubTool = (name: string): McpTool => {
  const found = github.tools.find((tool) => tool.definition.name === name);
  if (!found) throw new Error(`no ${name} on the GitHub server`);
  return found.definition;
};
const gh = (name: string) => {
  const definition = githubTool(name);
  return policyForTool(definition, classifyTool(definition), { serverDisplayName: 'GitHub', exfiltrationTriangle: true });
};

type Verdict = Pick<Classification, 'category' | 'risk' | 'labels' | 'insufficientInformation'>;
const destructive: Verdict = { category: 'Destructive', risk: 'Critical', labels: ['destructive'], insufficientInformation: false };
const withMethods = (name: string, values: unknown[], extra: Record<string, unknown> = {}): McpTool => ({
  name,
  inputSchema: { type: 'object', properties: { method: { type: 'string', enum: values }, ...extra }, required: ['method'] },
});

function parseAll(policy: PolicyFormats) {
  const hosted = JSON.parse(policy.hostedJson.text);
  const intercept = YAML.parse(policy.interceptYaml.text, { version: '1.1', merge: true, uniqueKeys: true });
  const claude = JSON.parse(policy.claudeSettings.text);
  const issues = [HostedPolicy.safeParse(hosted), InterceptPolicy.safeParse(intercept), ClaudeSettings.safeParse(claude)].flatMap((result) =>
    result.success ? [] : result.error.issues.map((issue) => issue.message),
  );
  expect(issues).toEqual([]);
  expect(hosted).toEqual(policy.hostedJson.object);
  expect(intercept).toEqual(policy.interceptYaml.object);
  return { hosted, intercept, claude };
}

/** Intercept's verdict on a call's arguments from a tool's argument conditions (state rules pass here: no counter is read). */
function interceptAllows(rules: readonly InterceptRule[], args: Record<string, unknown>): boolean {
  const holds = (condition: InterceptCondition): boolean => {
    if (condition.path.startsWith('state.')) return true;
    const name = condition.path.slice('args.'.length);
    if (!Object.hasOwn(args, name)) return false;
    const actual = String(args[name]);
    const list = (condition.value as unknown[]).map(String);
    if (condition.op === 'in') return list.includes(actual);
    if (condition.op === 'not_in') return !list.includes(actual);
    throw new Error(`unexpected op ${condition.op}`);
  };
  return rules.every((rule) => rule.action !== 'deny' && (rule.rate_limit !== undefined || (rule.conditions ?? []).every(holds)));
}

describe('finding the method argument', () => {
  it('reads issue_write\'s method enum, in the author\'s order, as required', () => {
    expect(findMethodParameter(githubTool('issue_write'))).toEqual({ parameter: 'method', values: ['create', 'update'], required: true });
  });

  it('takes action, operation, op, command and mode too, and prefers method when a tool has several', () => {
    expect(findMethodParameter(withMethods('t', ['a', 'b'], { action: { type: 'string', enum: ['x', 'y'] } }))?.parameter).toBe('method');
    for (const name of ['action', 'operation', 'op', 'command', 'mode', 'Action']) {
      const definition = { name: 't', inputSchema: { type: 'object', properties: { [name]: { type: 'string', enum: ['get', 'delete'] } } } };
      expect(findMethodParameter(definition)?.parameter).toBe(name);
    }
  });

  it('ignores what is not a list of method names: one value, numbers, other names, a dotted name, too many or too long values, lone surrogates', () => {
    const none = [
      withMethods('t', ['only']),
      withMethods('t', [1, 2]),
      { name: 't', inputSchema: { type: 'object', properties: { state: { type: 'string', enum: ['open', 'closed'] } } } },
      { name: 't', inputSchema: { type: 'object', properties: { 'a.method': { type: 'string', enum: ['get', 'delete'] } } } },
      { name: 't', inputSchema: { type: 'object', properties: { method: { type: 'integer', enum: ['get', 'delete'] } } } },
      withMethods('t', Array.from({ length: METHOD_LIMITS.values + 1 }, (_, index) => `m${index}`)),
      withMethods('t', ['get', 'd'.repeat(METHOD_LIMITS.valueLength + 1)]),
      withMethods('t', ['get', 'delete\uD800']),
      { name: 't', inputSchema: { type: 'object', properties: 'method' } },
    ];
    for (const definition of none) expect(findMethodParameter(definition as McpTool)).toBeUndefined();
  });

  it('names each method with the tool\'s own nouns, leaving out the verb the tool name uses for all of them', () => {
    expect(methodDefinition(githubTool('label_write'), { parameter: 'method', values: [], required: true }, 'delete').name).toBe('delete_label');
    const definition = methodDefinition(githubTool('issue_write'), { parameter: 'method', values: [], required: true }, 'create');
    expect(definition.name).toBe('create_issue');
    expect(Object.keys(definition.inputSchema.properties as object)).not.toContain('method');
  });
});

describe('per-method decisions on the real GitHub tools', () => {
  it('actions_run_trigger: deletes of run logs are denied by argument, running and cancelling stay, with Execute\'s limit and approval', () => {
    const policy = gh('actions_run_trigger');
    const { decision } = policy;
    expect(decision.category).toBe('Destructive');
    expect(decision.access).toBe('allow');
    expect(decision.methods?.split).toBe(true);
    expect(decision.methods?.blocked).toEqual(['delete_workflow_run_logs']);
    expect(decision.methods?.methods.find((method) => method.value === 'run_workflow')).toMatchObject({ category: 'Execute', access: 'allow' });
    expect(decision.limits).toEqual([{ max: 10, window: 'hour' }]);
    expect(decision.approval).toBe(true);

    const { hosted, intercept, claude } = parseAll(policy);
    expect(hosted.hide).toBeUndefined();
    expect(hosted.tools.actions_run_trigger.deny_if).toEqual([{ path: 'args.method', op: 'eq', value: 'delete_workflow_run_logs' }]);
    const rules: InterceptRule[] = intercept.tools.actions_run_trigger.rules;
    expect(intercept.hide).toBeUndefined();
    expect(interceptAllows(rules, { method: 'run_workflow', owner: 'o' })).toBe(true);
    expect(interceptAllows(rules, { method: 'cancel_workflow_run' })).toBe(true);
    expect(interceptAllows(rules, { method: 'delete_workflow_run_logs' })).toBe(false);
    expect(interceptAllows(rules, { method: 'delete_everything' })).toBe(false);
    expect(interceptAllows(rules, { owner: 'o' })).toBe(false);
    expect(rules.some((rule) => rule.rate_limit === '10/hour')).toBe(true);
    // Claude Code cannot tell methods apart: a person sees each call.
    expect(claude.permissions).toEqual({ ask: ['mcp__github__actions_run_trigger'] });
    expect(policy.decision.claude.notes.join(' ')).toContain('cannot read arguments');
  });

  it('pull_request_review_write: an agent can review a pull request; deleting a pending review is denied', () => {
    const policy = gh('pull_request_review_write');
    expect(policy.decision.methods?.blocked).toEqual(['delete_pending']);
    const { intercept } = parseAll(policy);
    const rules: InterceptRule[] = intercept.tools.pull_request_review_write.rules;
    for (const method of ['create', 'submit_pending', 'resolve_thread', 'unresolve_thread']) expect(interceptAllows(rules, { method })).toBe(true);
    expect(interceptAllows(rules, { method: 'delete_pending' })).toBe(false);
    // Its outward channel on a server with the exfiltration triangle keeps 10 an hour and approval.
    expect(policy.decision.limits).toEqual([{ max: 10, window: 'hour' }]);
    expect(policy.decision.approval).toBe(true);
    expect(policy.explanation).toMatch(/"delete_pending": blocked by argument \(Destructive, risk Critical\)/);
    expect(policy.explanation).toMatch(/"create", "submit_pending" or "unresolve_thread": allowed \(Write\)/);
  });

  it('issue_write: no method is destructive, so nothing changes but the words, which list its methods', () => {
    const policy = gh('issue_write');
    expect(policy.decision.methods).toMatchObject({ split: false, blocked: [] });
    expect(policy.decision.limits).toEqual([{ max: 30, window: 'hour' }]);
    expect(Object.keys(policy.interceptYaml.object.tools.issue_write?.rules ?? {})).toHaveLength(1);
    expect(policy.explanation).toContain('Its argument "method" chooses what it does ("create" or "update"); none of them is blocked on its own');
  });

  it('the whole server: 13 tools hidden before, 4 after, each of them a tool with no method argument', () => {
    const policy = policyForServer(github, classifyTool);
    const hidden = policy.decisions.filter((decision) => decision.access === 'hide').map((decision) => decision.tool);
    // remove_sub_issue takes a sub-issue off its parent (Write since issue 13), so it is no longer hidden.
    expect(hidden).toEqual(['delete_file', 'delete_pending_pull_request_review', 'delete_repository', 'update_issue_type']);
    expect(hidden.every((name) => findMethodParameter(githubTool(name)) === undefined)).toBe(true);
    const split = policy.decisions.filter((decision) => decision.methods?.split).map((decision) => decision.tool);
    expect(split).toEqual(expect.arrayContaining(['pull_request_review_write', 'label_write', 'projects_write', 'actions_run_trigger']));
    // issue_dependency_write and the two notification-subscription tools block no method any more
    // (removing a dependency or deleting a subscription is Write), so they are allowed whole, not split.
    expect(hidden.length + split.length).toBe(9);
    // Every method a split tool still blocks is Destructive on its own.
    for (const decision of policy.decisions.filter((entry) => entry.methods?.split)) {
      for (const method of decision.methods?.methods ?? []) expect(method.access === 'allow').toBe(method.category !== 'Destructive');
    }
    expect(policy.explanation).toContain('5 tools choose what they do by an argument');
    parseAll(policy);
  });
});

describe('a split never loosens an allowed tool', () => {
  it('keeps the approval and limits the whole tool had, and only adds the denial of its destructive methods', () => {
    const definition = withMethods('records_admin', ['get', 'update', 'delete']);
    const whole = { category: 'Write', risk: 'High', labels: ['credentials'], insufficientInformation: false } as const;
    const policy = policyForTool(definition, { ...whole, labels: [...whole.labels] });
    expect(policy.decision.methods).toMatchObject({ split: true, blocked: ['delete'] });
    expect(policy.decision.approval).toBe(true);
    expect(policy.decision.limits).toEqual([{ max: 10, window: 'hour' }]);
    expect(policy.decision.rows.map((row) => row.id)).toEqual(expect.arrayContaining(['risk.raised', 'label.credentials']));
  });
});

describe('what is never split', () => {
  it('a tool whose name alone destroys keeps its verdict, whatever its modes are called', () => {
    const policy = policyForTool({ name: 'delete_file', inputSchema: { type: 'object', properties: { mode: { type: 'string', enum: ['trash', 'permanent'] } } } }, destructive);
    expect(policy.decision.access).toBe('hide');
    expect(policy.decision.methods?.split).toBe(false);
    expect(policy.explanation).toContain('its name alone says it destroys');
  });

  it('a Financial tool keeps its amount cap on every method', () => {
    const definition = withMethods('payments', ['create_refund', 'list_refunds'], { amount: { type: 'integer' } });
    const policy = policyForTool(definition, { category: 'Financial', risk: 'Critical', labels: [], insufficientInformation: false });
    expect(policy.decision.methods).toBeUndefined();
    expect(policy.decision.amountCap?.parameter).toBe('amount');
  });

  it('a tool whose methods all destroy stays hidden', () => {
    const policy = policyForTool(withMethods('records_write', ['delete', 'purge']), destructive);
    expect(policy.decision.access).toBe('hide');
    expect(policy.explanation).toContain('each of them is blocked on its own');
  });
});

describe('hostile method values', () => {
  const HOSTILE = ['get.all', 'say "hi"', "it's", '*', '- item', 'a: b', '#x', 'yes', '<script>', 'line\nbreak', '\u2028', 'x'.repeat(METHOD_LIMITS.valueLength)];

  it('render valid, exact policies that deny exactly the destructive ones', () => {
    const values = [...HOSTILE, 'delete', 'remove.all'];
    const policy = policyForTool(withMethods('records_write', values), destructive);
    expect(policy.decision.methods?.split).toBe(true);
    const { hosted, intercept } = parseAll(policy);
    const rules: InterceptRule[] = intercept.tools.records_write.rules;
    expect(rules[0]?.conditions?.[0]?.value).toEqual(values);
    const denied = hosted.tools.records_write.deny_if.map((entry: { value: string }) => entry.value);
    expect(denied).toEqual(policy.decision.methods?.blocked);
    expect(denied).toEqual(expect.arrayContaining(['delete', 'remove.all']));
    for (const value of values) expect(interceptAllows(rules, { method: value })).toBe(!denied.includes(value));
    // Each value is quoted in the words, so a line break or a quote cannot end a sentence early.
    expect(policy.explanation).toContain(JSON.stringify('line\nbreak'));
    expect(policy.explanation).not.toContain('line\nbreak');
  });

  it('a 40-value enum renders valid policies in a server policy too', () => {
    const values = Array.from({ length: METHOD_LIMITS.values }, (_, index) => (index % 2 === 0 ? `delete_${index}` : `get_${index}`));
    const policy = policyForServer({ id: 's', displayName: 'S', tools: [{ definition: withMethods('things', values), hash: '0'.repeat(16) }] }, () => destructive);
    const { intercept } = parseAll(policy);
    expect(intercept.tools.things.rules[1].conditions[0].value).toHaveLength(METHOD_LIMITS.values / 2);
  });
});

describe('the hosted deny_if entry', () => {
  const policy = (entry: unknown) => HostedPolicy.safeParse({ version: '1', default: 'deny', tools: { t: { deny_if: [entry] } } });
  it('takes a string for eq and neq (a method name), and refuses one for an ordering', () => {
    expect(policy({ path: 'args.method', op: 'eq', value: 'delete' }).success).toBe(true);
    expect(policy({ path: 'args.method', op: 'neq', value: 'get' }).success).toBe(true);
    const ordered = policy({ path: 'args.method', op: 'gt', value: 'delete' });
    expect(ordered.success).toBe(false);
    expect(ordered.error?.issues[0]?.message).toContain('compares numbers');
  });
});
