// What a reader of a tool page looks for around the tool itself: the other tools of its server that act
// on the same resource or with the same verb, where its definition came from (repository, commit, path,
// package version), the server-wide limit its policy sits under, and what its confidence means.
import { prepareTool } from '../classify/prepare';
import { actionStart } from '../classify/tokenize';
import { SERVER_CALL_LIMIT, describeLimits } from '../policy';
import type { Category, RiskClass, Server, StoredTool } from '../schema';
import { serverUrl, toolUrl } from './catalog';
import { githubFileUrl, githubRepository, packageLink } from './links';
import type { Fact } from './server-page';
import { verdictsFor } from './verdicts';

/** At most this many related tools are listed (~200 bytes each of a tool page's 30 KB). */
export const RELATED_MAX = 8;

/** Words of a name that say nothing about the resource it acts on. */
const FILLER = new Set(['and', 'or', 'the', 'for', 'with', 'from', 'into', 'to', 'of', 'by', 'in', 'on', 'at', 'all', 'new', 'via', 'mcp', 'tool', 'api', 'info', 'data']);

/** `issues` and `issue`, `repositories` and `repository` are one resource. */
function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(?:ches|shes|sses|xes)$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

type NameWords = { verbs: string[]; nouns: string[] };

/** The verbs the classifier reads in a name (its own tokenizer and verb lexicon) and the other words of the name's action part. */
function nameWords(name: string): NameWords {
  const prepared = prepareTool({ name, inputSchema: { type: 'object' } });
  const verbStarts = new Set(prepared.nameVerbs.map((hit) => hit.start));
  const from = actionStart(name);
  const nouns = prepared.tokens
    .filter((token) => token.start >= from && !verbStarts.has(token.start) && token.word.length >= 3 && !FILLER.has(token.word) && !/^[0-9]+$/.test(token.word))
    .map((token) => singular(token.word));
  return { verbs: [...new Set(prepared.nameVerbs.map((hit) => hit.verb))], nouns: [...new Set(nouns)] };
}

const wordsCache = new WeakMap<Server, { words: NameWords[]; namespace: Set<string> }>();

/**
 * Each tool's name words, computed once per server. A noun in more than half of a server's tools
 * (`slack` of slack_list_channels, `acr` of acr_registry_list) names the server, not a resource.
 */
function serverWords(server: Server): { words: NameWords[]; namespace: Set<string> } {
  let cached = wordsCache.get(server);
  if (!cached) {
    const words = server.tools.map((tool) => nameWords(tool.definition.name));
    const counts = new Map<string, number>();
    for (const entry of words) for (const noun of entry.nouns) counts.set(noun, (counts.get(noun) ?? 0) + 1);
    const namespace = new Set(server.tools.length >= 4 ? [...counts].filter(([, count]) => count > server.tools.length / 2).map(([noun]) => noun) : []);
    cached = { words, namespace };
    wordsCache.set(server, cached);
  }
  return cached;
}

export type RelatedTool = {
  name: string;
  url: string;
  category: Category;
  risk: RiskClass;
  /** The resource nouns both names share (singular, lower case). */
  nouns: string[];
  /** The verb both names share, when they do. */
  verb: string | undefined;
};

/**
 * The tools of the same server that act on the same resource (a shared noun of the name) or with the
 * same verb, resource first: more shared nouns, then a shared verb as well, then by name. At most `max`.
 */
