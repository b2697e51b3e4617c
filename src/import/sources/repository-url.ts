// Splitting a forge URL into the repository and the folder it points at, for importers whose source
// names a monorepo server's folder only inside a homepage or a `/blob/<ref>/<file>` link. The merge
// (src/store/identity.ts) takes a URL's folder as the server's; these helpers make sure it gets a folder,
// not a file, and not a folder of some other repository.

/** Hosts whose paths are `/<owner>/<repo>/(tree|blob)/<ref>/<path>`, as the merge knows them. */
const FORGES = new Set(['github.com', 'gitlab.com', 'codeberg.org', 'bitbucket.org', 'gitee.com']);

/** Last path segments that name a file rather than a folder when a `/blob/` URL ends in them. */
const FILE_NAMES = new Set(['dockerfile', 'license', 'makefile', 'readme', 'containerfile', 'procfile']);

export type ForgeUrl = {
  /** `https://<host>/<owner>/<repo>`, as the URL spells it, without `.git`. */
  root: string;
  /** Lower case `host/owner/repo`, to compare two URLs' repositories. */
  repository: string;
  /** The folder the URL points at inside the repository, if any. */
  folder?: string;
};

/** The repository and folder of a forge URL; undefined for anything else (other hosts, other schemes, bad URLs). */
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
  const parts = parsed.pathname.split('/').filter((part) => part.length > 0);
  if (parts.length < 2) return undefined;
  const owner = parts[0]!;
  const name = parts[1]!.replace(/\.git$/i, '');
  if (!/^[A-Za-z0-9_.-]+$/.test(owner) || !/^[A-Za-z0-9_.-]+$/.test(name)) return undefined;
  const marker = host === 'gitlab.com' && parts[2] === '-' ? 3 : 2;
  const kind = parts[marker];
  let rest = kind === 'tree' || kind === 'blob' ? parts.slice(marker + 2) : [];
  // A `/blob/` link to a file (Dockerfile, README.md) names the folder that holds it.
  if (kind === 'blob' && rest.length > 0 && looksLikeFile(rest[rest.length - 1]!)) rest = rest.slice(0, -1);
  const folder = rest.filter((part) => part !== '.').join('/');
  return {
    root: `https://${host}/${owner}/${name}`,
    repository: `${host}/${owner}/${name}`.toLowerCase(),
    ...(folder ? { folder: decodeSafe(folder) } : {}),
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
