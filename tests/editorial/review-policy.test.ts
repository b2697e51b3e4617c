// A real tool, its real seeded review, and the same data after the tool changed: with the reviewed
// definition the tool page shows both verdicts and every policy (the tool's three formats, its server's,
// the downloads) follows the review; after the change the review is stale, the page says so and every
// policy is the classifier's again. Built through the page models and exports the site renders.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { classifyServerTools } from '../../src/classify';
import { policyForTool } from '../../src/policy';
import type { Server } from '../../src/schema';
import type * as ExportModule from '../../src/site/export';
import { readServerFile, serverFile } from '../../src/store/dataset';
import { loadPageModules, type PageModules } from '../helpers/page-modules';
import { changeTool, CLOUDBASE, dataWith } from './helpers';

type Loaded = PageModules & { exports: typeof ExportModule };

/** The page modules and exports over a data folder, imported afresh (the catalog reads its folder once, at import). */
async function load(dataDir: string): Promise<Loaded> {
  vi.resetModules();
  const modules = await loadPageModules(dataDir);
  return { ...modules, exports: await import('../../src/site/export') };
}

function pageOf(modules: Loaded, dataDir: string, name: string) {
  const server = readServerFile(serverFile(dataDir, CLOUDBASE));
  const tool = server.tools.find((candidate) => candidate.definition.name === name)!;
  const page = modules.toolPageModel(server, tool);
  const serverPage = modules.serverPageModel(server);
  const index = server.tools.indexOf(tool);
  const lines = modules.exports.exportLines(server);
  return {
    server,
    tool,
    page,
    body: modules.toolPageBody(server, page).toString(),
    serverBody: modules.serverPageBody(server, serverPage).toString(),
    serverDecision: serverPage.policy!.decisions[index]!,
    ndjson: JSON.parse(lines.ndjson[index]!) as { category: string; review?: Record<string, unknown> },
    csv: lines.csv[index]!,
    document: lines.document.tools[index] as { classification: { category: string }; review?: Record<string, unknown> },
  };
}

/** The policy the classifier alone gives the tool (what a stale review falls back to). */
function classifierPolicy(server: Server, name: string) {
  const index = server.tools.findIndex((tool) => tool.definition.name === name);
  return policyForTool(server.tools[index]!.definition, classifyServerTools(server)[index]!, { serverDisplayName: server.displayName });
}

let current: ReturnType<typeof pageOf>;
let stale: ReturnType<typeof pageOf>;
let csvHeader: readonly string[];

beforeAll(async () => {
  const reviewed = dataWith([CLOUDBASE], [[CLOUDBASE, 'deployPlan']]);
  const modules = await load(reviewed);
  current = pageOf(modules, reviewed, 'deployPlan');
  csvHeader = modules.exports.CSV_HEADER;
  const changed = dataWith([CLOUDBASE], [[CLOUDBASE, 'deployPlan']]);
  changeTool(changed, CLOUDBASE, 'deployPlan', '2026-12-03T09:30:00.000Z');
  stale = pageOf(await load(changed), changed, 'deployPlan');
}, 120_000);

