// The decision table's behaviour, and that every rendered format and the explanation say what the
// decision says.
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import {
  AMOUNT_CAP,
  DECISION_TABLE,
  explainDecision,
  findAmountParameter,
  policyFile,
  policyForServer,
  policyForTool,
  recommendToolPolicy,
} from '../../src/policy';
import { Category, RiskClass, type CapabilityLabel, type Classification } from '../../src/schema/classification';

type Verdict = Pick<Classification, 'category' | 'risk' | 'labels' | 'insufficientInformation'>;
const verdict = (category: Verdict['category'], risk: Verdict['risk'], labels: CapabilityLabel[] = [], insufficientInformation = false): Verdict => ({
  category,
  risk,
  labels,
  insufficientInformation,
});
const tool = (name: string, properties: Record<string, unknown> = {}) => ({ name, inputSchema: { type: 'object', properties } });
const charge = tool('create_charge', { amount: { type: 'integer' }, currency: { type: 'string' } });

describe('recommendToolPolicy', () => {
  it('allows a Read tool with no per-tool limit', () => {
    const decision = recommendToolPolicy(tool('get_issue'), verdict('Read', 'Low'));
    expect(decision).toMatchObject({ access: 'allow', limits: [], approval: false });
    expect(decision.claude.list).toBe('allow');
  });

  it('rate-limits a Write tool, and asks in Claude Code, which cannot count calls', () => {
    const decision = recommendToolPolicy(tool('create_issue'), verdict('Write', 'Medium'));
    expect(decision).toMatchObject({ access: 'allow', limits: [{ max: 30, window: 'hour' }], approval: false });
    expect(decision.claude.list).toBe('ask');
  });

  it('rate-limits an Execute tool and asks for approval', () => {
    const decision = recommendToolPolicy(tool('run_command'), verdict('Execute', 'High'));
    expect(decision).toMatchObject({ access: 'allow', limits: [{ max: 10, window: 'hour' }], approval: true });
  });

  it('hides a Critical Destructive tool and blocks a lesser one, each with an on_deny saying why', () => {
    const hidden = recommendToolPolicy(tool('delete_repository'), verdict('Destructive', 'Critical'));
    expect(hidden.access).toBe('hide');
    expect(hidden.onDeny).toMatch(/irreversibl/);
    const denied = recommendToolPolicy(tool('overwrite_file'), verdict('Destructive', 'High'));
    expect(denied.access).toBe('deny');
    expect(denied.onDeny).toMatch(/deletes or overwrites/);
    expect(hidden.claude.list).toBe('deny');
  });

  it('caps a Financial tool on its amount argument: per call, per day, and asks', () => {
    const decision = recommendToolPolicy(charge, verdict('Financial', 'Critical'));
    expect(decision.access).toBe('allow');
    expect(decision.amountCap).toEqual({ parameter: 'amount', integer: true, perCall: AMOUNT_CAP.perCall, perDay: AMOUNT_CAP.perDay });
    expect(decision.approval).toBe(true);
  });

  it('says where Intercept undercounts: a decimal amount is added to its counter as a whole number', () => {
    const decimal = policyForTool(tool('pay', { amount: { type: 'number' } }), verdict('Financial', 'Critical'));
    expect(decimal.decision.amountCap?.integer).toBe(false);
    expect(decimal.explanation).toContain('as a whole number (12.5 counts as 12), so the true daily total can pass the cap by less than 20');
    expect(policyForTool(charge, verdict('Financial', 'Critical')).explanation).not.toContain('whole number');
  });

  it('denies a Financial tool with no numeric amount parameter', () => {
    const decision = recommendToolPolicy(tool('buy', { amount: { type: 'string' } }), verdict('Financial', 'Critical'));
    expect(decision.access).toBe('deny');
    expect(decision.amountCap).toBeUndefined();
    expect(decision.onDeny).toMatch(/no amount/);
  });

  it('applies modifiers: the strictest limit per window wins and approval is added', () => {
    const decision = recommendToolPolicy(tool('send_email'), verdict('Write', 'Medium', ['outward-channel', 'credentials']));
    expect(decision.limits).toEqual([{ max: 10, window: 'hour' }]);
    expect(decision.approval).toBe(true);
    expect(decision.rows.map((row) => row.id)).toEqual(['category.write', 'label.credentials', 'label.outward-channel']);
  });

  it('says plainly when a gateway cannot ask and has no per-tool limit to fall back on', () => {
    const policy = policyForTool(tool('get_secret'), verdict('Read', 'High'));
    expect(policy.decision.limits).toEqual([]);
    expect(policy.explanation).toContain('Intercept cannot ask a person, so it allows this tool with no per-tool limit');
    expect(policy.explanation).not.toContain('the limits are what it enforces');
    expect(policy.claudeSettings.object.permissions).toEqual({ ask: ['mcp__server__get_secret'] });
  });

  it('asks for approval when the classifier had too little to go on, or the risk was raised', () => {
    expect(recommendToolPolicy(tool('process'), verdict('Read', 'Low', [], true)).approval).toBe(true);
    expect(recommendToolPolicy(tool('get_secret'), verdict('Read', 'High')).approval).toBe(true);
    expect(recommendToolPolicy(tool('get_issue'), verdict('Read', 'Medium')).approval).toBe(false);
  });

  it('has exactly one category row for every category, risk and amount-parameter combination', () => {
    for (const category of Category.options) {
      for (const risk of RiskClass.options) {
        for (const definition of [tool('t'), charge]) {
          expect(() => recommendToolPolicy(definition, verdict(category, risk))).not.toThrow();
        }
      }
    }
  });

  it('gives every table row an id and a reason, and ids are unique', () => {
    const ids = DECISION_TABLE.map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const row of DECISION_TABLE) expect(row.reason.length).toBeGreaterThan(20);
  });
});

