// Compiles the verb classes once: every inflected form a description may use ("creates", "deleting")
// maps back to its base verb and class, and name tokens joined like `createorupdate` are split.
import { nounLikeVerbs, verbClasses, type VerbClass } from './rules/verbs';

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
