// Where a server's record came from, as pages show it: every source that knows the server, what it
// contributed, a link to its data at the commit it was read from, and the fields the sources disagree on.
// Source names and keys are untrusted text; links are built only from validated parts (./links.ts).
import type { Provenance, Server, StoredTool } from '../schema';
import { datasetById } from '../import/datasets';
import { formatDate, plural } from './format';
import { githubFileUrl } from './links';

type Capture = NonNullable<Provenance['capture']>;

/** The note the merge puts on every names-only tool (src/store/merge-sources.ts). */
const NAMES_ONLY_NOTE = 'its parameters are not known';

/** How the tools were obtained, as a noun phrase: "a saved tools/list result". */
export const CAPTURE_PHRASE: Record<Capture, string> = {
  live: "the running server's own tools/list",
  'tools-list': 'a saved tools/list result',
  'static-analysis': 'static analysis of the source code (schemas may be approximate)',
  'cli-metadata': "a command-line tool's description of its commands (schemas may be approximate)",
  'names-only': 'names and descriptions only (parameters not known)',
};

/** The capture in two or three words, for a list of sources in a sentence. */
const CAPTURE_SHORT: Record<Capture, string> = {
  live: 'live',
  'tools-list': 'saved tools/list',
  'static-analysis': 'static analysis',
  'cli-metadata': 'CLI metadata',
  'names-only': 'names only',
};

/** People's name for a source: the dataset's title, "this project's crawler", or the id of a hand-imported dump. */
export function sourceTitle(source: string): string {
  if (source === 'crawl') return "This project's crawler";
  if (source === 'import') return 'A hand-imported dump';
  return datasetById(source)?.title ?? source;
}

export type SourceRow = {
  source: string;
  title: string;
  /** The source's own name or key for the server (untrusted text). */
  name: string;
  /** The file the source's record came from, on GitHub at the commit it was read from. */
  dataUrl: string | undefined;
  /** What the link points at, as text: `owner/name@commit7 path`. */
  dataLabel: string | undefined;
  /** The license of the source's data, or why there is none to state. */
  license: string;
  licenseKnown: boolean;
  at: string | undefined;
  fields: string[];
  /** "12 tools, a saved tools/list result" or "lists no tools". */
  tools: string;
  /** This source's tools are the ones the page shows. */
  showsTools: boolean;
  /** The crawler's outcome, for the crawler's own row. */
  status: string | undefined;
};

/** Where a provenance's data lives: the file, relative to the source's repository, at the commit it was read from. */
function dataLocation(entry: Provenance): { url: string | undefined; label: string | undefined } {
  if (entry.source === 'crawl' || !entry.repository) return { url: undefined, label: undefined };
  const url = githubFileUrl(entry.repository, entry.commit, entry.path) ?? githubFileUrl(entry.repository, entry.commit);
  const label = `${entry.repository}${entry.commit ? `@${entry.commit.slice(0, 7)}` : ''}${entry.path ? ` ${entry.path}` : ''}`;
  return { url, label };
}

function crawlStatus(entry: Provenance): string | undefined {
  if (entry.source !== 'crawl' || !entry.status) return undefined;
  const when = entry.at ? ` on ${formatDate(entry.at)}` : '';
  switch (entry.status) {
    case 'ok':
      return `crawled${when}: the server listed its tools`;
    case 'failed':
      return `crawl failed${when}${entry.reason ? ` (${entry.reason})` : ''}`;
    case 'listed':
      return `known, not crawled yet${when}`;
    case 'imported':
      return `imported${when}`;
  }
}

/** Every source of the server, in the merge's order (the one whose tools are shown first). */
export function sourceRows(server: Server): SourceRow[] {
  return (server.sources ?? []).map((entry) => {
    const location = dataLocation(entry);
    const showsTools = entry.fields.includes('tools') && server.tools.length > 0;
    return {
      source: entry.source,
      title: sourceTitle(entry.source),
      name: entry.name,
      dataUrl: location.url,
      dataLabel: location.label,
      license: entry.license ?? (entry.source === 'crawl' ? 'not applicable: collected by this project' : 'not recorded'),
      licenseKnown: entry.license !== undefined,
      // The crawler's status line carries its date already.
      at: entry.at && !(entry.source === 'crawl' && entry.status) ? formatDate(entry.at) : undefined,
      fields: entry.fields.filter((field) => field !== 'tools'),
      tools: entry.tools ? `${plural(entry.tools, 'tool')}, ${entry.capture ? CAPTURE_PHRASE[entry.capture] : 'capture not stated'}` : 'lists no tools',
      showsTools,
      status: crawlStatus(entry),
    };
  });
}

