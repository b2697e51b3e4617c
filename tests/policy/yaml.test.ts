// The YAML writer: whatever a tool name holds, the file parses back to exactly the object we meant,
// under YAML 1.2 and under the YAML 1.1 rules Go's yaml.v3 still applies (merge keys, yes/no booleans).
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { quoteYamlString, toYaml, type YamlValue } from '../../src/policy/yaml';
import { HOSTILE_NAMES } from './hostile-names';


function roundTrip(document: { [key: string]: YamlValue }, version: '1.1' | '1.2'): unknown {
  return YAML.parse(toYaml(document), { version, merge: true, uniqueKeys: true, strict: true });
}

describe('toYaml', () => {
  it('writes pure printable ASCII, so no raw line break, BOM or control character reaches a parser', () => {
    const text = toYaml({ hide: HOSTILE_NAMES, tools: Object.fromEntries(HOSTILE_NAMES.map((name) => [name, { rules: [] }])) });
    expect(/^[\x20-\x7e\n]*$/.test(text)).toBe(true);
  });

  it.each(['1.1', '1.2'] as const)('round-trips every hostile name as a key and as a list item under YAML %s', (version) => {
    const document = {
      version: '1',
      hide: HOSTILE_NAMES,
      tools: Object.fromEntries(HOSTILE_NAMES.map((name) => [name, { rules: [{ name, on_deny: name }] }])),
    };
    const parsed = roundTrip(document, version) as typeof document;
    expect(parsed).toEqual(document);
    expect(Object.keys(parsed.tools)).toEqual(Object.keys(document.tools));
    expect(Object.hasOwn(parsed.tools, '__proto__')).toBe(true);
  });

  it('round-trips the shapes policies use: nested maps, lists of maps, numbers, booleans, empty lists and maps', () => {
    const document: { [key: string]: YamlValue } = {
      version: '1',
      default: 'deny',
      tools: {
        t: {
          rules: [
            { name: 'r', conditions: [{ path: 'args.a', op: 'lte', value: 100 }, { path: 'args.b', op: 'in', value: ['x', 'y'] }], state: { counter: 'c', window: 'day', increment: 2 } },
            { name: 'e', conditions: [{ path: 'args.c', op: 'exists', value: false }, { path: 'args.d', op: 'gt', value: -1.5 }] },
          ],
        },
        empty: { rules: [] },
      },
      nothing: {},
    };
    expect(roundTrip(document, '1.2')).toEqual(document);
    expect(roundTrip(document, '1.1')).toEqual(document);
  });

  it('uses the explicit key form for keys too long to be implicit', () => {
    const long = '🙂'.repeat(256);
    const text = toYaml({ tools: { [long]: { rules: [] } } });
    expect(text).toContain('? "');
    expect(roundTrip({ tools: { [long]: { rules: [] } } }, '1.2')).toEqual({ tools: { [long]: { rules: [] } } });
  });

  it('refuses what it cannot write exactly', () => {
    expect(() => quoteYamlString('lone \ud800 surrogate')).toThrow(/surrogate/);
    expect(() => toYaml({ value: Number.NaN })).toThrow();
  });
});
