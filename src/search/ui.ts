// The search page's client: reads the form, runs the query module against Pagefind's JS API, keeps
// the search in the address, and renders results as DOM nodes (text only: records are hostile text).
import { excerptParts } from './excerpt';
import { runQuery, type PagefindApi, type RankedResult } from './query';
import { FILTERS, stateFromUrl, urlForState, type SearchState } from './url-state';

type ResultData = { url: string; excerpt: string; meta: Record<string, string | undefined> };

/** Results rendered per page and per "load more". */
export const PAGE_SIZE = 10;
/** Wait this long after the last keystroke before searching. */
const DEBOUNCE_MS = 100;
const PAGEFIND_URL = '/pagefind/pagefind.js';

let pagefindPromise: Promise<PagefindApi<ResultData>> | undefined;
function loadPagefind(): Promise<PagefindApi<ResultData>> {
  pagefindPromise ??= import(/* @vite-ignore */ PAGEFIND_URL).then(async (module: PagefindApi<ResultData> & { init?: () => Promise<void> }) => {
    await module.init?.();
    return module;
  });
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

function renderResult(data: ResultData): HTMLLIElement {
  const item = element('li', 'search-result');
  const heading = element('p', 'search-result-title');
  const href = safeHref(data.url);
  const title = data.meta['title'] ?? data.url;
  if (href) {
    const link = element('a', undefined, title);
    link.href = href;
    heading.append(link);
  } else heading.append(title);
  item.append(heading);
  const facts = element('p', 'search-result-facts');
  const server = data.meta['server'];
  if (data.meta['type'] === 'tool' && server) facts.append(element('span', 'search-result-server', `on ${server}`));
  else facts.append(element('span', 'search-result-server', 'server'));
  const category = data.meta['category'];
  const risk = data.meta['risk'];
  if (category) facts.append(element('span', `badge category-${category.replace(/[^A-Za-z]/g, '')}`, category));
  if (risk) facts.append(element('span', `badge risk-${risk.replace(/[^A-Za-z]/g, '')}`, `${risk} risk`));
  item.append(facts);
  const excerpt = element('p', 'search-result-excerpt');
  for (const part of excerptParts(data.excerpt)) excerpt.append(part.mark ? element('mark', undefined, part.text) : document.createTextNode(part.text));
  item.append(excerpt);
  return item;
}

function describe(count: number, state: SearchState): string {
  const results = `${count} ${count === 1 ? 'result' : 'results'}`;
  return state.query.trim() ? `${results} for “${state.query.trim()}”` : `${results} for the chosen filters`;
}

export function mountSearch(root: HTMLElement): void {
  const form = root.querySelector('form') as HTMLFormElement;
  const input = form.querySelector('input[name="q"]') as HTMLInputElement;
  const status = root.querySelector('[role="status"]') as HTMLElement;
  const list = root.querySelector('ol') as HTMLOListElement;
  const more = root.querySelector('button.search-more') as HTMLButtonElement;
  const selects = new Map(FILTERS.map((filter) => [filter.key, form.querySelector(`select[name="${filter.param}"]`) as HTMLSelectElement]));

  let generation = 0;
  let shown: Array<RankedResult<ResultData>> = [];
  let offset = 0;
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
    const page = shown.slice(offset, offset + PAGE_SIZE);
    const data = await Promise.all(page.map((result) => result.data()));
    if (mine !== generation) return;
    for (const entry of data) list.append(renderResult(entry));
    offset += page.length;
    more.hidden = offset >= shown.length;
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
    shown = outcome.results;
    offset = 0;
    list.replaceChildren();
    await showMore(mine);
    if (mine !== generation) return;
    status.textContent = shown.length > 0 ? describe(shown.length, state) : `No results for “${state.query.trim() || 'the chosen filters'}”`;
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
  more.addEventListener('click', () => void showMore(generation));
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
