// How much of an agent's context a server's tool definitions take, counted with a real tokenizer:
// OpenAI's o200k_base BPE from gpt-tokenizer (its ranks ship inside the npm package; it gives the same
// counts as js-tiktoken here, three times faster).
import { countTokens as countO200k } from 'gpt-tokenizer/encoding/o200k_base';
import type { McpTool } from '../schema';

/** The context window the share is quoted against (a common size for current agents' models). */
export const REFERENCE_WINDOW = 200_000;

export function countTokens(text: string): number {
  return countO200k(text);
}

/**
 * What a client puts in the model's context for one tool: its name, description and input schema as
 * a function definition. Clients differ in framing; this is the common core they all send.
 */
export function toolContextText(definition: McpTool): string {
  return JSON.stringify({ name: definition.name, description: definition.description ?? '', input_schema: definition.inputSchema });
}

export type TokenCost = { tokens: number; share: number; perTool: Array<{ name: string; tokens: number }> };

export function tokenCost(definitions: readonly McpTool[]): TokenCost {
  const perTool = definitions.map((definition) => ({ name: definition.name, tokens: countTokens(toolContextText(definition)) }));
  const tokens = perTool.reduce((sum, tool) => sum + tool.tokens, 0);
  return { tokens, share: tokens / REFERENCE_WINDOW, perTool };
}

/** "11,066 tokens, 5.5% of a 200,000-token window". */
export function describeTokenCost(cost: Pick<TokenCost, 'tokens' | 'share'>): string {
  const percent = cost.share * 100;
  const shown = percent >= 10 ? percent.toFixed(0) : percent >= 0.1 ? percent.toFixed(1) : '< 0.1';
  return `${cost.tokens.toLocaleString('en-US')} tokens, ${shown}% of a ${REFERENCE_WINDOW.toLocaleString('en-US')}-token window`;
}
