// Cache keys of the incremental build (src/site/cache-keys.ts): every keyed page's key, computed from
// a real synthetic dataset as getStaticPaths computes it, before and after an edit; a key must change
// when what its page shows changes and stay put otherwise. The site modules read CATALOG_DATA_DIR
// when first imported, so each snapshot imports them afresh.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Server } from '../../src/schema';
import { contentKey, sameNameListKey, toolPageKey } from '../../src/site/cache-keys';
import { listServerIds, readServer, writeServer } from '../../src/store/dataset';
import { synthesizeDataset } from '../../scripts/bench-site';
import { RECRAWL_AT, recrawledSnapshot } from '../../src/synth/recrawl';
import { mergeSnapshot } from '../../src/store/merge';

const dir = mkdtempSync(path.join(tmpdir(), 'cache-keys-'));
const data = path.join(dir, 'data');

/** Every keyed page's cache key, by a readable page label, as the pages' getStaticPaths compute them. */
async function snapshot(): Promise<Map<string, string>> {
  vi.resetModules();
  process.env['CATALOG_DATA_DIR'] = data;
  const keys = await import('../../src/site/cache-keys');
  const catalog = await import('../../src/site/catalog');
  const listing = await import('../../src/site/listing');
  const paging = await import('../../src/site/paging');
  const out = new Map<string, string>();
  for (const ref of catalog.allToolRefs()) out.set(`tool ${ref.server}/${ref.tool}`, keys.toolPageCacheKey(ref));
  for (const summary of catalog.serverSummaries()) out.set(`server ${summary.id}`, keys.serverPageCacheKey(summary.id));
  for (const [name, refs] of catalog.toolsByName()) out.set(`name ${name}`, keys.toolNameCacheKey(name, refs));
  for (const kind of catalog.CHANGE_KINDS) out.set(`changes ${kind}`, keys.changesKindCacheKey(kind));
  for (const filter of listing.SERVER_FILTER_ORDER) {
    for (const page of [1, ...listing.laterPages(filter)]) out.set(`listing ${filter} ${page}`, keys.serverListingCacheKey(filter, page));
  }
  for (const facet of Object.keys(listing.FACETS) as Array<keyof typeof listing.FACETS>) {
    out.set(`facet ${facet}`, keys.facetIndexCacheKey(facet, catalog.allToolRefs().length));
    for (const value of listing.FACETS[facet].values()) {
      const count = paging.pageCount(listing.toolsWith(facet, value.value).length);
      for (let page = 1; page <= count; page += 1) out.set(`facet ${facet} ${value.slug} ${page}`, keys.facetPageCacheKey(value, page));
    }
  }
  return out;
}

function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after].filter(([label, key]) => before.has(label) && before.get(label) !== key).map(([label]) => label);
}