describe('findAmountParameter', () => {
  it.each([
    [{ amount: { type: 'integer' } }, 'amount'],
    [{ amount_cents: { type: 'number' } }, 'amount_cents'],
    [{ unitPrice: { type: 'number' }, amount: { type: 'number' } }, 'amount'],
    [{ total: { type: ['number', 'null'] } }, 'total'],
    [{ amount: { type: 'string' } }, undefined],
    [{ maxPrice: { type: 'number' } }, undefined],
    [{ 'amount.value': { type: 'number' } }, undefined],
    [{ currency: { type: 'number' } }, undefined],
    [{}, undefined],
  ])('%j -> %s', (properties, expected) => {
    expect(findAmountParameter({ inputSchema: { type: 'object', properties } })).toBe(expected);
  });

  it('survives schemas that are not what they claim', () => {
    expect(findAmountParameter({ inputSchema: { properties: 'amount' } })).toBeUndefined();
    expect(findAmountParameter({ inputSchema: { properties: ['amount'] } })).toBeUndefined();
    expect(findAmountParameter({ inputSchema: { properties: { amount: null } } })).toBeUndefined();
  });
});

describe('rendered formats agree with the decision and the explanation', () => {
  const cases: [string, ReturnType<typeof tool>, Verdict][] = [
    ['Read', tool('get_issue'), verdict('Read', 'Low')],
    ['Write', tool('create_issue'), verdict('Write', 'Medium')],
    ['Execute', tool('run'), verdict('Execute', 'High', ['code-execution'])],
    ['Destructive Critical', tool('drop'), verdict('Destructive', 'Critical')],
    ['Destructive High', tool('drop'), verdict('Destructive', 'High')],
    ['Financial capped', charge, verdict('Financial', 'Critical')],
    ['Financial uncapped', tool('buy'), verdict('Financial', 'Critical')],
    ['Other', tool('process'), verdict('Other', 'Medium', [], true)],
  ];

  it.each(cases)('%s', (_label, definition, classification) => {
    const policy = policyForTool(definition, classification, { serverDisplayName: 'GitHub' });
    const { decision, explanation } = policy;
    const hosted = JSON.parse(policy.hostedJson.text);
    const intercept = YAML.parse(policy.interceptYaml.text);
    const claude = JSON.parse(policy.claudeSettings.text);
    expect(hosted).toEqual(policy.hostedJson.object);
    expect(intercept).toEqual(policy.interceptYaml.object);
    expect(claude).toEqual(policy.claudeSettings.object);

    const name = definition.name;
    const interceptRules: { action?: string; rate_limit?: string; on_deny?: string; conditions?: { path: string; value: unknown }[] }[] =
      intercept.tools[name]?.rules ?? [];
    if (decision.access === 'hide') {
      expect(hosted.hide).toEqual([name]);
      expect(intercept.hide).toEqual([name]);
      expect(explanation).toContain('Hide it');
    } else {
      expect(hosted.hide).toBeUndefined();
      expect(intercept.hide).toBeUndefined();
    }
    if (decision.access !== 'allow') {
      expect(Object.keys(hosted.tools ?? {})).toEqual([]);
      expect(interceptRules).toEqual([{ name: 'blocked by policy', action: 'deny', on_deny: decision.onDeny }]);
      expect(claude.permissions).toEqual({ deny: [`mcp__github__${name}`] });
      return;
    }
    // Limits: the same numbers in JSON, YAML and words.
    expect((hosted.tools[name].limits ?? []).map((limit: { max: number; window: string }) => `${limit.max}/${limit.window}`)).toEqual(
      decision.limits.map((limit) => `${limit.max}/${limit.window}`),
    );
    expect(interceptRules.filter((rule) => rule.rate_limit).map((rule) => rule.rate_limit)).toEqual(
      decision.limits.map((limit) => `${limit.max}/${limit.window}`),
    );
    for (const limit of decision.limits) expect(explanation).toContain(`${limit.max} calls`);
    // Approval: only Claude Code can ask, and the words say so.
    const list = decision.approval || decision.limits.length > 0 || decision.amountCap ? 'ask' : 'allow';
    expect(claude.permissions).toEqual({ [list]: [`mcp__github__${name}`] });
    expect(explanation).toContain(`permissions.${list}`);
    if (decision.approval) expect(explanation).toMatch(/Intercept cannot ask a person/);
    // Financial caps.
    if (decision.amountCap) {
      expect(hosted.tools[name].deny_if).toEqual([
        { path: 'args.amount', op: 'lt', value: 0 },
        { path: 'args.amount', op: 'gt', value: AMOUNT_CAP.perCall },
      ]);
      const capRule = interceptRules.find((rule) => rule.conditions?.[0]?.path === 'args.amount');
      expect(capRule?.conditions).toEqual([
        { path: 'args.amount', op: 'gte', value: 0 },
        { path: 'args.amount', op: 'lte', value: AMOUNT_CAP.perCall },
      ]);
      const spend = interceptRules.find((rule) => (rule as { state?: { increment_from?: string } }).state?.increment_from === 'args.amount');
      expect(spend?.conditions?.[0]).toEqual({ path: `state.${name}.daily_amount`, op: 'lte', value: AMOUNT_CAP.perDay });
      expect(explanation).toContain(`capped at ${AMOUNT_CAP.perDay}`);
    }
  });

  it('explains from the decision alone: change the decision and the words follow', () => {
    const decision = recommendToolPolicy(tool('create_issue'), verdict('Write', 'Medium'));
    expect(explainDecision(decision)).toContain('at most 30 calls an hour');
    const changed = { ...decision, limits: [{ max: 7, window: 'minute' as const }] };
    const verdictLine = explainDecision(changed).split('\n')[0];
    expect(verdictLine).toContain('at most 7 calls a minute');
    expect(verdictLine).not.toContain('30 calls');
  });
});

