// What the classifier says about a tool and a server. Computed at build time from the stored
// definitions (never stored in data/), shared by the classifier, the policy generator and the site.
import { z } from 'zod';

/** The taxonomy of ../docs/taxonomy.md, most severe last but one: Financial and Destructive are the most severe. */
export const Category = z.enum(['Read', 'Write', 'Execute', 'Destructive', 'Financial', 'Other']);
export type Category = z.infer<typeof Category>;

export const RiskClass = z.enum(['Low', 'Medium', 'High', 'Critical']);
export type RiskClass = z.infer<typeof RiskClass>;

/** Capabilities that matter in combination (the exfiltration triangle: private data + untrusted content + outward channel). */
export const CapabilityLabel = z.enum([
  'private-data',
  'untrusted-content',
  'outward-channel',
  'destructive',
  'code-execution',
  'credentials',
]);
export type CapabilityLabel = z.infer<typeof CapabilityLabel>;

/** Which part of the tool a rule read: `name`, `title`, `description`, `parameter:<name>`, `annotation:<hint>`. */
export const EvidenceField = z.string().regex(/^(name|title|description|parameter:.+|annotation:.+|schema|outputSchema)$/);

/** One rule that fired, with the exact text it matched, so every verdict can explain itself. */
export const Evidence = z.strictObject({
  /** Rule id, e.g. `name.verb.delete`. */
  rule: z.string().min(1),
  field: EvidenceField,
  /** The exact text the rule matched (untrusted: escape it when shown). */
  match: z.string(),
  /**
   * What the rule concludes: `category:<Category>`, `label:<CapabilityLabel>`, `qualifier:read-only` |
   * `qualifier:overwrite` | `qualifier:irreversible` | `qualifier:advice`, `risk:+1`, or `label:-destructive` (an author's
   * additive claim withdrawing the label); several joined by ` + ` when one match concludes more than
   * one thing (`category:Write + qualifier:overwrite`).
   */
  concludes: z.string().min(1),
  weight: z.number(),
  /** One sentence the site shows. */
  explanation: z.string().min(1),
});
export type Evidence = z.infer<typeof Evidence>;

/** One rule an inferred hint rests on: its id, where it read and what it matched (untrusted text). */
export const HintEvidence = z.strictObject({
  rule: z.string().min(1),
  field: EvidenceField,
  match: z.string(),
});
export type HintEvidence = z.infer<typeof HintEvidence>;

/** One inferred hint and the rules that decided it. */
export const InferredHint = z.strictObject({
  /**
   * The value the spec's wording gives for what the tool's text says; null when it cannot be told, or,
   * for destructiveHint and idempotentHint, when readOnlyHint is true (the spec gives them meaning only
   * when it is false). A client then falls back to the spec's default.
   */
  value: z.boolean().nullable(),
  /** The rules that decided the value (empty when it is null). */
  evidence: z.array(HintEvidence),
});
export type InferredHint = z.infer<typeof InferredHint>;

/**
 * The MCP spec's ToolAnnotations hints as the catalog infers them from the tool's own text (never from
 * its declared annotations), so they can be set beside what the author declared. They follow the spec
 * literally, unlike the category: a plain update is category Write but destructiveHint true.
 */
export const InferredAnnotations = z.strictObject({
  /** True: the tool does not modify its environment (category Read). */
  readOnlyHint: InferredHint,
  /** True: a call may perform a non-additive update (overwrite, update in place, delete, stop, revoke, run, pay); false: only additive ones. */
  destructiveHint: InferredHint,
  /** True: repeating a call with the same arguments has no additional effect (set, delete, stop); false: each call adds or acts again. */
  idempotentHint: InferredHint,
  /** True: the tool reaches an open world of external entities (the web, mail, other people); false: a closed domain. */
  openWorldHint: InferredHint,
});
export type InferredAnnotations = z.infer<typeof InferredAnnotations>;

export const Severity = z.enum(['low', 'medium', 'high', 'critical']);
export type Severity = z.infer<typeof Severity>;

/** A tool-poisoning or annotation finding: hidden instructions, secret paths, invisible Unicode, contradicting hints. */
export const Finding = z.strictObject({
  rule: z.string().min(1),
  severity: Severity,
  field: EvidenceField,
  /** The matched span (untrusted text) and where it starts in the field. */
  match: z.string(),
  start: z.number().int().nonnegative().optional(),
  message: z.string().min(1),
});
export type Finding = z.infer<typeof Finding>;

export const Classification = z.strictObject({
  category: Category,
  risk: RiskClass,
  /** 0..1: how strongly the evidence supports the category. */
  confidence: z.number().min(0).max(1),
  /** True when the name and description say too little to decide (category Other says why). */
  insufficientInformation: z.boolean(),
  /** One or two sentences built from the rules that fired: it leads with `decidedBy.category[0]`. */
  summary: z.string().min(1),
  evidence: z.array(Evidence),
  /**
   * Which evidence the verdict rests on, as rule ids of `evidence` (most decisive first), so the summary,
   * the FAQ and the page cite the same reasons: `category`, what decided the category (empty for Other);
   * `risk`, every reason the risk is above its category's default (empty when it is the default).
   * Evidence for any other category was overruled by `category[0]`.
   */
  decidedBy: z.strictObject({ category: z.array(z.string().min(1)), risk: z.array(z.string().min(1)) }),
  labels: z.array(CapabilityLabel),
  findings: z.array(Finding),
  /** The spec's four behaviour hints inferred from the text, each with its evidence (src/classify/hints.ts). */
  inferredAnnotations: InferredAnnotations,
});
export type Classification = z.infer<typeof Classification>;

export const ServerClassification = z.strictObject({
  toolCount: z.number().int().nonnegative(),
  byCategory: z.record(Category, z.number().int().nonnegative()),
  byRisk: z.record(RiskClass, z.number().int().nonnegative()),
  /** The most severe risk class among the server's tools. */
  risk: RiskClass,
  labels: z.array(CapabilityLabel),
  /** Private data + untrusted content + an outward channel on one server. */
  exfiltrationTriangle: z.boolean(),
  /** Tool names that supply each side of the triangle (empty when the side is missing). */
  triangle: z.strictObject({
    privateData: z.array(z.string()),
    untrustedContent: z.array(z.string()),
    outwardChannel: z.array(z.string()),
  }),
  findingCount: z.number().int().nonnegative(),
});
export type ServerClassification = z.infer<typeof ServerClassification>;
