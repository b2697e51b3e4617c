// The JSON Schema published with the dataset, generated from the zod schema so the two cannot drift.
import { z } from 'zod';
import { Server } from './server';
import { canonicalJson } from '../lib/canonical-json';

export const JSON_SCHEMA_PATH = 'public/schema/server.schema.json';

export function serverJsonSchemaText(): string {
  const schema = z.toJSONSchema(Server, { target: 'draft-2020-12', unrepresentable: 'any' });
  return canonicalJson({
    ...schema,
    $id: 'https://mcp-risk-catalog.example/schema/server.schema.json',
    title: 'MCP Risk Catalog server record',
    description: 'One file per server under data/servers/: identity, provenance, crawl status, tools exactly as sent, and their change history.',
  });
}