let servers: Server[];
beforeAll(() => {
  synthesizeDataset(data, 150, 7);
  servers = listServerIds(data).map((id) => readServer(data, id) as Server);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cache keys', () => {
  // Astro keys a page by its path and its cacheKey together, so pages may share a key (the tool pages of
  // one server whose names no other server uses show the same inputs: that record, no other server).
  it('are the same for the same data', async () => {
    const first = await snapshot();
    expect(first.size).toBeGreaterThan(300);
    expect(await snapshot()).toEqual(first);
  });

  it('change for the re-crawled server\'s pages and what lists its changed tools, and for nothing of unrelated servers', async () => {
    const before = await snapshot();
    const target = servers.find((server) => server.tools.length >= 3) as Server;
    writeServer(data, recrawledSnapshot(target));
    const after = await snapshot();
    const moved = changed(before, after);
    // Its server page and every tool page it still has.
    expect(moved).toContain(`server ${target.id}`);
    for (const tool of target.tools.slice(1)) expect(moved).toContain(`tool ${target.id}/${tool.definition.name}`);
    // No other server's own page, and no tool page of another server (none shares its tools' names).
    expect(moved.filter((label) => label.startsWith('server ') && label !== `server ${target.id}`)).toEqual([]);
    expect(moved.filter((label) => label.startsWith('tool ') && !label.startsWith(`tool ${target.id}/`))).toEqual([]);
    // The added tool's pages are new keys.
    expect(after.has(`tool ${target.id}/recrawl_list_recent_items`)).toBe(true);
    expect(before.has(`tool ${target.id}/recrawl_list_recent_items`)).toBe(false);
    // Same-name pages of names it does not offer are untouched.
    const names = new Set([...target.tools.map((tool) => tool.definition.name), 'recrawl_list_recent_items']);
    expect(moved.filter((label) => label.startsWith('name ') && !names.has(label.slice('name '.length)))).toEqual([]);
    writeServer(data, target);
    expect(await snapshot()).toEqual(before);
  });

  it('change the change page of each kind a re-crawl recorded in the history, and of no other kind', async () => {
    const before = await snapshot();
    const target = servers.find((server) => server.tools.length >= 3) as Server;
    writeServer(data, mergeSnapshot(target, recrawledSnapshot(target), RECRAWL_AT));
    const after = await snapshot();
    expect(changed(before, after).filter((label) => label.startsWith('changes ')).sort()).toEqual(['changes added', 'changes changed']);
    writeServer(data, target);
    expect(await snapshot()).toEqual(before);
  });

  it("change a tool page on another server only when the same-name list it shows changes", async () => {
    // Give server B a tool named like one of server A's: A's page of that tool now lists B.
    const [a, b] = servers.filter((server) => server.tools.length >= 2) as [Server, Server];
    const shared = a.tools[0]!;
    const before = await snapshot();
    writeServer(data, { ...b, tools: [...b.tools, shared] });
    const added = await snapshot();
    const moved = changed(before, added);
    expect(moved).toContain(`tool ${a.id}/${shared.definition.name}`);
    expect(moved.filter((label) => label.startsWith(`tool ${a.id}/`))).toEqual([`tool ${a.id}/${shared.definition.name}`]);
    expect(moved).not.toContain(`server ${a.id}`);
    expect(moved).toContain(`name ${shared.definition.name}`);

    // B renamed: A's page shows B's name, so its key changes; B's tool edited without a rename: it does not.
    writeServer(data, { ...b, displayName: `${b.displayName} renamed`, tools: [...b.tools, shared] });
    const renamed = await snapshot();
    expect(changed(added, renamed)).toContain(`tool ${a.id}/${shared.definition.name}`);
    const editedDefinition = { ...shared.definition, description: 'Something else entirely: deletes every file it can reach.' };
    writeServer(data, {
      ...b,
      displayName: `${b.displayName} renamed`,
      tools: [...b.tools, { definition: editedDefinition, hash: (await import('../../src/lib/hash')).toolHash(editedDefinition) }],
    });
    const edited = await snapshot();
    expect(changed(renamed, edited)).not.toContain(`tool ${a.id}/${shared.definition.name}`);
    expect(changed(renamed, edited)).toContain(`tool ${b.id}/${shared.definition.name}`);
    writeServer(data, b);
  });

  it('hash what a listing shows, in order, not how its objects were built', () => {
    expect(contentKey({ a: 1, b: [1, 2] })).toBe(contentKey({ b: [1, 2], a: 1 }));
    expect(contentKey({ a: 1, b: [1, 2] })).not.toBe(contentKey({ a: 1, b: [2, 1] }));
    const list = sameNameListKey([{ server: 'x-00000001', serverName: 'X' }, { server: 'y-00000002', serverName: 'Y' }]);
    expect(toolPageKey('aaaa', 'x-00000001', list)).not.toBe(toolPageKey('aaaa', 'y-00000002', list));
    expect(toolPageKey('aaaa', 'x-00000001', list)).not.toBe(toolPageKey('bbbb', 'x-00000001', list));
  });
});
