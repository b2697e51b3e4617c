// SLOW (~15 s on 2 cores): builds two small sites, the catalog from 200 synthetic servers and the
// bare-Astro baseline. It proves `npm run bench -- --section site` works end to end and reports every
// stage; it asserts nothing about time, which depends on the machine.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { SiteFigures } from '../../scripts/bench-site';

const work = mkdtempSync(path.join(tmpdir(), 'bench-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('reports every stage of a 200-server pipeline and the bare-Astro baseline as numbers', () => {
  const out = path.join(work, 'bench.json');
  const text = execFileSync('npm', ['run', '--silent', 'bench', '--', '--servers', '200', '--section', 'site', '--json-out', out], {
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const { site } = JSON.parse(readFileSync(out, 'utf8')) as { site: SiteFigures };
  expect(Object.keys(site.stages)).toEqual(['load', 'classify', 'policies', 'astroBuild', 'postBuild', 'search', 'total']);
  for (const [name, stage] of Object.entries(site.stages)) {
    for (const figure of [stage.seconds, stage.throughput, stage.peakMiB]) expect(figure, name).toBeGreaterThan(0);
  }
  expect(site.servers).toBe(200);
  expect(site.pages).toBeGreaterThan(200);
  expect(site.baseline.pages).toBe(site.pages);
  // Every page is a file, and the site has more: per-server data and policies, the search index, assets.
  expect(site.output.files).toBeGreaterThan(site.pages + site.servers);
  expect(site.output.bytes).toBeGreaterThan(0);
  for (const figure of [site.baseline.seconds, site.baseline.peakMiB, site.astroToBaseline, site.buildToBaseline, site.classifyPoliciesShare, site.searchBootstrapKiB]) {
    expect(figure).toBeGreaterThan(0);
  }
  expect(site.classifyPoliciesShare).toBeLessThan(1);
  // The build's wall time is that of npm run build, which waits for astro build and the search index.
  expect(site.stages.total.seconds).toBeGreaterThanOrEqual(Math.max(site.stages.astroBuild.seconds, site.stages.search.seconds));
  // The text table names every stage too.
  for (const label of ['load and validate', 'classify', 'policies', 'astro build', 'post-build', 'search index', 'total', 'bare-Astro baseline']) expect(text).toContain(label);
}, 120_000);
