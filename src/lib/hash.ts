import { createHash } from 'node:crypto';
import type { McpTool } from '../schema';
import { canonicalJsonCompact } from './canonical-json';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The content hash of a tool: what the model sees of it (everything but `_meta`), canonicalised.
 * A changed description or schema changes the hash; reordered keys do not.
 */
export function toolHash(definition: McpTool): string {
  const { _meta: _ignored, ...visible } = definition;
  return sha256Hex(canonicalJsonCompact(visible)).slice(0, 16);
}
