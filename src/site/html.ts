// An auto-escaping `html` tagged template: the page renderers (src/site/render/*) build whole page
// bodies as one string with it instead of rendering dozens of Astro components per page. Every
// interpolated value is escaped unless it is itself the result of `html`; a value interpolated
// right after `href="` or `src="` must also be a URL the site may link to, else it becomes "#".
// The .astro pages pass the result to `set:html`, so this file is the escaping boundary for them.

/** Markup that `html` produced (or a constant of this codebase): interpolated as is. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What may be interpolated: text (escaped), markup, numbers, lists of those; nothing for null, undefined and false. */
export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/g;
const HAS_SPECIAL = /[&<>"']/;

/** Text as HTML text or a quoted attribute value: the same five characters Astro escapes. */
export function escapeHtml(text: string): string {
  return HAS_SPECIAL.test(text) ? text.replace(SPECIAL, (char) => ESCAPES[char] as string) : text;
}

/**
 * Links a page may carry: http(s) URLs, site paths (not protocol-relative `//`) and fragments.
 * Page models make links only from validated parts (links.ts); this is the last line.
 */
const SAFE_URL = /^(?:https?:\/\/|\/(?!\/)|#)/i;
const URL_ATTRIBUTE = /\s(?:href|src|action|formaction|xlink:href)="$/i;

function append(value: HtmlValue, inUrl: boolean): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (value instanceof Html) return value.value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (inUrl && !SAFE_URL.test(value.trim())) return '#';
    return escapeHtml(value);
  }
  let out = '';
  for (const item of value) out += append(item, inUrl);
  return out;
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] as string;
  for (let index = 0; index < values.length; index += 1) {
    const before = strings[index] as string;
    out += append(values[index] as HtmlValue, URL_ATTRIBUTE.test(before));
    out += strings[index + 1] as string;
  }
  return new Html(out);
}

/** Markup for a list: each item rendered by `render`, nothing between them. */
export function each<T>(items: readonly T[], render: (item: T, index: number) => Html): Html {
  let out = '';
  for (let index = 0; index < items.length; index += 1) out += render(items[index] as T, index).value;
  return new Html(out);
}
