import type { APIContext } from 'astro';
import { recentChanges, serverUrl, toolUrl } from '../site/catalog';
import { atomFeed } from '../site/feed';
import { changeDetails } from '../site/render/changes';

export function GET({ site }: APIContext): Response {
  const changes = recentChanges();
  const entries = changes.map((change) => ({
    change,
    url: change.change === 'removed' ? serverUrl(change.server) : toolUrl(change.server, change.tool),
    content: changeDetails(change).value || undefined,
  }));
  // The feed is as new as its newest change; with none, as old as the epoch: never the build time.
  const updated = changes[0]?.at ?? '1970-01-01T00:00:00Z';
  return new Response(atomFeed(site as URL, entries, updated), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
