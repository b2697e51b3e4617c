import { describe, expect, it } from 'vitest';
import { matchRules } from '../../src/classify';
import { tool } from './helpers';

describe('anchor scan', () => {
  // anchors.ts folds ASCII case while it scans and hands any text holding one of these two characters
  // to the lower-cased scan; that is exact only while no other character lower-cases to ASCII or grows.
  it('knows every character whose lower case is ASCII or longer', () => {
    const special: number[] = [];
    for (let cp = 0x80; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const text = String.fromCodePoint(cp);
      const lower = text.toLowerCase();
      if (lower.length !== text.length || [...lower].some((c) => c.charCodeAt(0) < 128)) special.push(cp);
    }
    expect(special).toEqual([0x130, 0x212a]);
  });

  it('reads anchors whatever their case, and after a Kelvin sign or a dotted capital I', () => {
    const fired = (description: string): string[] => matchRules(tool('x', description)).map((hit) => hit.rule);
    expect(fired('Lists rows. This PERMANENTLY removes them.')).toContain('description.irreversible');
    expect(fired('\u212A Lists rows. This permanently removes them.')).toContain('description.irreversible');
    expect(fired('\u0130 Lists rows. This Permanently removes them.')).toContain('description.irreversible');
  });
});
