// Pages that never contradict themselves: properties checked over every tool of the embedded dataset
// (data/servers), through the same page model and body the site renders. A page that says two things
// is a missing test over the whole dataset, not a missing fixture (CONVENTIONS.md).
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Classification, Evidence, Server } from '../../src/schema';
import { iterateServers, readServerFile } from '../../src/store/dataset';
import { escapeHtml } from '../../src/site/html';
import type * as ToolPageModule from '../../src/site/tool-page';
import { loadPageModules, type PageModules } from '../helpers/page-modules';

const DATA = path.resolve('data');
let toolPageModel: PageModules['toolPageModel'];
let toolPageBody: PageModules['toolPageBody'];
let serverPageModel: PageModules['serverPageModel'];
let serverPageBody: PageModules['serverPageBody'];

beforeAll(async () => {
  ({ toolPageModel, toolPageBody, serverPageModel, serverPageBody } = await loadPageModules(DATA));
});

type ToolPage = ReturnType<typeof ToolPageModule.toolPageModel>;
type PolicyObjects = Pick<ToolPage['policy'], 'hostedJson' | 'interceptYaml'>;

const DEFAULT_RISK = { Read: 'Low', Write: 'Medium', Execute: 'High', Destructive: 'Critical', Financial: 'Critical', Other: 'Medium' } as const;
const RISKS = ['Low', 'Medium', 'High', 'Critical'] as const;
const WINDOW = { minute: 'minute', hour: 'hour', day: 'day' } as const;

/** Every rate the words state as enforced ("10 calls an hour", "10 an hour", "at most 10 times an hour"), as `10/hour`. */
function ratesInWords(text: string): Set<string> {
  const rates = new Set<string>();
  for (const match of text.matchAll(/\b(\d[\d,]*) (?:(?:calls|times) (?:a|an|per)|a|an) (minute|hour|day)\b/g)) {
    rates.add(`${match[1]!.replace(/,/g, '')}/${WINDOW[match[2] as keyof typeof WINDOW]}`);
  }
  return rates;
}

/** Every amount cap the words state: "100 per call", "500 per day" (not "N calls a day"). */
function capsInWords(text: string): Set<string> {
  const caps = new Set<string>();
  for (const match of text.matchAll(/\b(\d[\d,]*) per (call|day)\b/g)) caps.add(`${match[1]!.replace(/,/g, '')}/${match[2]}`);
  return caps;
}

/** What each snippet enforces: call limits and amount caps, read from the policy objects (the snippets' source). */
function snippetNumbers(policy: PolicyObjects): { hosted: { rates: Set<string>; caps: Set<string> }; intercept: { rates: Set<string>; caps: Set<string> } } {
  const hosted = { rates: new Set<string>(), caps: new Set<string>() };
  const hostedPolicy = policy.hostedJson.object;
  for (const limit of hostedPolicy.all_tools?.limits ?? []) hosted.rates.add(`${limit.max}/${limit.window}`);
  for (const rules of Object.values(hostedPolicy.tools ?? {})) {
    for (const limit of rules.limits ?? []) hosted.rates.add(`${limit.max}/${limit.window}`);
    for (const condition of rules.deny_if ?? []) if (condition.op === 'gt') hosted.caps.add(`${String(condition.value)}/call`);
  }
  const intercept = { rates: new Set<string>(), caps: new Set<string>() };
  for (const entry of Object.values(policy.interceptYaml.object.tools ?? {})) {
    for (const rule of entry.rules ?? []) {
      if (rule.rate_limit) intercept.rates.add(rule.rate_limit);
      // The on_deny texts the agent reads must say the same numbers as the rule they belong to.
      for (const rate of ratesInWords(rule.on_deny ?? '')) intercept.rates.add(rate);
      for (const condition of rule.conditions ?? []) {
        if (condition.op !== 'lte') continue;
        intercept.caps.add(`${String(condition.value)}/${condition.path.startsWith('state.') ? 'day' : 'call'}`);
      }
    }
  }
  return { hosted, intercept };
}

