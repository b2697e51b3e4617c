// Shared by the CLI tests: a data folder holding every catalog server the scan fixtures can match
// (each entry's candidates, so matches and their notes are as over the whole catalog), the shipped
// dataset built from it, the report the core makes from the same records, and the CLI run in-process.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { runCli, type CliContext } from '../../src/scan/cli';
import { parseClientConfig } from '../../src/scan/config';
import { buildLookup, matchEntry } from '../../src/scan/match';
import { buildScanReport, neededServers, reportJson } from '../../src/scan/report';
import { writeShippedDataset } from '../../src/scan/shipped-dataset';
import { serverDocument, type ServerDocument } from '../../src/site/export';
import { defaultDataDir, iterateServers, readServer, serverFile, serversDir } from '../../src/store/dataset';

export const SCAN_FIXTURES = path.resolve('tests/fixtures/scan');
export const fixturePath = (name: string) => path.join(SCAN_FIXTURES, name);
/** The fixture configs that parse (broken.json is the one with a syntax error). */
export const FIXTURE_CONFIGS = readdirSync(SCAN_FIXTURES).filter((name) => name.endsWith('.json') && name !== 'broken.json').sort();

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

let fixtureData: string | undefined;
/** A data folder with every server any fixture entry's keys name in the embedded catalog. */
export function fixtureDataDir(): string {
  if (fixtureData) return fixtureData;
  const full = buildLookup(iterateServers(defaultDataDir()));
  const ids = new Set<string>();
  for (const name of FIXTURE_CONFIGS) {
    const config = parseClientConfig(readFileSync(fixturePath(name), 'utf8'), name);
    for (const entry of config.entries) for (const id of matchEntry(entry, full).candidates) ids.add(id);
  }
  const dir = tempDir('scan-cli-data-');
  mkdirSync(serversDir(dir), { recursive: true });
  for (const id of ids) copyFileSync(serverFile(defaultDataDir(), id), serverFile(dir, id));
  fixtureData = dir;
  return dir;
}

let fixtureDataset: string | undefined;
/** The shipped dataset of fixtureDataDir(), as scripts/build-cli.ts writes it. */
export function fixtureDatasetDir(): string {
  if (fixtureDataset) return fixtureDataset;
  fixtureDataset = path.join(tempDir('scan-cli-dataset-'), 'data');
  writeShippedDataset(fixtureDataDir(), fixtureDataset, { packageVersion: '0.0.0-test', site: 'https://catalog.example.org' });
  return fixtureDataset;
}

/** The core's report for a config file, from the records themselves (not the shipped dataset), as `shown` names it. */
export function expectedReportJson(file: string, shown: string): string {
  const dataDir = fixtureDataDir();
  const lookup = buildLookup(iterateServers(dataDir));
  const config = parseClientConfig(readFileSync(file, 'utf8'), shown);
  const documents = new Map<string, ServerDocument>();
  for (const id of neededServers(config, lookup)) {
    const server = readServer(dataDir, id);
    if (server) documents.set(id, serverDocument(server));
  }
  return reportJson(buildScanReport(config, lookup, documents));
}

export type CliRun = { status: number; stdout: string; stderr: string };

/** Runs the CLI in this process, with the fixture dataset unless the context names another. */
export async function runScan(argv: string[], context: Partial<Omit<CliContext, 'argv' | 'stdout' | 'stderr'>> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const status = await runCli({
    argv,
    cwd: context.cwd ?? SCAN_FIXTURES,
    home: context.home ?? tempDir('scan-cli-home-'),
    env: context.env ?? {},
    platform: context.platform ?? 'linux',
    datasetDir: context.datasetDir ?? fixtureDatasetDir(),
    ...(context.crawl ? { crawl: context.crawl } : {}),
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { status, stdout, stderr };
}
