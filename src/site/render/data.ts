// The computed parts of the data page and the sources page (src/content/method/data.mdx, sources.mdx):
// the dataset's version, the downloads with the sizes this build wrote, the accuracy `npm run eval`
// measured (data/eval-report.json), and each open dataset with its license and how many servers it gave.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { datasetById } from '../../import/datasets';
import { sourceTitle } from '../provenance';
import { serverSummaries } from '../catalog';
import { dataPageModel, evaluationRows, hintEvaluationRows } from '../data-page';
import { each, html, type Html } from '../html';

let model: ReturnType<typeof dataPageModel> | undefined;
const data = () => (model ??= dataPageModel());

export function datasetFacts(): Html {
  const { dataset } = data();
  return html`<dl class="facts"><dt>Newest collection</dt><dd>${dataset.newest} <span class="muted">(records collected from ${dataset.oldest} on)</span></dd><dt>Version</dt><dd>catalog ${
    dataset.packageVersion ?? 'version unknown'
  }, data <code>${dataset.dataHash}</code> <div class="muted">the package version of the catalog's code, and a sha256 of every server file of the dataset (16 hex digits): it changes exactly when the data does</div></dd></dl>`;
}

export function downloadList(): Html {
  return html`<ul class="downloads">${each(
    data().downloads,
    (item) => html`<li><a href="${item.href}">${item.file}</a> <span class="muted" data-bytes="${item.bytes === undefined ? '' : String(item.bytes)}">(${item.size})</span>: ${item.what}</li>`,
  )}<li>Per server: <code>/servers/&lt;id&gt;.json</code>, and its policies as <code>policy.json</code>, <code>policy.yaml</code> and <code>claude-settings.json</code> beside its page (the same per tool)</li><li><a href="/changes.xml">Atom feed</a> of tool changes · <a href="/llms.txt">llms.txt</a> · <a href="/sitemap.xml">sitemap.xml</a></li></ul>`;
}

const rowsTable = (headers: readonly string[], rows: ReadonlyArray<{ group: string; cells: string[] }>): Html =>
  html`<div class="table-wrap"><table class="evaluation"><thead><tr>${each(headers, (header) => html`<th scope="col">${header}</th>`)}</tr></thead><tbody>${each(
    rows,
    (row) => html`<tr class="${row.group}">${each(row.cells, (cell, index) => (index === 0 ? html`<th scope="row">${cell}</th>` : html`<td>${cell}</td>`))}</tr>`,
  )}</tbody></table></div>`;

/** The accuracy of category and destructive label against declared hints, or why there is none. */
export function accuracyTable(): Html {
  const { report, problem } = data().evaluation;
  if (!report) return html`<p class="muted">${problem}</p>`;
  return html`<p>Scored against the ${report.labelledTools.toLocaleString('en-US')} tools of the dataset whose authors declared <code>readOnlyHint</code> or <code>destructiveHint</code>.</p>${rowsTable(
    ['Tools of', 'Read-only n', 'Accuracy', 'Destructive n', 'Precision', 'Recall', 'F1', 'F1, category only'],
    evaluationRows(report),
  )}`;
}

/** The inferred hints against declared ones, with the agreement ceiling beside each figure. */
export function hintAccuracyTable(): Html {
  const { report } = data().evaluation;
  if (!report) return html``;
  return rowsTable(['Tools of', 'readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'], hintEvaluationRows(report));
}

/**
 * Every source of this build's servers, most servers first: its title, and for an open dataset its
 * repository, license and copyright as NOTICE credits them (the NOTICE part below quotes the file).
 */
export function sourcesTable(): Html {
  const counts = new Map<string, number>();
  for (const summary of serverSummaries()) for (const source of new Set(summary.sources)) counts.set(source, (counts.get(source) ?? 0) + 1);
  const rows = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  return html`<div class="table-wrap"><table class="sources"><thead><tr><th scope="col">Source</th><th scope="col">Servers</th><th scope="col">License</th></tr></thead><tbody>${each(rows, ([id, servers]) => {
    const dataset = datasetById(id);
    return html`<tr><td>${dataset ? html`<a href="${`https://github.com/${dataset.repository}`}" rel="nofollow noopener">${dataset.title}</a>` : sourceTitle(id)}<div class="muted"><code>${id}</code>${
      dataset ? html`, read from <code>${dataset.paths}</code>` : ''
    }</div></td><td>${servers.toLocaleString('en-US')}</td><td>${dataset ? html`${dataset.license}<div class="muted">${dataset.copyright}</div>` : id === 'crawl' ? 'collected by this project' : html`<span class="muted">as NOTICE says</span>`}</td></tr>`;
  })}</tbody></table></div>`;
}

/** The NOTICE file as the build ships it (/NOTICE.txt): the attribution of every source, word for word. */
export function noticeText(): Html {
  return html`<pre class="notice">${readFileSync(path.resolve('NOTICE'), 'utf8')}</pre>`;
}

export const DATA_PARTS = {
  'dataset-facts': datasetFacts,
  downloads: downloadList,
  accuracy: accuracyTable,
  'hint-accuracy': hintAccuracyTable,
  sources: sourcesTable,
  notice: noticeText,
} as const satisfies Record<string, () => Html>;
