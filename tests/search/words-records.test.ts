// The compact records the search index is built from: name splitting, fields, meta and filters.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nameWords } from '../../src/search/words';
import { clip, MAX_DESCRIPTION, recordsForServer } from '../../src/search/records';
import { escapeHtml, recordHtml } from '../../src/search/record-html';
import { iterateServers, readServer } from '../../src/store/dataset';
import { serverId } from '../../src/lib/ids';
import { verdictsFor } from '../../src/site/verdicts';
import { serverUrl, toolUrl } from '../../src/site/catalog';

describe('nameWords', () => {
  it('splits camelCase, PascalCase with acronyms, snake, kebab, dotted and digits', () => {
    expect(nameWords('CloneContainerToECR')).toBe('clone container to ecr');
    expect(nameWords('getHTTPResponse')).toBe('get http response');
    expect(nameWords('create_pull_request')).toBe('create pull request');
    expect(nameWords('lol-champion-analysis')).toBe('lol champion analysis');
    expect(nameWords('github.create_issue')).toBe('github create issue');
    expect(nameWords('s3Upload_v2')).toBe('s 3 upload v 2');
    expect(nameWords('日本語')).toBe('');
  });
});

describe('search records', () => {
  const healthomics = readServer(path.resolve('data'), serverId({ kind: 'import', name: 'awslabs/mcp aws-healthomics-mcp-server' }))!;
  const records = recordsForServer(healthomics, verdictsFor(healthomics));

  it('has one record for the server and one per tool, at their page URLs', () => {
    expect(records).toHaveLength(healthomics.tools.length + 1);
    expect(records[0]!.url).toBe(serverUrl(healthomics.id));
    expect(records.slice(1).map((record) => record.url)).toEqual(healthomics.tools.map((tool) => toolUrl(healthomics.id, tool.definition.name)));
  });

  it('indexes a tool by its name, its words, its description and its server, and tags it with its verdict', () => {
    const index = healthomics.tools.findIndex((tool) => tool.definition.name === 'CloneContainerToECR');
    const record = records[index + 1]!;
    const verdict = verdictsFor(healthomics).tools[index]!;
    expect(record.fields.name).toBe('CloneContainerToECR');
    expect(record.fields.words).toContain('clone container to ecr');
    expect(record.fields.description.length).toBeGreaterThan(20);
    expect(healthomics.tools[index]!.definition.description).toContain(record.fields.description.slice(0, 40));
    expect(record.fields.server).toContain(healthomics.displayName);
    expect(record.meta).toMatchObject({ tool: 'CloneContainerToECR', server: healthomics.displayName, category: verdict.category, risk: verdict.risk, type: 'tool' });
    expect(record.filters.category).toEqual([verdict.category]);
    expect(record.filters.risk).toEqual([verdict.risk]);
    expect(record.filters.type).toEqual(['tool']);
    expect(Object.keys(record.filters)).not.toContain('server');
  });

  it('gives an index-only server one record with no risk and no labels', () => {
    let indexOnly;
    for (const server of iterateServers(path.resolve('data'))) {
      if (server.tools.length === 0) {
        indexOnly = server;
        break;
      }
    }
    expect(indexOnly).toBeDefined();
    const [record, ...rest] = recordsForServer(indexOnly!, verdictsFor(indexOnly!));
    expect(rest).toEqual([]);
    expect(record!.filters).toEqual({ type: ['server'], 'has tools': ['no'] });
    expect(record!.meta.risk).toBeUndefined();
    expect(record!.fields.name).toBe(indexOnly!.displayName);
  });
});

describe('record HTML', () => {
  it('escapes hostile text and carries meta and filters in attributes, not in text', () => {
    const html = recordHtml({
      url: '/servers/x-00000000/tools/t/',
      fields: { name: '<script>alert(1)</script>', words: 'script alert', description: 'a "quoted" & <b>bold</b> text', server: "evil ' server" },
      meta: { title: '<script>alert(1)</script>', tool: 'x', server: 'a, b: c"', type: 'tool', risk: 'High' },
      filters: { type: ['tool'], 'has tools': ['yes'], risk: ['High'] },
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain(escapeHtml('a, b: c"'));
    const text = html.replace(/<[^>]*>/g, ' ');
    expect(text).not.toContain('High');
    expect(text).not.toContain('has tools');
  });

  it('cuts a long description at a word boundary', () => {
    const long = 'word '.repeat(1000);
    const cut = clip(long);
    expect(cut.length).toBeLessThanOrEqual(MAX_DESCRIPTION);
    expect(cut.endsWith('word')).toBe(true);
    expect(clip('short text')).toBe('short text');
  });
});