export function relatedTools(server: Server, tool: StoredTool, max = RELATED_MAX): RelatedTool[] {
  const index = server.tools.indexOf(tool);
  if (index < 0) return [];
  const { words, namespace } = serverWords(server);
  const own = words[index] as NameWords;
  const ownNouns = own.nouns.filter((noun) => !namespace.has(noun));
  const verdicts = verdictsFor(server).tools;
  const scored: Array<RelatedTool & { score: number }> = [];
  server.tools.forEach((other, otherIndex) => {
    if (otherIndex === index) return;
    const theirs = words[otherIndex] as NameWords;
    const nouns = ownNouns.filter((noun) => theirs.nouns.includes(noun));
    const verb = own.verbs.find((candidate) => theirs.verbs.includes(candidate));
    if (nouns.length === 0 && verb === undefined) return;
    const verdict = verdicts[otherIndex]!;
    scored.push({
      name: other.definition.name,
      url: toolUrl(server.id, other.definition.name),
      category: verdict.category,
      risk: verdict.risk,
      nouns,
      verb,
      score: nouns.length * 2 + (verb === undefined ? 0 : 1),
    });
  });
  // Tool names are unique within a server, so the order is total.
  scored.sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return scored.slice(0, max).map(({ score: _score, ...related }) => related);
}

/** "60 calls a minute", from the number every server policy carries. */
export function serverLimitText(): string {
  return describeLimits([SERVER_CALL_LIMIT]);
}

/** Where the server page's policy section is. */
export function serverPolicyUrl(serverId: string): string {
  return `${serverUrl(serverId)}#policy`;
}

/**
 * Where this server's tool definitions come from, as facts: the source's repository, commit and file
 * (links only through links.ts), and the package and version that was crawled or that the server
 * reports. Every value is untrusted text; a value that does not validate is shown without a link.
 */
export function toolSourceFacts(server: Server): Fact[] {
  const facts: Fact[] = [];
  const provider = server.sources?.find((entry) => entry.fields.includes('tools'));
  if (provider && provider.source !== 'crawl' && provider.repository) {
    const repo = githubRepository(provider.repository);
    const commit = provider.commit;
    facts.push({
      term: 'Source data',
      items: [{ text: `${provider.repository}${commit ? ` at ${commit.slice(0, 12)}` : ''}`, href: repo ? githubFileUrl(provider.repository, commit) : undefined, code: true }],
    });
    if (provider.path) facts.push({ term: 'File', items: [{ text: provider.path, href: githubFileUrl(provider.repository, commit, provider.path), code: true }] });
  }
  const source = server.source;
  if (!provider && source.kind === 'import') {
    // A dump imported by hand names its origin as `owner/name@commit path` (or not at all).
    const origin = /^(\S+)@([0-9a-f]{7,40}) (\S.*)$/.exec(source.origin ?? '');
    facts.push({
      term: 'Imported from',
      items: [{ text: source.origin ?? source.file, href: origin ? githubFileUrl(origin[1], origin[2], origin[3]) : undefined, code: true }],
    });
  }
  if (source.kind === 'npm' || source.kind === 'pypi') {
    facts.push({
      term: 'Package',
      items: [{ text: `${source.kind} ${source.package}${source.version ? ` ${source.version}` : ''}`, href: packageLink(source.kind, source.package), code: true }],
      note: source.version ? undefined : 'the crawl did not record which version ran',
    });
  } else if (source.kind === 'registry') {
    facts.push({ term: 'Registry entry', items: [{ text: `${source.registryName}${source.version ? ` ${source.version}` : ''}`, code: true }] });
  }
  if (server.serverInfo?.version) facts.push({ term: 'Reports itself as', items: [{ text: `${server.serverInfo.name} ${server.serverInfo.version}`, code: true }] });
  if (!facts.some((fact) => fact.term === 'Package' || fact.term === 'Reports itself as' || fact.term === 'Registry entry')) {
    facts.push({ term: 'Version', items: [{ text: 'not recorded' }], note: "the source does not say which version of the server's code these definitions are from" });
  }
  return facts;
}

/** What a tool's confidence is, in one sentence true to classify-tool.ts. */
export const CONFIDENCE_SENTENCE =
  "Confidence says how directly the tool's own words decide its category: highest (90%, 95% with a matching read-only annotation) when the verbs of its name and description agree, lower when only one of them, a phrase or an annotation decides, 20% when nothing says what a call does.";