const same = (a: Set<string>, b: Set<string>): boolean => a.size === b.size && [...a].every((item) => b.has(item));
const show = (set: Set<string>): string => `{${[...set].sort().join(', ')}}`;

function faqAnswer(page: ToolPage, start: string): string {
  return page.faq.find((entry) => entry.question.startsWith(start))?.answer ?? '';
}

const categoryOf = (item: Evidence): string | undefined => /category:(\w+)/.exec(item.concludes)?.[1];

/** The evidence the summary leads with: "Write, Medium risk: <explanation> ("<match>" in the <field>)." */
function summaryLead(verdict: Classification): Evidence | undefined {
  return verdict.evidence.find((item) => {
    const field = item.field.replace(/^(parameter|annotation):/, '$1 ');
    return verdict.summary.startsWith(`${verdict.category}, ${verdict.risk} risk: ${item.explanation.replace(/\.$/, '')} (`) && verdict.summary.includes(` in the ${field}).`);
  });
}

/** The rules that decided the category and raised the risk, as the classification records them. */
function decided(verdict: Classification): { category: readonly string[]; risk: readonly string[] } {
  return (verdict as Classification & { decidedBy?: { category: string[]; risk: string[] } }).decidedBy ?? { category: [], risk: [] };
}

/** Whether the risk is above its category's default, which only a named reason may do. */
const riskRaised = (verdict: Classification): boolean => RISKS.indexOf(verdict.risk) > RISKS.indexOf(DEFAULT_RISK[verdict.category]);

interface Violations {
  numbers: string[];
  findings: string[];
  summary: string[];
  risk: string[];
  server: string[];
}

