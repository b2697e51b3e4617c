// Argument advice: which arguments choose what a call reaches, the words on the page, and templates
// that load in their format once the placeholder is replaced (checked here with the placeholder in).
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { classifyTool } from '../../src/classify';
import { policyForTool } from '../../src/policy';
import { adviseArguments, MAX_ADVICE, type ToolFacts } from '../../src/policy/arguments';
import { HostedPolicy, InterceptPolicy } from '../../src/schema/policy';
import type { McpTool } from '../../src/schema/tool';
import { readServer } from '../../src/store/dataset';

function real(serverId: string, toolName: string) {
  const server = readServer('data', serverId);
  const definition = server?.tools.find((tool) => tool.definition.name === toolName)?.definition;
  if (!server || !definition) throw new Error(`${toolName} is missing from ${serverId}`);
  const verdict = classifyTool(definition);
  const facts: ToolFacts = { category: verdict.category, labels: verdict.labels, serverDisplayName: server.displayName };
  return { definition, verdict, facts, advice: adviseArguments(definition, facts) };
}

/** Every template, pasted into the tool's own recommended Intercept policy, still passes Intercept's validation. */
function expectLoadable({ definition, verdict, advice }: ReturnType<typeof real>) {
  const policy = policyForTool(definition, verdict);
  for (const entry of advice) {
    const intercept = structuredClone(policy.interceptYaml.object);
    const rules = intercept.tools[definition.name]?.rules;
    if (!rules) throw new Error('the tool is not listed in its own Intercept policy');
    rules.push(YAML.parse(entry.intercept.text)[0]);
    expect(InterceptPolicy.safeParse(intercept).error?.issues ?? []).toEqual([]);
    expect(YAML.parse(entry.intercept.text)).toEqual([entry.intercept.rule]);
    // Intercept compiles with Go's RE2, which has no lookaround or backreferences.
    const value = entry.intercept.rule.conditions?.[0]?.value;
    if (typeof value === 'string') expect(value).not.toMatch(/\(\?[=!<]|\\[1-9]/);
    if (entry.hosted.fragment) {
      const hosted = structuredClone(policy.hostedJson.object);
      const tool = hosted.tools?.[definition.name] ?? {};
      hosted.tools = { ...hosted.tools, [definition.name]: { ...tool, deny_if: [...(tool.deny_if ?? []), JSON.parse(entry.hosted.fragment)] } };
      expect(HostedPolicy.safeParse(hosted).success).toBe(true);
    }
  }
}

describe('argument advice on real tools', () => {
  it('CloneContainerToECR: the agent chooses source_image, and any public image can land in your ECR', () => {
    const tool = real('awslabs-mcp-aws-healthomics-mcp-server-1ed421ce', 'CloneContainerToECR');
    expect(tool.advice.map((entry) => [entry.parameter, entry.kind])).toEqual([['source_image', 'image']]);
    const [advice] = tool.advice;
    expect(advice?.sentence).toBe('The agent chooses source_image: any image it names, any public image included, can land in your ECR with the access aws-healthomics-mcp-server has.');
    expect(advice?.intercept.rule.conditions).toEqual([{ path: 'args.source_image', op: 'regex', value: '^registry\\.example\\.com/your-team/' }]);
    expect(advice?.hosted.fragment).toBeUndefined();
    expect(advice?.hosted.text).toContain('cannot express');
    expectLoadable(tool);
  });

  it('a command: the exact-command allowlist, and the caveat that a looser pattern lets commands chain', () => {
    const tool = real('alxspiker-windows-command-line-mcp-server-09e79798', 'execute_command');
    expect(tool.advice[0]).toMatchObject({ parameter: 'command', kind: 'command' });
    expect(tool.advice[0]?.sentence).toContain('execute_command runs with the access Windows Command Line MCP Server has');
    expect(tool.advice[0]?.caveat).toContain('chain');
    expectLoadable(tool);
  });

  it('a path on a read and on a write tool: a path prefix no part of which starts with a dot', () => {
    const read = real('modelcontextprotocol-server-filesystem-0d37c530', 'read_text_file');
    const write = real('modelcontextprotocol-server-filesystem-0d37c530', 'write_file');
    expect(read.advice.map((entry) => entry.parameter)).toEqual(['path']);
    expect(read.advice[0]?.sentence).toContain('read_text_file reads whatever file or folder it names');
    expect(write.advice[0]?.sentence).toContain('write_file changes whatever file or folder it names');
    const pattern = new RegExp(String(read.advice[0]?.intercept.rule.conditions?.[0]?.value));
    expect(pattern.test('/srv/project/src/index.ts')).toBe(true);
    expect(pattern.test('/srv/project/../../etc/passwd')).toBe(false);
    expect(pattern.test('/srv/project/.env')).toBe(false);
    expect(pattern.test('/srv/projects/x')).toBe(false);
    expectLoadable(read);
    expectLoadable(write);
  });

  it('a URL: an https host allowlist that a longer host name cannot pass', () => {
    const definition: McpTool = { name: 'fetch_page', inputSchema: { type: 'object', properties: { url: { type: 'string', format: 'uri' } } } };
    const advice = adviseArguments(definition, { category: 'Read', labels: [], serverDisplayName: 'Fetcher' });
    expect(advice[0]?.sentence).toContain('fetch_page fetches whatever address it names');
    const pattern = new RegExp(String(advice[0]?.intercept.rule.conditions?.[0]?.value));
    expect(pattern.test('https://api.example.com/v1')).toBe(true);
    expect(pattern.test('https://api.example.com.attacker.net/')).toBe(false);
  });

  it('GitHub repository arguments: an exact list in Intercept, one exact value in hosted JSON', () => {
    const tool = real('github-github-mcp-server-c4b8cae9', 'create_or_update_file');
    expect(tool.advice.map((entry) => `${entry.kind}:${entry.parameter}`)).toEqual(['path:path', 'repository:owner', 'repository:repo']);
    expect(tool.advice[1]?.hosted.fragment).toBe('{"path":"args.owner","op":"neq","value":"your-org"}');
    expectLoadable(tool);
  });

  it('gives nothing for arguments that are values, not destinations: a search query, a country code, a record\'s email, fixed choices', () => {
    expect(real('github-github-mcp-server-c4b8cae9', 'search_code').advice).toEqual([]);
    const facts: ToolFacts = { category: 'Write', labels: [], serverDisplayName: 'S' };
    const definition: McpTool = {
      name: 'create_customer',
      inputSchema: { type: 'object', properties: { email: { type: 'string' }, country_code: { type: 'string' }, mode: { type: 'string', enum: ['a', 'b'] }, path: { type: 'string', enum: ['/a', '/b'] } } },
    };
    expect(adviseArguments(definition, facts)).toEqual([]);
  });
});

describe('argument advice on hostile definitions', () => {
  it('skips names a policy path cannot carry and shows at most three, most consequential first', () => {
    const properties = { 'a.path': { type: 'string' }, file: { type: 'string' }, url: { type: 'string' }, repo: { type: 'string' }, command: { type: 'string' } };
    const advice = adviseArguments({ name: 'x', inputSchema: { type: 'object', properties } }, { category: 'Execute', labels: [], serverDisplayName: 'S' });
    expect(advice.map((entry) => entry.parameter)).toEqual(['command', 'url', 'file']);
    expect(advice).toHaveLength(MAX_ADVICE);
  });

  it('reads a schema that is not an object as no advice, never an error', () => {
    for (const inputSchema of [{}, { properties: null }, { properties: [] }, { properties: { url: 'x' } }, { properties: { url: null } }]) {
      expect(adviseArguments({ name: 'x', inputSchema } as McpTool, { category: 'Read', labels: [], serverDisplayName: 'S' })).toEqual([]);
    }
  });
});
