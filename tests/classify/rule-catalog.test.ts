// Every rule id the classifier emits is in the rule catalog the site makes its rule pages from
// (src/classify/rule-catalog.ts): over the whole embedded dataset, and over the rules' own examples
// classified with and without their annotations.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyServerTools, classifyTool, matchRules } from '../../src/classify';
import { emittableRules, RULE_KINDS } from '../../src/classify/rule-catalog';
import { ruleExamples } from '../../src/classify/rules/examples';
import type { Classification } from '../../src/schema';
import { iterateServers } from '../../src/store/dataset';

/** Every id a classification carries anywhere: evidence, findings, what decided it, its inferred hints' evidence. */
function idsIn(verdict: Classification): string[] {
  return [
    ...verdict.evidence.map((item) => item.rule),
    ...verdict.findings.map((finding) => finding.rule),
    ...verdict.decidedBy.category,
    ...verdict.decidedBy.risk,
    ...Object.values(verdict.inferredAnnotations).flatMap((hint) => hint.evidence.map((item) => item.rule)),
  ];
}

const listed = new Set(emittableRules().map((rule) => rule.id));

describe('the rule catalog', () => {
  it('lists each id once, each of a kind the rules index shows, with an explanation', () => {
    expect(listed.size).toBe(emittableRules().length);
    const kinds = new Set(RULE_KINDS.map((entry) => entry.kind));
    for (const rule of emittableRules()) {
      expect(kinds.has(rule.kind), rule.id).toBe(true);
      expect(rule.explanation.length, rule.id).toBeGreaterThan(20);
      expect(rule.concludes.length, rule.id).toBeGreaterThan(0);
    }
  });

  it('holds every id that classifying the whole embedded catalog emits, and the catalog emits most of them', () => {
    const emitted = new Map<string, number>();
    let tools = 0;
    for (const server of iterateServers(path.resolve('data'))) {
      for (const verdict of classifyServerTools(server)) {
        tools += 1;
        for (const id of idsIn(verdict)) emitted.set(id, (emitted.get(id) ?? 0) + 1);
      }
    }
    expect(tools).toBeGreaterThan(29_000);
    expect([...emitted.keys()].filter((id) => !listed.has(id))).toEqual([]);
    // Every kind of id built in code is met in the real catalog, not only in the list.
    for (const id of ['annotation.readOnlyHint', 'annotation.destructiveHint', 'annotation.read-only-contradicted', 'server.sibling.family', 'server.sibling.server', 'poison.exfiltration-parameter']) {
      expect(emitted.get(id) ?? 0, id).toBeGreaterThan(0);
    }
  }, 300_000);

  it("holds every id the rules' own examples make the classifier emit, with and without annotations", () => {
    const emitted = new Set<string>();
    for (const examples of Object.values(ruleExamples)) {
      for (const definition of [...examples.fires, ...examples.quiet]) {
        for (const hit of matchRules(definition)) emitted.add(hit.rule);
        for (const id of idsIn(classifyTool(definition))) emitted.add(id);
        for (const id of idsIn(classifyTool(definition, { ignoreAnnotations: true }))) emitted.add(id);
      }
    }
    expect([...emitted].filter((id) => !listed.has(id))).toEqual([]);
    expect(emitted.size).toBeGreaterThan(listed.size / 2);
  });
});
