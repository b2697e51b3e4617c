// What looks secret in a config's command line, replaced before anything is shown, stored, downloaded
// or put in a shared link. Env and header values never get this far (the parser keeps only names);
// arguments are where people still paste keys: `--api-key=…`, `postgresql://user:pass@host`, a bare
// `ghp_…` token, `docker run -e TOKEN=…`, `mcp-remote … --header "Authorization: Bearer …"`.
// It errs on the side of hiding: a redacted path or hash costs a match at worst, a shown key costs the key.
import { words } from '../policy/parameters';

export const REDACTED = '[REDACTED]';

/** Words that make an option's value a secret (`--api-key`, `--clientSecret`, `--db-password`, `--auth`). */
const SECRET_WORDS = new Set([
  'key', 'apikey', 'token', 'secret', 'password', 'passwd', 'pwd', 'pass', 'passphrase', 'auth', 'authorization',
  'credential', 'credentials', 'creds', 'bearer', 'cookie', 'session', 'signature', 'pat', 'dsn', 'private', 'jwt',
]);

/** Options whose value is an HTTP header (`Name: value`): the value goes, the name stays. */
const HEADER_OPTIONS = new Set(['--header', '-H', '--headers']);

/** Token shapes worth hiding wherever they stand: vendors' prefixes, JWTs, long random runs. */
const TOKEN_PATTERNS: RegExp[] = [
  /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{20,}/g,
  /\bgithub_pat_[A-Za-z0-9_]{20,}/g,
  /\bglpat-[A-Za-z0-9_-]{16,}/g,
  /\bxox[abprs]-[A-Za-z0-9-]{10,}/g,
  /\b(?:sk|pk|rk)[-_](?:live|test|proj|ant)?[-_]?[A-Za-z0-9_-]{16,}/g,
  /\bAKIA[0-9A-Z]{16}\b/g,
  /\bAIza[0-9A-Za-z_-]{30,}/g,
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g,
  /\b(?:Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{8,}/gi,
];

/** A run of 32 or more key-like characters with both letters and digits: an API key or a hex secret. */
const LONG_RANDOM = /[A-Za-z0-9_+=-]{32,}/g;
/** Random-looking: letters and digits, and a fifth or more of it digits or capitals (a slug such as `my-project-2024-notes` is not). */
function looksRandom(text: string): boolean {
  const digits = text.replace(/\D/g, '').length;
  const capitals = text.replace(/[^A-Z]/g, '').length;
  return /[A-Za-z]/.test(text) && digits >= 2 && (digits + capitals) / text.length >= 0.2;
}

/** An option name (`--api-key`, `-token`) whose value is a secret. */
export function isSecretOption(option: string): boolean {
  if (!/^--?[A-Za-z]/.test(option)) return false;
  const parts = words(option);
  return parts.some((word) => SECRET_WORDS.has(word)) || /(?:key|token|secret|password)$/i.test(option);
}

/** A header whose value is a credential. Every header value is dropped from the config object anyway. */
function redactHeader(value: string): string {
  const colon = value.indexOf(':');
  return colon > 0 ? `${value.slice(0, colon)}: ${REDACTED}` : REDACTED;
}

/** URLs in `text` without their userinfo (`user:pass@`) and with each query value hidden. */
function redactUrls(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#]*)([^\s#]*)(#\S*)?/gi, (_all, scheme: string, authority: string, rest: string, fragment: string | undefined) => {
    const at = authority.lastIndexOf('@');
    const host = at >= 0 ? `${REDACTED}@${authority.slice(at + 1)}` : authority;
    const query = rest.indexOf('?');
    const path = query >= 0 ? rest.slice(0, query) : rest;
    const params = query >= 0 ? `?${rest.slice(query + 1).split('&').map((pair) => `${pair.split('=')[0]}=${REDACTED}`).join('&')}` : '';
    return `${scheme}${host}${path}${params}${fragment ? `#${REDACTED}` : ''}`;
  });
}

