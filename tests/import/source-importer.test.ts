import { describe, expect, it } from 'vitest';
import { excerpt, validateRecord } from '../../src/import/source-importer';

const COMMIT = 'd'.repeat(40);
const base = { key: 'owner/srv', path: 'servers/srv.json', commit: COMMIT, at: '2026-01-01T00:00:00Z', name: 'srv' };

describe('validateRecord', () => {
  it('drops what is bad and keeps the rest, each drop naming dataset, file, server, tool and field with a short excerpt', () => {
    const { record, errors } = validateRecord(
      {
        ...base,
        description: '<img src=x onerror=alert(1)> kept as text',
        repository: 'javascript:alert(document.cookie)//github.com/a/b',
        env: ['GOOD_NAME', 'bad name'],
        tools: [
          { name: 'ok', inputSchema: { type: 'object' } },
          { name: 'broken', inputSchema: 'not a schema' },
          { name: 'ok', inputSchema: { type: 'object' }, description: 'a second ok' },
        ],
        capture: 'tools-list',
        // Strangers' data: the wrong types are the point of the test.
      } as unknown as Parameters<typeof validateRecord>[0],
      'toucan',
    );
    expect(record).toMatchObject({ source: 'toucan', description: '<img src=x onerror=alert(1)> kept as text', env: ['GOOD_NAME'] });
    expect(record!.repository).toBeUndefined();
    expect(record!.tools!.map((tool) => tool.description ?? '')).toEqual(['']);
    expect(errors).toEqual([
      'toucan servers/srv.json, server "owner/srv", tool "broken", field inputSchema: Invalid input: expected record, received string (value "not a schema"); tool skipped',
      'toucan servers/srv.json, server "owner/srv", tool "ok": listed twice; the first is kept',
      'toucan servers/srv.json, server "owner/srv", field repository: must be an http(s) URL (value "javascript:alert(document.cookie)//github.com/a/b"); field dropped',
      expect.stringMatching(/^toucan servers\/srv\.json, server "owner\/srv", field env\.1: .* \(value "bad name"\); item dropped$/),
    ]);
  });

  it('rejects a record whose identity is bad, and says so', () => {
    const { record, errors } = validateRecord({ ...base, name: '' }, 'toucan');
    expect(record).toBeUndefined();
    expect(errors).toEqual([expect.stringMatching(/^toucan servers\/srv\.json, server "owner\/srv", field name: .*; record skipped$/)]);
  });
});

describe('excerpt', () => {
  it('quotes at most a short, single-line piece of an untrusted value', () => {
    expect(excerpt('a'.repeat(500))).toBe(JSON.stringify(`${'a'.repeat(60)}…`));
    expect(excerpt('line\nbreak\u202eRTL\u0000')).toBe('"line break RTL "');
  });
});