describe('policyForServer', () => {
  const server = {
    id: 'example-0000abcd',
    displayName: 'Example MCP Server',
    tools: [
      { definition: tool('get_issue'), hash: '0000000000000000' },
      { definition: tool('create_issue'), hash: '0000000000000001' },
      { definition: tool('delete_repository'), hash: '0000000000000002' },
      { definition: charge, hash: '0000000000000003' },
    ],
  };
  const verdicts: Record<string, Verdict> = {
    get_issue: verdict('Read', 'Low'),
    create_issue: verdict('Write', 'Medium'),
    delete_repository: verdict('Destructive', 'Critical'),
    create_charge: verdict('Financial', 'Critical'),
  };
  const policy = policyForServer(server, (definition) => verdicts[definition.name] ?? verdict('Other', 'Medium'));

  it('denies by default, lists every tool per its decision, hides the hidden ones and adds a server-wide limit', () => {
    const hosted = policy.hostedJson.object;
    expect(hosted.default).toBe('deny');
    expect(hosted.hide).toEqual(['delete_repository']);
    expect(Object.keys(hosted.tools ?? {})).toEqual(['create_charge', 'create_issue', 'get_issue']);
    expect(hosted.all_tools?.limits).toEqual([{ counter: 'server:calls_per_minute', window: 'minute', max: 60, scope: 'grant' }]);

    const intercept = policy.interceptYaml.object;
    expect(intercept.default).toBe('deny');
    expect(intercept.hide).toEqual(['delete_repository']);
    expect(Object.keys(intercept.tools)).toEqual(['create_charge', 'create_issue', 'delete_repository', 'get_issue', '*']);
    expect(intercept.tools['*']?.rules[0]?.rate_limit).toBe('60/minute');
    expect(intercept.tools['get_issue']?.rules).toEqual([]);

    expect(policy.claudeSettings.object.permissions).toEqual({
      allow: ['mcp__example__get_issue'],
      ask: ['mcp__example__create_charge', 'mcp__example__create_issue'],
      deny: ['mcp__example__delete_repository'],
    });
  });

  it('explains the counts and the server-wide limit', () => {
    expect(policy.explanation).toContain('4 tools: 1 allowed, 2 allowed with limits or approval, 0 blocked, 1 hidden');
    expect(policy.explanation).toContain('60 calls a minute');
    expect(policy.explanation).toContain('"example"');
  });

  it('is deterministic: the same input gives byte-identical files, whatever the tool order', () => {
    const again = policyForServer({ ...server, tools: [...server.tools].reverse() }, (definition) => verdicts[definition.name] ?? verdict('Other', 'Medium'));
    expect(again.hostedJson.text).toBe(policy.hostedJson.text);
    expect(again.interceptYaml.text).toBe(policy.interceptYaml.text);
    expect(again.claudeSettings.text).toBe(policy.claudeSettings.text);
  });

  it('tightens outward channels when the server supplies all three sides of the exfiltration triangle', () => {
    const triangle = {
      id: 'mail-0000abcd',
      displayName: 'Mail',
      tools: [
        { definition: tool('read_inbox'), hash: '0000000000000000' },
        { definition: tool('fetch_url'), hash: '0000000000000001' },
        { definition: tool('send_email'), hash: '0000000000000002' },
      ],
    };
    const labels: Record<string, CapabilityLabel[]> = { read_inbox: ['private-data'], fetch_url: ['untrusted-content'], send_email: ['outward-channel'] };
    const classify = (definition: { name: string }) => verdict(definition.name === 'send_email' ? 'Write' : 'Read', 'Medium', labels[definition.name] ?? []);
    const withTriangle = policyForServer(triangle, classify);
    const send = withTriangle.decisions.find((decision) => decision.tool === 'send_email');
    expect(withTriangle.server.exfiltrationTriangle).toBe(true);
    expect(send?.rows.map((row) => row.id)).toContain('server.exfiltration-triangle');
    expect(send).toMatchObject({ approval: true, limits: [{ max: 10, window: 'hour' }] });
    expect(withTriangle.explanation).toContain('reads private data and untrusted content');

    const withoutUntrusted = policyForServer({ ...triangle, tools: triangle.tools.filter((entry) => entry.definition.name !== 'fetch_url') }, classify);
    expect(withoutUntrusted.server.exfiltrationTriangle).toBe(false);
    expect(withoutUntrusted.decisions.find((decision) => decision.tool === 'send_email')).toMatchObject({ approval: false, limits: [{ max: 20, window: 'hour' }] });
  });

  it('uses the Claude Code server name it is given, and refuses one that would make rules ambiguous', () => {
    const named = policyForServer(server, () => verdict('Read', 'Low'), { claudeServerName: 'gh.enterprise' });
    expect(named.claudeSettings.object.permissions.allow).toContain('mcp__gh_enterprise__get_issue');
    expect(() => policyForServer(server, () => verdict('Read', 'Low'), { claudeServerName: 'my__server' })).toThrow(/__/);
  });
});

describe('policyFile', () => {
  it('serves each download from the same text the snippet shows', () => {
    const policy = policyForTool(charge, verdict('Financial', 'Critical'));
    expect(policyFile(policy, 'policy.json')).toEqual({ contentType: 'application/json; charset=utf-8', body: policy.hostedJson.text });
    expect(policyFile(policy, 'policy.yaml').body).toBe(policy.interceptYaml.text);
    expect(policyFile(policy, 'claude-settings.json').body).toBe(policy.claudeSettings.text);
  });
});
