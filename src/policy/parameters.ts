// Which argument of a tool carries the amount of money a call moves, so a policy can cap it.
// The input schema is crawled text: every step checks its type before trusting it.
import type { McpTool } from '../schema/tool';

/** Words that name an amount of money or units bought. */
const AMOUNT_WORDS = new Set(['amount', 'price', 'cost', 'total', 'sum', 'value', 'fee', 'spend', 'payment', 'quantity', 'qty']);
/** Words that make the parameter a filter, bound or setting rather than what the call moves. */
const NOT_AMOUNT_WORDS = new Set(['min', 'max', 'limit', 'threshold', 'filter', 'currency', 'type', 'id', 'name', 'count', 'page']);
/** Exact names, best first: the one a gateway should cap when a tool has several. */
const PREFERRED = ['amount', 'amount_cents', 'amountCents', 'unit_amount', 'total', 'price', 'value', 'quantity'];

/**
 * Parameter names a policy path can carry unchanged: Intercept reads `args.a.b` as nested `b` inside
 * `a`, so a name with a dot (or anything exotic) cannot be addressed and is never chosen.
 */
export const ADDRESSABLE_PARAMETER = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;

/** A name's words, camelCase and snake_case alike (`apiKey`, `api_key` -> api, key); also read by src/scan/redact.ts. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

function isNumericSchema(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return false;
  const type = (schema as { type?: unknown }).type;
  if (type === 'number' || type === 'integer') return true;
  return Array.isArray(type) && type.length > 0 && type.every((entry) => entry === 'number' || entry === 'integer' || entry === 'null');
}

/** Whether the schema of a top-level parameter says integer (Intercept adds argument values to counters as whole numbers). */
export function isIntegerParameter(definition: Pick<McpTool, 'inputSchema'>, name: string): boolean {
  const properties = (definition.inputSchema as { properties?: unknown }).properties;
  if (typeof properties !== 'object' || properties === null || !Object.hasOwn(properties, name)) return false;
  const schema = (properties as Record<string, unknown>)[name];
  const type = typeof schema === 'object' && schema !== null ? (schema as { type?: unknown }).type : undefined;
  return type === 'integer' || (Array.isArray(type) && type.includes('integer') && !type.includes('number'));
}

/**
 * The top-level numeric parameter that names an amount (`amount`, `amount_cents`, `unitPrice`...), or
 * undefined. Only numeric parameters qualify: Intercept's `lte` needs a number to compare and its
 * `increment_from` adds the argument's value to a counter.
 */
export function findAmountParameter(definition: Pick<McpTool, 'inputSchema'>): string | undefined {
  const properties = (definition.inputSchema as { properties?: unknown }).properties;
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) return undefined;
  const candidates = Object.keys(properties)
    .filter((name) => ADDRESSABLE_PARAMETER.test(name))
    .filter((name) => isNumericSchema((properties as Record<string, unknown>)[name]))
    .filter((name) => {
      const parts = words(name);
      return parts.some((word) => AMOUNT_WORDS.has(word)) && !parts.some((word) => NOT_AMOUNT_WORDS.has(word));
    });
  if (candidates.length === 0) return undefined;
  const rank = (name: string) => {
    const index = PREFERRED.indexOf(name);
    return index < 0 ? PREFERRED.length : index;
  };
  return [...candidates].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))[0];
}
