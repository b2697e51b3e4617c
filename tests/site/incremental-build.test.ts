// SLOW (three small site builds): an incremental rebuild after a re-crawl of a few servers and the
// removal of one leaves the same site as a clean build of the changed data, page for page and byte
// for byte, and it reuses the pages it did not need to render.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthesizeDataset } from '../../scripts/bench-site';
import { compareBuilds, serverPages } from '../../src/site/compare-builds';
import { builtPages } from '../../src/site/sitemap';
import { listServerIds, readServer, removeServer } from '../../src/store/dataset';
import { recrawlShare } from '../../src/synth/recrawl';
import { buildSite } from '../helpers/site';

const work = mkdtempSync(path.join(tmpdir(), 'incremental-build-'));
const data = path.join(work, 'data');
const out = path.join(work, 'dist');
const clean = path.join(work, 'dist-clean');
let changed: string[];
let removed: string;
let untouchedPage: string;
let untouchedMtime: number;

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(path.join(dir, name)).isFile())
    .sort();
}

beforeAll(() => {
  synthesizeDataset(data, 120, 3);
  buildSite(data, out, path.join(work, 'cache'));
  const pages = builtPages(out, new Set());
  changed = recrawlShare(data, 0.03);
  const ids = listServerIds(data);
  removed = ids.find((id) => !changed.includes(id) && (readServer(data, id)?.tools.length ?? 0) > 0) as string;
  removeServer(data, removed);
  const untouched = ids.find((id) => id !== removed && !changed.includes(id) && (readServer(data, id)?.tools.length ?? 0) > 0) as string;
  untouchedPage = serverPages(pages, untouched).find((page) => page.includes('/tools/')) as string;
  untouchedMtime = statSync(path.join(out, untouchedPage, 'index.html')).mtimeMs;
  buildSite(data, out, path.join(work, 'cache'));
  buildSite(data, clean, path.join(work, 'cache-clean'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('an incremental rebuild', () => {
  it('has exactly the pages of a clean build, each byte-identical', () => {
    expect(changed.length).toBeGreaterThanOrEqual(3);
    const comparison = compareBuilds(out, clean, undefined, ['data/catalog.json', 'data/tools.ndjson', 'data/tools.csv', 'sitemap.xml']);
    expect(comparison.onlyIn).toEqual({ rebuilt: [], clean: [] });
    expect(comparison.compared).toBeGreaterThan(300);
    expect(comparison.different).toEqual([]);
    expect(comparison.filesDifferent).toEqual([]);
  });

  it('has exactly the files of a clean build: nothing of the removed server or the old tool definitions is left', () => {
    expect(files(out)).toEqual(files(clean));
    expect(files(out).filter((name) => name.includes(removed))).toEqual([]);
  });

  it('kept the pages whose data did not change instead of writing them again', () => {
    expect(statSync(path.join(out, untouchedPage, 'index.html')).mtimeMs).toBe(untouchedMtime);
  });
});
