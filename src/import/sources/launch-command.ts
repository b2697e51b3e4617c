// Install and launch commands written as whole command lines (`npx -y @scope/pkg`, `uvx --from x y`,
// `pip install pkg`, `npx mcp-remote https://…`), as indexes print them in a README: each line is split
// into its commands and words, and each command read by lib/launch.ts like any launch config.
import { launchOf } from '../../lib/launch';
import { packageKey } from '../../lib/packages';
import type { SourcePackage } from '../../schema';

export type LaunchFacts = { packages: SourcePackage[]; remotes: { type: string; url: string }[] };

/** Words of a command line, quotes removed (no shell expansion: the text is data, never run). */
function words(line: string): string[] {
  return (line.match(/"[^"]*"|'[^']*'|`[^`]*`|\S+/g) ?? []).map((word) => word.replace(/^(["'`])(.*)\1$/, '$2'));
}

/** Commands chained with `&&`, `||`, `;` or `|`, each as its words. */
function commands(line: string): string[][] {
  const result: string[][] = [[]];
  for (const word of words(line)) {
    if (['&&', '||', ';', '|'].includes(word)) result.push([]);
    else if (word.endsWith(';')) {
      if (word.length > 1) result[result.length - 1]!.push(word.slice(0, -1));
      result.push([]);
    } else result[result.length - 1]!.push(word);
  }
  return result.filter((command) => command.length > 0);
}

/** Everything the command lines say, without duplicates, in the order first said. */
export function launchFacts(lines: readonly string[]): LaunchFacts {
  const packages = new Map<string, SourcePackage>();
  const remotes = new Map<string, { type: string; url: string }>();
  for (const line of lines) {
    for (const [program, ...args] of commands(line)) {
      const launch = launchOf(program, args);
      const key = launch.package && packageKey(launch.package.registryType, launch.package.identifier);
      if (key && !packages.has(key)) packages.set(key, launch.package!);
      if (launch.endpoint && !remotes.has(launch.endpoint.url)) remotes.set(launch.endpoint.url, launch.endpoint);
    }
  }
  return { packages: [...packages.values()], remotes: [...remotes.values()] };
}
