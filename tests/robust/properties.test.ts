// Property-based tests (fast-check) of what every page, file name and policy rests on: slugs and ids
// (unique, safe in a URL and a file name on Linux, macOS and Windows, stable, unique under case
// folding), tokenisation, the dump importer, and the three policy renderers.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { serverId, serverIdFromKey, toolSlug } from '../../src/lib/ids';
import { actionStart, normaliseParameterName, tokenizeName } from '../../src/classify/tokenize';
import { classifyTool } from '../../src/classify';
import { parseDump } from '../../src/import/parse-dump';
import { importDump } from '../../src/import/import-dump';
import { policyForServer } from '../../src/policy';
import { ClaudeSettings, HostedPolicy, InterceptPolicy, McpTool } from '../../src/schema';
import { readServer } from '../../src/store/dataset';

const RUNS = { numRuns: 300 };
/** A path segment that Linux, macOS and Windows all accept and that needs no escaping in a URL. */
const PORTABLE_SEGMENT = /^[A-Za-z0-9_~][A-Za-z0-9_.~-]*$/;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;

/** Names as MCP servers write them, near-twins that differ in case or punctuation, and hostile text. */
const word = fc.constantFrom('get', 'Get', 'GET', 'list', 'help', 'Help', 'con', 'CON', 'nul', 'index', 'html', 'a', 'x', '__proto__', 'toString', '');
const joiner = fc.constantFrom('_', '-', '.', '', '/', '\\', ' ', '..', ':', '\u0000', '\u202e', '\u200b');
const shapedName = fc.array(fc.tuple(word, joiner), { minLength: 1, maxLength: 5 }).map((parts) => parts.map(([w, j]) => w + j).join(''));
const toolName = fc.oneof(shapedName, fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme-ascii', maxLength: 140 }));

describe('tool slugs', () => {
  it('are portable path segments: URL-safe, no device name, no trailing dot, at most 128 characters', () => {
    fc.assert(
      fc.property(toolName, (name) => {
        const slug = toolSlug(name);
        expect(slug).toMatch(PORTABLE_SEGMENT);
        expect(encodeURIComponent(slug)).toBe(slug.replace(/~/g, '~'));
        expect(WINDOWS_DEVICE.test(slug)).toBe(false);
        expect(slug.endsWith('.')).toBe(false);
        expect(slug.length).toBeLessThanOrEqual(128);
      }),
      RUNS,
    );
  });

  it('are unique under case folding: two names never share a folder on macOS or Windows', () => {
    fc.assert(
      fc.property(fc.uniqueArray(toolName, { minLength: 2, maxLength: 30 }), (names) => {
        const folded = new Map<string, string>();
        for (const name of names) {
          const key = toolSlug(name).toLowerCase();
          expect(folded.get(key) ?? name).toBe(name);
          folded.set(key, name);
        }
      }),
      RUNS,
    );
    // The pairs the embedded dataset holds today (31 groups such as help / Help, runCommand / RunCommand).
    for (const [a, b] of [['help', 'Help'], ['runCommand', 'RunCommand'], ['get_positions', 'GET_POSITIONS'], ['con', 'CON']]) {
      expect(toolSlug(a!).toLowerCase()).not.toBe(toolSlug(b!).toLowerCase());
    }
  });

  it('are stable: a function of the name alone, and a lower-case MCP name is its own slug', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9_][a-z0-9_.-]{0,40}[a-z0-9_-]$/), (name) => {
        fc.pre(!WINDOWS_DEVICE.test(name));
        expect(toolSlug(name)).toBe(name);
      }),
      RUNS,
    );
    expect(toolSlug('CloneContainerToECR')).toBe(toolSlug('CloneContainerToECR'));
    expect(toolSlug('create_pull_request')).toBe('create_pull_request');
  });
});

