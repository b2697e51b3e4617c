// Page budgets at scale: a tool page at most 30 KB of HTML and 5 KB of JavaScript, a server page at
// most 200 KB whatever its tool count. Builds the real site from the largest real server, the real
// tools with the largest definitions, and a synthetic server of 600+ tools, and measures the files.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from '../../src/schema';
import { toolSlug } from '../../src/lib/ids';
import { readServer, writeServer } from '../../src/store/dataset';
import { toolHash } from '../../src/lib/hash';
import { diffTools } from '../../src/store/merge';
import { synthesizeServers } from '../../src/synth/generate';
import { readProfile } from '../../src/synth/profile-file';
import { buildSite, copyServers } from '../helpers/site';

const TOOL_PAGE_HTML = 30 * 1024;
const TOOL_PAGE_JS = 5 * 1024;
const SERVER_PAGE_HTML = 200 * 1024;

const work = mkdtempSync(path.join(tmpdir(), 'page-budgets-'));
const data = path.join(work, 'data');
const out = path.join(work, 'dist');
// hostinger-api-mcp has the most tools of the embedded dataset (401); brave's brave_place_search and
// coingecko's tools have the largest definitions (70-180 KB of JSON each).
const REAL = ['hostinger-api-mcp-c4fae9e4', 'brave-brave-search-mcp-server-0397b97b', 'nic0xflamel-coingecko-mcp-server-1b741393'];
let servers: Server[];

/** One synthetic server holding the tools of many (src/synth: the real ecosystem's shapes), 600 or more. */
function largeSyntheticServer(): Server {
  const byName = new Map<string, Server['tools'][number]>();
  let first: Server | undefined;
  for (const server of synthesizeServers(readProfile(), 3000, 7)) {
    if (server.tools.length === 0) continue;
    first ??= server;
    for (const tool of server.tools) byName.set(tool.definition.name, tool);
    if (byName.size >= 640) break;
  }
  const tools = [...byName.values()].slice(0, 640).sort((a, b) => (a.definition.name < b.definition.name ? -1 : 1));
  // Every tool's description changed twice (a long new sentence each time): the history a server page must still bound.
  const edit = (tool: Server['tools'][number], text: string) => {
    const definition = { ...tool.definition, description: `${tool.definition.description ?? ''} ${text}` };
    return { definition, hash: toolHash(definition) };
  };
  const older = tools.map((tool) => edit(tool, 'It used to say something else entirely about what it returns and when.'));
  const second = tools.map((tool) => edit(tool, 'Then it said another thing, and asked for the conversation so far.'));
  const history = [...diffTools(older, second, '2026-01-01T00:00:00Z'), ...diffTools(second, tools, '2026-02-01T00:00:00Z')];
  return { ...first!, tools, history };
}

beforeAll(() => {
  const repo = path.resolve('data');
  expect(copyServers(repo, data, (server) => REAL.includes(server.id))).toBe(REAL.length);
  const synthetic = largeSyntheticServer();
  writeServer(data, synthetic);
  buildSite(data, out);
  servers = [...REAL.map((id) => readServer(data, id)!), readServer(data, synthetic.id)!];
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

const htmlOf = (...parts: string[]) => readFileSync(path.join(out, ...parts, 'index.html'), 'utf8');

/** Bytes of JavaScript a page runs: its inline scripts and the files its script tags load. */
function scriptBytes(html: string): number {
  let bytes = 0;
  for (const [tag, body] of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    const src = /\ssrc="(\/[^"]+)"/.exec(tag)?.[1];
    bytes += src ? statSync(path.join(out, src)).size : Buffer.byteLength(body!);
  }
  return bytes;
}

describe('page budgets', () => {
  it('builds the servers under test: the largest real one and a synthetic one of 600+ tools', () => {
    expect(servers[0]!.tools.length).toBeGreaterThanOrEqual(400);
    expect(servers.at(-1)!.tools.length).toBeGreaterThanOrEqual(600);
  });

  it('keeps every tool page under 30 KB of HTML and 5 KB of JavaScript', () => {
    const over: string[] = [];
    let largest = 0;
    for (const server of servers) {
      for (const tool of server.tools) {
        const html = htmlOf('servers', server.id, 'tools', toolSlug(tool.definition.name));
        const size = Buffer.byteLength(html);
        largest = Math.max(largest, size);
        if (size > TOOL_PAGE_HTML) over.push(`${server.id} ${tool.definition.name}: ${size} bytes of HTML`);
        const js = scriptBytes(html);
        expect(js, tool.definition.name).toBeGreaterThan(0);
        if (js > TOOL_PAGE_JS) over.push(`${server.id} ${tool.definition.name}: ${js} bytes of JavaScript`);
      }
    }
    expect(over).toEqual([]);
    expect(largest).toBeGreaterThan(0);
  });

  it('keeps every server page under 200 KB while its table still lists every tool and its policy is downloadable', () => {
    for (const server of servers) {
      const html = htmlOf('servers', server.id);
      expect(Buffer.byteLength(html), server.id).toBeLessThanOrEqual(SERVER_PAGE_HTML);
      const table = html.slice(html.indexOf('<table class="sortable tools">'), html.indexOf('</table>', html.indexOf('<table class="sortable tools">')));
      expect(table.match(/<tr>/g)?.length, server.id).toBe(server.tools.length + 1);
      for (const tool of server.tools) expect(table, tool.definition.name).toContain(`href="/servers/${server.id}/tools/${encodeURIComponent(toolSlug(tool.definition.name))}/"`);
      for (const file of ['policy.json', 'policy.yaml', 'claude-settings.json']) {
        expect(html).toContain(`href="/servers/${server.id}/${file}" download`);
        expect(statSync(path.join(out, 'servers', server.id, file)).size).toBeGreaterThan(20);
      }
    }
  });

  it('shows a definition too long for its page as a pointer to the server data file that has it', () => {
    const brave = servers[1]!;
    const html = htmlOf('servers', brave.id, 'tools', 'brave_place_search');
    expect(html).not.toContain('Definition as sent');
    expect(html).toMatch(/The definition as sent is \d+ KB of JSON, too long to show here/);
    expect(html).toContain(`href="/servers/${brave.id}.json"`);
    const document = JSON.parse(readFileSync(path.join(out, 'servers', `${brave.id}.json`), 'utf8')) as { tools: Array<{ definition: { name: string } }> };
    expect(document.tools.find((tool) => tool.definition.name === 'brave_place_search')?.definition).toEqual(brave.tools.find((tool) => tool.definition.name === 'brave_place_search')?.definition);
  });
});
