// The one schema: crawler, importer, classifier, policies, site and tests import from here.
import type { z } from 'zod';
import { excerpt } from '../lib/excerpt';

export * from './tool';
export * from './server';
export * from './classification';
export * from './policy';
export * from './source-record';
export * from './evaluation';
export * from './review';
export * from './incident';
export * from './scan';

/**
 * Turns zod issues into lines a maintainer can act on: which server, which tool, which field.
 * `where` names the input (file and line) when there is one.
 */
export function describeIssues(
  error: z.ZodError,
  context: {
    where?: string;
    server?: string;
    /** The tool the whole input is (when validating one tool). */
    tool?: string;
    /** The tools array of a server record, to name the tool an issue's path points into. */
    tools?: ReadonlyArray<{ definition?: { name?: unknown }; name?: unknown }>;
  } = {},
): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String);
    let toolName = context.tool;
    if (path[0] === 'tools' && context.tools) {
      const entry = context.tools[Number(path[1])];
      const raw = entry?.definition?.name ?? entry?.name;
      if (typeof raw === 'string') toolName = raw;
    }
    const field = path.length > 0 ? path.join('.') : '(record)';
    const parts = [
      context.where,
      // Names come from strangers: quoted as a short excerpt on one line, never whole.
      context.server !== undefined ? `server ${excerpt(context.server)}` : undefined,
      toolName !== undefined ? `tool ${excerpt(toolName)}` : undefined,
      `field ${field}`,
    ].filter((part): part is string => part !== undefined);
    return `${parts.join(', ')}: ${issue.message}`;
  });
}
