// The words around policy snippets on tool and server pages: the one-tool note and its link to the
// server's policy, setup steps per format, argument advice and per-method lines, with hostile names.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from '../../src/schema';
import { POLICY_SETUP } from '../../src/site/policy-setup';
import { readServer, writeServer } from '../../src/store/dataset';
import type * as ServerRender from '../../src/site/render/server';
import type * as ToolRender from '../../src/site/render/tool';
import type * as ServerPage from '../../src/site/server-page';
import type * as ToolPage from '../../src/site/tool-page';
import { copyServers } from '../helpers/site';

const REAL = ['github-github-mcp-server-c4b8cae9', 'awslabs-mcp-aws-healthomics-mcp-server-1ed421ce'];
const dir = mkdtempSync(path.join(tmpdir(), 'policy-help-'));
const data = path.join(dir, 'data');
let toolPage: (server: Server, toolName: string) => string;
let serverPage: (server: Server) => string;
let servers: Map<string, Server>;

const hostile: Server = (() => {
  const base = readServer('data', REAL[1] as string) as Server;
  const definition = {
    name: 'fetch_<b>x</b>',
    description: 'Fetches a page.',
    inputSchema: { type: 'object', properties: { url: { type: 'string', format: 'uri' } } },
  };
  return { ...base, id: 'hostile-policy-help-0badc0de', displayName: '<img src=x onerror=alert(1)> & co', tools: [{ definition, hash: 'a'.repeat(16) }], history: [] };
})();

beforeAll(async () => {
  expect(copyServers(path.resolve('data'), data, (server) => REAL.includes(server.id))).toBe(REAL.length);
  writeServer(data, hostile);
  process.env['CATALOG_DATA_DIR'] = data;
  const { toolPageModel }: typeof ToolPage = await import('../../src/site/tool-page');
  const { toolPageBody }: typeof ToolRender = await import('../../src/site/render/tool');
  const { serverPageModel }: typeof ServerPage = await import('../../src/site/server-page');
  const { serverPageBody }: typeof ServerRender = await import('../../src/site/render/server');
  servers = new Map([...REAL, hostile.id].map((id) => [id, readServer(data, id) as Server]));
  toolPage = (server, name) => {
    const tool = server.tools.find((entry) => entry.definition.name === name);
    if (!tool) throw new Error(`no ${name}`);
    return toolPageBody(server, toolPageModel(server, tool)).value;
  };
  serverPage = (server) => serverPageBody(server, serverPageModel(server)).value;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const server = (id: string) => servers.get(id) as Server;
const escapedText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;').replace(/"/g, '&quot;');

describe('a tool page\'s policy', () => {
  it('says above the snippets that pasted alone they block every other tool, and links the server\'s policy section', () => {
    const github = server(REAL[0] as string);
    const body = toolPage(github, 'issue_write');
    const note = body.indexOf('Pasted alone, the hosted JSON and Intercept policies below block every other tool of GitHub MCP Server');
    expect(note).toBeGreaterThan(body.indexOf('<h2>Recommended policy</h2>'));
    expect(note).toBeLessThan(body.indexOf('<section class="snippet"'));
    expect(body).toContain(`<a href="/servers/${github.id}/#policy">the server's policy</a>`);
    expect(body.slice(note, body.indexOf('</p>', note))).toContain('copy its entry under <code>tools</code>');
    // The link lands: the server page has the section it names.
    expect(serverPage(github)).toContain('<h2 id="policy">Recommended policy for the whole server</h2>');
  });

  it('gives each format its setup steps, on tool and server pages alike', () => {
    const github = server(REAL[0] as string);
    for (const body of [toolPage(github, 'label_write'), serverPage(github)]) {
      expect(body.match(/<p class="setup">/g)).toHaveLength(3);
      expect(body).toContain('<code>intercept validate -c policy.yaml</code>');
      expect(body).toContain('<code>~/.claude/settings.json</code>');
      expect(body).toContain('switch the builder to Raw JSON');
    }
    expect(Object.keys(POLICY_SETUP)).toEqual(['hostedJson', 'interceptYaml', 'claudeSettings']);
  });

  it('shows a split tool\'s methods and what happens to each', () => {
    const body = toolPage(server(REAL[0] as string), 'pull_request_review_write');
    expect(body).toContain('Its argument &quot;method&quot; chooses what it does, so the policy decides per method');
    expect(body).toContain('- &quot;delete_pending&quot;: blocked by argument (Destructive, risk Critical).');
    expect(body).not.toContain('&quot;hide&quot;');
  });

  it('CloneContainerToECR: says the agent chooses source_image and any public image can land in your ECR, with the templates', () => {
    const body = toolPage(server(REAL[1] as string), 'CloneContainerToECR');
    expect(body).toContain('<h3 id="arguments">Arguments to constrain</h3>');
    expect(body).toContain('The agent chooses <code>source_image</code>: any image it names, any public image included, can land in your ECR with the access aws-healthomics-mcp-server has.');
    expect(body).toContain('op: &quot;regex&quot;');
    expect(body).toContain('Hosted JSON cannot express this');
    expect(body).toContain('The constraints are templates');
  });

  it('escapes a hostile server and tool name in the note and the advice', () => {
    const body = toolPage(server(hostile.id), 'fetch_<b>x</b>');
    expect(body).not.toContain('<img src=x');
    expect(body).not.toContain('<b>x</b>');
    expect(body).toContain(`block every other tool of ${escapedText(hostile.displayName)}`);
    expect(body).toContain(`The agent chooses <code>url</code>: ${escapedText('fetch_<b>x</b>')} fetches whatever address it names`);
  });
});
