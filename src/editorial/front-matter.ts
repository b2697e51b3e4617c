// The one reader of editorial Markdown (reviews under data/reviews/, incident pages under
// src/content/incidents/): gray-matter with YAML only. gray-matter evaluates `---js` (and
// `---coffee`) front matter as code by default; here those engines refuse instead.
import matter from 'gray-matter';

const NOT_YAML = (language: string) => () => {
  throw new Error(`front matter must be YAML, not ${language}`);
};
const MATTER_OPTIONS = { engines: { javascript: NOT_YAML('JavaScript'), js: NOT_YAML('JavaScript'), coffee: NOT_YAML('CoffeeScript'), json: NOT_YAML('JSON') } };

/**
 * A file's front matter and body. Throws when the front matter is not valid YAML (or is not YAML);
 * the error's first line says why. Passing options also keeps gray-matter from caching parses by
 * content, which would hand two files of the same text one shared data object.
 */
export function readFrontMatter(text: string): { data: unknown; content: string } {
  return matter(text, MATTER_OPTIONS);
}
