// Forge URLs (GitHub, GitLab, Codeberg, Bitbucket, Gitee): the repository a URL names and the path it
// points at inside it. The one reader for the identity keys (src/store/identity.ts) and for the
// importers that find a monorepo server's folder only in a homepage or a `/blob/<ref>/<file>` link,
// so both agree on what is a repository URL. Below both, as the store must not import the importers.

/** Hosts whose paths are `/<owner>/<repo>/(tree|blob)/<ref>/<path>` (GitLab: `/-/tree/...`). */
const FORGES = new Set(['github.com', 'gitlab.com', 'codeberg.org', 'bitbucket.org', 'gitee.com']);

/** Last path segments that name a file rather than a folder when a `/blob/` URL ends in them. */
const FILE_NAMES = new Set(['dockerfile', 'license', 'makefile', 'readme', 'containerfile', 'procfile']);

export type ForgeUrl = {
  /** `https://<host>/<owner>/<repo>`, as the URL spells it, without `.git`. */
  root: string;
  /** Lower case `host/owner/repo`, to compare two URLs' repositories. */
  repository: string;
  /** What follows `tree|blob/<ref>/`, decoded, split on `/` and `\`, without empty and `.` segments; empty when the URL points at no path. */
  path: string[];
  /** The folder the URL points at: the path, less the file a `/blob/` link ends in (`blob/main/src/x/README.md` is `src/x`). */
  folder?: string;
};

/** The repository and path of a forge URL; undefined for anything else (other hosts, other schemes, bad URLs, odd owner or repository names). */
export function parseForgeUrl(url: unknown): ForgeUrl | undefined {
  if (typeof url !== 'string') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim().replace(/^git\+/, ''));
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  if (!FORGES.has(host)) return undefined;
  const parts = parsed.pathname
    .split('/')
    .filter((part) => part.length > 0)
    .map(decodeSafe);
  if (parts.length < 2) return undefined;
  const owner = parts[0]!;
  const name = parts[1]!.replace(/\.git$/i, '');
  // Checked after decoding, so `%2F..%2F` cannot smuggle a path into a name.
  if (!/^[A-Za-z0-9_.-]+$/.test(owner) || !/^[A-Za-z0-9_.-]+$/.test(name)) return undefined;
  const marker = host === 'gitlab.com' && parts[2] === '-' ? 3 : 2;
  const kind = parts[marker];
  const path =
    kind === 'tree' || kind === 'blob'
      ? parts
          .slice(marker + 2)
          .join('/')
          .split(/[/\\]/)
          .filter((part) => part.length > 0 && part !== '.')
      : [];
  // A `/blob/` link to a file (Dockerfile, README.md) names the folder that holds it.
  const folder = (kind === 'blob' && path.length > 0 && looksLikeFile(path[path.length - 1]!) ? path.slice(0, -1) : path).join('/');
  return {
    root: `https://${host}/${owner}/${name}`,
    repository: `${host}/${owner}/${name}`.toLowerCase(),
    path,
    ...(folder ? { folder } : {}),
  };
}

function looksLikeFile(segment: string): boolean {
  return /\.[A-Za-z0-9]{1,8}$/.test(segment) || FILE_NAMES.has(segment.toLowerCase());
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