/** Each property's broken tools, as "server/tool: what is wrong" (the first few are printed when one fails). */
function checkTool(server: Server, page: ToolPage, body: string, out: Violations): void {
  const where = `${server.id}/${page.definition.name}`;
  const verdict = page.classification;
  const { policy } = page;

  // 1. The numbers of the explanation and the FAQ are the numbers every snippet enforces.
  const words = [policy.explanation, faqAnswer(page, 'What policy'), faqAnswer(page, 'Can I rate-limit')].join('\n');
  const wordRates = ratesInWords(words);
  const wordCaps = capsInWords(words);
  const snippets = snippetNumbers(policy);
  for (const [format, numbers, plan] of [
    ['hosted JSON', snippets.hosted, policy.decision.hosted],
    ['Intercept', snippets.intercept, policy.decision.intercept],
  ] as const) {
    // A format that cannot carry the limits for this name blocks the tool instead, and its line says so.
    const carries = plan.listed && !('denyRule' in plan && plan.denyRule);
    if (!carries && numbers.rates.size === 0 && numbers.caps.size === 0) continue;
    if (!same(wordRates, numbers.rates)) out.numbers.push(`${where}: words state rates ${show(wordRates)}, the ${format} snippet ${show(numbers.rates)}`);
    // The hosted format has no counter that adds up an argument: its line says the daily cap is not expressed.
    const caps = format === 'hosted JSON' && /the daily cap on \S+ is not expressed/.test(policy.explanation) ? new Set([...wordCaps].filter((cap) => !cap.endsWith('/day'))) : wordCaps;
    if (!same(caps, numbers.caps)) out.numbers.push(`${where}: words state caps ${show(caps)}, the ${format} snippet ${show(numbers.caps)}`);
  }

  // A row that says the tool needs no limit of its own is not shown above a limit another row set.
  if (policy.decision.limits.length > 0 && /limit already bounds how much/.test(words)) out.numbers.push(`${where}: limited to ${JSON.stringify(policy.decision.limits)}, and the words say the server-wide limit already bounds it`);

  // 2. Every finding is on the page exactly once, and nothing says there are none when there are some.
  const listed = body.split('<li class="finding ').length - 1;
  if (listed !== verdict.findings.length) out.findings.push(`${where}: ${verdict.findings.length} findings, ${listed} finding items on the page`);
  for (const finding of verdict.findings) {
    // Two findings may say the same (two secret paths in one description): each is shown once.
    const expected = verdict.findings.filter((other) => other.message === finding.message).length;
    const times = body.split(escapeHtml(finding.message)).length - 1;
    if (times !== expected) out.findings.push(`${where}: finding ${finding.rule} shown ${times} times`);
  }
  if (verdict.findings.length > 0 && /No findings/i.test(body)) out.findings.push(`${where}: ${verdict.findings.length} findings, and the page says "No findings"`);

  // 3. The summary leads with evidence that decided the category, for the verdict's own category.
  if (verdict.category !== 'Other') {
    const lead = summaryLead(verdict);
    const leadCategory = lead ? categoryOf(lead) : undefined;
    if (!lead) out.summary.push(`${where}: the summary quotes no evidence: ${verdict.summary}`);
    else if (leadCategory !== undefined && leadCategory !== verdict.category) {
      out.summary.push(`${where}: ${verdict.category}, but the summary leads with ${lead.rule} (${lead.concludes})`);
    } else if (!decided(verdict).category.includes(lead.rule)) out.summary.push(`${where}: the summary leads with ${lead.rule}, which did not decide the category`);
  }
  if (riskRaised(verdict) && !/Risk raised from/.test(verdict.summary)) out.summary.push(`${where}: risk ${verdict.risk} above its category's default, and the summary gives no reason`);

  // 4. The risk answer gives every reason the risk was raised, and cites other categories' evidence only as overruled.
  const answer = faqAnswer(page, 'How risky');
  if (riskRaised(verdict)) {
    // The evidence that can raise a risk: a rule concluding risk:+1, or the credentials label of a Read tool.
    const raising = verdict.evidence.filter((item) => item.concludes.includes('risk:+1') || (verdict.category === 'Read' && item.concludes.includes('label:credentials')));
    if (raising.length === 0) out.risk.push(`${where}: risk raised to ${verdict.risk} with no evidence that raises it`);
    for (const item of raising) if (!answer.includes(item.explanation)) out.risk.push(`${where}: the risk answer omits why the risk was raised (${item.rule})`);
    const recorded = decided(verdict).risk;
    if (recorded.length === 0 || recorded.some((rule) => !raising.some((item) => item.rule === rule))) out.risk.push(`${where}: decidedBy.risk ${recorded.join(', ') || 'is empty'}`);
  } else if (decided(verdict).risk.length > 0) out.risk.push(`${where}: risk not raised, yet decidedBy.risk names ${decided(verdict).risk.join(', ')}`);
  // A raised risk keeps its category's meaning: a Read tool's answer never says a call changes state.
  if (verdict.category === 'Read' && /changes state|run arbitrary code/.test(answer)) out.risk.push(`${where}: a Read tool's risk answer says a call changes state or runs code`);
  for (const item of verdict.evidence) {
    const other = categoryOf(item);
    if (other === undefined || other === verdict.category || !answer.includes(item.explanation)) continue;
    if (!answer.includes('overruled')) out.risk.push(`${where}: the risk answer cites ${item.rule} (${other}) for a ${verdict.category} tool without saying it was overruled`);
  }
  // The page's own table of evidence marks what another category's evidence came to.
  for (const item of verdict.evidence) {
    const other = categoryOf(item);
    if (other === undefined || other === verdict.category) continue;
    // The rule cell is the rule's id linked to its page (src/site/render/rule-link.ts).
    const row = body.split('<tr>').find((cell) => cell.includes(`<td><a href="/rules/${escapeHtml(item.rule)}/">${escapeHtml(item.rule)}</a></td>`) && cell.includes(escapeHtml(item.concludes)));
    if (!row?.includes('overruled')) out.risk.push(`${where}: the evidence table shows ${item.rule} (${other}) for a ${verdict.category} tool without saying it was overruled`);
  }
}

