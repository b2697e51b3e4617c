// Where each server entry of a config stands in its file, for the SARIF results: from the server's
// name to the end of its object. Found in jsonc-parser's syntax tree (the parser the core reads the
// config with) under the containers a client config keeps servers in; the core's sanitised entries
// name their key and, for Claude Code's ~/.claude.json, the project (`scope: project:<path>`).
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { position } from './config';
import type { EntryRegion } from './sarif';
import type { ConfigEntry } from './types';

/** Object paths that hold servers by name, in the order the core tries them. */
function containers(scope: string | undefined): (string | number)[][] {
  if (scope?.startsWith('project:')) return [['projects', scope.slice('project:'.length), 'mcpServers']];
  return [['mcpServers'], ['servers'], ['mcp', 'servers'], []];
}

/** The region of each entry, in order; an entry that cannot be found (a name the core cut short) has none. */
export function entryRegions(text: string, entries: readonly ConfigEntry[]): (EntryRegion | undefined)[] {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  return entries.map((entry) => {
    if (!root) return undefined;
    let value: Node | undefined;
    for (const container of containers(entry.scope)) {
      value = findNodeAtLocation(root, [...container, entry.key]);
      if (value?.type === 'object') break;
      value = undefined;
    }
    // The property node holds the key and the value: the region starts at the server's name.
    const property = value?.parent;
    if (!value || property?.type !== 'property') return undefined;
    const start = position(text, property.offset);
    const end = position(text, value.offset + value.length);
    return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
  });
}
