// What a hostile payload would leave in markup had escaping failed: an element it wrote, an event
// handler, a link or source that is not an http(s) URL, a site path or a fragment, or the corpus's
// own markers (tests/fixtures/hostile/corpus.ts) inside a tag.

/** Elements no page body or search record of ours contains; a payload's favourites. */
const FORBIDDEN_ELEMENTS = ['script', 'img', 'image', 'iframe', 'frame', 'style', 'textarea', 'noscript', 'object', 'embed', 'form', 'input', 'base', 'meta', 'link', 'title', 'math', 'template'];
const SAFE_LINK = /^(?:https?:\/\/|\/(?!\/)|#)/;
const ATTRIBUTE = /\s([^\s=>"'/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
const LINK_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster']);

/** Every unsafe thing in `html`, described; an empty list when the markup is ours alone. `allow` names elements the context has of its own. */
export function unsafeMarkup(html: string, allow: readonly string[] = []): string[] {
  const forbidden = new Set(FORBIDDEN_ELEMENTS.filter((element) => !allow.includes(element)));
  const problems: string[] = [];
  for (const [tag, name = '', attributes = ''] of html.matchAll(/<([A-Za-z][A-Za-z0-9-]*)([^>]*)>/g)) {
    if (forbidden.has(name.toLowerCase())) problems.push(`element ${tag.slice(0, 80)}`);
    for (const [, attribute = '', ...values] of attributes.matchAll(ATTRIBUTE)) {
      const key = attribute.toLowerCase();
      const value = values.find((v) => v !== undefined) ?? '';
      if (key.startsWith('on')) problems.push(`event handler ${tag.slice(0, 80)}`);
      if (key === 'id' && /^pwned$/i.test(value)) problems.push(`injected element ${tag.slice(0, 80)}`);
      if (LINK_ATTRIBUTES.has(key) && !SAFE_LINK.test(value)) problems.push(`link ${value.slice(0, 80)}`);
    }
  }
  return problems;
}
