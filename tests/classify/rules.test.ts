// The shared rule tester: every rule fires on its `fires` fixtures and stays quiet on its `quiet` ones.
import { describe, expect, it } from 'vitest';
import { classifyTool, matchRules, poisonRules, rules } from '../../src/classify';
import type { McpTool } from '../../src/schema';
import { ruleFixtures } from './fixtures';

const annotationRules = ['annotation.read-only-and-destructive', 'annotation.read-only-contradicted', 'annotation.not-destructive-contradicted'];
const findingRules = new Set([...poisonRules.map((rule) => rule.id), 'poison.exfiltration-parameter', ...annotationRules]);

/** Rule ids that fire on a tool: matched rules, plus findings (poisoning, and annotations even when ignored). */
function fired(definition: McpTool): Set<string> {
  const ids = new Set(matchRules(definition).map((hit) => hit.rule));
  for (const finding of classifyTool(definition, { ignoreAnnotations: true }).findings) ids.add(finding.rule);
  return ids;
}

describe('rule fixtures', () => {
  it('covers every rule with fixtures that fire and fixtures that do not', () => {
    const ids = [...rules.map((rule) => rule.id), ...findingRules];
    const missing = ids.filter((id) => (ruleFixtures[id]?.fires.length ?? 0) === 0 || (ruleFixtures[id]?.quiet.length ?? 0) === 0);
    expect(missing).toEqual([]);
    expect(Object.keys(ruleFixtures).filter((id) => !ids.includes(id))).toEqual([]);
  });

  for (const [id, fixture] of Object.entries(ruleFixtures)) {
    describe(id, () => {
      for (const definition of fixture.fires) {
        it(`fires on ${JSON.stringify(definition.name)} ${JSON.stringify(definition.description ?? '')}`, () => {
          expect([...fired(definition)]).toContain(id);
        });
      }
      for (const definition of fixture.quiet) {
        it(`is quiet on ${JSON.stringify(definition.name)} ${JSON.stringify(definition.description ?? '')}`, () => {
          expect([...fired(definition)]).not.toContain(id);
        });
      }
    });
  }
});
