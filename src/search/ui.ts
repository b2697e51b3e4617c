// The search page's client: reads the form, runs the query module against Pagefind's JS API (every
// part of the index merged), turns the server records it finds into tool and server results
// (tool-hits.ts), keeps the search in the address, and renders results as DOM nodes built from text
// (records are hostile text).
import { runQuery, type PagefindApi, type RankedResult } from './query';
import { compareHits, hitsOfRecord, type Fragment, type Hit } from './tool-hits';
import { FILTERS, stateFromUrl, urlForState, type SearchState } from './url-state';

/** Results rendered per page and per "load more". */
export const PAGE_SIZE = 10;
/** Server records whose tools are read at a time (each is one fragment, a few KB). */
const RECORD_BATCH = 12;
/** A search reads at most this many records before it shows results; "load more" reads on. */
const FIRST_RECORDS = 24;
/** Wait this long after the last keystroke before searching. */
const DEBOUNCE_MS = 100;
const PAGEFIND_URL = '/pagefind/pagefind.js';
const PARTS_URL = '/pagefind/parts.json';
/**
 * Pagefind's ranking of records: a server record is as long as all its tools, and the default length
 * penalty (0.75) would bury a large server whose one tool answers the query.
 */
const RANKING = { pageLength: 0.1 };

type PagefindModule = PagefindApi<Fragment> & {
  init?: () => Promise<void>;
  options?: (options: { ranking?: typeof RANKING }) => Promise<void>;
  mergeIndex?: (path: string, options?: { ranking?: typeof RANKING }) => Promise<void>;
};

