// Recommended gateway policies for a tool and for a server, in the three formats people paste:
// the hosted JSON policy, Intercept YAML and Claude Code permissions. The site's snippets and its
// downloads (/servers/<id>/policy.json, .yaml, claude-settings.json) both call these functions.
import type { CapabilityLabel, Classification } from '../schema/classification';
import type { ClaudeSettings, HostedPolicy, InterceptPolicy } from '../schema/policy';
import type { Server } from '../schema/server';
import type { McpTool } from '../schema/tool';
import { describeLimits, explainDecision } from './explain';
import { claudeServerName, suggestClaudeServerName } from './names';
import { quotedList, recommendToolPolicy, type ToolDecision } from './recommend';
import { claudeLists, renderClaude, renderHosted, renderIntercept, type Rendered } from './render';
import { SERVER_CALL_LIMIT, SERVER_CALL_LIMIT_REASON, type CallLimit } from './table';

export { explainDecision, describeLimits, rowReasons } from './explain';
export { recommendToolPolicy } from './recommend';
export type { AmountCap, ClaudePlan, HostedPlan, InterceptPlan, MethodPlan, MethodVerdict, ToolDecision } from './recommend';
export { findMethodParameter } from './methods';
export { DECISION_TABLE, AMOUNT_CAP, SERVER_CALL_LIMIT, SERVER_CALL_LIMIT_REASON } from './table';
export type { Access, CallLimit, TableRow } from './table';
export { findAmountParameter } from './parameters';
export { claudeRule, claudeSegment, suggestClaudeServerName } from './names';
export type { Rendered } from './render';

export interface PolicyFormats {
  hostedJson: Rendered<HostedPolicy>;
  interceptYaml: Rendered<InterceptPolicy>;
  claudeSettings: Rendered<ClaudeSettings>;
}

export interface PolicyOptions {
  /**
   * Whether the server supplies private data, untrusted content and an outward channel. A server
   * policy works this out from its tools' labels; a tool's page passes the server's
   * ServerClassification.exfiltrationTriangle so the tool's snippet equals its server-policy entry.
   */
  exfiltrationTriangle?: boolean;
  /**
   * The server's name as configured in Claude Code (`claude mcp add <name> ...`). Defaults to a slug
   * of the server's display name, which the explanation tells people to replace with their own.
   */
  claudeServerName?: string;
}

export interface ToolPolicy extends PolicyFormats {
  decision: ToolDecision;
  explanation: string;
}

/** Where a server policy cannot say everything its tools' decisions say, and why. */
export interface ServerDecision {
  serverLimit: CallLimit;
  /** Private data + untrusted content + an outward channel among the server's tools. */
  exfiltrationTriangle: boolean;
  /** False when a tool is literally named "*": Intercept would read its `"*"` section as that tool's. */
  interceptServerLimit: boolean;
  claudeServerName: string;
  /** Claude Code rules shared by several tools, with the list the rule ended up in. */
  claudeSharedRules: { rule: string; tools: string[]; list: 'allow' | 'ask' | 'deny' }[];
  notes: string[];
}

export interface ServerPolicy extends PolicyFormats {
  decisions: ToolDecision[];
  server: ServerDecision;
  explanation: string;
}

function resolveServerName(displayName: string, options: PolicyOptions): string {
  return options.claudeServerName !== undefined ? claudeServerName(options.claudeServerName) : suggestClaudeServerName(displayName);
}

/**
 * The policy for one tool: the same renderers as a server's, over this tool alone, so a tool's
 * snippet is exactly its entry in the server policy (`default: deny`: the file allows nothing else).
 */
export function policyForTool(
  definition: Pick<McpTool, 'name' | 'inputSchema'>,
  classification: Pick<Classification, 'category' | 'risk' | 'labels' | 'insufficientInformation'>,
  options: PolicyOptions & { serverDisplayName?: string } = {},
): ToolPolicy {
  const serverName = resolveServerName(options.serverDisplayName ?? 'server', options);
  const decision = recommendToolPolicy(definition, classification, {
    claudeServerName: serverName,
    exfiltrationTriangle: options.exfiltrationTriangle === true,
  });
  const scope = { description: 'Recommended policy for one tool (MCP Risk Catalog); every other tool is denied.', interceptServerLimit: false };
  return {
    decision,
    explanation: explainDecision(decision),
    hostedJson: renderHosted([decision], scope),
    interceptYaml: renderIntercept([decision], scope),
    claudeSettings: renderClaude([decision]),
  };
}

/**
 * One policy covering every tool of a server: `default: deny`, every tool listed as its
 * recommendation says, hidden tools in `hide`, and a server-wide rate limit.
 * `classify` is the classifier's `classifyTool` (or anything returning a Classification).
 */
