// Generated API wrappers: a tool whose description (or name) is an HTTP method and a path
// (`POST /warranties`, `Make a GET request to …`, `invoicesInvoiceIdPatch`). The method says what a
// call does; the nouns of the path do not (a POST to `/transactions/{id}/tags` adds tags, it moves no money).
import type { Conclusion, Rule, RuleHints } from '../types';

interface Method {
  id: string;
  methods: readonly string[];
  concludes: Conclusion;
  also: readonly Conclusion[];
  /** What the method means for the spec's hints (RFC 9110: PUT and DELETE are idempotent, POST is not). */
  hints?: RuleHints;
  explanation: string;
}

const METHODS: readonly Method[] = [
  { id: 'read', methods: ['get', 'head'], concludes: 'category:Read', also: ['qualifier:http-method'], explanation: 'GET or HEAD, which reads' },
  { id: 'create', methods: ['post'], concludes: 'category:Write', also: ['qualifier:http-method'], hints: { destructive: false, idempotent: false }, explanation: 'POST, which creates (unless the description says the call only reads, as search endpoints that take a body do)' },
  { id: 'overwrite', methods: ['put', 'patch'], concludes: 'category:Write', also: ['qualifier:http-method', 'qualifier:overwrite'], hints: { destructive: true }, explanation: 'PUT or PATCH, which overwrites the resource in place' },
  { id: 'delete', methods: ['delete'], concludes: 'category:Destructive', also: ['qualifier:http-method', 'qualifier:overwrite'], hints: { destructive: true, idempotent: true }, explanation: 'DELETE, which deletes the resource' },
];

const capital = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * `GET /api/v1/users`, `post /warranties` at the start of the description, or "Make a PATCH request
 * to …" / "Performs an HTTP DELETE request" in its opening.
 */
function descriptionPattern(methods: readonly string[]): RegExp {
  const any = methods.join('|');
  return new RegExp(`^\\s*(?:${any})\\s+\\/|\\b(?:make|makes|making|send|sends|perform|performs|execute|executes|issue|issues)\\s+(?:an?\\s+)?(?:http\\s+)?(?:${any})\\s+(?:http\\s+)?requests?\\b`, 'i');
}

/**
 * An operation id generated from a method and a path: `postTransactionsTransactionIdRelationshipsTags`
 * (the method first, a path parameter `Id` after it), `invoicesInvoiceIdPatch` (the method last),
 * `get_api_v1_users`, `API-patch-page`. A plain `post_message` or `getUser` is not this shape.
 */
function namePattern(methods: readonly string[]): RegExp {
  const lower = methods.join('|');
  const upper = methods.map(capital).join('|');
  return new RegExp(
    `^(?:${lower})(?:[A-Z][a-z0-9]*)*?I[dD](?:[A-Z][a-z0-9]*)*$|^[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)*?I[dD](?:${upper})$|^(?:${lower})_(?:api_)?v[0-9]+_|^API-(?:${lower})-`,
  );
}

export const httpRules: readonly Rule[] = METHODS.flatMap((method): Rule[] => [
  {
    id: `description.http.${method.id}`,
    match: { kind: 'phrase', anchors: method.methods, pattern: descriptionPattern(method.methods) },
    concludes: method.concludes,
    also: method.also,
    ...(method.hints ? { hints: method.hints } : {}),
    weight: 3,
    explanation: `The description is an HTTP request (a generated API wrapper), and its method is ${method.explanation}.`,
  },
  {
    id: `name.http.${method.id}`,
    match: { kind: 'name-pattern', pattern: namePattern(method.methods) },
    concludes: method.concludes,
    also: method.also,
    ...(method.hints ? { hints: method.hints } : {}),
    weight: 3,
    explanation: `The name is an operation id generated from an HTTP method and a path, and its method is ${method.explanation}.`,
  },
]);
