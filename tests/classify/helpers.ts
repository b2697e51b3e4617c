// Builds MCP tool definitions for the classifier tests in one line each.
import type { McpTool } from '../../src/schema';

export function tool(
  name: string,
  description?: string,
  parameters: Record<string, { description?: string; enum?: string[] }> = {},
  annotations?: McpTool['annotations'],
): McpTool {
  const properties = Object.fromEntries(Object.entries(parameters).map(([key, value]) => [key, { type: 'string', ...value }]));
  return {
    name,
    ...(description !== undefined ? { description } : {}),
    inputSchema: { type: 'object', properties },
    ...(annotations ? { annotations } : {}),
  };
}
