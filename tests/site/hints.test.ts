// The declared | inferred | agree? table of tool pages, the server page's summary of hints, and the
// inferred hints in the downloads (tools.ndjson, tools.csv, catalog.json), on real servers of data/.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Server } from '../../src/schema';
import { classifyTool } from '../../src/classify';
import { hintRows, serverHintSummary } from '../../src/site/hints';
import { hintTable, serverHintSummaryNote } from '../../src/site/render/hints';
import { readServerFile, serverFile } from '../../src/store/dataset';
import type * as ExportModule from '../../src/site/export';
import { loadPageModules, type PageModules } from '../helpers/page-modules';

const DATA = path.resolve('data');
let toolPageModel: PageModules['toolPageModel'];
let toolPageBody: PageModules['toolPageBody'];
let serverPageModel: PageModules['serverPageModel'];
let serverPageBody: PageModules['serverPageBody'];
let exports: typeof ExportModule;

beforeAll(async () => {
  ({ toolPageModel, toolPageBody, serverPageModel, serverPageBody } = await loadPageModules(DATA));
  exports = await import('../../src/site/export');
});

const server = (id: string): Server => readServerFile(serverFile(DATA, id));
const toolOf = (record: Server, name: string) => {
  const tool = record.tools.find((candidate) => candidate.definition.name === name);
  if (!tool) throw new Error(`${record.id} has no ${name}`);
  return tool;
};
/** The text of a table row whose first cell names `hint` (tags dropped). */
const rowText = (body: string, hint: string): string => {
  const row = body.match(new RegExp(`<tr><td><code>${hint}</code></td>.*?</tr>`))?.[0] ?? '';
  return row.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
};

describe('the tool page table: declared | inferred | agree?', () => {
  it('explains each disagreement by the hint it is on: the destructive wording only where destructiveHint disagrees', () => {
    let sentences = 0;
    for (const id of ['cloudbase-cloudbase-mcp-6db3783d', 'playwright-mcp-902d29fa', 'github-github-mcp-server-c4b8cae9']) {
      for (const tool of server(id).tools) {
        const rows = hintRows(tool.definition.annotations, classifyTool(tool.definition, { ignoreAnnotations: true }).inferredAnnotations);
        const disagreeing = new Set(rows.filter((row) => row.agreement === 'disagree').map((row) => row.hint));
        if (disagreeing.size === 0) continue;
        sentences++;
        const note = hintTable(rows).toString().replace(/<[^>]+>/g, '');
        expect(note.includes('non-additive'), `${id} ${tool.definition.name}`).toBe(disagreeing.has('destructiveHint'));
        expect(note.includes('web, mail or other people'), `${id} ${tool.definition.name}`).toBe(disagreeing.has('openWorldHint'));
        expect(note.includes('repeating it with the same arguments'), `${id} ${tool.definition.name}`).toBe(disagreeing.has('idempotentHint'));
      }
    }
    expect(sentences).toBeGreaterThan(10);
  });

  it('says where a real author and the spec disagree: CloudBase declares modifyDataModel not destructive, its text is an update in place', () => {
    const record = server('cloudbase-cloudbase-mcp-6db3783d');
    const tool = toolOf(record, 'modifyDataModel');
    const model = toolPageModel(record, tool);
    const body = toolPageBody(record, model).toString();
    expect(rowText(body, 'destructiveHint')).toMatch(/^destructiveHint false true .+ no$/);
    expect(body).toContain('They disagree on <code>destructiveHint</code>');
    // Hints both sides give the same value are marked so.
    expect(model.hints.find((row) => row.hint === 'readOnlyHint')).toMatchObject({ declared: false, inferred: false, agreement: 'agree' });
  });

  it('for a tool that declares nothing, gives the spec default beside the inferred value, and no meaning to destructiveHint of a read-only tool', () => {
    const record = server('bneil-mcp-memory-pouchdb-9d199f7a');
    const body = toolPageBody(record, toolPageModel(record, toolOf(record, 'read_graph'))).toString();
    expect(rowText(body, 'readOnlyHint')).toMatch(/^readOnlyHint not declared \(default false\) true .+ -$/);
    expect(rowText(body, 'destructiveHint')).toBe('destructiveHint not declared (default true) no meaning (read-only) -');
    expect(body).toContain('href="/method/#inferred-annotations"');
  });

  it('escapes what a rule matched: crawled text is hostile', () => {
    const definition = { name: 'update_note', description: 'Updates <img src=x onerror=alert(1)> a note.', inputSchema: { type: 'object' as const } };
    const rows = hintRows({ destructiveHint: false }, classifyTool(definition).inferredAnnotations);
    const hostile = { ...definition, name: '<b>x</b>_update' };
    const markup = hintTable([...rows, ...hintRows(undefined, classifyTool(hostile).inferredAnnotations)]).toString();
    expect(markup).not.toContain('<img');
    expect(markup).not.toContain('<b>x</b>');
  });
});

