// Crashes and restarts (issue 14): the crawler (`npm run crawl` against real MCP servers of the SDK
// over HTTP), `npm run import` and `npm run import-source` are SIGKILLed at their 1st, 2nd, ... write
// (CATALOG_KILL_AT_WRITE, honoured by src/lib/write-if-changed.ts: after the temporary file, before
// the rename; data/ changes only at renames, so this reaches every state a kill could leave), then run
// again. The next run completes, every file in data/ parses and matches the schema, and the tools are
// those of an uninterrupted run.
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listServerIds, readServerFile, serverFile } from '../../src/store/dataset';
import { readSourceRecords } from '../../src/store/source-store';
import { root, temp, tsx } from './helpers';
import { notesServer, listen, type Listening } from '../crawl/http-fixtures';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';


/** Runs a script; resolves with its exit code, or the signal that ended it. */
function runScript(script: string, args: string[], killAt?: number): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, ...(killAt !== undefined ? { CATALOG_KILL_AT_WRITE: String(killAt) } : {}) };
    execFile(tsx, [path.join(root, 'scripts', script), ...args], { cwd: root, env, maxBuffer: 1 << 24 }, (error, _stdout, stderr) => {
      const failed = error as (Error & { code?: number; signal?: string }) | null;
      resolve({ code: failed ? (failed.code ?? null) : 0, signal: failed?.signal ?? null, stderr });
    });
  });
}

/** What data/ holds, checked: every file a whole, valid record; tools by server; nothing else in the folders. */
function inventory(dataDir: string): Record<string, string[]> {
  const tools: Record<string, string[]> = {};
  for (const collection of ['collected', 'servers'] as const) {
    const dir = path.join(dataDir, collection);
    const names = (() => {
      try {
        return readdirSync(dir);
      } catch {
        return [];
      }
    })();
    expect(names.filter((name) => !name.endsWith('.json')), `${collection}: leftover files`).toEqual([]);
    for (const id of listServerIds(dataDir, collection)) {
      const server = readServerFile(serverFile(dataDir, id, collection));
      tools[`${collection}/${id}`] = server.tools.map((tool) => `${tool.definition.name} ${tool.hash}`);
    }
  }
  const { records, errors } = readSourceRecords(dataDir);
  expect(errors).toEqual([]);
  for (const record of records) tools[`sources/${record.source}/${record.key}`] = (record.tools ?? []).map((tool) => tool.name);
  return tools;
}

const outcomes: string[] = [];
const servers: Listening[] = [];
afterAll(async () => {
  console.log(`kill points: ${outcomes.length}, ${outcomes.filter((line) => line.endsWith('pass')).length} pass\n  ${outcomes.join('\n  ')}`);
  await Promise.all(servers.map((server) => server.close()));
});

/** Kills `script` at each write in turn until a run finishes unkilled; each killed run is run again. */
async function killAtEveryWrite(name: string, script: string, args: (dataDir: string, cacheDir: string) => string[], prepare: (dataDir: string) => void = () => {}) {
  const reference = temp('robust-kill-ref-');
  prepare(reference);
  expect((await runScript(script, args(reference, temp('robust-kill-cache-')))).signal).toBeNull();
  const expected = inventory(reference);
  for (let write = 1; ; write += 1) {
    const dataDir = temp('robust-kill-');
    const cacheDir = temp('robust-kill-cache-');
    prepare(dataDir);
    const killed = await runScript(script, args(dataDir, cacheDir), write);
    // tsx runs the script in a child and exits 137 (128 + 9) when that child is SIGKILLed.
    if (killed.signal !== 'SIGKILL' && killed.code !== 137) break;
    const again = await runScript(script, args(dataDir, cacheDir));
    expect(again.signal, `${name} after a kill at write ${write}: ${again.stderr}`).toBeNull();
    expect(inventory(dataDir), `${name}, killed at write ${write}`).toEqual(expected);
    outcomes.push(`${name}: killed at write ${write}, next run completed, data/ valid, no tool lost: pass`);
  }
}

describe('SIGKILL at every write, then the next run', () => {
  it('npm run crawl (remote, three real SDK servers)', async () => {
    for (const description of ['Searches the notes.', 'Deletes a note.', 'Sends the notes by mail.']) {
      servers.push(
        await listen(async (req, res) => {
          const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
          const server = notesServer(description);
          res.on('close', () => void transport.close().then(() => server.close()));
          await server.connect(transport);
          await transport.handleRequest(req, res);
        }),
      );
    }
    const urls = servers.flatMap((server) => ['--url', `${server.url}/mcp`]);
    await killAtEveryWrite('crawl', 'crawl.ts', (dataDir, cacheDir) => ['--source', 'remote', ...urls, '--data', dataDir, '--cache', cacheDir, '--concurrency', '1']);
  }, 600_000);

  it('npm run import (a dump of two servers)', async () => {
    await killAtEveryWrite('import', 'import.ts', (dataDir) => [path.join(root, 'tests/fixtures/malformed/base.jsonl'), '--at', '2026-01-01T00:00:00Z', '--data', dataDir]);
  }, 600_000);

  for (const dataset of ['metorial', 'toucan', 'mcpm', 'tensorblock']) {
    it(`npm run import-source ${dataset}`, async () => {
      await killAtEveryWrite(`import-source ${dataset}`, 'import-source.ts', (dataDir) => [dataset, path.join(root, 'tests/fixtures/sources', dataset), '--commit', '0'.repeat(40), '--at', '2026-01-01T00:00:00Z', '--data', dataDir]);
    }, 600_000);
  }

  it('counts at least 50 kill points', () => {
    expect(outcomes.length).toBeGreaterThanOrEqual(50);
  });
});
