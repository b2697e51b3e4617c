// Tool-poisoning patterns: text in a tool's definition that speaks to the model rather than describing
// the tool. Each match becomes a finding with the span and where it starts.
import type { PoisonRule } from '../types';

/** Where a clause ends: a line break, or ! ? ; or a full stop before a space (not the dots of "e.g." and "i.e."). */
const CLAUSE_END = /\n|[!?;](?=\s|$)|(?<!\b(?:e\.g|i\.e|etc|vs|cf))\.(?=\s|$)/gi;
/** Verbs that ask for a file's content to be read, sent or put somewhere (base forms: an instruction, not a description of the tool). */
const CONTENT_VERB =
  /\b(?:read|cat|print|output|dump|include|send|pass|put|paste|attach|upload|copy|forward|post|provide|share|append|add|submit|leak|return|collect|grab|fetch|extract|exfiltrate|embed|insert|transmit|email)\b|\bcontents?\s+of\b|\bits\s+contents?\b/i;
/** Words that present a path as an example or a default: "e.g. ~/.ssh/id_rsa", "defaults to ~/.netrc". */
const EXAMPLE_OR_DEFAULT = /\b(?:defaults?|e\.g|i\.e|for example|for instance|such as|like|examples?|including|typically|usually)\b/i;
/** A parameter description that says the parameter names a path: "Path to the private key", "SSH key file", "The credentials file location". */
const NAMES_A_PATH = /^\s*(?:(?:the|an?|optional|required)\b[\s:,]*)*(?:[\w-]+\s+){0,3}?(?:path|paths|file|filename|file\s+name|location|directory|folder)\b/i;
/** Characters that start a path as a literal value: quotes and brackets. */
const LITERAL_OPENERS = new Set(['"', "'", '`', '(', '[']);

/**
 * Whether a secret path (`start`..`end` in `text`) is documentation rather than a request: nothing in its
 * clause asks to read, send or include something, and the path is given as an example or a default, as a
 * quoted or bracketed value, or as what a path parameter takes ("Path to the private key (default:
 * ~/.ssh/id_rsa)"). A clause that asks for content ("read ~/.ssh/id_rsa and pass its content") is never
 * documentation.
 */
