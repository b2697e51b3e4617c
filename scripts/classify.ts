// npm run --silent classify -- --in tools.jsonl --out out.jsonl [--ignore-annotations]
// One MCP tool object a line in (optionally with a `server` field); the same line plus a
// `classification` object out. A bad line is reported with its line number and field and skipped;
// the other lines are still classified, and the exit code is 1 when any line was rejected.
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { classifyTool } from '../src/classify';
import { McpTool } from '../src/schema';

const { values } = parseArgs({
  options: {
    in: { type: 'string' },
    out: { type: 'string' },
    'ignore-annotations': { type: 'boolean' },
  },
});

const input = values.in === undefined || values.in === '-' ? process.stdin : createReadStream(values.in);
const output = values.out === undefined || values.out === '-' ? process.stdout : createWriteStream(values.out);
const where = values.in ?? 'stdin';
const options = { ignoreAnnotations: values['ignore-annotations'] === true };

let lineNumber = 0;
let classified = 0;
let rejected = 0;
for await (const line of createInterface({ input, crlfDelay: Infinity })) {
  lineNumber++;
  if (line.trim() === '') continue;
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch (error) {
    console.error(`${where}:${lineNumber}: not valid JSON (${(error as Error).message})`);
    rejected++;
    continue;
  }
  if (row === null || typeof row !== 'object' || Array.isArray(row)) {
    console.error(`${where}:${lineNumber}: expected a JSON object (an MCP tool)`);
    rejected++;
    continue;
  }
  const { server: _server, classification: _previous, ...tool } = row as Record<string, unknown>;
  const parsed = McpTool.safeParse(tool);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(tool)'}: ${issue.message}`).join('; ');
    console.error(`${where}:${lineNumber}: not an MCP tool (${issues})`);
    rejected++;
    continue;
  }
  const classification = classifyTool(parsed.data, options);
  output.write(`${JSON.stringify({ ...(row as Record<string, unknown>), classification })}\n`);
  classified++;
}
if (output !== process.stdout) output.end();
console.error(`${classified} tools classified${rejected > 0 ? `, ${rejected} lines rejected` : ''}`);
process.exitCode = rejected > 0 ? 1 : 0;