describe('server ids', () => {
  it('are portable, lower case, and differ for different identities', () => {
    const identity = fc.record({ kind: fc.constantFrom('npm' as const, 'pypi' as const, 'remote' as const, 'registry' as const, 'import' as const), name: toolName });
    fc.assert(
      fc.property(identity, identity, (a, b) => {
        const id = serverId(a);
        expect(id).toMatch(/^[a-z0-9-]{1,100}-[0-9a-f]{8}$/);
        expect(id).toBe(id.toLowerCase());
        if (a.kind !== b.kind || a.name !== b.name) expect(serverId(b)).not.toBe(id);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.constantFrom('npm:', 'pypi:', 'repo:github.com/', 'remote:https://', 'oci:'), toolName, (prefix, body) => {
        expect(serverIdFromKey(`${prefix}${body}`)).toMatch(/^[a-z0-9-]{1,100}-[0-9a-f]{8}$/);
      }),
      RUNS,
    );
  });
});

describe('tokenizeName', () => {
  it('gives lower-case words that are found, as written, where they say they start, in order', () => {
    fc.assert(
      fc.property(toolName, (name) => {
        const tokens = tokenizeName(name);
        let end = 0;
        for (const token of tokens) {
          expect(name.slice(token.start, token.start + token.text.length)).toBe(token.text);
          expect(token.word).toBe(token.text.toLowerCase());
          expect(token.word).toMatch(/^[a-z]+$|^[0-9]+$/);
          expect(token.start).toBeGreaterThanOrEqual(end);
          end = token.start + token.text.length;
        }
        expect(tokenizeName(name)).toEqual(tokens);
        const normal = normaliseParameterName(name);
        expect(normaliseParameterName(normal)).toBe(normal);
        expect(actionStart(name)).toBeGreaterThanOrEqual(0);
        expect(actionStart(name)).toBeLessThanOrEqual(name.length);
      }),
      RUNS,
    );
  });
});

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the dump importer', () => {
  const row = fc.oneof(
    fc.jsonValue(),
    fc.record(
      {
        server: fc.oneof(fc.constantFrom('s1', 's2'), fc.jsonValue()),
        name: fc.oneof(toolName, fc.jsonValue()),
        description: fc.oneof(fc.string(), fc.jsonValue()),
        inputSchema: fc.oneof(fc.constant({ type: 'object' }), fc.dictionary(fc.string(), fc.jsonValue()), fc.jsonValue()),
        annotations: fc.oneof(fc.record({ readOnlyHint: fc.oneof(fc.boolean(), fc.constant('false')) }, { requiredKeys: [] }), fc.jsonValue()),
      },
      { requiredKeys: [] },
    ),
  );

  it('never throws on arbitrary rows, and every tool it accepts round-trips through the store', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), (rows) => {
        const text = rows.map((value) => JSON.stringify(value) ?? 'undefined').join('\n');
        const parsed = parseDump(text, 'arbitrary.jsonl');
        for (const tools of parsed.servers.values()) {
          for (const { definition } of tools) expect(McpTool.parse(JSON.parse(JSON.stringify(definition)))).toEqual(definition);
        }
        const dataDir = mkdtempSync(path.join(os.tmpdir(), 'robust-props-'));
        made.push(dataDir);
        const report = importDump(text, 'arbitrary.jsonl', { dataDir, at: '2026-01-01T00:00:00Z' });
        for (const server of report.servers) {
          const stored = readServer(dataDir, server.id, 'collected')!;
          const sent = parsed.servers.get(server.name)!.map((tool) => tool.definition);
          expect(stored.tools.map((tool) => tool.definition)).toEqual([...sent].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('the policy renderers', () => {
  const description = fc.array(fc.constantFrom('Deletes', 'Reads', 'the', 'file', 'sends', 'email', 'payment', 'amount', 'run', 'shell', 'command', '"', "'", ':', '#', '- ', '\n', '{', '}', '*'), { maxLength: 12 }).map((words) => words.join(' '));
  const parameter = fc.constantFrom('path', 'amount', 'command', 'url', 'query', 'to', 'id', 'sql', '__proto__', 'a"b', 'x: y');
  const tool = fc.record({
    name: toolName.filter((name) => name.length > 0),
    description,
    parameters: fc.uniqueArray(parameter, { maxLength: 4 }),
    readOnly: fc.option(fc.boolean(), { nil: undefined }),
  });

  it('always give output that passes its schema and round-trips through JSON and YAML parsing', () => {
    fc.assert(
      fc.property(fc.uniqueArray(tool, { minLength: 1, maxLength: 6, selector: (entry) => entry.name }), toolName, (tools, displayName) => {
        const definitions = tools.map(
          ({ name, description: text, parameters, readOnly }): McpTool =>
            McpTool.parse({
              name,
              description: text,
              inputSchema: { type: 'object', properties: Object.fromEntries(parameters.map((key) => [key, { type: key === 'amount' ? 'number' : 'string' }])) },
              ...(readOnly !== undefined ? { annotations: { readOnlyHint: readOnly } } : {}),
            }),
        );
        const policy = policyForServer(
          { id: 'property-server-00000000', displayName: displayName || 'server', tools: definitions.map((definition) => ({ definition, hash: 'x' })) },
          (definition) => classifyTool(definition),
        );
        expect(HostedPolicy.parse(JSON.parse(policy.hostedJson.text))).toEqual(policy.hostedJson.object);
        expect(InterceptPolicy.parse(YAML.parse(policy.interceptYaml.text))).toEqual(policy.interceptYaml.object);
        expect(ClaudeSettings.parse(JSON.parse(policy.claudeSettings.text))).toEqual(policy.claudeSettings.object);
      }),
      { numRuns: 150 },
    );
  });
});