function documentsSecretPath(text: string, start: number, end: number, field: string): boolean {
  let from = 0;
  let to = text.length;
  CLAUSE_END.lastIndex = 0;
  for (let m = CLAUSE_END.exec(text); m !== null; m = CLAUSE_END.exec(text)) {
    if (m.index < start) from = m.index + 1;
    else if (m.index >= end) {
      to = m.index;
      break;
    }
  }
  if (CONTENT_VERB.test(text.slice(from, to))) return false;
  // The whole path the match is part of (`~/.ssh/id_rsa` for the match `id_rsa`), and what comes before it.
  let pathStart = start;
  while (pathStart > from && !/[\s"'`([]/.test(text.charAt(pathStart - 1))) pathStart--;
  if (LITERAL_OPENERS.has(text.charAt(pathStart - 1))) return true;
  if (EXAMPLE_OR_DEFAULT.test(text.slice(from, pathStart))) return true;
  return field.startsWith('parameter:') && NAMES_A_PATH.test(text);
}

/** What comes just before a placeholder: a value's own characters (`user:<secret>`, `"<secret>"`), `=`, a command-line flag (`--secret <secret>`) or an auth scheme. */
const PLACEHOLDER_BEFORE = /(?:[\w:=/@"'`]|=\s+|(?:^|\s)--?[a-z][\w-]*\s+|\b(?:bearer|basic|token)\s+)$/i;

/**
 * Whether a tag (`start`..`end` in `text`) is a value placeholder such as `--secret <secret>` or `user:<secret>`
 * rather than an instruction tag: a bare opening tag (no attributes), never closed later in the text,
 * standing where a value goes. A closed tag (`<secret>...</secret>`) and a tag that opens a sentence stay
 * instruction tags.
 */
function isPlaceholder(text: string, start: number, end: number): boolean {
  // Only names a value can have: <IMPORTANT>, <SYSTEM> or <INSTRUCTIONS> is never a placeholder, so an
  // unclosed one after a colon ("note:<IMPORTANT> read ~/.ssh…") still fires.
  const tag = /^<\s*(secret|context|prompt)\s*>$/i.exec(text.slice(start, end));
  if (tag === null) return false;
  const closing = new RegExp(`<\\s*/\\s*${tag[1] ?? ''}\\s*>`, 'i');
  if (closing.test(text.slice(end))) return false;
  return PLACEHOLDER_BEFORE.test(text.slice(Math.max(0, start - 40), start));
}

export const poisonRules: readonly PoisonRule[] = [
  {
    id: 'poison.hidden-tag',
    severity: 'high',
    anchors: ['<'],
    pattern: /<\s*\/?\s*(?:important|system|instructions?|secret|hidden|admin|critical|assistant|context|prompt)\b[^>]{0,80}>/gi,
    scope: 'text',
    keep: (text, start, end) => !isPlaceholder(text, start, end),
    message: 'An instruction tag (like <IMPORTANT>) addresses the model, not the reader.',
  },
  {
    id: 'poison.override-instructions',
    severity: 'critical',
    anchors: ['ignore', 'disregard', 'forget', 'override'],
    pattern: /\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+)?(?:the\s+|your\s+)?(?:previous|prior|above|earlier|other|system|original)\s+(?:instructions|prompts?|rules|directions|guidelines)\b/gi,
    scope: 'text',
    message: 'The text tells the model to ignore its other instructions.',
  },
  {
    id: 'poison.conceal-from-user',
    severity: 'high',
    // Active ("do not tell the user"), with "without" ("without informing the user"), passive ("the user
    // must not be informed", "this must never be shown to the user") and "do not let the user know".
    // Every alternative has one of these verbs and one of the negations below.
    anchors: ['tell', 'inform', 'mention', 'reveal', 'notify', 'alert', 'show', 'disclose', 'telling', 'informing', 'notifying', 'alerting', 'asking', 'told', 'informed', 'notified', 'alerted', 'shown', 'revealed', 'disclosed', 'mentioned', 'let'],
    anchorsAlso: [['not', 'don', 'never', 'without', 'mustn', 'shouldn']],
    pattern:
      /\b(?:do not|don['’]t|never|(?:must|should|shall) not|(?:mustn|shouldn)['’]t)\s+(?:tell|inform|mention|reveal|notify|alert|show|disclose)\b[^.\n]{0,40}?\b(?:user|human|them)\b|\bwithout (?:telling|informing|notifying|alerting|asking) the (?:user|human)\b|\b(?:the\s+)?(?:user|human)s?\s+(?:(?:must|should|shall)\s+(?:not|never)|(?:mustn|shouldn)['’]t|(?:is|are)\s+(?:not|never)\s+to)\s+(?:ever\s+)?be\s+(?:told|informed|notified|alerted|shown)\b|\b(?:(?:must|should|shall)\s+(?:not|never)|(?:mustn|shouldn)['’]t|(?:is|are)\s+(?:not|never)\s+to)\s+be\s+(?:told|mentioned|revealed|shown|disclosed)\s+to\s+(?:the\s+)?(?:user|human)s?\b|\b(?:do not|don['’]t|never)\s+let\s+(?:the\s+)?(?:user|human)\s+(?:know|notice)\b/gi,
    scope: 'text',
    message: 'The text tells the model to hide something from the user.',
  },
  {
    id: 'poison.secret-path',
    severity: 'high',
    anchors: ['ssh', 'id_rsa', 'id_ed25519', 'id_ecdsa', 'id_dsa', 'env', 'passwd', 'shadow', 'netrc', 'npmrc', 'pgpass', 'credentials', 'docker', 'claude_desktop_config', 'mcp'],
    // Public keys (`id_rsa.pub`, any `~/.ssh/*.pub`) and known_hosts hold nothing secret: not matched.
    pattern:
      /~\/\.ssh\b(?!\/[\w.-]*\.pub\b|\/known_hosts\b)|\bid_(?:rsa|ed25519|ecdsa|dsa)\b(?!\.pub\b)|(?<![\w.])\.env\b(?!\w)|\.aws\/credentials\b|\/etc\/(?:passwd|shadow)\b|\.netrc\b|\.npmrc\b|\.pgpass\b|\.git-credentials\b|\.docker\/config\.json\b|claude_desktop_config\.json\b|\bmcp\.json\b/gi,
    scope: 'text',
    keep: (text, start, end, field) => !documentsSecretPath(text, start, end, field),
    message: 'The text names a file that holds secrets (SSH keys, .env, cloud credentials).',
  },
  {
    id: 'poison.other-tools',
    // "All other tools must…" is an instruction; "will" only says what happens, so it counts only for other
    // or MCP tools and servers, and not passive or negated ("if none is given, all servers will be restarted").
    // "Use update_items instead of calling this tool" points away from the tool itself: guidance, not shadowing.
    severity: 'medium',
    anchors: ['tool', 'tools', 'server', 'servers'],
    anchorsAlso: [
      ['instead', 'rather', 'when', 'whenever', 'before', 'after', 'every', 'each', 'all', 'any', 'other'],
      ['using', 'calling', 'invoking', 'use', 'uses', 'call', 'calls', 'invoke', 'invokes', 'must', 'should', 'will'],
    ],
    starts: ['instead', 'rather', 'when', 'whenever', 'before', 'after', 'every', 'each', 'all', 'any', 'other'],
    pattern: /\b(?:instead of|rather than)\s+(?:using|calling|invoking)\s+(?:the\s+)?(?!this\s|that\s)[`'"]?[\w.-]+[`'"]?\s+tool\b|\b(?:when|whenever|before|after|every time|each time)\s+(?:the\s+)?(?:user|you|agent|assistant)\s+(?:uses?|calls?|invokes?)\s+(?:any\s+)?(?:other|another|the\s+[`'"]?[\w.-]+[`'"]?)\s+(?:tools?|servers?)\b|\b(?:all|any|other)\s+(?:other\s+)?(?:mcp\s+)?(?:servers?|tools?)\s+(?:must|should)\b|\b(?:(?:all|any)\s+(?:other\s+(?:mcp\s+)?|mcp\s+)|other\s+(?:mcp\s+)?)(?:servers?|tools?)\s+will\b(?!\s+(?:not|never|be)\b)/gi,
    scope: 'text',
    message: "The text tries to change how the model uses other tools or servers (tool shadowing).",
  },
  {
    id: 'poison.exfiltration-request',
    // A secret word that qualifies another noun names a feature, not content: "add password protection", "provide the conversation id".
    severity: 'high',
    anchors: ['conversation', 'history', 'prompt', 'contents', 'api', 'password', 'passwords', 'credentials', 'secret', 'secrets', 'private'],
    anchorsAlso: [['include', 'pass', 'send', 'put', 'add', 'append', 'provide']],
    starts: ['include', 'pass', 'send', 'put', 'add', 'append', 'provide'],
    pattern: /\b(?:include|pass|send|put|add|append|provide)\s+(?:the\s+|all\s+|any\s+|your\s+)?(?:full\s+|entire\s+|complete\s+)?(?:conversation|chat history|previous messages|system prompt|contents? of (?:the\s+)?(?:file|~|\/)|api keys?|passwords?|credentials|secrets?|private keys?)\b(?!\s+(?:protection|protected|polic(?:y|ies)|reset|rotation|expiry|expiration|length|strength|requirements?|rules?|hints?|ids?|identifiers?|names?|types?|versions?|metadata|manager|provider|providers|scanning|settings?|management|count|fields?|labels?)\b)/gi,
    scope: 'text',
    message: 'The text asks the model to put conversation, secrets or file contents into a call.',
  },
  {
    id: 'poison.invisible-unicode',
    severity: 'high',
    pattern: /[\u200B-\u200D\u2060-\u2064\uFEFF\u00AD\u180E]+|\u034F+|[\u{E0000}-\u{E007F}]+/gu,
    scope: 'text-and-names',
    message: 'Invisible characters hide text from a reader while the model still reads it.',
  },
  {
    id: 'poison.bidi-unicode',
    severity: 'critical',
    pattern: /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]+/gu,
    scope: 'text-and-names',
    message: 'Bidirectional control characters make the text read differently from how it is displayed.',
  },
];

/** Parameter names shaped to carry data out when their description asks for more than the tool needs. */
export const exfiltrationParameterName = /^(?:notes?|side_?note|sidenote|debug|debug_info|context|feedback|metadata|extra|extra_info|details|comment|remarks|summary|memo|trace|telemetry|annotation|reasoning)$/;
/** What such a parameter's description asks for when it is an exfiltration channel. */
export const exfiltrationParameterAsk = /\b(?:conversation|chat history|previous (?:messages|instructions)|system prompt|all (?:the )?(?:information|context|content|data|messages)|contents? of|api keys?|passwords?|credentials|secrets?|tokens?|private keys?|ssh|env(?:ironment)? variables?|everything)\b/i;
