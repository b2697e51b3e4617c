// Compiles the verb classes once: every inflected form a description may use ("creates", "deleting")
// maps back to its base verb and class, and name tokens joined like `createorupdate` are split.
import { nounLikeVerbs, verbClasses, type VerbClass } from './rules/verbs';
import { tokenizeName } from './tokenize';

/** The class each base verb belongs to; the first class that lists a verb wins. */
export const classOfVerb: ReadonlyMap<string, VerbClass> = (() => {
  const map = new Map<string, VerbClass>();
  for (const verbClass of verbClasses) for (const verb of verbClass.verbs) if (!map.has(verb)) map.set(verb, verbClass);
  return map;
})();

function inflections(verb: string): string[] {
  const forms = [verb, `${verb}s`, `${verb}ing`];
  if (/(?:s|x|z|ch|sh|o)$/.test(verb)) forms.push(`${verb}es`);
  if (/[^aeiou]y$/.test(verb)) forms.push(`${verb.slice(0, -1)}ies`);
  if (verb.endsWith('e') && !verb.endsWith('ee')) forms.push(`${verb.slice(0, -1)}ing`);
  if (/^[^aeiou]*[aeiou][bdgklmnprt]$/.test(verb)) forms.push(`${verb}${verb.slice(-1)}ing`);
  return forms;
}

/** Generated forms that are other words ("news" is not "new" + s). */
const NOT_VERB_FORMS = new Set(['news', 'tips', 'likes', 'bookings', 'listings', 'settings', 'findings', 'savings', 'holdings', 'warnings', 'meetings', 'readings', 'buildings', 'earnings', 'postings']);

/** Inflected form → base verb, for reading descriptions. */
export const baseOfForm: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const verb of classOfVerb.keys()) for (const form of inflections(verb)) if (!map.has(form) && !NOT_VERB_FORMS.has(form)) map.set(form, verb);
  return map;
})();

export function isNounLike(verb: string): boolean {
  return nounLikeVerbs.has(verb);
}

/** Splits `createorupdate` into create, or, update when both halves are verbs; else undefined. */
export function splitJoinedVerbs(word: string): [string, string, string] | undefined {
  for (const joiner of ['or', 'and']) {
    let at = word.indexOf(joiner, 2);
    while (at > 0) {
      const left = word.slice(0, at);
      const right = word.slice(at + joiner.length);
      if (classOfVerb.has(left) && classOfVerb.has(right)) return [left, joiner, right];
      at = word.indexOf(joiner, at + 1);
    }
  }
  return undefined;
}

/** Verb classes whose compounds always name an operation, wherever they stand: a policy never lets a delete or a payment through as a noun. */
const ALWAYS_OPERATIONS = new Set(['destroy', 'execute', 'financial', 'interrupt', 'overwrite']);

/**
 * Whether one value of an operation enum names an operation. A verb-led compound among values that
 * mostly name things (`issues`, `projects`, `users`, `create_metadata`) names a thing too (the
 * metadata for creating); a bare verb (`delete`) always names one, and so does any compound of a
 * verb that deletes, overwrites, interrupts, runs or pays (`remove.all`).
 */
export function isOperationValue(value: string, values: readonly string[]): boolean {
  const words = tokenizeName(value);
  const verbClass = classOfVerb.get(words[0]?.word ?? '');
  if (verbClass === undefined) return false;
  if (words.length === 1 || ALWAYS_OPERATIONS.has(verbClass.id)) return true;
  let verbLed = 0;
  for (const candidate of values) if (classOfVerb.has(tokenizeName(candidate)[0]?.word ?? '')) verbLed++;
  return verbLed * 2 >= values.length;
}
