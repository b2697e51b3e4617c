// Every tool and every server of the embedded dataset, under every category (the classifier lives on
// another branch, and running each real definition through every verdict covers more than one
// classification would): all three formats are generated, parse back to what was meant, and pass
// their schemas.
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { policyForServer, policyForTool, type PolicyFormats } from '../../src/policy';
import { ClaudeSettings, HostedPolicy, InterceptPolicy } from '../../src/schema/policy';
import type { Classification } from '../../src/schema/classification';
import type { Server } from '../../src/schema/server';
import { iterateServers } from '../../src/store/dataset';

type Verdict = Pick<Classification, 'category' | 'risk' | 'labels' | 'insufficientInformation'>;

/** Each category at its default risk and with the labels and risk changes that alter a decision. */
const VERDICTS: Verdict[] = [
  { category: 'Read', risk: 'Low', labels: [], insufficientInformation: false },
  { category: 'Read', risk: 'High', labels: ['credentials', 'private-data', 'untrusted-content'], insufficientInformation: false },
  { category: 'Write', risk: 'Medium', labels: ['outward-channel'], insufficientInformation: false },
  { category: 'Write', risk: 'High', labels: ['destructive'], insufficientInformation: false },
  { category: 'Execute', risk: 'High', labels: ['code-execution'], insufficientInformation: false },
  { category: 'Destructive', risk: 'Critical', labels: ['destructive'], insufficientInformation: false },
  { category: 'Destructive', risk: 'High', labels: [], insufficientInformation: false },
  { category: 'Financial', risk: 'Critical', labels: ['outward-channel'], insufficientInformation: false },
  { category: 'Other', risk: 'Medium', labels: [], insufficientInformation: true },
];

const servers: Server[] = [...iterateServers('data')];
/** Each distinct definition once (forks and copies of one server list the same tools), with the first server that lists it. */
const distinctTools = [...new Map(servers.flatMap((server) => server.tools.map((tool) => [tool.hash, { definition: tool.definition, server }] as const))).values()];

function expectValid(policy: PolicyFormats): void {
  const hosted = JSON.parse(policy.hostedJson.text);
  const intercept = YAML.parse(policy.interceptYaml.text, { version: '1.1', merge: true, uniqueKeys: true });
  const claude = JSON.parse(policy.claudeSettings.text);
  expect(hosted).toEqual(policy.hostedJson.object);
  expect(intercept).toEqual(policy.interceptYaml.object);
  expect(claude).toEqual(policy.claudeSettings.object);
  const results = [HostedPolicy.safeParse(hosted), InterceptPolicy.safeParse(intercept), ClaudeSettings.safeParse(claude)];
  expect(results.flatMap((result) => (result.success ? [] : result.error.issues.map((issue) => issue.message)))).toEqual([]);
}

describe('the embedded dataset', () => {
  it('is there to test (130 servers and 1,954 tools when this was written)', () => {
    expect(servers.length).toBeGreaterThanOrEqual(130);
    expect(servers.reduce((sum, server) => sum + server.tools.length, 0)).toBeGreaterThanOrEqual(1954);
  });

  it.each(VERDICTS.map((verdict) => [`${verdict.category}/${verdict.risk}/${verdict.labels.join('+') || 'no labels'}`, verdict] as const))(
    'every distinct tool as %s: three valid formats naming exactly that tool',
    (_label, verdict) => {
      for (const { definition, server } of distinctTools) {
        const policy = policyForTool(definition, verdict, { serverDisplayName: server.displayName });
        expectValid(policy);
        const { decision } = policy;
        const named = [...Object.keys(policy.hostedJson.object.tools ?? {}), ...(policy.hostedJson.object.hide ?? [])];
        expect(named).toEqual(decision.access === 'deny' ? [] : [definition.name]);
        if (verdict.category === 'Financial') {
          // Capped on a real amount argument, or denied: never allowed uncapped.
          // (Intercept denies instead a tool it cannot count calls of, e.g. a dotted name; names.ts.)
          if (decision.access === 'allow' && !decision.intercept.denyRule) {
            const rules = policy.interceptYaml.object.tools[definition.name]?.rules ?? [];
            expect(rules.some((rule) => rule.state?.increment_from === `args.${decision.amountCap?.parameter}`)).toBe(true);
          } else if (decision.access === 'allow') expect(policy.interceptYaml.object.tools[definition.name]?.rules.some((rule) => rule.action === 'deny')).toBe(true);
          else expect(decision.access).toBe('deny');
        }
      }
    },
  );

  // Whole-server policies under the verdicts that shape them most (all allowed, all blocked, amount
  // caps); every verdict meets every tool above, and mixed in one server below.
  const SERVER_VERDICTS = VERDICTS.filter((verdict) => ['Read/Low', 'Destructive/Critical', 'Financial/Critical'].includes(`${verdict.category}/${verdict.risk}`));
  it.each(SERVER_VERDICTS.map((verdict) => [`${verdict.category}/${verdict.risk}`, verdict] as const))('every server with all tools as %s: valid server policies', (_label, verdict) => {
    for (const server of servers) expectValid(policyForServer(server, () => verdict));
  });

  it('every server with its tools spread over all verdicts: every tool listed, hidden or denied as decided', () => {
    for (const server of servers) {
      const verdictOf = new Map(server.tools.map((tool, index) => [tool.definition.name, VERDICTS[index % VERDICTS.length] as Verdict]));
      const policy = policyForServer(server, (definition) => verdictOf.get(definition.name) as Verdict);
      expectValid(policy);
      const intercept = policy.interceptYaml.object;
      expect(intercept.default).toBe('deny');
      expect(intercept.tools['*']?.rules[0]?.rate_limit).toBe('60/minute');
      for (const decision of policy.decisions) {
        const listed = Object.hasOwn(intercept.tools, decision.tool);
        const hidden = intercept.hide?.includes(decision.tool) ?? false;
        expect(listed || hidden).toBe(true);
        expect(hidden).toBe(decision.access === 'hide');
        const denyRule = intercept.tools[decision.tool]?.rules.some((rule) => rule.action === 'deny') ?? false;
        // Denied as decided, or allowed with limits Intercept cannot count for this name (a dotted
        // name, names.ts): then it is denied rather than left unlimited, and the plan says so.
        expect(denyRule).toBe(decision.access !== 'allow' || decision.intercept.denyRule);
        if (decision.access === 'allow' && denyRule) expect(decision.intercept.notes.join(' ')).toContain('denied instead');
      }
      const claudeRules = Object.values(policy.claudeSettings.object.permissions).flat();
      expect(claudeRules).toHaveLength(new Set(policy.decisions.map((decision) => decision.claude.rule)).size);
    }
  });
});