describe('deployPlan (cloudbase) with its review current', () => {
  it('the classifier says Execute, the review Read: the page shows both, and says the policy follows the review', () => {
    expect(current.page.classification).toMatchObject({ category: 'Execute', risk: 'High' });
    expect(current.page.review).toMatchObject({ status: 'current', follows: 'review', classifier: { category: 'Execute', risk: 'High' }, reviewed: { category: 'Read', risk: 'Low' } });
    const section = current.body.slice(current.body.indexOf('<section class="review"'), current.body.indexOf('</section>', current.body.indexOf('<section class="review"')));
    expect(section).toMatch(/<th scope="row">Classifier<\/th><td class="verdict"><a class="badge category-Execute"[^>]*>Execute<\/a><a class="badge risk-High"/);
    expect(section).toMatch(/<th scope="row">Review<\/th><td class="verdict"><a class="badge category-Read"[^>]*>Read<\/a><a class="badge risk-Low"/);
    expect(section).toContain('Reviewed by catalog-seed on <time datetime="2026-12-02">2026-12-02</time>');
    expect(section).toContain('The policy below follows the review');
    expect(section).not.toContain('stale');
  });

  it('every policy follows the review: the three formats on the page, the server policy, and the downloads carry it beside the classifier', () => {
    const fromClassifier = classifierPolicy(current.server, 'deployPlan');
    // What the classifier alone would recommend differs, so following the review is visible in the snippets.
    expect(fromClassifier.decision.category).toBe('Execute');
    expect(current.page.policy.decision).toMatchObject({ category: 'Read', risk: 'Low', access: 'allow', limits: [], approval: false });
    expect(current.page.policy.claudeSettings.text).not.toBe(fromClassifier.claudeSettings.text);
    expect(current.page.policy.interceptYaml.text).not.toBe(fromClassifier.interceptYaml.text);
    expect(current.serverDecision).toMatchObject({ category: 'Read', access: current.page.policy.decision.access, limits: current.page.policy.decision.limits });
    expect(current.ndjson.category).toBe('Execute');
    expect(current.ndjson.review).toMatchObject({ status: 'current', policyFollows: 'review', category: 'Read', risk: 'Low', date: '2026-12-02' });
    expect(current.document.classification.category).toBe('Execute');
    expect(current.document.review).toMatchObject({ status: 'current', policyFollows: 'review', category: 'Read' });
    const cells = current.csv.split(',');
    expect([cells[csvHeader.indexOf('category')], cells[csvHeader.indexOf('review_status')], cells[csvHeader.indexOf('review_category')], cells[csvHeader.indexOf('review_date')]]).toEqual(['Execute', 'current', 'Read', '2026-12-02']);
    expect(current.serverBody).toMatch(/<a href="[^"]*deployPlan[^"]*">deployPlan<\/a>(<span class="badge finding-flag"[^>]*>[^<]*<\/span>)?<span class="badge reviewed"/);
  });

  it("the FAQ's risk answer names the review the policy follows", () => {
    expect(current.page.faq.find((entry) => entry.question.startsWith('How risky'))!.answer).toContain('Reviewed by catalog-seed on 2026-12-02: Read, Low risk. A dry run');
  });
});

describe('deployPlan after its description changed, the review kept', () => {
  it('the review is stale: the page says the tool changed on that day after the review', () => {
    expect(stale.page.review).toMatchObject({ status: 'stale', follows: 'classifier', changedAt: '2026-12-03T09:30:00.000Z' });
    expect(stale.body).toContain('Reviewed (stale)');
    expect(stale.body).toContain('This review is stale: the tool changed on <time datetime="2026-12-03T09:30:00.000Z">2026-12-03</time> after the review');
    expect(stale.body).not.toContain('The policy below follows the review');
  });

  it('every policy falls back to the classifier, and the downloads say the review is stale', () => {
    const fromClassifier = classifierPolicy(stale.server, 'deployPlan');
    expect(stale.page.policy.hostedJson.text).toBe(fromClassifier.hostedJson.text);
    expect(stale.page.policy.interceptYaml.text).toBe(fromClassifier.interceptYaml.text);
    expect(stale.page.policy.claudeSettings.text).toBe(fromClassifier.claudeSettings.text);
    expect(stale.page.policy.decision.category).toBe('Execute');
    expect(stale.serverDecision).toMatchObject({ category: 'Execute', access: fromClassifier.decision.access, limits: fromClassifier.decision.limits });
    expect(stale.ndjson.review).toMatchObject({ status: 'stale', policyFollows: 'classifier', category: 'Read' });
    expect(stale.csv.split(',')[csvHeader.indexOf('review_status')]).toBe('stale');
    expect(stale.serverBody).toContain('<span class="badge review-stale"');
    expect(stale.page.faq.find((entry) => entry.question.startsWith('How risky'))!.answer).not.toContain('Reviewed by');
  });
});
