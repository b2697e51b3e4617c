// Temporary data folders for the review tests: real servers of the embedded dataset, their real seeded
// reviews, and a way to change a tool the way a new crawl would (its description, its hash, a history entry).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { toolHash } from '../../src/lib/hash';
import { toolSlug } from '../../src/lib/ids';
import { readServerFile, serverFile, writeServer } from '../../src/store/dataset';
import { temp } from '../robust/helpers';

export const DATA = path.resolve('data');
export const CLOUDBASE = 'cloudbase-cloudbase-mcp-6db3783d';
export const BGG = 'kkjdaniel-bgg-mcp-c6374798';

/** The seeded review file of a tool, in the embedded data. */
export function seededReviewFile(server: string, tool: string, dataDir = DATA): string {
  return path.join(dataDir, 'reviews', server, `${toolSlug(tool)}.md`);
}

/** A data folder holding the given real servers and, for each listed tool, its seeded review. */
export function dataWith(servers: string[], reviews: Array<[string, string]>): string {
  const dir = path.join(temp('reviews-'), 'data');
  mkdirSync(path.join(dir, 'servers'), { recursive: true });
  for (const id of servers) copyFileSync(serverFile(DATA, id), serverFile(dir, id));
  for (const [server, tool] of reviews) writeReview(dir, server, toolSlug(tool), readFileSync(seededReviewFile(server, tool), 'utf8'));
  return dir;
}

export function writeReview(dataDir: string, server: string, slug: string, text: string): string {
  const file = path.join(dataDir, 'reviews', server, `${slug}.md`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** Changes a tool's description in a data folder as a crawl would record it: a new hash and a `changed` history entry. */
export function changeTool(dataDir: string, serverId: string, toolName: string, at: string): { before: string; after: string } {
  const server = readServerFile(serverFile(dataDir, serverId));
  const tool = server.tools.find((candidate) => candidate.definition.name === toolName)!;
  const before = tool.hash;
  tool.definition = { ...tool.definition, description: `${tool.definition.description ?? ''} It now also deploys what it plans.` };
  tool.hash = toolHash(tool.definition);
  server.history.push({ at, tool: toolName, change: 'changed', oldHash: before, newHash: tool.hash, fields: ['description'] });
  writeServer(dataDir, server);
  return { before, after: tool.hash };
}