/** The provenance a conflict's `source:key` names: exact first, else by source id. */
function provenanceOf(server: Server, named: string): Provenance | undefined {
  const sources = server.sources ?? [];
  return (
    sources.find((entry) => `${entry.source}:${entry.name}` === named) ??
    [...sources].sort((a, b) => b.source.length - a.source.length).find((entry) => named.startsWith(`${entry.source}:`))
  );
}

export type ConflictRow = {
  field: string;
  /** One sentence: who says what, and what the page shows. */
  sentence: string;
  values: Array<{ title: string; value: string; chosen: boolean }>;
};

/** A source's title where it does not start a sentence. */
const midSentence = (entry: { title: string; provenance: Provenance | undefined }) => (entry.provenance?.source === 'crawl' ? "this project's crawl" : entry.title);

export function conflictRows(server: Server): ConflictRow[] {
  return (server.conflicts ?? []).map((conflict) => {
    const values = conflict.values.map((entry, index) => {
      const provenance = provenanceOf(server, entry.source);
      const title = provenance ? sourceTitle(provenance.source) : entry.source;
      return { title, value: entry.value, provenance, chosen: index === 0 };
    });
    const [first, ...others] = values as [(typeof values)[number], ...typeof values];
    if (conflict.field === 'tools') {
      const count = (entry: (typeof values)[number]) => entry.provenance?.tools;
      const counts = values.map(count);
      // The crawler's row reads as a subject in a sentence: "This project's crawl found 61 tools".
      const crawl = (entry: (typeof values)[number]) => entry.provenance?.source === 'crawl';
      // Each count with how it was captured, so the choice reads from the sentence: evidence first, then length.
      const how = (entry: (typeof values)[number]) => (entry.provenance?.capture ? ` (${CAPTURE_SHORT[entry.provenance.capture]})` : '');
      const said = [
        `${crawl(first) ? "This project's crawl found" : `${first.title} lists`} ${count(first) !== undefined ? `${plural(count(first)!, 'tool')}${how(first)}` : first.value}`,
        ...others.map((entry) => `${midSentence(entry)} ${count(entry) !== undefined ? `${count(entry)}${how(entry)}` : entry.value}`),
      ].join(', ');
      const same = counts.every((value) => value !== undefined && value === counts[0]);
      return {
        field: 'tools',
        sentence: `${said}${same ? ', with different tool names' : ''}: the tools shown are ${crawl(first) ? "the crawl's" : `${first.title}'s`}.`,
        values: values.map(({ title, value, chosen }) => ({ title, value, chosen })),
      };
    }
    return {
      field: conflict.field,
      sentence: `The sources disagree on the ${conflict.field}: ${values.map((entry) => `${midSentence(entry)} says ${entry.value}`).join(', ')}. Shown: ${conflict.chosen}, from ${midSentence(first)}.`,
      values: values.map(({ title, value, chosen }) => ({ title, value, chosen })),
    };
  });
}

export type ToolOrigin = {
  capture: Capture | undefined;
  /** The source whose tools are shown, by title. */
  source: string | undefined;
  /** One sentence for a tool page or a server page: where the definitions came from and when. */
  sentence: string;
  dataUrl: string | undefined;
};

/** Where the server's tool definitions came from: the source the merge took them from, else the record's own source. */
export function toolOrigin(server: Server): ToolOrigin | undefined {
  if (server.tools.length === 0) return undefined;
  const provider = server.sources?.find((entry) => entry.fields.includes('tools'));
  const capture: Capture | undefined =
    provider?.capture ?? (server.crawl.status === 'ok' ? 'live' : server.source.kind === 'import' ? (server.source.capture ?? 'tools-list') : undefined);
  const when = (provider?.at ?? server.crawl.at) ? ` (${formatDate(provider?.at ?? server.crawl.at)})` : '';
  if (!provider) {
    const sentence = capture ? `The definition comes from ${CAPTURE_PHRASE[capture]}${when}.` : `The definition's origin is not recorded.`;
    return { capture, source: undefined, sentence, dataUrl: undefined };
  }
  const title = sourceTitle(provider.source);
  const location = dataLocation(provider);
  const by = provider.source === 'crawl' ? 'crawled by this project' : `published by ${title}${provider.license ? ` under ${provider.license}` : ''}`;
  return {
    capture,
    source: title,
    sentence: `The definition comes from ${capture ? CAPTURE_PHRASE[capture] : 'a source that does not say how it was captured'}, ${by}${when}.`,
    dataUrl: location.url,
  };
}

/** True when only the tool's name and description are known: its parameters are then unknown, not absent. */
export function isNamesOnly(server: Server, tool: StoredTool): boolean {
  if ((tool.notes ?? []).some((note) => note.includes(NAMES_ONLY_NOTE))) return true;
  const provider = server.sources?.find((entry) => entry.fields.includes('tools'));
  if (provider) return provider.capture === 'names-only';
  return server.source.kind === 'import' && server.source.capture === 'names-only';
}
