// The inferred annotations on real tools of the embedded dataset, and what must hold for every tool:
// the spec's wording (a plain update is Write but destructiveHint true), and a `destructive` label
// given only where something can be deleted or overwritten.
import { describe, expect, it } from 'vitest';
import { classifyTool } from '../../src/classify';
import { effectiveHint } from '../../src/classify/hints';
import type { Classification, McpTool } from '../../src/schema';
import { iterateServers, readServerFile, serverFile } from '../../src/store/dataset';

function realTool(serverId: string, name: string): McpTool {
  const tool = readServerFile(serverFile('data', serverId)).tools.find((candidate) => candidate.definition.name === name);
  if (!tool) throw new Error(`${serverId} has no tool ${name}`);
  return tool.definition;
}

const hints = (definition: McpTool) => {
  const inferred = classifyTool(definition, { ignoreAnnotations: true }).inferredAnnotations;
  return Object.fromEntries(Object.entries(inferred).map(([hint, value]) => [hint, value.value]));
};
const rulesOf = (definition: McpTool, hint: keyof Classification['inferredAnnotations']) => classifyTool(definition).inferredAnnotations[hint].evidence.map((item) => item.rule);

describe('inferred annotations on real tools', () => {
  it('a tool acting in a live user interface (a browser page, an app) reaches an open world: Playwright\'s drop and click', () => {
    for (const name of ['browser_drop', 'browser_click']) {
      const definition = realTool('playwright-mcp-902d29fa', name);
      expect(hints(definition), name).toMatchObject({ readOnlyHint: false, openWorldHint: true });
      expect(rulesOf(definition, 'openWorldHint'), name).toContain('name.verb.interact');
    }
  });

  it("GitHub's sub_issue_write (\"Add a sub-issue\") is Write, not labelled destructive, and its name's `write` is no overwrite", () => {
    const definition = realTool('github-github-mcp-server-c4b8cae9', 'sub_issue_write');
    const verdict = classifyTool(definition);
    expect(verdict.category).toBe('Write');
    expect(verdict.labels).not.toContain('destructive');
    expect(verdict.evidence.map((item) => item.rule)).not.toContain('name.verb.overwrite');
    // Its method enum can remove a sub-issue: the spec's non-additive update, so the hint is true.
    expect(hints(definition)).toMatchObject({ readOnlyHint: false, destructiveHint: true, idempotentHint: false });
  });

  it('a plain update is Write with destructiveHint true (an update in place) and idempotent, and no destructive label', () => {
    const definition = realTool('andymanastorm-smithery-reference-servers-src-github-2cbfe7fa', 'update_issue');
    const verdict = classifyTool(definition);
    expect(verdict.category).toBe('Write');
    expect(verdict.labels).not.toContain('destructive');
    expect(hints(definition)).toMatchObject({ readOnlyHint: false, destructiveHint: true, idempotentHint: true });
    expect(rulesOf(definition, 'destructiveHint')).toContain('name.verb.modify');
  });

  it('a delete is destructive, labelled so, and idempotent; a shell runs code: destructive hint, no destructive label', () => {
    const deletion = realTool('alibabacloud-devops-mcp-server-ba01627e', 'delete_file');
    expect(classifyTool(deletion).labels).toContain('destructive');
    expect(hints(deletion)).toMatchObject({ readOnlyHint: false, destructiveHint: true, idempotentHint: true });
    const shell = realTool('hdresearch-mcp-shell-4a3e2b42', 'run_command');
    expect(classifyTool(shell).category).toBe('Execute');
    expect(classifyTool(shell).labels).toEqual(['code-execution']);
    expect(hints(shell)).toMatchObject({ destructiveHint: true, idempotentHint: false });
  });

  it('a web search is read-only and open world; a memory graph read is a closed domain; destructive and idempotent mean nothing for either', () => {
    const search = realTool('brave-brave-search-mcp-server-0397b97b', 'brave_web_search');
    expect(hints(search)).toEqual({ readOnlyHint: true, destructiveHint: null, idempotentHint: null, openWorldHint: true });
    expect(rulesOf(search, 'openWorldHint')).toEqual(['label.untrusted-content.description']);
    const memory = realTool('bneil-mcp-memory-pouchdb-9d199f7a', 'read_graph');
    expect(hints(memory)).toEqual({ readOnlyHint: true, destructiveHint: null, idempotentHint: null, openWorldHint: false });
  });

  it('a create is additive and not idempotent; stopping is non-additive but idempotent', () => {
    expect(hints({ name: 'create_issue', description: 'Create a new issue.', inputSchema: { type: 'object' } })).toMatchObject({ destructiveHint: false, idempotentHint: false });
    const stop = realTool('quegenx-wapulse-whatsapp-mcp-687607a5', 'stop_instance');
    expect(classifyTool(stop).labels).not.toContain('destructive');
    expect(hints(stop)).toMatchObject({ destructiveHint: true, idempotentHint: true });
  });

  it('infers from the text alone: declared annotations never change the inferred hints', () => {
    const definition = realTool('github-github-mcp-server-c4b8cae9', 'sub_issue_write');
    const flipped = { ...definition, annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } };
    expect(classifyTool(flipped).inferredAnnotations).toEqual(classifyTool(definition, { ignoreAnnotations: true }).inferredAnnotations);
  });

  it('says nothing it cannot tell: a tool with no words to go on has no inferred hint, and a client falls back to the spec defaults', () => {
    const inferred = classifyTool({ name: 'zorble', inputSchema: { type: 'object' } }).inferredAnnotations;
    expect(Object.values(inferred).map((hint) => hint.value)).toEqual([null, null, null, null]);
    expect(['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'].map((hint) => effectiveHint(inferred, hint as 'readOnlyHint'))).toEqual([false, true, false, true]);
  });
});

describe('over every tool of the embedded dataset', () => {
  it('the label and the hints agree: a destructive label from the text means destructiveHint true, read-only means no destructive or idempotent hint, every decided hint names its evidence', () => {
    let labelled = 0;
    for (const server of iterateServers('data', 'servers')) {
      for (const tool of server.tools) {
        const verdict = classifyTool(tool.definition, { ignoreAnnotations: true });
        const inferred = verdict.inferredAnnotations;
        if (verdict.labels.includes('destructive')) {
          labelled++;
          expect(inferred.destructiveHint.value, tool.definition.name).toBe(true);
        }
        expect(inferred.readOnlyHint.value, tool.definition.name).toBe(verdict.category === 'Other' ? null : verdict.category === 'Read');
        if (inferred.readOnlyHint.value !== false) {
          expect(inferred.destructiveHint.value).toBeNull();
          expect(inferred.idempotentHint.value).toBeNull();
        }
        for (const hint of Object.values(inferred)) expect(hint.value === null ? hint.evidence.length === 0 : hint.evidence.length > 0, tool.definition.name).toBe(true);
        // Only Destructive tools, and Write, Execute or Financial tools with evidence of deleting or overwriting, carry the label.
        if (verdict.labels.includes('destructive') && verdict.category !== 'Destructive') {
          expect(verdict.evidence.some((item) => item.concludes.split(' + ').includes('qualifier:overwrite')), tool.definition.name).toBe(true);
        }
      }
    }
    expect(labelled).toBeGreaterThan(1000);
  });
});
