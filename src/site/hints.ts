// What the author declares beside what the catalog infers, hint by hint, for the tool page's table and
// the server page's summary. The author's values follow the author's own convention; the inferred ones
// follow the MCP spec's wording (src/classify/hints.ts), so a disagreement is said, not hidden.
import { HINT_NAMES, SPEC_DEFAULTS, type HintName } from '../classify/hints';
import type { Classification, HintEvidence, McpTool } from '../schema';

export interface HintRow {
  hint: HintName;
  /** The author's value, or undefined when the tool does not declare it. */
  declared: boolean | undefined;
  /** The catalog's value; null when the text cannot tell, or the spec gives the hint no meaning here. */
  inferred: boolean | null;
  /** Why the inferred value is null: the tool is read-only (the hint means nothing), or nothing says. */
  inferredNote: 'read-only' | 'unknown' | undefined;
  /** `agree`, `disagree`, or `-` when either side has no value. */
  agreement: 'agree' | 'disagree' | '-';
  evidence: readonly HintEvidence[];
}

/** The spec's defaults, the value a client assumes for a hint nobody gives. */
export const HINT_DEFAULTS = SPEC_DEFAULTS;

export function hintRows(annotations: McpTool['annotations'], inferred: Classification['inferredAnnotations']): HintRow[] {
  return HINT_NAMES.map((hint) => {
    const raw = annotations?.[hint];
    const declared = typeof raw === 'boolean' ? raw : undefined;
    const value = inferred[hint].value;
    const inferredNote = value !== null ? undefined : hint !== 'readOnlyHint' && hint !== 'openWorldHint' && inferred.readOnlyHint.value === true ? 'read-only' : 'unknown';
    return {
      hint,
      declared,
      inferred: value,
      inferredNote,
      agreement: declared === undefined || value === null ? '-' : declared === value ? 'agree' : 'disagree',
      evidence: inferred[hint].evidence,
    };
  });
}

/** A server's tools, counted: how many declare no hint at all, and what is inferred for all of them. */
export interface ServerHintSummary {
  tools: number;
  /** Tools that declare none of the four hints. */
  declareNone: number;
  /** Per hint: how many tools are inferred true, false and not at all. */
  inferred: Record<HintName, { true: number; false: number; none: number }>;
  /** Tools with at least one hint declared and inferred differently. */
  disagree: number;
}

export function serverHintSummary(tools: ReadonlyArray<{ definition: McpTool }>, verdicts: readonly Classification[]): ServerHintSummary {
  const inferred = Object.fromEntries(HINT_NAMES.map((hint) => [hint, { true: 0, false: 0, none: 0 }])) as ServerHintSummary['inferred'];
  let declareNone = 0;
  let disagree = 0;
  tools.forEach((tool, index) => {
    const verdict = verdicts[index];
    if (!verdict) return;
    const rows = hintRows(tool.definition.annotations, verdict.inferredAnnotations);
    if (rows.every((row) => row.declared === undefined)) declareNone++;
    if (rows.some((row) => row.agreement === 'disagree')) disagree++;
    for (const row of rows) inferred[row.hint][row.inferred === null ? 'none' : row.inferred ? 'true' : 'false']++;
  });
  return { tools: tools.length, declareNone, inferred, disagree };
}