/**
 * `name=value` and `"name": "value"` inside a longer argument (a JSON or query-style blob such as
 * `--config={"apiKey":"…"}`) whose name is a secret word: the value goes.
 */
function redactAssignments(text: string): string {
  // A credential header written into one argument: everything after its name is the secret.
  const headers = text.replace(/\b((?:proxy-)?authorization|cookie)(\s*[:=]\s*)(?!\[REDACTED\]$)\S.*$/gi, (_all, name: string, sep: string) => `${name}${sep}${REDACTED}`);
  return headers.replace(/(["']?)([A-Za-z_][A-Za-z0-9_-]*)\1(\s*[:=]\s*)(["']?)([^"'\s,;&}]+)\4/g, (all, quote: string, name: string, sep: string, valueQuote: string, value: string) =>
    value !== REDACTED && words(name).some((word) => SECRET_WORDS.has(word)) && !/^\/\//.test(value) ? `${quote}${name}${quote}${sep}${valueQuote}${REDACTED}${valueQuote}` : all,
  );
}

/** Token-shaped runs in free text. */
export function redactTokens(text: string): string {
  let out = text;
  for (const pattern of TOKEN_PATTERNS) out = out.replace(pattern, (match) => (/^(?:bearer|basic|token)\s/i.test(match) ? `${match.split(/\s+/)[0]} ${REDACTED}` : REDACTED));
  return out.replace(LONG_RANDOM, (match) => (looksRandom(match) ? REDACTED : match));
}

/** One free-standing piece of text (a command, a URL-bearing argument): URLs and tokens. */
export function redactText(text: string): string {
  return redactTokens(redactAssignments(redactUrls(text)));
}

/**
 * The arguments with secret-looking values replaced, each replacement described (for the page: "what
 * was redacted") without the value itself. Idempotent: redacting redacted arguments changes nothing.
 */
export function redactArgs(args: readonly string[]): { args: string[]; redactions: string[] } {
  const out: string[] = [];
  const redactions: string[] = [];
  let pending: 'secret' | 'header' | undefined;
  let pendingOption = '';
  args.forEach((arg, index) => {
    let next = arg;
    let why: string | undefined;
    if (pending === 'header') {
      next = redactHeader(arg);
      why = `header value after ${pendingOption}`;
    } else if (pending === 'secret' && !arg.startsWith('-')) {
      next = REDACTED;
      why = `value of ${pendingOption}`;
    }
    pending = undefined;
    if (why === undefined) {
      const equals = arg.indexOf('=');
      const option = equals > 0 ? arg.slice(0, equals) : arg;
      if (arg.startsWith('-') && equals > 0 && isSecretOption(option)) {
        next = `${option}=${REDACTED}`;
        why = `value of ${option}`;
      } else if (arg.startsWith('-') && equals > 0 && HEADER_OPTIONS.has(option)) {
        next = `${option}=${redactHeader(arg.slice(equals + 1))}`;
        why = `header value of ${option}`;
      } else if (!arg.startsWith('-') && /^[A-Za-z_][A-Za-z0-9_]*=/.test(arg)) {
        // `NAME=value`, as `docker run -e NAME=value` or `env NAME=value cmd` pass a variable: the value goes.
        next = `${arg.slice(0, equals)}=${REDACTED}`;
        why = `value of variable ${arg.slice(0, equals)}`;
      } else if (arg.startsWith('-') && equals < 0 && HEADER_OPTIONS.has(arg)) {
        pending = 'header';
        pendingOption = arg;
      } else if (arg.startsWith('-') && equals < 0 && isSecretOption(arg)) {
        pending = 'secret';
        pendingOption = arg;
      }
    }
    if (why === undefined) {
      const cleaned = redactText(next);
      if (cleaned !== next) {
        next = cleaned;
        why = /:\/\//.test(arg) ? 'credentials or query in a URL' : 'a token-shaped or secret-named value';
      }
    }
    if (why !== undefined && next !== arg) redactions.push(`args[${index}]: ${why}`);
    out.push(next);
  });
  return { args: out, redactions };
}
