// Helpers shared by the crawlers for building server records from what a server and its package say.
import type { CollectedTools } from './collect-tools';
import { McpError, ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { HttpUrl, type CrawlStatus, type FailureReason, type Server } from '../schema';
import { excerpt } from './stdio-transport';

const MAX_MESSAGE = 2000;

/** How the crawler introduces itself at `initialize`, to every server it visits. */
export const CRAWLER_CLIENT = { name: 'mcp-risk-catalog-crawler', version: '0.1.0' };

export function clipMessage(message: string): string {
  return excerpt(message, MAX_MESSAGE - 1);
}

/** An http(s) link from what a package.json or registry entry says, or undefined when it is not one. */
export function httpLink(value: unknown): string | undefined {
  let text: unknown = value;
  if (text !== null && typeof text === 'object') text = (text as { url?: unknown }).url;
  if (typeof text !== 'string') return undefined;
  let url = text.trim();
  if (/^github:/.test(url)) url = `https://github.com/${url.slice('github:'.length)}`;
  else if (/^[\w.-]+\/[\w.-]+$/.test(url)) url = `https://github.com/${url}`;
  url = url
    .replace(/^git\+/, '')
    .replace(/^git:\/\//, 'https://')
    .replace(/^ssh:\/\/git@/, 'https://')
    .replace(/^git@([^:]+):/, 'https://$1/')
    .replace(/\.git$/, '');
  return HttpUrl.safeParse(url).success ? url : undefined;
}

/**
 * A package manifest's repository as a link. A monorepo's package names its folder
 * (`repository.directory`); it is kept in the URL, so the merge can tell the servers of one repository
 * apart (src/store/identity.ts).
 */
export function repositoryLink(value: unknown): string | undefined {
  const url = httpLink(value);
  const directory = value !== null && typeof value === 'object' ? (value as { directory?: unknown }).directory : undefined;
  if (!url || typeof directory !== 'string' || /\/(tree|blob)\//.test(url)) return url;
  const folder = directory
    .split(/[\\/]/)
    .filter((part) => part !== '' && part !== '.' && part !== '..')
    .map(encodeURIComponent)
    .join('/');
  return folder ? `${url}/tree/HEAD/${folder}` : url;
}

/** What failed and why, from the error a client call threw. */
export function classifyClientError(error: unknown, phase: 'initialize' | 'tools/list', timeoutMs: number, hasToolsCapability: boolean): { reason: FailureReason; message: string } {
  if (error instanceof McpError) {
    if (error.code === ErrorCode.RequestTimeout) {
      return { reason: 'timeout', message: `no answer to ${phase} within ${Math.round(timeoutMs / 1000)} s` };
    }
    if (phase === 'tools/list' && !hasToolsCapability) {
      return { reason: 'no-tools', message: `the server declares no tools capability and tools/list failed: ${excerpt(error.message, 300)}` };
    }
    return { reason: 'protocol', message: `${phase} failed: ${excerpt(error.message, 600)}` };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { reason: 'protocol', message: `${phase} failed: ${excerpt(message, 600)}` };
}

/** The crawl status for a listing that came back, with what was rejected along the way. */
export function statusForTools(collected: CollectedTools, at: string): CrawlStatus {
  const remarks = [...collected.warnings];
  if (collected.rejected.length > 0) {
    remarks.push(`${collected.rejected.length} tool(s) not stored: ${collected.rejected.slice(0, 5).join('; ')}`);
  }
  if (collected.tools.length === 0) {
    return collected.rawCount > 0
      ? { status: 'failed', at, reason: 'invalid-tools', message: clipMessage(remarks.join(' | ')) }
      : { status: 'failed', at, reason: 'no-tools', message: 'tools/list returned no tools' };
  }
  return { status: 'ok', at, ...(remarks.length > 0 ? { message: clipMessage(remarks.join(' | ')) } : {}) };
}

export function failedStatus(at: string, reason: FailureReason, message: string): CrawlStatus {
  return { status: 'failed', at, reason, message: clipMessage(message) };
}

/** Tools and status together: a failed crawl that still listed tools keeps them (as evidence) in a new record. */
export function withOutcome(base: Server, crawl: CrawlStatus, collected: CollectedTools | undefined): Server {
  return { ...base, crawl, tools: collected?.tools ?? [] };
}
