// Capability labels that matter in combination (the exfiltration triangle) and the reasons that move
// a risk class one step. Category rules live in verbs.ts and behaviour.ts.
import type { Rule } from '../types';
import { inflected } from './words';

export const capabilityRules: readonly Rule[] = [
  {
    id: 'label.private-data.name',
    match: { kind: 'name-token', tokens: ['file', 'files', 'email', 'emails', 'mail', 'inbox', 'message', 'messages', 'calendar', 'event', 'events', 'contact', 'contacts', 'document', 'documents', 'doc', 'docs', 'drive', 'database', 'db', 'table', 'tables', 'record', 'records', 'note', 'notes', 'secret', 'secrets', 'customer', 'customers', 'account', 'accounts', 'user', 'users', 'repository', 'repo', 'repos', 'bucket', 'blob', 'object', 'objects', 'chat', 'chats', 'dm', 'thread', 'threads', 'log', 'logs', 'memory', 'memories', 'profile', 'balance', 'transactions', 'charges', 'invoices', 'orders', 'vault', 'key', 'keys', 'password', 'credentials', 'token', 'tokens', 'directory', 'folder', 'page', 'pages', 'workspace', 'sheet', 'spreadsheet', 'project', 'issue', 'issues', 'notification', 'notifications', 'gist'] },
    concludes: 'label:private-data',
    weight: 1,
    explanation: 'The tool touches data that usually belongs to the user or the organisation (files, mail, records, repositories).',
  },
  {
    id: 'label.private-data.description',
    match: { kind: 'phrase', anchors: ['your', 'user', 'users', 'private', 'personal', 'internal', 'confidential', 'local', 'file', 'filesystem', 'system', 'subscription', 'tenant', 'resource'], starts: ['your', 'user', 'users', 'private', 'personal', 'internal', 'confidential', 'local', 'file', 'filesystem', 'subscription', 'tenant', 'resource'], pattern: /\b(?:your|user'?s|private|personal|internal|confidential|local) (?:\w+ )?(?:files?|emails?|messages?|data|documents?|calendar|contacts?|notes?|repositor(?:y|ies)|database|account|records?|workspace|chats?|memory|memories)\b|\b(?:file ?system|local files?|subscription|tenant|resource group)\b/i },
    concludes: 'label:private-data',
    weight: 1,
    explanation: 'The description says the tool works on private or account-scoped data.',
  },
  {
    id: 'label.untrusted-content.description',
    match: { kind: 'phrase', anchors: ['web', 'webpage', 'webpages', 'page', 'pages', 'website', 'websites', 'url', 'urls', 'html', 'scrape', 'scrapes', 'scraping', 'crawl', 'crawls', 'crawling', 'browse', 'internet', 'search', 'email', 'emails', 'inbox', 'issue', 'issues', 'pull', 'comment', 'comments', 'tweet', 'tweets', 'post', 'posts', 'reddit', 'rss', 'feed', 'feeds', 'news', 'review', 'reviews', 'message', 'messages', 'chat', 'slack', 'discord', 'forum', 'generated', 'party'], starts: ['web', 'webpage', 'webpages', 'website', 'websites', 'url', 'urls', 'html', ...inflected(['scrap'], ['e', 'es', 'ing']), ...inflected(['crawl'], ['s', 'ing']), 'browse', 'internet', 'search', 'email', 'emails', 'inbox', 'issue', 'issues', 'pull', 'comment', 'comments', 'tweet', 'tweets', 'post', 'posts', 'reddit', 'rss', 'feed', 'feeds', 'news', 'review', 'reviews', 'message', 'messages', 'chat', 'slack', 'discord', 'forum', 'user', 'third'], pattern: /\b(?:web ?pages?|websites?|urls?|html|scrap(?:e|es|ing)|crawl(?:s|ing)?|browse|internet|web search|search (?:the )?web|emails?|inbox|issues?|pull requests?|comments?|tweets?|posts?|reddit|rss|feeds?|news|reviews?|messages?|chat|slack|discord|forum|user[- ]generated|third[- ]party content)\b/i },
    concludes: 'label:untrusted-content',
    weight: 1,
    explanation: 'The tool brings in text written by others (web pages, mail, issues, messages), which can carry injected instructions.',
    hints: { openWorld: true },
  },
  {
    id: 'label.untrusted-content.parameter',
    match: { kind: 'parameter', name: /^(?:url|urls|uri|link|href|page_url|website|target_url|feed_url)$/ },
    concludes: 'label:untrusted-content',
    weight: 1,
    explanation: 'The tool takes a URL, so it can load content anyone could have written.',
    hints: { openWorld: true },
  },
  {
    id: 'label.outward-channel.verb',
    match: { kind: 'name-verb', verbs: ['send', 'post', 'publish', 'email', 'message', 'tweet', 'share', 'upload', 'comment', 'reply', 'notify', 'broadcast', 'emit', 'announce', 'push', 'invite'] },
    concludes: 'label:outward-channel',
    weight: 1,
    explanation: 'The tool sends or publishes data to others, so it can carry data out.',
    hints: { openWorld: true },
  },
  {
    id: 'label.outward-channel.description',
    match: { kind: 'phrase', anchors: ['send', 'sends', 'sending', 'post', 'posts', 'posting', 'publish', 'publishes', 'publishing', 'upload', 'uploads', 'uploading', 'forward', 'forwards', 'forwarding', 'share', 'shares', 'sharing', 'http', 'webhook', 'webhooks', 'create', 'creates', 'creating', 'add', 'adds', 'adding', 'open', 'opens', 'reply', 'replies', 'write', 'writes'], starts: [...inflected(['send', 'post', 'upload', 'forward', 'share'], ['s', 'ing']), ...inflected(['publish'], ['es', 'ing']), 'http', 'webhook', 'webhooks', ...inflected(['create', 'add', 'open', 'reply', 'write'], ['s', 'es', 'ing'])], pattern: /\b(?:send(?:s|ing)?|post(?:s|ing)?|publish(?:es|ing)?|upload(?:s|ing)?|forward(?:s|ing)?|share(?:s|ing)?) (?:\w+ ){0,3}(?:emails?|messages?|notifications?|requests?|webhooks?|events?|data|files?|comments?|tweets?|to (?:a |an |the )?(?:channel|user|recipient|url|endpoint|webhook|slack|discord|teams))\b|\bhttp (?:post|put|request)s?\b|\bwebhooks?\b|\b(?:create|add|open|reply|write)(?:s|es|ing)? (?:a |an |the )?(?:new |public )?(?:comments?|issues?|pull requests?|gists?|posts?|tweets?|repl(?:y|ies)|reviews?|discussions?)\b/i },
    concludes: 'label:outward-channel',
    weight: 1,
    explanation: 'The description says the tool sends data somewhere others can see it.',
    hints: { openWorld: true },
  },
  {
    id: 'label.outward-channel.parameter',
    match: { kind: 'parameter', name: /^(?:to|recipient|recipients|cc|bcc|email_to|to_email|channel|channel_id|webhook|webhook_url|callback_url|chat_id|phone_number|destination_url)$/ },
    concludes: 'label:outward-channel',
    weight: 1,
    explanation: 'A parameter names a recipient, channel or endpoint the data goes to.',
    hints: { openWorld: true },
  },
  {
    id: 'label.credentials',
    match: { kind: 'phrase', anchors: ['password', 'passwords', 'secret', 'secrets', 'credential', 'credentials', 'api', 'apikey', 'apikeys', 'access', 'private', 'token', 'tokens', 'certificate', 'certificates', 'ssh', 'connection', 'keyvault', 'vault', 'oauth'], starts: ['password', 'passwords', 'secret', 'secrets', 'credential', 'credentials', ...inflected(['api', 'access', 'private'], ['_key', '_keys', 'key', 'keys']), 'auth', 'bearer', 'refresh', 'session', 'oauth', 'personal', 'jwt', 'id', 'certificate', 'certificates', 'ssh', 'connection', 'key', 'keyvault'], pattern: /\b(?:passwords?|secrets?|credentials?|api[ _-]?keys?|access[ _-]?keys?|private[ _-]?keys?|(?:access|auth|api|bearer|refresh|session|oauth|personal access|jwt|id) tokens?|certificates?|ssh keys?|connection strings?|key ?vault|oauth)\b/i },
    concludes: 'label:credentials',
    weight: 1,
    explanation: 'The tool handles secrets, keys, tokens or credentials.',
  },
  {
    id: 'label.credentials.name',
    match: { kind: 'name-token', tokens: ['secret', 'secrets', 'password', 'passwords', 'credential', 'credentials', 'token', 'keyvault', 'apikey', 'certificate', 'certificates', 'key', 'keys'] },
    concludes: 'label:credentials',
    weight: 1,
    explanation: 'The name says the tool handles secrets, keys, tokens or credentials.',
  },
  {
    id: 'risk.permissions',
    match: { kind: 'phrase', anchors: ['permission', 'permissions', 'iam', 'role', 'roles', 'access', 'acl', 'acls', 'firewall', 'security', 'privilege', 'privileges', 'admin', 'administrator', 'grant', 'grants', 'granting'], starts: ['permission', 'permissions', 'iam', 'role', 'roles', 'access', 'acl', 'acls', 'firewall', 'security', 'privilege', 'privileges', 'admin', 'administrator', 'grant', 'grants', 'granting'], pattern: /\b(?:permissions?|iam|roles? assignments?|access control|acls?|firewall rules?|security groups?|access polic(?:y|ies)|privileges?|admin(?:istrator)? (?:access|rights)|grant(?:s|ing)? access)\b/i },
    concludes: 'risk:+1',
    weight: 1,
    explanation: 'The tool acts on permissions or access control, so a wrong call opens or closes access.',
  },
];
