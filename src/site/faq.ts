// The questions people ask on a tool page, answered from the tool's own facts: its description, its
// classification and the policy decision. Nothing here is a per-category template that could
// contradict the verdict shown above it.
import type { Classification, McpTool } from '../schema';
import { describeLimits, rowReasons, type ToolDecision } from '../policy';
import { CATEGORY_MEANING, RISK_MEANING, RISKS } from './taxonomy';
import { annotationFindings } from './findings';
import { explanations, verdictReasons } from './verdict-reasons';

export type FaqEntry = { question: string; answer: string };

export type ToolFacts = {
  name: string;
  serverName: string;
  description: string | undefined;
  parameters: string;
  /** False when the source publishes only the name and description: the parameters are unknown, not absent. */
  parametersKnown?: boolean;
  classification: Classification;
  decision: ToolDecision;
  /** How many other servers offer a tool of the same name. */
  otherServers: number;
  annotations: McpTool['annotations'];
};

/** The first sentence of the author's description, or undefined when there is none. */
export function firstSentence(text: string | undefined, max = 240): string | undefined {
  const trimmed = text?.trim();
  if (!trimmed) return undefined;
  const match = /^[\s\S]*?[.!?。](?=\s|$)/.exec(trimmed);
  const sentence = (match ? match[0] : trimmed.split('\n')[0] ?? trimmed).replace(/\s+/g, ' ').trim();
  return sentence.length > max ? `${sentence.slice(0, max - 1)}…` : sentence;
}

/**
 * How risky, and why: every reason the risk was raised, the evidence that decided the category, and
 * any evidence for another category named as overruled (all read from decidedBy). A raised risk is
 * not given its class's generic meaning: Medium's "changes state" would contradict a Read tool.
 */
function riskAnswer(verdict: Classification): string {
  const reasons = verdictReasons(verdict);
  const raisedBy = explanations(reasons.risk);
  const base = RISKS[RISKS.indexOf(verdict.risk) - 1];
  const level =
    raisedBy.length > 0 && base
      ? `Risk class ${verdict.risk}, one class above ${base}, the default for ${verdict.category} tools, because: ${raisedBy.join(' ')}`
      : `Risk class ${verdict.risk}: ${RISK_MEANING[verdict.risk]}.`;
  const decided = explanations(reasons.category);
  const overruled = new Map<string, string[]>();
  for (const { item, concluded } of reasons.overruled) overruled.set(concluded, [...new Set([...(overruled.get(concluded) ?? []), item.rule])]);
  const by = verdict.decidedBy.category[0];
  return [
    level,
    verdict.insufficientInformation ? 'Its name and description say too little to be sure; treat it as able to change things until someone reviews it.' : '',
    decided.length > 0 ? `Why ${verdict.category}: ${decided.join(' ')}` : '',
    ...[...overruled].map(([category, rules]) => `Evidence for ${category} (${rules.join(', ')}) was overruled${by ? ` by ${by}` : ''}.`),
    `Confidence ${Math.round(verdict.confidence * 100)}%.`,
  ]
    .filter((part) => part !== '')
    .join(' ');
}

function rateLimitAnswer(facts: ToolFacts): string {
  const { decision } = facts;
  if (decision.access !== 'allow') {
    return `The recommended policy does not rate-limit ${facts.name}: it ${decision.access === 'hide' ? 'hides and blocks' : 'blocks'} it outright. If you decide to allow it, give it a limit in the gateway's own terms (a rate_limit rule in Intercept, a limits entry in the hosted JSON policy).`;
  }
  if (decision.limits.length > 0) {
    return `Yes. The recommended policy allows at most ${describeLimits(decision.limits)}, counted per tool, plus the server-wide limit. Both gateway formats below carry these numbers; Claude Code cannot count calls, so there ${facts.name} is set to ask a person instead.`;
  }
  return `It does not need its own limit: the recommended policy allows it, bounded only by the server-wide limit. You can still add one (e.g. a rate_limit rule in Intercept).`;
}

export function toolFaq(facts: ToolFacts): FaqEntry[] {
  const { classification: verdict, decision } = facts;
  const said = firstSentence(facts.description);
  return [
    {
      question: `What does ${facts.name} do?`,
      answer: `${said ? `Its author describes it as: "${said}" ` : `Its server sends no description for it. `}It is in the ${verdict.category} category: a call ${CATEGORY_MEANING[verdict.category]}. ${
        facts.parametersKnown === false ? 'Its parameters are not known: its source publishes only its name and description.' : `It takes ${facts.parameters}.`
      }`,
    },
    { question: `How risky is ${facts.name}?`, answer: riskAnswer(verdict) },
    {
      question: `Which server provides ${facts.name}?`,
      answer: `${facts.serverName}.${
        facts.otherServers > 0 ? ` ${facts.otherServers} other server${facts.otherServers === 1 ? '' : 's'} offer${facts.otherServers === 1 ? 's' : ''} a tool of the same name; each is classified on its own definition.` : ''
      }`,
    },
    {
      question: `What policy should I put in front of ${facts.name}?`,
      answer: `${
        decision.access === 'hide'
          ? 'Hide it from the agent and block every call.'
          : decision.access === 'deny'
            ? 'Block every call.'
            : decision.limits.length > 0 || decision.amountCap || decision.approval
              ? 'Allow it with limits.'
              : 'Allow it.'
      } ${rowReasons(decision).join(' ')} The snippets below say it in each gateway's format.`,
    },
    { question: `Can I rate-limit ${facts.name}?`, answer: rateLimitAnswer(facts) },
    {
      question: `How do I block ${facts.name}?`,
      answer: `With default: deny, leave it out of the policy's tools; to hide it from the agent too, list it under hide (Intercept and the hosted JSON policy). In Claude Code, add ${decision.claude.rule} to permissions.deny.`,
    },
    { question: `What does the server claim about ${facts.name}?`, answer: annotationAnswer(facts) },
  ];
}

const HINT_WORDS: Array<[keyof NonNullable<ToolFacts['annotations']>, string, string]> = [
  ['readOnlyHint', 'read-only', 'not read-only'],
  ['destructiveHint', 'destructive', 'not destructive'],
  ['idempotentHint', 'idempotent', 'not idempotent'],
  ['openWorldHint', 'reaches an open world', 'closed world'],
];

function annotationAnswer(facts: ToolFacts): string {
  const claims = HINT_WORDS.flatMap(([key, yes, no]) => {
    const value = facts.annotations?.[key];
    return typeof value === 'boolean' ? [value ? yes : no] : [];
  });
  const contradictions = annotationFindings(facts.classification);
  const base =
    claims.length > 0
      ? `Its annotations claim it is ${claims.join(', ')}. Annotations are the author's claims, and the MCP spec tells clients not to decide on them for servers they do not trust; the catalog uses them as evidence only.`
      : 'It declares no annotations, so the MCP defaults apply: it may write, may destroy, and may reach an open world.';
  // The contradictions themselves are listed once, under Findings.
  if (contradictions.length === 0) return base;
  return `${base} Its definition contradicts ${contradictions.length === 1 ? 'a claim' : `${contradictions.length} claims`}: see Findings.`;
}