let pagefindPromise: Promise<PagefindApi<Fragment>> | undefined;
function loadPagefind(): Promise<PagefindApi<Fragment>> {
  pagefindPromise ??= (async () => {
    const [module, parts] = await Promise.all([
      import(/* @vite-ignore */ PAGEFIND_URL) as Promise<PagefindModule>,
      fetch(PARTS_URL).then(async (response) => (response.ok ? ((await response.json()) as { parts?: unknown }).parts : []), () => []),
    ]);
    await module.options?.({ ranking: RANKING });
    await module.init?.();
    // Only the catalog's own part folders are merged: the list is a file of the site, still checked.
    const others = Array.isArray(parts) ? parts.filter((part): part is string => typeof part === 'string' && /^\/pagefind-\d+\/$/.test(part)) : [];
    await Promise.all(others.map((part) => module.mergeIndex?.(part, { ranking: RANKING })));
    return module;
  })();
  return pagefindPromise;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Only the catalog's own paths become links: a record can never smuggle in another scheme. */
function safeHref(url: string): string | undefined {
  return /^\/servers\/[^/]/.test(url) && !url.startsWith('//') ? url : undefined;
}

function renderResult(hit: Hit): HTMLLIElement {
  const item = element('li', 'search-result');
  const heading = element('p', 'search-result-title');
  const href = safeHref(hit.url);
  if (href) {
    const link = element('a', undefined, hit.title);
    link.href = href;
    heading.append(link);
  } else heading.append(hit.title);
  item.append(heading);
  const facts = element('p', 'search-result-facts');
  facts.append(element('span', 'search-result-server', hit.kind === 'tool' ? `on ${hit.server}` : 'server'));
  if (hit.category) facts.append(element('span', `badge category-${hit.category.replace(/[^A-Za-z]/g, '')}`, hit.category));
  if (hit.risk) facts.append(element('span', `badge risk-${hit.risk.replace(/[^A-Za-z]/g, '')}`, `${hit.risk} risk`));
  item.append(facts);
  const excerpt = element('p', 'search-result-excerpt');
  for (const part of hit.excerpt) excerpt.append(part.mark ? element('mark', undefined, part.text) : document.createTextNode(part.text));
  item.append(excerpt);
  return item;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * What the live region says. Pagefind counts server records; tools are known only for the records
 * read so far, so until every matching record is read the count is a lower bound and says so.
 */
export function describeCount(results: number, servers: number, complete: boolean, state: SearchState): string {
  const what = state.query.trim() ? `for “${state.query.trim()}”` : 'for the chosen filters';
  if (complete) return `${plural(results, 'result', 'results')} on ${plural(servers, 'server', 'servers')} ${what}`;
  return `At least ${plural(results, 'result', 'results')} on ${plural(servers, 'matching server', 'matching servers')} ${what}`;
}

/** One search's results as they are read: the records Pagefind ranked, how many were read, and the hits. */
type Session = {
  records: Array<RankedResult<Fragment>>;
  state: SearchState;
  terms: string[];
  read: number;
  hits: Hit[];
  /** Servers with at least one hit among the records read. */
  servers: Set<string>;
  shown: number;
};

/** Reads the next batch of records and merges their hits into those not shown yet. */
async function readBatch(session: Session): Promise<void> {
  const batch = session.records.slice(session.read, session.read + RECORD_BATCH);
  const fragments = await Promise.all(
    batch.map(async (record) => {
      // One after the other: without a worker Pagefind hands back one shared object per record.
      const copies: Fragment[] = [];
      for (const found of record.found) {
        const data = await found.data();
        copies.push({ ...data, weighted_locations: [...data.weighted_locations] });
      }
      return copies;
    }),
  );
  const fresh = fragments.flatMap((copies, index) => hitsOfRecord(copies, session.terms, session.state.filters, session.read + index));
  for (const hit of fresh) session.servers.add(hit.serverUrl);
  session.read += batch.length;
  session.hits = [...session.hits.slice(0, session.shown), ...[...session.hits.slice(session.shown), ...fresh].sort(compareHits)];
}

/** Reads records until `wanted` hits are waiting to be shown (full-coverage ones first), or `limit` records were read. */
async function readUntil(session: Session, wanted: number, limit: number): Promise<void> {
  const waiting = () => session.hits.length - session.shown;
  const complete = () => session.hits.slice(session.shown).filter((hit) => hit.covered >= session.terms.length).length;
  while (session.read < session.records.length && session.read < limit && (waiting() < wanted || complete() < wanted)) await readBatch(session);
}

export function mountSearch(root: HTMLElement): void {
  const form = root.querySelector('form') as HTMLFormElement;
  const input = form.querySelector('input[name="q"]') as HTMLInputElement;
  const status = root.querySelector('[role="status"]') as HTMLElement;
  const list = root.querySelector('ol') as HTMLOListElement;
  const more = root.querySelector('button.search-more') as HTMLButtonElement;
  const selects = new Map(FILTERS.map((filter) => [filter.key, form.querySelector(`select[name="${filter.param}"]`) as HTMLSelectElement]));

  let generation = 0;
  let session: Session | undefined;
  // Typing adds one history entry per burst: the first search after another kind of change pushes,
  // the following keystrokes replace it, so Back returns to the search before, not to each letter.
  let lastChange: 'typing' | 'other' = 'other';

  const readForm = (): SearchState => {
    const filters: Record<string, string> = {};
    for (const [key, select] of selects) if (select.value) filters[key] = select.value;
    return { query: input.value, filters };
  };
  const writeForm = (state: SearchState) => {
    input.value = state.query;
    for (const [key, select] of selects) select.value = state.filters[key] ?? '';
  };

  const showMore = async (mine: number) => {
    const current = session;
    if (!current) return;
    const state = current.state;
    await readUntil(current, PAGE_SIZE, current.shown === 0 ? FIRST_RECORDS : current.read + FIRST_RECORDS);
    if (mine !== generation) return;
    const page = current.hits.slice(current.shown, current.shown + PAGE_SIZE);
    for (const hit of page) list.append(renderResult(hit));
    current.shown += page.length;
    const complete = current.read >= current.records.length;
    more.hidden = complete && current.shown >= current.hits.length;
    status.textContent =
      current.hits.length > 0
        ? describeCount(current.hits.length, complete ? current.servers.size : current.records.length, complete, state)
        : complete
          ? `No results for “${state.query.trim() || 'the chosen filters'}”`
          : describeCount(0, current.records.length, false, state);
  };

  const search = async (state: SearchState) => {
    const mine = ++generation;
    root.dataset['state'] = 'searching';
    if (!state.query.trim() && Object.keys(state.filters).length === 0) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = '';
      root.dataset['state'] = 'idle';
      delete root.dataset['searchedFor'];
      return;
    }
    const outcome = await runQuery(await loadPagefind(), state.query, state.filters);
    if (mine !== generation) return;
    session = { records: outcome.results, terms: outcome.terms, state, read: 0, hits: [], servers: new Set(), shown: 0 };
    const rendered = list.childElementCount;
    await showMore(mine);
    if (mine !== generation) return;
    // The old list goes only once the new results are ready, so the page never flashes empty.
    for (let index = 0; index < rendered; index += 1) list.firstElementChild?.remove();
    root.dataset['state'] = 'done';
    root.dataset['searchedFor'] = urlForState(state);
  };

  const commit = (kind: 'typing' | 'other') => {
    const state = readForm();
    const url = `${location.pathname}${urlForState(state)}`;
    if (url !== `${location.pathname}${location.search}`) {
      if (kind === 'typing' && lastChange === 'typing') history.replaceState(null, '', url);
      else history.pushState(null, '', url);
    }
    lastChange = kind;
    void search(state);
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => commit('typing'), DEBOUNCE_MS);
  });
  input.addEventListener('focus', () => void loadPagefind(), { once: true });
  for (const select of selects.values()) select.addEventListener('change', () => commit('other'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    commit('other');
  });
  more.addEventListener('click', () => {
    const mine = generation;
    more.disabled = true;
    void showMore(mine).finally(() => {
      if (mine === generation) more.disabled = false;
    });
  });
  window.addEventListener('popstate', () => {
    const state = stateFromUrl(location.search);
    writeForm(state);
    lastChange = 'other';
    void search(state);
  });

  const initial = stateFromUrl(location.search);
  writeForm(initial);
  void search(initial);
}