describe('the server page summary', () => {
  it("counts a real server's tools: none of the memory server's tools declares a hint, and the inferred counts add up to its tools", () => {
    const record = server('bneil-mcp-memory-pouchdb-9d199f7a');
    const model = serverPageModel(record);
    expect(model.hints.tools).toBe(record.tools.length);
    expect(model.hints.declareNone).toBe(record.tools.length);
    const readOnly = model.hints.inferred.readOnlyHint;
    expect(readOnly.true + readOnly.false + readOnly.none).toBe(record.tools.length);
    // A destructive or idempotent hint is only inferred for tools that change state.
    expect(model.hints.inferred.destructiveHint.true + model.hints.inferred.destructiveHint.false).toBeLessThanOrEqual(readOnly.false);
    const body = serverPageBody(record, model).toString();
    expect(body).toContain('No tool declares annotations.');
    expect(body).toContain(`${readOnly.true} read-only, ${readOnly.false} changing state`);
  });

  it('counts the disagreements of a server whose author declares hints', () => {
    const record = server('cloudbase-cloudbase-mcp-6db3783d');
    const verdicts = record.tools.map((tool) => classifyTool(tool.definition));
    const summary = serverHintSummary(record.tools, verdicts);
    const disagreeing = record.tools.filter((tool, index) => hintRows(tool.definition.annotations, verdicts[index]!.inferredAnnotations).some((row) => row.agreement === 'disagree'));
    expect(summary.disagree).toBe(disagreeing.length);
    expect(summary.disagree).toBeGreaterThan(0);
    expect(serverHintSummaryNote(summary).toString()).toContain(`On ${disagreeing.length} tools a declared hint and the inferred one disagree`);
  });
});

describe('the downloads', () => {
  it('carry the inferred hints: values in tools.ndjson and tools.csv, values with evidence in catalog.json', () => {
    const record = server('cloudbase-cloudbase-mcp-6db3783d');
    const lines = exports.exportLines(record);
    const index = record.tools.findIndex((tool) => tool.definition.name === 'modifyDataModel');
    const ndjson = JSON.parse(lines.ndjson[index]!) as { destructiveHint: boolean; inferred: Record<string, boolean | null> };
    expect(ndjson.destructiveHint).toBe(false);
    // The name's `modify` updates in place (destructive); the description's 创建 ("creates", read by the
    // Chinese verb lexicon) makes a repeated call create again (not idempotent).
    expect(ndjson.inferred).toEqual({ readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false });
    const header = exports.CSV_HEADER as readonly string[];
    const cells = lines.csv[index]!.split(',');
    expect(cells[header.indexOf('destructive_hint')]).toBe('false');
    expect(cells[header.indexOf('inferred_destructive_hint')]).toBe('true');
    const documentTool = lines.document.tools[index]!;
    expect(documentTool.classification.inferredAnnotations.destructiveHint.evidence.map((item) => item.rule)).toContain('name.verb.modify');
  });

  it('leaves a cell empty where the hint cannot be told, never "null"', () => {
    const record = server('bneil-mcp-memory-pouchdb-9d199f7a');
    const lines = exports.exportLines(record);
    const header = exports.CSV_HEADER as readonly string[];
    const index = record.tools.findIndex((tool) => tool.definition.name === 'read_graph');
    expect(lines.csv[index]!.split(',')[header.indexOf('inferred_destructive_hint')]).toBe('');
    expect((JSON.parse(lines.ndjson[index]!) as { inferred: Record<string, unknown> }).inferred['destructiveHint']).toBeNull();
  });
});
