// Shared by the crawler tests: fixture servers handed to the crawler as if npm had installed them.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { afterAll } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import type { InstalledPackage } from '../../src/crawl/install';
import { CrawlTarget, type CrawlTargetInput } from '../../src/crawl/targets';
import type { StdioCrawlOptions } from '../../src/crawl/crawl-stdio';

export const fixturesDir = path.resolve('tests/fixtures/crawl');
const bins = { 'raw-server': path.join(fixturesDir, 'raw-server.mjs'), 'sdk-server': path.join(fixturesDir, 'sdk-server.mjs') };
for (const file of Object.values(bins)) chmodSync(file, 0o755);

/** Stands in for `npm install`: the package "contains" both fixture servers. No network. */
export async function installFixture(target: CrawlTarget): Promise<InstalledPackage> {
  return {
    dir: fixturesDir,
    packageDir: fixturesDir,
    version: '1.0.0',
    bins,
    manifest: { name: target.package, version: '1.0.0', description: 'A fixture server.', license: 'MIT', repository: 'git+https://github.com/example/fixture.git' },
  };
}

/** The fixture package with its binaries renamed, e.g. `{ 'notes-server': 'raw-server' }`. */
export function installFixtureAs(names: Record<string, keyof typeof bins>) {
  return async (target: CrawlTarget): Promise<InstalledPackage> => ({
    ...(await installFixture(target)),
    bins: Object.fromEntries(Object.entries(names).map(([name, fixture]) => [name, bins[fixture]])),
  });
}

export function target(input: Omit<CrawlTargetInput, 'package'> & { package?: string }): CrawlTarget {
  return CrawlTarget.parse({ package: 'fixture-server', ...input });
}

/**
 * Limits sized for a busy 2-core CI machine: generous where a healthy server must make it, small for
 * the flood and the shutdown grace. The assertions never look at time.
 */
export const quickOptions: StdioCrawlOptions = {
  installDir: '/nonexistent',
  install: installFixture,
  initializeTimeoutMs: 20_000,
  listTimeoutMs: 20_000,
  limits: { maxStdoutBytes: 1024 * 1024, shutdownGraceMs: 500 },
};

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh data folder, removed when the test file is done. */
export function tempDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'crawl-test-data-'));
  made.push(dir);
  return dir;
}
