// The NOTICE file, served as /NOTICE.txt so the attribution travels with the site.
import { readFileSync } from 'node:fs';

export function GET(): Response {
  return new Response(readFileSync('NOTICE', 'utf8'), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