export function policyForServer(
  server: Pick<Server, 'id' | 'displayName' | 'tools'>,
  classify: (definition: McpTool) => Pick<Classification, 'category' | 'risk' | 'labels' | 'insufficientInformation'>,
  options: PolicyOptions = {},
): ServerPolicy {
  const serverName = resolveServerName(server.displayName, options);
  const classified = server.tools.map((tool) => ({ definition: tool.definition, classification: classify(tool.definition) }));
  const hasLabel = (label: CapabilityLabel) => classified.some(({ classification }) => classification.labels.includes(label));
  const exfiltrationTriangle =
    options.exfiltrationTriangle ?? (hasLabel('private-data') && hasLabel('untrusted-content') && hasLabel('outward-channel'));
  const decisions = classified.map(({ definition, classification }) =>
    recommendToolPolicy(definition, classification, { claudeServerName: serverName, exfiltrationTriangle }),
  );
  const interceptServerLimit = !decisions.some((decision) => decision.tool === '*');
  const notes: string[] = [];
  if (exfiltrationTriangle) {
    notes.push(
      'This server reads private data and untrusted content and can send data out: its outward-channel tools are limited further and need a person\'s approval where the client can ask.',
    );
  }
  if (!interceptServerLimit) {
    notes.push(
      'A tool of this server is named "*", which Intercept reads as "every tool": the Intercept policy leaves out the server-wide limit so that this tool stays blocked by default: deny.',
    );
  }
  const split = decisions.filter((decision) => decision.methods?.split);
  if (split.length > 0) {
    notes.push(
      `${split.length === 1 ? '1 tool chooses' : `${split.length} tools choose`} what they do by an argument and ${split.length === 1 ? 'is' : 'are'} allowed except for ${split.length === 1 ? 'its' : 'their'} destructive methods, which are denied by argument: ${split
        .map((decision) => `${JSON.stringify(decision.tool)} (not ${quotedList(decision.methods?.blocked ?? [])})`)
        .join(', ')}. Claude Code cannot read arguments, so it asks a person for each call of ${split.length === 1 ? 'it' : 'these'}.`,
    );
  }
  const claudeSharedRules = [...claudeLists(decisions)]
    .filter(([, entry]) => entry.tools.length > 1)
    .map(([rule, entry]) => ({ rule, tools: entry.tools, list: entry.list }));
  for (const shared of claudeSharedRules) {
    notes.push(
      `In Claude Code, ${shared.tools.map((tool) => JSON.stringify(tool)).join(' and ')} share the rule ${shared.rule}; it is in permissions.${shared.list}, the strictest of their recommendations.`,
    );
  }
  notes.push(
    `Claude Code rules name the server "${serverName}"; replace it with the name you gave the server in Claude Code. Claude Code has no per-server default: a tool this file does not list asks a person each time.`,
  );
  const scope = {
    description: `Recommended policy for ${server.displayName} (MCP Risk Catalog, server ${server.id})`,
    serverLimit: SERVER_CALL_LIMIT,
    interceptServerLimit,
  };
  const serverDecision: ServerDecision = { serverLimit: SERVER_CALL_LIMIT, exfiltrationTriangle, interceptServerLimit, claudeServerName: serverName, claudeSharedRules, notes };
  return {
    decisions,
    server: serverDecision,
    explanation: explainServer(decisions, serverDecision),
    hostedJson: renderHosted(decisions, scope),
    interceptYaml: renderIntercept(decisions, scope),
    claudeSettings: renderClaude(decisions),
  };
}

/** The server policy in words: counts per verdict, the server-wide limit, and what a format could not say. */
export function explainServer(decisions: readonly ToolDecision[], server: ServerDecision): string {
  const count = (test: (decision: ToolDecision) => boolean) => decisions.filter(test).length;
  const allowed = count((decision) => decision.access === 'allow' && decision.limits.length === 0 && !decision.amountCap && !decision.approval);
  const limited = count((decision) => decision.access === 'allow') - allowed;
  const denied = count((decision) => decision.access === 'deny');
  const hidden = count((decision) => decision.access === 'hide');
  const lines = [
    `${decisions.length} tools: ${allowed} allowed, ${limited} allowed with limits or approval, ${denied} blocked, ${hidden} hidden. Every tool not listed is denied (default: deny).`,
    `Server-wide: at most ${describeLimits([server.serverLimit])} across all tools${server.interceptServerLimit ? '' : ' (not in the Intercept policy; see below)'}. ${SERVER_CALL_LIMIT_REASON}`,
    ...server.notes,
  ];
  return `${lines.join('\n')}\n`;
}

/** The files a policy is offered as, by name; a page's endpoint serves `text` with `contentType`. */
export const POLICY_FILES = {
  'policy.json': { format: 'hostedJson', contentType: 'application/json; charset=utf-8' },
  'policy.yaml': { format: 'interceptYaml', contentType: 'application/yaml; charset=utf-8' },
  'claude-settings.json': { format: 'claudeSettings', contentType: 'application/json; charset=utf-8' },
} as const satisfies Record<string, { format: keyof PolicyFormats; contentType: string }>;
export type PolicyFileName = keyof typeof POLICY_FILES;

/**
 * One download of a tool or server policy (`/servers/<id>/policy.json` and its siblings), from the
 * same object the page's snippet shows, so a download and a snippet can never differ.
 */
export function policyFile(policy: PolicyFormats, file: PolicyFileName): { contentType: string; body: string } {
  const { format, contentType } = POLICY_FILES[file];
  return { contentType, body: policy[format].text };
}
