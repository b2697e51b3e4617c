// The shared rule tester: every rule fires on its `fires` fixtures and stays quiet on its `quiet` ones.
import { describe, expect, it } from 'vitest';
import { classifyTool, matchRules, poisonRules, rules } from '../../src/classify';
import type { McpTool } from '../../src/schema';
import { ruleExamples as ruleFixtures } from '../../src/classify/rules/examples';

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

describe('start words', () => {
  // A pattern with `starts` is tried only where one of those words begins, so every match must begin with one.
  const withStarts: Array<{ id: string; starts: ReadonlySet<string>; sticky: RegExp }> = [];
  for (const rule of rules) {
    if (rule.match.kind === 'phrase' && rule.match.starts) withStarts.push({ id: rule.id, starts: new Set(rule.match.starts), sticky: new RegExp(rule.match.pattern.source, 'iy') });
  }
  for (const rule of poisonRules) if (rule.starts) withStarts.push({ id: rule.id, starts: new Set(rule.starts), sticky: new RegExp(rule.pattern.source, 'iy') });
  const texts = new Set<string>();
  for (const fixture of Object.values(ruleFixtures)) {
    for (const definition of [...fixture.fires, ...fixture.quiet]) {
      texts.add(definition.description ?? '').add(definition.title ?? '');
      for (const schema of Object.values((definition.inputSchema['properties'] ?? {}) as Record<string, { description?: string }>)) texts.add(schema.description ?? '');
    }
  }

  for (const { id, starts, sticky } of withStarts) {
    it(`${id}: every match in the fixtures begins with a start word`, () => {
      const outside: string[] = [];
      for (const text of texts) {
        const lower = text.toLowerCase();
        for (let at = 0; at < lower.length; at++) {
          sticky.lastIndex = at;
          if (!sticky.test(lower)) continue;
          const word = /\w*/y;
          word.lastIndex = at;
          const begins = at === 0 || !/\w/.test(lower.charAt(at - 1));
          if (!begins || !starts.has(word.exec(lower)?.[0] ?? '')) outside.push(lower.slice(at, at + 40));
        }
      }
      expect(outside).toEqual([]);
    });
  }
});