/** The server page repeats each tool's verdict and the policy numbers: they must be the tool pages'. */
function checkServer(server: Server, pages: ToolPage[], out: Violations): void {
  const model = serverPageModel(server);
  const body = serverPageBody(server, model).toString();
  model.tools.forEach((row, index) => {
    const page = pages[index]!;
    if (row.ref.category !== page.classification.category || row.ref.risk !== page.classification.risk) {
      out.server.push(`${server.id}/${row.ref.tool}: the server page says ${row.ref.category}, ${row.ref.risk}; its tool page ${page.classification.category}, ${page.classification.risk}`);
    }
    if (row.ref.findings > page.classification.findings.length) out.server.push(`${server.id}/${row.ref.tool}: the server page counts ${row.ref.findings} findings of ${page.classification.findings.length}`);
  });
  const policy = model.policy;
  if (!policy) return;
  policy.decisions.forEach((decision, index) => {
    const own = pages[index]!.policy.decision;
    if (JSON.stringify(decision.limits) !== JSON.stringify(own.limits) || decision.access !== own.access) {
      out.server.push(`${server.id}/${decision.tool}: the server policy enforces ${JSON.stringify(decision.limits)} (${decision.access}), the tool page ${JSON.stringify(own.limits)} (${own.access})`);
    }
  });
  const words = policy.explanation;
  const snippets = snippetNumbers(policy);
  // The server explanation states only the server-wide limit; every snippet carries it.
  for (const rate of ratesInWords(words)) {
    if (!snippets.hosted.rates.has(rate)) out.server.push(`${server.id}: the server explanation states ${rate}, the hosted JSON does not`);
    if (policy.server.interceptServerLimit && !snippets.intercept.rates.has(rate)) out.server.push(`${server.id}: the server explanation states ${rate}, the Intercept policy does not`);
  }
  if (model.verdict.findingCount > 0 && /No findings/i.test(body)) out.server.push(`${server.id}: ${model.verdict.findingCount} findings, and the page says "No findings"`);
}

const violations: Violations = { numbers: [], findings: [], summary: [], risk: [], server: [] };
const broken = { numbers: new Set<string>(), findings: new Set<string>(), summary: new Set<string>(), risk: new Set<string>(), server: new Set<string>() };
let tools = 0;

describe('every page of the embedded dataset says one thing', () => {
  beforeAll(() => {
    for (const server of iterateServers(DATA)) {
      if (server.tools.length === 0) continue;
      const pages = server.tools.map((tool) => toolPageModel(server, tool));
      pages.forEach((page) => {
        tools += 1;
        const before = Object.fromEntries(Object.entries(violations).map(([key, list]) => [key, list.length]));
        checkTool(server, page, toolPageBody(server, page).toString(), violations);
        for (const key of ['numbers', 'findings', 'summary', 'risk'] as const) {
          if (violations[key].length > (before[key] ?? 0)) broken[key].add(`${server.id}/${page.definition.name}`);
        }
      });
      const count = violations.server.length;
      checkServer(server, pages, violations);
      if (violations.server.length > count) broken.server.add(server.id);
    }
  }, 600_000);

  it('covers the whole dataset', () => {
    expect(tools).toBeGreaterThan(29_000);
  });

  for (const key of ['numbers', 'findings', 'summary', 'risk', 'server'] as const) {
    it(`property "${key}" holds for every tool`, () => {
      expect({ broken: broken[key].size, first: violations[key].slice(0, 8) }).toEqual({ broken: 0, first: [] });
    });
  }
});

/** A real tool of the embedded dataset and its page, as the site builds them. */
function realPage(serverId: string, toolName: string): { server: Server; page: ToolPage; body: string } {
  const server = readServerFile(path.join(DATA, 'servers', `${serverId}.json`));
  const tool = server.tools.find((candidate) => candidate.definition.name === toolName);
  if (!tool) throw new Error(`${toolName} is not on ${serverId}`);
  const page = toolPageModel(server, tool);
  return { server, page, body: toolPageBody(server, page).toString() };
}

