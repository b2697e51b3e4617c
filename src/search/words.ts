// Splits identifiers into the words a person would type, so `ECR` or `container` finds
// `CloneContainerToECR`. Shares the classifier's tokenizer: one notion of "a word of a name".
import { tokenizeName } from '../classify/tokenize';

/**
 * `CloneContainerToECR` → "clone container to ecr", `github.create_issue` → "github create issue",
 * `get-s3Object_v2` → "get s 3 object v 2". Empty when the name has no ASCII letters or digits.
 */
export function nameWords(name: string): string {
  return tokenizeName(name)
    .map((token) => token.word)
    .join(' ');
}
