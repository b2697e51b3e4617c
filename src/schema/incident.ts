// The front matter of an attack-database page (src/content/incidents/<slug>.md): what happened, who
// wrote it up, what it abuses, which catalog tools meet its precondition and what policy contains it.
// Read by the content collection (src/content.config.ts), by src/editorial/incidents.ts and by tests.
import { z } from 'zod';
import { CapabilityLabel, Category } from './classification';
import { HttpUrl } from './server';

/** A calendar date. YAML turns an unquoted `2025-04-01` into a Date; both spellings are accepted. */
export const IsoDate = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'),
);

/** One public write-up, advisory or record the page rests on. */
export const IncidentSource = z.strictObject({
  /** The source's own title. */
  title: z.string().min(1),
  /** Who published it: the company, project, advisory database or author. */
  publisher: z.string().min(1),
  url: HttpUrl,
  /** When it was published (for an advisory: its publication date). */
  date: IsoDate,
  /** CVE and GitHub advisory ids the source carries, where there are any. */
  ids: z.array(z.string().regex(/^(?:CVE-\d{4}-\d{4,}|GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})$/, 'a CVE-YYYY-NNNN or GHSA-xxxx-xxxx-xxxx id')).default([]),
});
export type IncidentSource = z.infer<typeof IncidentSource>;

/** A dated event of the incident: disclosed, published, fixed, taken down. */
export const IncidentDate = z.strictObject({
  date: IsoDate,
  /** What happened that day, in a few words. */
  event: z.string().min(1),
});

/**
 * One way a tool can meet the precondition: every condition given must hold for the tool. Labels,
 * categories and findings are the classifier's own (src/schema/classification.ts); `server` conditions
 * are read from the tool's server (the exfiltration triangle of src/classify/classify-server.ts).
 */
export const PreconditionClause = z
  .strictObject({
    /** The tool has every one of these capability labels. */
    labels: z.array(CapabilityLabel).optional(),
    /** The tool has at least one of these capability labels. */
    anyLabels: z.array(CapabilityLabel).min(1).optional(),
    /** The tool's category is one of these. */
    categories: z.array(Category).min(1).optional(),
    /** The tool has a finding of one of these rule ids (`poison.*`, `annotation.*`). */
    findings: z.array(z.string().regex(/^(?:poison|annotation)\.[a-z-]+$/, 'a finding rule id such as poison.secret-path')).min(1).optional(),
    /** The tool takes a parameter of one of these names (compared lower-cased). */
    parameters: z.array(z.string().min(1)).min(1).optional(),
    /** The tool's description changed after it was first collected (a rug pull's trace). */
    descriptionChanged: z.literal(true).optional(),
    /** Its server has all three sides of the exfiltration triangle. */
    serverTriangle: z.literal(true).optional(),
    /** Its server has every one of these labels among its tools. */
    serverLabels: z.array(CapabilityLabel).min(1).optional(),
    /** Its server is reachable at a remote (HTTP) endpoint. */
    remote: z.literal(true).optional(),
  })
  .refine((clause) => Object.keys(clause).length > 0, 'a clause needs at least one condition');
export type PreconditionClause = z.infer<typeof PreconditionClause>;

/** The policy concepts of docs/policies.md: what a gateway does with a call. */
export const PolicyStep = z.strictObject({
  action: z.enum(['deny', 'require-approval', 'constrain-arguments', 'pin-definition', 'rate-limit']),
  /** Which tools or arguments it applies to, in the catalog's words. */
  applies: z.string().min(1),
  /** Why it stops or contains the attack. */
  why: z.string().min(1),
});

export const IncidentFrontMatter = z.strictObject({
  title: z.string().min(1),
  /** A few words for the one-line links of tool and server pages (their budget is tight). */
  short: z.string().min(1).max(40),
  /** `incident`: one thing that happened (or was disclosed) to named software; `attack-class`: a technique shown on many. */
  kind: z.enum(['incident', 'attack-class']),
  /** The dates a reader needs, oldest first; the first is the one the index sorts and shows. */
  dates: z.array(IncidentDate).min(1),
  /** One or two sentences for the index and the page's description. */
  summary: z.string().min(1).max(400),
  sources: z.array(IncidentSource).min(1, 'at least one public source'),
  /** The capability labels and categories the attack abuses (drawn as badges). */
  abuses: z.strictObject({ labels: z.array(CapabilityLabel), categories: z.array(Category) }),
  /** A tool meets the precondition when any clause holds; a server meets it when one of its tools does. */
  precondition: z.strictObject({
    /** The precondition in one sentence, as the page shows it. */
    description: z.string().min(1),
    anyOf: z.array(PreconditionClause).min(1),
  }),
  /** The policy pattern that would have stopped or contained it. */
  policy: z.array(PolicyStep).min(1),
  /** Classifier rule ids whose firing detects the precondition (each has a page at /rules/<id>/). */
  rules: z.array(z.string().regex(/^[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+$/, 'a rule id such as label.outward-channel.verb')),
});
export type IncidentFrontMatter = z.infer<typeof IncidentFrontMatter>;
