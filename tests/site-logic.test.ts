import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '../src/site/csv';
import { describeType, parameterRows, parameterSummary } from '../src/site/parameters';
import { countTokens, describeTokenCost, tokenCost, toolContextText } from '../src/site/tokens';

describe('parameter rows from an untrusted inputSchema', () => {
  it('lists required parameters first with type, enum and default', () => {
    const rows = parameterRows({
      type: 'object',
      properties: {
        mode: { type: 'string', enum: ['a', 'b'], default: 'a' },
        path: { type: 'string', description: 'Where' },
        tags: { type: 'array', items: { type: 'string' } },
      },
      required: ['path'],
    });
    expect(rows.map((row) => [row.name, row.type, row.required])).toEqual([
      ['path', 'string', true],
      ['mode', 'string', false],
      ['tags', 'array of string', false],
    ]);
    expect(rows[1]).toMatchObject({ enumValues: ['a', 'b'], defaultValue: 'a' });
    expect(parameterSummary(rows)).toBe('3 parameters, 1 required');
  });

  it('survives schemas that are not what the spec says', () => {
    expect(parameterRows({ properties: 'nope' })).toEqual([]);
    expect(parameterRows({ properties: { x: 5 }, required: 'x' })).toMatchObject([{ name: 'x', type: 'any', required: false }]);
    expect(describeType({ anyOf: [{ type: 'string' }, { type: 'null' }] })).toBe('string | null');
    expect(describeType({ type: ['integer', 'null'] })).toBe('integer | null');
    expect(parameterSummary([])).toBe('no parameters');
  });
});

describe('parameter types read from everything the schema says', () => {
  // Shapes found in data/servers where the table said `any` though the schema says more.
  it('reads x-python-type when there is no JSON type, Literal values as the choices', () => {
    expect(describeType({ description: 'Element ref', 'x-python-type': 'str' })).toBe('string');
    expect(describeType({ 'x-python-type': 'bool' })).toBe('boolean');
    expect(describeType({ 'x-python-type': 'Optional[int]' })).toBe('integer | null');
    expect(describeType({ 'x-python-type': 'list[str] | None' })).toBe('array of string | null');
    expect(describeType({ 'x-python-type': 'dict[str, Any]' })).toBe('object');
    const [row] = parameterRows({ properties: { button: { default: 'left', 'x-python-type': "Literal['left', 'middle', 'right']" } } });
    expect(row).toMatchObject({ type: 'string', enumValues: ['left', 'middle', 'right'], defaultValue: 'left' });
    // A type the schema does state wins over the Python hint.
    expect(describeType({ type: 'integer', 'x-python-type': 'str' })).toBe('integer');
    expect(describeType({ 'x-python-type': 'ImportJobRequest' })).toBe('Python ImportJobRequest');
    expect(describeType({ 'x-python-type': 'Any' })).toBe('any');
  });

  it('resolves local $refs, intersects allOf, drops "not: {}" and reads const and untyped enums', () => {
    const root = { $defs: { Context: { type: 'object', properties: { a: { type: 'string' } } }, Loop: { $ref: '#/$defs/Loop' } }, properties: { when: { type: 'string' } } };
    expect(describeType({ anyOf: [{ $ref: '#/$defs/Context' }, { type: 'null' }] }, root)).toBe('object (Context) | null');
    expect(describeType({ $ref: '#/properties/when' }, root)).toBe('string');
    expect(describeType({ $ref: '#/$defs/Loop' }, root)).toBe('ref #/$defs/Loop');
    expect(describeType({ $ref: '#/components/schemas/Pagination' }, root)).toBe('ref #/components/schemas/Pagination');
    expect(describeType({ allOf: [{ type: 'string' }, { enum: ['true', 'false'], type: 'string' }] })).toBe('string');
    expect(describeType({ allOf: [{ type: ['string', 'number'] }, { type: 'number', minimum: 1 }] })).toBe('number');
    expect(describeType({ anyOf: [{ anyOf: [{ not: {} }, { type: 'string' }] }, { type: 'null' }] })).toBe('string | null');
    expect(describeType({ const: 'fixed' })).toBe('string');
    expect(describeType({ enum: [1, 2, 3] })).toBe('integer');
    expect(describeType({ enum: ['a', 1] })).toBe('string | integer');
    expect(describeType({ type: 'array', items: {} })).toBe('array');
    expect(describeType({ type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'null' }] } })).toBe('array of (string | null)');
    expect(describeType({ type: 'string', format: 'date-time' })).toBe('string (date-time)');
    const [row] = parameterRows({ properties: { mode: { const: 'fixed' } } });
    expect(row?.enumValues).toEqual(['fixed']);
  });

  it('uses the root schema for $refs in parameterRows', () => {
    const rows = parameterRows({ type: 'object', $defs: { Filters: { type: 'object', properties: {} } }, properties: { filters: { $ref: '#/$defs/Filters' } } });
    expect(rows[0]?.type).toBe('object (Filters)');
  });
});

describe('CSV cells', () => {
  it('quotes separators and defuses spreadsheet formulas from crawled text', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b "c"')).toBe('"a,b ""c"""');
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-3)).toBe('-3');
    expect(csvLine(['a', 1, true, undefined])).toBe('a,1,true,\r\n');
  });
});

describe('token cost', () => {
  it('counts with the o200k_base tokenizer', () => {
    expect(countTokens('hello world')).toBe(2);
    expect(countTokens('')).toBe(0);
  });

  it('sums the function definitions a client sends and states the share of the window', () => {
    const tools = [
      { name: 'a', description: 'Read a file', inputSchema: { type: 'object' } },
      { name: 'b', inputSchema: { type: 'object', properties: { q: { type: 'string' } } } },
    ];
    const cost = tokenCost(tools);
    expect(cost.perTool.map((tool) => tool.tokens)).toEqual(tools.map((tool) => countTokens(toolContextText(tool))));
    expect(cost.tokens).toBe(cost.perTool[0]!.tokens + cost.perTool[1]!.tokens);
    expect(describeTokenCost({ tokens: 11_066, share: 11_066 / 200_000 })).toBe('11,066 tokens, 5.5% of a 200,000-token window');
    expect(describeTokenCost({ tokens: 25_101, share: 25_101 / 200_000 })).toBe('25,101 tokens, 13% of a 200,000-token window');
  });
});