describe('the pages of issue 12', () => {
  it("create_pull_request (GitHub): the reasons state the 10 calls an hour the snippets enforce, not the Write row's 30", () => {
    const { page } = realPage('github-github-mcp-server-c4b8cae9', 'create_pull_request');
    const why = page.policy.explanation.split('Why:\n')[1]!.split('\n\n')[0]!;
    const policyAnswer = faqAnswer(page, 'What policy');
    expect(page.policy.decision.limits).toEqual([{ max: 10, window: 'hour' }]);
    expect(page.policy.interceptYaml.text).toContain('rate_limit: "10/hour"');
    for (const words of [why, policyAnswer]) {
      expect(ratesInWords(words)).toEqual(new Set(['10/hour']));
      // The Write row's own number is named as what its category alone would allow, never as enforced.
      expect(words).toContain('this reason alone would allow 30');
    }
  });

  it('GetCodeConnection (healthomics): a Read tool limited by its credentials label does not say only the server-wide limit bounds it', () => {
    const { page } = realPage('awslabs-mcp-aws-healthomics-mcp-server-1ed421ce', 'GetCodeConnection');
    expect(page.policy.decision.limits).toEqual([{ max: 10, window: 'hour' }]);
    expect(page.policy.explanation).not.toContain('already bounds');
    expect(faqAnswer(page, 'What policy')).not.toContain('already bounds');
  });

  // runAccessibilityAudit was this page until issue 13 read its audit as Read, which its readOnlyHint no longer contradicts.
  it('runPercyScan (browserstack): its one annotation finding is listed once, and nothing says there are none', () => {
    const { page, body } = realPage('browserstack-mcp-server-34acec18', 'runPercyScan');
    expect(page.classification.findings.map((finding) => finding.rule)).toEqual(['annotation.read-only-contradicted']);
    expect(body.split('<li class="finding ').length - 1).toBe(1);
    expect(body.split(escapeHtml(page.classification.findings[0]!.message)).length - 1).toBe(1);
    expect(body).not.toMatch(/No findings/);
  });

  it('CloneContainerToECR (healthomics): the risk answer gives the permissions reason the summary raised the risk for', () => {
    const { page } = realPage('awslabs-mcp-aws-healthomics-mcp-server-1ed421ce', 'CloneContainerToECR');
    expect(page.classification.summary).toContain('Risk raised from Medium because it acts on permissions');
    const permissions = page.classification.evidence.find((item) => item.rule === 'risk.permissions')!;
    expect(faqAnswer(page, 'How risky')).toContain(permissions.explanation);
  });

  it("GetCodeConnection (healthomics): a Read tool's raised risk is not explained as a call that changes state", () => {
    const { page } = realPage('awslabs-mcp-aws-healthomics-mcp-server-1ed421ce', 'GetCodeConnection');
    const answer = faqAnswer(page, 'How risky');
    expect(page.classification).toMatchObject({ category: 'Read', risk: 'Medium' });
    expect(answer).not.toContain('changes state');
    expect(answer).toContain(page.classification.evidence.find((item) => item.rule === 'label.credentials')!.explanation);
  });

  it('ghGetFileContent (octocode): the summary cites readOnlyHint: false, which made it Write, not the "Get" it overruled', () => {
    const { page, body } = realPage('octocode-mcp-75a16257', 'ghGetFileContent');
    const verdict = page.classification;
    expect(verdict.category).toBe('Write');
    expect(verdict.summary).toMatch(/^Write, Medium risk: The author declares that the tool changes state \("false" in the annotation readOnlyHint\)\./);
    expect(decided(verdict).category).toEqual(['annotation.readOnlyHint']);
    expect(faqAnswer(page, 'How risky')).toContain('Evidence for Read (name.verb.read, description.verb.read) was overruled by annotation.readOnlyHint.');
    expect(body).toContain('overruled by <code>annotation.readOnlyHint</code>');
  });
});
