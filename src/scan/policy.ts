// One policy for a whole setup, from the per-server generator (src/policy: same decisions, same
// schema validation). Servers are named by the user's config keys, as clients name their tools
// (`mcp__<key>__<tool>`). Where the setup as a whole supplies private data, untrusted content and an
// outward channel, every server's outward channels get the triangle row, as one server doing all
// three would: the agent is one, whichever server each leg comes from.
import { describeLimits, explainServer, policyForServer, SERVER_CALL_LIMIT, suggestClaudeServerName, type ServerPolicy, type ToolDecision } from '../policy';
import { claudeServerName } from '../policy/names';
import { renderClaude } from '../policy/render';
import type { Classification, McpTool } from '../schema';
import type { ServerDocument } from '../site/export';
import type { ScanPolicy } from './types';

/** One server of the setup the policy covers. */
export interface PolicyMember {
  /** How the policy names it: the config key (with its project, when the same key is used twice). */
  label: string;
  /** The config key as written: Claude Code's server segment. */
  key: string;
  document: ServerDocument;
}

/** The server segment of Claude Code rules for a config key, and a note when Claude Code would not take it as is. */
function claudeName(key: string): { name: string; note?: string } {
  try {
    return { name: claudeServerName(key) };
  } catch {
    const name = suggestClaudeServerName(key);
    return { name, note: `The config key ${JSON.stringify(key)} cannot be a Claude Code server name as it is (it would contain "__" or start or end with "_"); its rules use "${name}".` };
  }
}

export function memberPolicy(member: PolicyMember, setupTriangle: boolean): { policy: ServerPolicy; note?: string } {
  const verdicts = new Map<string, Classification>(member.document.tools.map((tool) => [tool.definition.name, tool.classification]));
  const { name, note } = claudeName(member.key);
  const policy = policyForServer(
    { id: member.document.id, displayName: member.document.displayName, tools: member.document.tools },
    (definition: McpTool) => verdicts.get(definition.name) as Classification,
    { claudeServerName: name, exfiltrationTriangle: setupTriangle || member.document.classification?.exfiltrationTriangle === true },
  );
  return note !== undefined ? { policy, note } : { policy };
}

/**
 * Notes of a server's own policy that the setup's words replace: the Claude Code name (the config key
 * is the real one here) and the triangle (said once for the whole setup, which may be what completes it).
 */
const SETUP_NOTES = ['Claude Code rules name the server', 'This server reads private data and untrusted content'];

/** The three formats over every member, and the words: per server, and what the setup changes. */
export function combinedPolicy(members: readonly PolicyMember[], setupTriangle: boolean, crossServer: boolean): { policy: ScanPolicy; decisions: Map<string, ToolDecision[]> } {
  const decisions = new Map<string, ToolDecision[]>();
  const hosted: Record<string, unknown> = {};
  const intercept: string[] = [];
  const perServer: string[] = [];
  const files: ScanPolicy['servers'] = [];
  const notes: string[] = [];
  for (const member of members) {
    const { policy, note } = memberPolicy(member, setupTriangle);
    decisions.set(member.label, policy.decisions);
    Object.defineProperty(hosted, member.label, { value: policy.hostedJson.object, enumerable: true, configurable: true, writable: true });
    files.push({ key: member.label, server: member.document.id, hostedJson: policy.hostedJson.text, interceptYaml: policy.interceptYaml.text });
    intercept.push(`# Server ${JSON.stringify(member.label)}: ${JSON.stringify(member.document.displayName)} (catalog server ${member.document.id})\n${policy.interceptYaml.text}`);
    const own = policy.server.notes.filter((line) => !SETUP_NOTES.some((prefix) => line.startsWith(prefix)));
    const counts = explainServer(policy.decisions, { ...policy.server, notes: [] }).split('\n')[0];
    perServer.push(`- ${JSON.stringify(member.label)} (${member.document.displayName}): ${[counts, ...own].join(' ')}`);
    if (note !== undefined) notes.push(note);
  }
  const claude = renderClaude([...decisions.values()].flat());
  const lines = [
    `Combined policy for ${members.length} server${members.length === 1 ? '' : 's'} of this setup, from the same decision table as each server's own policy. Each server is also limited to ${describeLimits([SERVER_CALL_LIMIT])} across its tools.`,
    ...(setupTriangle
      ? [
          crossServer
            ? 'The setup reads private data, takes in untrusted content and can send data out, spread over several servers: every outward-channel tool gets the exfiltration-triangle limit (10 calls an hour, a person approves in Claude Code), as on one server that does all three. A single server\'s own policy cannot know this.'
            : 'A server of this setup reads private data, takes in untrusted content and can send data out: every outward-channel tool of the setup gets the exfiltration-triangle limit (10 calls an hour, a person approves in Claude Code).',
        ]
      : []),
    'Hosted JSON: one policy per server, keyed by your config key; paste each into the policy of that server\'s grants.',
    'Intercept YAML: one document per server (between "---" lines); Intercept wraps one server per proxy and reads one document a file, so use each server\'s own file (offered beside it) and start that server with `intercept -c <file> -- <command>`.',
    'Claude Code: the rules name each server by its config key, as Claude Code names its tools (mcp__<key>__<tool>); merge the lists into `permissions` of your settings. A tool not listed asks a person each time.',
    ...notes,
    'Per server:',
    ...perServer,
  ];
  return {
    decisions,
    policy: {
      hostedJson: `${JSON.stringify(hosted, null, 2)}\n`,
      interceptYaml: intercept.join('---\n'),
      claudeSettings: claude.text,
      explanation: `${lines.join('\n')}\n`,
      setupTriangle,
      servers: files,
    },
  };
}
