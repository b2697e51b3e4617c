// Tool and server pages show which incidents they meet, and the incremental build keeps a page whose
// cache key is unchanged: editing an incident's precondition must change every tool and server page's
// key, or those pages keep the old "Known attacks" line. Editing only an incident's body or sources must not.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { defaultIncidentsDir } from '../../src/editorial/incident-match';
import { copyServers } from '../helpers/site';

const GITHUB = 'github-github-mcp-server-c4b8cae9';
const work = mkdtempSync(path.join(tmpdir(), 'incident-keys-'));
const data = path.join(work, 'data');
const pages = path.join(work, 'incidents');
copyServers(path.resolve('data'), data, (server) => server.id === GITHUB);
mkdirSync(pages);
for (const name of readdirSync(defaultIncidentsDir())) copyFileSync(path.join(defaultIncidentsDir(), name), path.join(pages, name));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The cache keys of the server's page and of its `list_issues` page, as getStaticPaths computes them in a fresh build. */
async function keys(): Promise<{ tool: string; server: string }> {
  vi.resetModules();
  process.env['CATALOG_DATA_DIR'] = data;
  process.env['CATALOG_INCIDENTS_DIR'] = pages;
  const cacheKeys = await import('../../src/site/cache-keys');
  const catalog = await import('../../src/site/catalog');
  const ref = catalog.allToolRefs().find((candidate) => candidate.tool === 'list_issues')!;
  return { tool: cacheKeys.toolPageCacheKey(ref), server: cacheKeys.serverPageCacheKey(GITHUB) };
}

function edit(name: string, from: string | RegExp, to: string): void {
  const file = path.join(pages, name);
  const before = readFileSync(file, 'utf8');
  const after = before.replace(from, to);
  expect(after).not.toBe(before);
  writeFileSync(file, after);
}

describe('cache keys of pages that show incidents', () => {
  it('change when a precondition changes, and only then', async () => {
    const before = await keys();
    expect(await keys()).toEqual(before);
    edit('lethal-trifecta.md', 'Any two are manageable', 'Any two of them are manageable');
    edit('lethal-trifecta.md', 'publisher: Simon Willison', 'publisher: Simon Willison (simonwillison.net)');
    expect(await keys()).toEqual(before);
    edit('lethal-trifecta.md', '      anyLabels: [private-data, untrusted-content, outward-channel]', '      anyLabels: [private-data, outward-channel]');
    const after = await keys();
    expect(after.tool).not.toBe(before.tool);
    expect(after.server).not.toBe(before.server);
  });
});
