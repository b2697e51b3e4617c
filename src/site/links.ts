// Links and commands made from crawled or imported text. Every part is validated before it becomes
// an href or a command line: a value that does not pass gives no link (the text is still shown,
// escaped), never a link to something else.

/** The URL as an href when it is http(s), else undefined: `javascript:`, `data:` and relative links never become links. */
export function httpLink(value: string | undefined): string | undefined {
  if (value === undefined || value.length > 2048) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const GITHUB_OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const GITHUB_NAME = /^[A-Za-z0-9._-]{1,100}$/;
const COMMIT = /^[0-9a-f]{7,40}$/;

/** `owner/name` when both parts are what GitHub allows, else undefined. */
export function githubRepository(value: string | undefined): { owner: string; name: string } | undefined {
  const parts = value?.split('/');
  if (!parts || parts.length !== 2) return undefined;
  const [owner, name] = parts as [string, string];
  if (!GITHUB_OWNER.test(owner) || !GITHUB_NAME.test(name) || name === '.' || name === '..') return undefined;
  return { owner, name };
}

/** A file path inside a repository, each segment URL-encoded; undefined for empty, `.`/`..` or control-character segments. */
export function encodeRepositoryPath(value: string | undefined): string | undefined {
  if (!value || value.length > 500) return undefined;
  const segments = value.split('/');
  // eslint-disable-next-line no-control-regex
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..' || /[\u0000-\u001f\u007f\\]/.test(segment))) return undefined;
  return segments.map(encodeURIComponent).join('/');
}

/** `https://github.com/<owner>/<name>/blob/<commit>/<path>`, or the repository at the commit without a path. */
export function githubFileUrl(repository: string | undefined, commit: string | undefined, filePath?: string): string | undefined {
  const repo = githubRepository(repository);
  if (!repo || !commit || !COMMIT.test(commit)) return undefined;
  const base = `https://github.com/${repo.owner}/${repo.name}`;
  if (filePath === undefined) return `${base}/tree/${commit}`;
  const encoded = encodeRepositoryPath(filePath);
  return encoded ? `${base}/blob/${commit}/${encoded}` : undefined;
}

/** npm's rules for a package name (lowercase, optional scope, URL-safe characters). */
export const NPM_NAME = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;
/** PEP 508 names. */
export const PYPI_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;

/** The registry's page of a package, for the registries whose URLs are known; undefined otherwise or for a name that is not valid there. */
export function packageLink(registryType: string, identifier: string): string | undefined {
  if (identifier.length > 214) return undefined;
  // The name rules admit only URL-safe characters, so a valid name is its own path.
  if (registryType === 'npm' && NPM_NAME.test(identifier)) return `https://www.npmjs.com/package/${identifier}`;
  if (registryType === 'pypi' && PYPI_NAME.test(identifier)) return `https://pypi.org/project/${encodeURIComponent(identifier)}/`;
  return undefined;
}

/** A word for a POSIX shell: as it is when it holds only safe characters, else in single quotes. */
export function shellWord(value: string): string {
  return /^[A-Za-z0-9@%+=:,./_~-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
