// decidedBy: the evidence a verdict rests on, which the summary, the FAQ and the page all cite. An
// annotation that changes the category decides it; every reason that raises the risk is named.
import { describe, expect, it } from 'vitest';
import { classifyTool } from '../../src/classify';
import { tool } from './helpers';

const withHints = (definition: ReturnType<typeof tool>, annotations: Record<string, boolean>) => ({ ...definition, annotations });
const evidenceOf = (result: ReturnType<typeof classifyTool>, rule: string) => result.evidence.find((item) => item.rule === rule);

describe('decidedBy', () => {
  it('names the text rule that decided the category, and the summary quotes it', () => {
    const result = classifyTool(tool('delete_repository', 'Delete a repository.'));
    expect(result.category).toBe('Destructive');
    const lead = evidenceOf(result, result.decidedBy.category[0]!)!;
    expect(lead.concludes).toContain('category:Destructive');
    expect(result.summary).toContain(lead.explanation.replace(/\.$/, ''));
    expect(result.decidedBy.risk).toEqual([]);
  });

  it('is the annotation when readOnlyHint: false overrules a Read name, and the summary leads with it', () => {
    const text = classifyTool(tool('get_file', 'Read a file from the repository.'));
    const result = classifyTool(withHints(tool('get_file', 'Read a file from the repository.'), { readOnlyHint: false }));
    expect(text.category).toBe('Read');
    expect(result.category).toBe('Write');
    expect(result.decidedBy.category).toEqual(['annotation.readOnlyHint']);
    expect(result.summary.startsWith(`Write, Medium risk: ${evidenceOf(result, 'annotation.readOnlyHint')!.explanation.replace(/\.$/, '')}`)).toBe(true);
  });

  it('records destructiveHint as deciding the category and raising the risk when it does both, and says so in its evidence', () => {
    const result = classifyTool(withHints(tool('frobnicate', 'Frobnicates.'), { destructiveHint: true }));
    expect([result.category, result.risk]).toEqual(['Write', 'High']);
    expect(result.decidedBy).toEqual({ category: ['annotation.destructiveHint'], risk: ['annotation.destructiveHint'] });
    expect(evidenceOf(result, 'annotation.destructiveHint')!.concludes).toBe('category:Write + label:destructive + risk:+1');
    expect(result.summary).toMatch(/^Write, High risk: The author declares that the tool may destroy/);
  });

  it('does not claim risk:+1 for destructiveHint on a tool already destructive', () => {
    const result = classifyTool(withHints(tool('delete_repository', 'Delete a repository.'), { destructiveHint: true }));
    expect(result.risk).toBe('Critical');
    expect(evidenceOf(result, 'annotation.destructiveHint')!.concludes).toBe('label:destructive');
    expect(result.decidedBy.risk).toEqual([]);
  });

  it('names every reason the risk was raised, though together they raise it one class', () => {
    const result = classifyTool(withHints(tool('create_role', 'Create a role that grants permissions to users.'), { destructiveHint: true }));
    expect([result.category, result.risk]).toEqual(['Write', 'High']);
    expect(result.decidedBy.risk).toEqual(['annotation.destructiveHint', 'risk.permissions']);
    expect(result.summary).toContain('Risk raised from Medium because its author declares it destructive and it acts on permissions');
  });

  it("gives an Other tool's raised risk its reason in the summary", () => {
    const result = classifyTool(tool('frobnicate', 'Frobnicates administrator access.'));
    expect([result.category, result.risk]).toEqual(['Other', 'High']);
    expect(result.decidedBy).toEqual({ category: [], risk: ['risk.permissions'] });
    expect(result.summary).toContain('Risk raised from Medium because it acts on permissions');
  });
});
