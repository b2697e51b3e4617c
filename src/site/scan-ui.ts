// The /scan/ page's script (bundled by Vite from the page's <script>, so the CSP's script-src 'self'
// holds): read a pasted or dropped config, fetch /scan/lookup.json and only the matched servers'
// /servers/<id>.json, build the report with the shared core (src/scan), render it, offer the
// downloads, and keep the sanitised entries in the URL fragment. Nothing is sent anywhere else.
// First: zod must be jitless before any schema is created (see zod-jitless.ts).
import './zod-jitless';
import { parseClientConfig } from '../scan/config';
import { decodeFragment, encodeFragment, FRAGMENT_PREFIX } from '../scan/fragment';
import { buildScanReport, neededServers, reportJson } from '../scan/report';
import type { ParsedConfig } from '../scan/types';
import { ScanLookup } from '../schema/scan';
import type { ServerDocument } from './export';
import { configProblems, SCAN_DOWNLOADS, scanReportBody, serverFileId } from './render/scan';

/** Server documents fetched at once at most: a config lists a handful, a big one should not flood the host. */
const PARALLEL = 6;

let lookup: Promise<ScanLookup> | undefined;
function loadLookup(): Promise<ScanLookup> {
  lookup ??= fetch('/scan/lookup.json').then((response) => {
    if (!response.ok) throw new Error(`the catalog's lookup file answered ${response.status}`);
    return response.json().then((json: unknown) => {
      const parsed = ScanLookup.safeParse(json);
      if (!parsed.success) throw new Error("the catalog's lookup file is not in the expected shape");
      return parsed.data;
    });
  });
  lookup.catch(() => (lookup = undefined));
  return lookup;
}

/** The documents of these ids; one that cannot be had is left out (the report says so for its entry). */
async function loadServers(ids: readonly string[]): Promise<Map<string, ServerDocument>> {
  const out = new Map<string, ServerDocument>();
  const queue = [...ids];
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      try {
        const response = await fetch(`/servers/${encodeURIComponent(id)}.json`);
        if (response.ok) out.set(id, (await response.json()) as ServerDocument);
      } catch {
        // Left out: the entry reads "could not be loaded".
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, ids.length) }, worker));
  return out;
}

function save(text: string, file: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function mountScan(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('form.scan-form');
  const textarea = root.querySelector<HTMLTextAreaElement>('#scan-config');
  const fileInput = root.querySelector<HTMLInputElement>('#scan-file');
  const drop = root.querySelector<HTMLElement>('.scan-drop');
  const status = root.querySelector<HTMLElement>('.scan-status');
  const output = root.querySelector<HTMLElement>('.scan-report');
  const example = root.querySelector<HTMLButtonElement>('.scan-example');
  const exampleText = root.querySelector<HTMLTemplateElement>('#scan-example-config');
  if (!form || !textarea || !fileInput || !drop || !status || !output) return;
  let fileName: string | undefined;
  /** The texts the download and copy buttons give, by the id they name: exactly what the report holds. */
  const texts = new Map<string, string>();

  const say = (message: string) => {
    status.textContent = message;
  };

  const run = async (config: ParsedConfig, fromLink: boolean) => {
    root.dataset['state'] = 'scanning';
    const fatal = config.entries.length === 0;
    if (fatal) {
      output.innerHTML = configProblems(config.errors, true).value;
      texts.clear();
      // A link to an earlier scan would no longer match what the page shows.
      if (!fromLink && location.hash.startsWith(FRAGMENT_PREFIX)) history.replaceState(null, '', `${location.pathname}${location.search}`);
      say(config.errors.length > 0 ? `The config cannot be read: line ${config.errors[0]?.line}, column ${config.errors[0]?.column}: ${config.errors[0]?.message}.` : 'No servers in the config.');
      root.dataset['state'] = 'error';
      return;
    }
    say(`Matching ${config.entries.length} server${config.entries.length === 1 ? '' : 's'} against the catalog…`);
    try {
      const table = await loadLookup();
      const servers = await loadServers(neededServers(config, table));
      const report = buildScanReport(config, table, servers);
      texts.clear();
      texts.set('scan-report-json', reportJson(report));
      for (const format of SCAN_DOWNLOADS) if (report.policy) texts.set(`scan-code-${format.id}`, report.policy[format.id]);
      report.policy?.servers.forEach((server, index) => {
        texts.set(serverFileId(index, 'hostedJson'), server.hostedJson);
        texts.set(serverFileId(index, 'interceptYaml'), server.interceptYaml);
      });
      output.innerHTML = scanReportBody(report).value;
      if (!fromLink) history.replaceState(null, '', `${location.pathname}${location.search}${encodeFragment(config)}`);
      const { totals } = report;
      say(`${fromLink ? 'Loaded from the link: ' : ''}${totals.entries} servers, ${totals.matched} matched, ${report.pathCount} cross-server path${report.pathCount === 1 ? '' : 's'}.`);
      root.dataset['state'] = 'done';
      output.focus({ preventScroll: true });
      output.scrollIntoView({ block: 'start' });
    } catch (error) {
      say(`The scan failed: ${(error as Error).message}. Nothing was sent anywhere; try again.`);
      root.dataset['state'] = 'error';
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(parseClientConfig(textarea.value, fileName), false);
  });

  const readFile = async (file: File) => {
    fileName = file.name;
    textarea.value = await file.text();
    void run(parseClientConfig(textarea.value, fileName), false);
  };
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (file) void readFile(file);
  });
  textarea.addEventListener('input', () => (fileName = undefined));
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('dragging');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('dragging');
    const file = event.dataTransfer?.files[0];
    if (file) void readFile(file);
  });
  if (example && exampleText) {
    example.hidden = false;
    example.addEventListener('click', () => {
      fileName = 'claude_desktop_config.json';
      textarea.value = exampleText.content.textContent?.trim() ?? '';
      textarea.focus();
    });
  }

  output.addEventListener('click', async (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-copy], button[data-download]');
    if (!button) return;
    const text = texts.get(button.dataset['copy'] ?? button.dataset['download'] ?? '');
    if (text === undefined) return;
    if (button.dataset['download'] !== undefined) {
      save(text, button.dataset['file'] ?? 'download.txt', button.dataset['type'] ?? 'text/plain');
      say(`Saved ${button.dataset['file']}.`);
      return;
    }
    try {
      await navigator.clipboard.writeText(text);
      say('Copied to the clipboard.');
    } catch {
      say('The browser refused the clipboard: open the file below and copy it by hand.');
    }
  });

  const fromFragment = () => {
    if (!location.hash.startsWith(FRAGMENT_PREFIX)) return;
    const decoded = decodeFragment(location.hash);
    if ('error' in decoded) {
      say(decoded.error);
      root.dataset['state'] = 'error';
      return;
    }
    fileName = decoded.config.file;
    void run(decoded.config, true);
  };
  window.addEventListener('hashchange', fromFragment);
  fromFragment();
  root.dataset['ready'] = 'true';
}
