// The compact records the search index is built from: name splitting, fields, meta and filters.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nameWords } from '../../src/search/words';
import { clip, MAX_DESCRIPTION, serverRecord } from '../../src/search/records';
import { decodeLabels, decodeToolAnchor, encodeToolAnchor, toolPageUrl } from '../../src/search/tool-anchor';
import { escapeHtml, recordHtml } from '../../src/search/record-html';
import { iterateServers, readServer } from '../../src/store/dataset';
import { serverId, toolSlug } from '../../src/lib/ids';
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
  const verdicts = verdictsFor(healthomics);
  const record = serverRecord(healthomics, verdicts);

  it('is one record per server at its page, with a section per tool whose anchor gives back the tool page and verdict', () => {
    expect(record.url).toBe(serverUrl(healthomics.id));
    expect(record.tools).toHaveLength(healthomics.tools.length);
    record.tools.forEach((section, index) => {
      const tags = decodeToolAnchor(section.anchor)!;
      const verdict = verdicts.tools[index]!;
      expect(toolPageUrl(record.url, tags.slug)).toBe(toolUrl(healthomics.id, healthomics.tools[index]!.definition.name));
      expect({ ...tags, labels: [...tags.labels].sort() }).toEqual({ slug: toolSlug(healthomics.tools[index]!.definition.name), category: verdict.category, risk: verdict.risk, labels: [...verdict.labels].sort() });
    });
  });

  it('indexes a tool by its name (Pagefind splits it), its title and its description, and the server by its name words', () => {
    const section = record.tools.find((entry) => entry.name === 'CloneContainerToECR')!;
    const tool = healthomics.tools.find((entry) => entry.definition.name === 'CloneContainerToECR')!;
    expect(section.words).toBe(tool.definition.title?.trim() ?? '');
    expect(section.description.length).toBeGreaterThan(20);
    expect(tool.definition.description).toContain(section.description.slice(0, 40));
    expect(record.server.words).toContain(healthomics.displayName.split(' ')[0]);
    expect(record.meta).toMatchObject({ title: healthomics.displayName, risk: verdicts.server.risk, tools: String(healthomics.tools.length) });
    expect(decodeLabels(record.meta.labels).sort()).toEqual([...verdicts.server.labels].sort());
  });

  it('filters the record by the union of its tools\' verdicts and its own (no per-server filter)', () => {
    expect(new Set(record.filters.category)).toEqual(new Set(verdicts.tools.map((verdict) => verdict.category)));
    expect(new Set(record.filters.risk)).toEqual(new Set([...verdicts.tools.map((verdict) => verdict.risk), verdicts.server.risk]));
    expect(record.filters['has tools']).toEqual(['yes']);
    expect(Object.keys(record.filters).sort()).toEqual(['category', 'has tools', 'label', 'risk'].filter((key) => key !== 'label' || (record.filters.label ?? []).length > 0));
  });

  it('gives an index-only server one record with no tools, no risk and no labels', () => {
    let indexOnly;
    for (const server of iterateServers(path.resolve('data'))) {
      if (server.tools.length === 0) {
        indexOnly = server;
        break;
      }
    }
    expect(indexOnly).toBeDefined();
    const only = serverRecord(indexOnly!, verdictsFor(indexOnly!));
    expect(only.tools).toEqual([]);
    expect(only.filters).toEqual({ 'has tools': ['no'] });
    expect(only.meta.risk).toBeUndefined();
    expect(only.meta.labels).toBeUndefined();
  });
});

describe('tool anchors', () => {
  it('round-trips every category, risk and label set, and refuses what it did not write', () => {
    const tags = { slug: 'evil-name~1a2b3c4d', category: 'Destructive', risk: 'Critical', labels: ['private-data', 'credentials'] } as const;
    const id = encodeToolAnchor({ ...tags, labels: [...tags.labels] });
    expect(id).toMatch(/^t\d\d[0-9a-f]{2}-evil-name~1a2b3c4d$/);
    expect(decodeToolAnchor(id)).toEqual(tags);
    for (const bad of ['', 'not-a-tool', 't99ff-x', 't00zz-x', 't0000-', 't0000-a/b', 't0000-<script>', 't00ff-x']) expect(decodeToolAnchor(bad), bad).toBeUndefined();
    expect(() => encodeToolAnchor({ slug: 'a b', category: 'Read', risk: 'Low', labels: [] })).toThrow();
    expect(toolPageUrl('/servers/x-00000000/', 'a~b')).toBe('/servers/x-00000000/tools/a~b/');
  });
});

describe('record HTML', () => {
  it('escapes hostile text, puts each tool under a heading with its anchor, and keeps meta and filters out of the text', () => {
    const html = recordHtml({
      url: '/servers/x-00000000/',
      server: { words: "evil ' server", description: 'a "quoted" & <b>bold</b> text' },
      tools: [{ anchor: 't4300-x', name: '<script>alert(1)</script>', words: 'script alert', description: '<img src=x onerror=alert(1)>' }],
      meta: { title: 'a, b: c"', risk: 'High', labels: '01', tools: '1' },
      filters: { 'has tools': ['yes'], risk: ['High'] },
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<img');
    expect(html).toContain('<h2 id="t4300-x"');
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
