// The list of PyPI packages the stdio crawler starts (data/crawl-targets-pypi.json), like the npm list
// (targets.ts): per package, what it needs to get as far as `tools/list` without real credentials.
// Names and versions reach pip as arguments, so they are held to the grammar of PEP 508 and PEP 440.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { normalizePypiName } from '../lib/packages';
import { EnvName, TargetFile } from './targets';

/** PEP 508 names: letters and digits, with `.`, `_` and `-` inside. Nothing pip could read as an option, a path or a URL. */
export const PypiName = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/, 'a PyPI package name (PEP 508: letters, digits and inner . _ -)');

/** A PEP 440 version (`1.2`, `2025.4.7`, `1.0rc1`, `1.0.post2`): installed exactly, as `name==version`. */
export const PypiVersion = z
  .string()
  .max(100)
  .regex(
    /^v?(?:[0-9]+!)?[0-9]+(?:\.[0-9]+)*(?:[-_.]?(?:alpha|a|beta|b|preview|pre|c|rc)[-_.]?[0-9]*)?(?:-[0-9]+|[-_.]?(?:post|rev|r)[-_.]?[0-9]*)?(?:[-_.]?dev[-_.]?[0-9]*)?(?:\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?$/i,
    'a PEP 440 version such as 1.2.3',
  );

/** A console script's name as packages spell them (`mcp-server-fetch`, `serena`). */
export const EntryPointName = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_.+-]*$/, 'a console script name (letters, digits, _ . + -)');

/** A dotted Python module name, for `python -m`. */
export const ModuleName = z
  .string()
  .max(200)
  .regex(/^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/, 'a dotted Python module name');

// PEP 503: `Foo_Bar.baz` and `foo-bar-baz` are one project; the merge's `pypi:` keys use the same rule.
export { normalizePypiName };

export const PypiTarget = z
  .strictObject({
    /** The PyPI distribution name, e.g. `mcp-server-fetch`. */
    package: PypiName,
    /** The version to install, exactly; the newest when absent. */
    version: PypiVersion.optional(),
    /** Which of the distribution's console scripts to start; the only one (or the one named like the package) when absent. */
    bin: EntryPointName.optional(),
    /** A module to run with `python -m` instead of a console script (for packages that declare none). */
    module: ModuleName.optional(),
    args: z.array(z.string()).default([]),
    /** Dummy values; `$CWD` and `$HOME` are replaced by the sandbox's folders. Only the names are stored. */
    env: z.record(EnvName, z.string()).default({}),
    files: z.array(TargetFile).default([]),
    /** Build from a source distribution when there is no wheel. Off by default: a build runs the package's code outside the sandbox. */
    allowSourceBuild: z.boolean().default(false),
    /** Why the target needs what it needs, or what was seen when it was added. */
    note: z.string().optional(),
  })
  .refine((target) => target.bin === undefined || target.module === undefined, 'a target starts either a console script (bin) or a module, not both');
export type PypiTarget = z.infer<typeof PypiTarget>;
export type PypiTargetInput = z.input<typeof PypiTarget>;

export const PypiTargetList = z.strictObject({
  about: z.string().optional(),
  targets: z.array(PypiTarget),
});

export function parsePypiTargets(raw: unknown, where: string): PypiTarget[] {
  const result = PypiTargetList.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${where}: ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(lines.join('\n'));
  }
  const seen = new Map<string, string>();
  for (const target of result.data.targets) {
    const key = normalizePypiName(target.package);
    const earlier = seen.get(key);
    if (earlier !== undefined) throw new Error(`${where}: package "${target.package}" is listed twice${earlier !== target.package ? ` (as "${earlier}")` : ''}`);
    seen.set(key, target.package);
  }
  return result.data.targets;
}

export function loadPypiTargets(file: string): PypiTarget[] {
  return parsePypiTargets(JSON.parse(readFileSync(file, 'utf8')), file);
}
