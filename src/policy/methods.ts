// Tools that choose what they do by one argument (`issue_write` with `method: create | update`,
// `label_write` with `method: create | update | delete`): finding that argument, and reading each of
// its values the way the classifier reads a tool name, so a policy can deny the destructive methods by
// argument instead of hiding the whole tool. The input schema is crawled text: every step checks it.
import { classifyTool, tokenizeName } from '../classify';
import { classOfVerb, isNounLike, isOperationValue } from '../classify/lexicon';
import type { Classification } from '../schema/classification';
import type { McpTool } from '../schema/tool';
import { ADDRESSABLE_PARAMETER } from './parameters';

/** Argument names that select an operation, best first when a tool has several. */
export const METHOD_PARAMETER_NAMES = ['method', 'action', 'operation', 'op', 'command', 'mode'] as const;

/**
 * Past these, an enum is not a list of methods a page or a policy can spell out (and a value that
 * long is not a method name): the tool keeps its whole-tool decision.
 */
export const METHOD_LIMITS = { values: 40, valueLength: 100 } as const;

export interface MethodParameter {
  /** The argument's exact name (addressable as `args.<name>` in every format). */
  parameter: string;
  /** Its enum values, distinct, in the author's order. */
  values: string[];
  required: boolean;
}

type Verdict = Pick<Classification, 'category' | 'risk' | 'labels' | 'insufficientInformation'>;

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * The top-level string enum with 2+ values whose name says it selects an operation, or undefined.
 * Values must be well-formed text within METHOD_LIMITS: a policy has to write each one exactly.
 */
export function findMethodParameter(definition: Pick<McpTool, 'inputSchema'>): MethodParameter | undefined {
  const schema = record(definition.inputSchema);
  const properties = record(schema?.properties);
  if (!properties) return undefined;
  const byLowerName = new Map<string, string>();
  for (const name of Object.keys(properties)) {
    if (ADDRESSABLE_PARAMETER.test(name) && !byLowerName.has(name.toLowerCase())) byLowerName.set(name.toLowerCase(), name);
  }
  for (const wanted of METHOD_PARAMETER_NAMES) {
    const name = byLowerName.get(wanted);
    if (name === undefined) continue;
    const property = record(properties[name]);
    const type = property?.type;
    if (!property || (type !== undefined && type !== 'string')) continue;
    const values = property.enum;
    if (!Array.isArray(values) || !values.every((value): value is string => typeof value === 'string')) continue;
    const distinct = [...new Set(values)];
    if (distinct.length < 2 || distinct.length > METHOD_LIMITS.values) continue;
    if (!distinct.every((value) => value.length > 0 && value.length <= METHOD_LIMITS.valueLength && value.isWellFormed())) continue;
    const required = Array.isArray(schema?.required) && schema.required.includes(name);
    return { parameter: name, values: distinct, required };
  }
  return undefined;
}

/**
 * What the classifier makes of one method: a definition named after the method plus the tool's own
 * nouns (`label_write` + `delete` → `delete_label`; verbs the tool name uses for every method, like
 * `write`, are left out), with the tool's other parameters and no description or annotations, which
 * speak for all methods at once.
 */
export function methodDefinition(definition: Pick<McpTool, 'name' | 'inputSchema'>, method: MethodParameter, value: string): McpTool {
  const own = tokenizeName(value).map((token) => token.word);
  const properties = { ...record(record(definition.inputSchema)?.properties) };
  delete properties[method.parameter];
  // A verb-led value among values that name things (`create_metadata` beside `issues`, `users`) is a
  // thing too, as the classifier reads it (isOperationValue): the tool's own name says what is done with it.
  if (classOfVerb.has(own[0] ?? '') && !isOperationValue(value, method.values)) {
    return { name: [...tokenizeName(definition.name).map((token) => token.word), ...own].join('_'), inputSchema: { type: 'object', properties } };
  }
  const nouns = tokenizeName(definition.name)
    .map((token) => token.word)
    .filter((word) => !own.includes(word) && (!classOfVerb.has(word) || isNounLike(word)));
  return { name: [...own, ...nouns].join('_') || 'method', inputSchema: { type: 'object', properties } };
}

/** The tool's name alone reads as Destructive (`delete_file` with `mode: soft | hard`): its methods are ways to destroy, never a way around it. */
export function nameIsDestructive(definition: Pick<McpTool, 'name'>): boolean {
  return classifyTool({ name: definition.name, inputSchema: { type: 'object' } }).category === 'Destructive';
}

/**
 * The verdict for one method: the classifier's category and risk for its synthetic definition, with
 * the whole tool's capability labels (credentials, outward channel...) kept, except `destructive`,
 * which the per-method verdicts replace.
 */
export function classifyMethod(definition: Pick<McpTool, 'name' | 'inputSchema'>, tool: Verdict, method: MethodParameter, value: string): Verdict {
  const verdict = classifyTool(methodDefinition(definition, method, value));
  const labels = [...new Set([...verdict.labels, ...tool.labels.filter((label) => label !== 'destructive')])].sort();
  return { category: verdict.category, risk: verdict.risk, labels, insufficientInformation: verdict.insufficientInformation };
}
