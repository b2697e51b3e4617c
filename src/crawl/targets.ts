// The list of npm packages the stdio crawler starts (data/crawl-targets.json): per package, what it
// needs to get as far as `tools/list` without real credentials.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const EnvName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name');

/** A file the server needs before it starts, written into the sandbox (dummy content only). */
export const TargetFile = z.strictObject({
  /** Relative to the sandbox working folder, or `~/...` for the throwaway home. Never absolute, never `..`. */
  path: z
    .string()
    .min(1)
    .refine((value) => !value.startsWith('/') && !value.split('/').includes('..'), 'a target file stays inside the sandbox'),
  content: z.string(),
});
export type TargetFile = z.infer<typeof TargetFile>;

export const CrawlTarget = z.strictObject({
  /** The npm package name. */
  package: z.string().min(1),
  /** The version to install; the newest when absent. */
  version: z.string().min(1).optional(),
  /** Which of the package's binaries to start; the only one (or the one named like the package) when absent. */
  bin: z.string().min(1).optional(),
  args: z.array(z.string()).default([]),
  /** Dummy values; `$CWD` and `$HOME` are replaced by the sandbox's folders. Only the names are stored. */
  env: z.record(EnvName, z.string()).default({}),
  files: z.array(TargetFile).default([]),
  /** Run the package's install scripts. Off by default: an install script is untrusted code run outside the sandbox. */
  allowInstallScripts: z.boolean().default(false),
  /** Why the target needs what it needs, or what was seen when it was added. */
  note: z.string().optional(),
});
export type CrawlTarget = z.infer<typeof CrawlTarget>;
export type CrawlTargetInput = z.input<typeof CrawlTarget>;

export const CrawlTargetList = z.strictObject({
  about: z.string().optional(),
  targets: z.array(CrawlTarget),
});

export function parseTargets(raw: unknown, where: string): CrawlTarget[] {
  const result = CrawlTargetList.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${where}: ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(lines.join('\n'));
  }
  const seen = new Set<string>();
  for (const target of result.data.targets) {
    if (seen.has(target.package)) throw new Error(`${where}: package "${target.package}" is listed twice`);
    seen.add(target.package);
  }
  return result.data.targets;
}

export function loadTargets(file: string): CrawlTarget[] {
  return parseTargets(JSON.parse(readFileSync(file, 'utf8')), file);
}
