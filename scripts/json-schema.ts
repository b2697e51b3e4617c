// npm run schema            writes public/schema/server.schema.json from src/schema
// npm run schema -- --check exits 1 when the committed copy is stale
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { JSON_SCHEMA_PATH, serverJsonSchemaText } from '../src/schema/json-schema';

const text = serverJsonSchemaText();
if (process.argv.includes('--check')) {
  const current = existsSync(JSON_SCHEMA_PATH) ? readFileSync(JSON_SCHEMA_PATH, 'utf8') : '';
  if (current !== text) {
    console.error(`${JSON_SCHEMA_PATH} is stale: run \`npm run schema\` and commit it`);
    process.exit(1);
  }
  console.log(`${JSON_SCHEMA_PATH} is up to date`);
} else {
  mkdirSync(path.dirname(JSON_SCHEMA_PATH), { recursive: true });
  writeFileSync(JSON_SCHEMA_PATH, text);
  console.log(`wrote ${JSON_SCHEMA_PATH}`);
}
