// Splits tool names into lower-case word tokens (with where each starts) and cuts a description's
// opening; runs once per tool, so every rule reads the same tokens.

export interface Token {
  /** Lower-case word. */
  word: string;
  /** The word as written in the name. */
  text: string;
  /** Offset of `text` in the name. */
  start: number;
}

const WORD = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g;

/**
 * `CloneContainerToECR` → clone container to ecr; `github.create_issue` → github create issue;
 * `acr_registry_list` → acr registry list; `lol-champion-analysis` → lol champion analysis.
 */
export function tokenizeName(name: string): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(name); m !== null; m = WORD.exec(name)) {
    tokens.push({ word: m[0].toLowerCase(), text: m[0], start: m.index });
  }
  return tokens;
}

const SIMPLE_NAME = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

/** Normalises a parameter name for matching: `resourceGroup`, `resource-group` → `resource_group`. */
export function normaliseParameterName(name: string): string {
  if (SIMPLE_NAME.test(name)) return name;
  return tokenizeName(name)
    .map((token) => token.word)
    .join('_');
}

/**
 * Where the part of a name that says what the tool does begins: after the last namespace separator
 * (`github.create_issue`, `mcp__github__list_issues`, `server/tool`, `ns:tool`).
 */
export function actionStart(name: string): number {
  let start = 0;
  for (const separator of ['.', '__', '/', ':']) {
    const at = name.lastIndexOf(separator);
    if (at >= 0 && at + separator.length < name.length) start = Math.max(start, at + separator.length);
  }
  return start;
}
