// The page for a tool name that two or more servers offer: how many definitions and verdicts the
// servers' tools have, and every one of them. Names on one server get no page (the tool page is it).
import type { ToolRef } from '../catalog';
import { html, type Html } from '../html';
import { toolTable } from './parts';

export function sameNamePage(name: string, refs: readonly ToolRef[]): { title: string; description: string; body: Html } {
  if (refs.length < 2) throw new Error(`the tool name "${name}" is on ${refs.length} server(s): same-name pages are for names on two or more`);
  const definitions = new Set(refs.map((ref) => ref.hash)).size;
  const verdicts = new Set(refs.map((ref) => `${ref.category}/${ref.risk}`)).size;
  return {
    title: `${name} on ${refs.length} servers`,
    description: `Every server in the catalog that offers a tool named ${name}, with each one's verdict.`,
    body: html`<p class="muted"><a href="/tools/">Tool names on several servers</a></p><h1><code>${name}</code> <span class="muted">on ${refs.length} servers</span></h1><p>${
      definitions === 1 ? 'Every server sends the same definition for it.' : `The servers send ${definitions} different definitions for it.`
    }${verdicts === 1 ? ' They all get the same verdict.' : " Verdicts differ because each is made from that server's own definition: read each before you trust the name."}</p>${toolTable(refs)}`,
  };
}
