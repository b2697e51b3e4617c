// docs/policies.md documents the decision table; this keeps it from drifting from the data.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AMOUNT_CAP, DECISION_TABLE, SERVER_CALL_LIMIT, SERVER_CALL_LIMIT_REASON } from '../../src/policy';

const docs = readFileSync('docs/policies.md', 'utf8');

describe('docs/policies.md', () => {
  it.each(DECISION_TABLE.map((row) => [row.id, row] as const))('documents row %s with its exact reason', (id, row) => {
    const line = docs.split('\n').find((text) => text.startsWith(`| \`${id}\` |`));
    expect(line, `no table line for ${id}`).toBeDefined();
    expect(line).toContain(row.reason);
    if (row.then.limit) expect(line).toContain(`${row.then.limit.max}/${row.then.limit.window}`);
    if (row.then.access) expect(line).toContain(row.then.access);
    expect(line?.includes('approval')).toBe(row.then.approval === true);
  });

  it('documents no row the table does not have', () => {
    const ids = docs.match(/^\| `([a-z.-]+)` \|/gm)?.map((line) => line.slice(3, line.indexOf('`', 3))) ?? [];
    expect(ids).toEqual(DECISION_TABLE.map((row) => row.id));
  });

  it('states the server-wide limit and the amount caps the code uses', () => {
    const prose = docs.replace(/\s+/g, ' ');
    expect(prose).toContain(`**${SERVER_CALL_LIMIT.max} calls a ${SERVER_CALL_LIMIT.window}**`);
    expect(prose).toContain(SERVER_CALL_LIMIT_REASON.slice(SERVER_CALL_LIMIT_REASON.indexOf(';') + 2));
    expect(prose).toContain(`caps (${AMOUNT_CAP.perCall} per call, ${AMOUNT_CAP.perDay} a day)`);
  });
});
