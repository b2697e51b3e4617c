// The "Why" of a policy states only numbers the decision enforces: a table row's reason quotes its own
// limit, which a stricter row may have lowered (issue 12: "30 calls an hour" above a snippet of 10).
import { describe, expect, it } from 'vitest';
import { DECISION_TABLE, recommendToolPolicy, rowReasons } from '../../src/policy';
import type { CapabilityLabel, Classification } from '../../src/schema/classification';

const verdict = (category: Classification['category'], risk: Classification['risk'], labels: CapabilityLabel[] = []) => ({ category, risk, labels, insufficientInformation: false });
const tool = (name: string) => ({ name, inputSchema: { type: 'object' as const, properties: {} } });
const reasonOf = (id: string): string => DECISION_TABLE.find((row) => row.id === id)!.reason;

describe('rowReasons', () => {
  it("keeps a row's reason word for word where its own limit is the one enforced", () => {
    const decision = recommendToolPolicy(tool('create_issue'), verdict('Write', 'Medium'));
    expect(rowReasons(decision)).toEqual([reasonOf('category.write')]);
  });

  it('states the lowered limit, and names the row\'s own as what it alone would allow', () => {
    const decision = recommendToolPolicy(tool('send_mail'), verdict('Write', 'Medium', ['outward-channel']));
    expect(decision.limits).toEqual([{ max: 20, window: 'hour' }]);
    const [write] = rowReasons(decision);
    expect(write).toContain('20 calls an hour (this reason alone would allow 30; a stricter one here lowers it)');
    expect(write).not.toMatch(/\b30 calls an hour\b/);
  });

  it("gives a Read tool that another row limits the words that do not deny it a limit", () => {
    const decision = recommendToolPolicy(tool('get_token'), verdict('Read', 'Medium', ['credentials']));
    expect(decision.limits).toEqual([{ max: 10, window: 'hour' }]);
    expect(rowReasons(decision)[0]).toBe(DECISION_TABLE.find((row) => row.id === 'category.read')!.reasonWhenLimited);
    expect(rowReasons(recommendToolPolicy(tool('get_issue'), verdict('Read', 'Low')))).toEqual([reasonOf('category.read')]);
  });

  it('calls a limit moot where the tool is blocked, instead of quoting it as enforced', () => {
    // A row with a limit on a blocked decision (no table row does this today; a future row might).
    const reasons = rowReasons({ rows: [{ id: 'category.write', reason: reasonOf('category.write') }], limits: [] });
    expect(reasons[0]).toContain('a limit (this reason alone would allow 30 calls; moot, as the tool is blocked)');
    expect(reasons[0]).not.toMatch(/\b30 calls an hour\b/);
  });
});
