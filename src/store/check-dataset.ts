// Reads every record of data/servers/ before a build, so that an invalid one stops the build with one
// line per problem naming the file and the field, instead of a stack trace from deep inside a page.
import path from 'node:path';
import { listServerIds, readServerFileText, serverFile } from './dataset';

/** At most this many problems are listed; the count says how many more there were. */
const MAX_LISTED = 20;

export type DatasetCheck = { servers: number; problems: string[] };

/** Every record of `dataDir`'s servers/ parsed and validated; problems are relative to `relativeTo`. */
export function checkDataset(dataDir: string, relativeTo = process.cwd()): DatasetCheck {
  const problems: string[] = [];
  let invalid = 0;
  const ids = listServerIds(dataDir);
  for (const id of ids) {
    const file = serverFile(dataDir, id);
    try {
      readServerFileText(file);
    } catch (error) {
      invalid += 1;
      if (invalid > MAX_LISTED) continue;
      const absolute = path.resolve(file);
      // The error starts with the absolute path; a path relative to where the build runs reads better.
      const message = (error as Error).message.split(absolute).join(path.relative(relativeTo, absolute));
      problems.push(...message.split('\n').map((line) => line.trim()).filter((line) => line.length > 0));
    }
  }
  if (invalid > MAX_LISTED) problems.push(`… and ${invalid - MAX_LISTED} more invalid records`);
  return { servers: ids.length, problems };
}
