// Where each policy format goes and how its gateway or client loads it, one short paragraph each,
// shown under every snippet. Only what the format's own documentation says (sources in
// docs/policies.md, "Setting a policy up"); `code` spans are marked with backticks.

export const POLICY_SETUP = {
  // policylayer.com/docs/writing-policies: a policy is one JSON document attached to grants on a
  // server; the builder's Raw JSON view takes a pasted policy, and is the only place for all_tools.
  hostedJson:
    "In PolicyLayer's dashboard, open the policy attached to the server's grants, switch the builder to Raw JSON and paste this; `all_tools` limits can only be set there.",
  // PolicyLayer/Intercept USAGE.md (proxy, validate, MCP client integration, hot reload) and its
  // npm/package.json (package @policylayer/intercept, binary `intercept`).
  interceptYaml:
    'Save it as `policy.yaml`, check it with `intercept validate -c policy.yaml` (npm package `@policylayer/intercept`), and start the server through Intercept: `intercept -c policy.yaml -- <server command>`, or `--upstream <url>` for a remote server. In `.mcp.json`, make `intercept` the server\'s `command` with those arguments; edits to the file apply without a restart.',
  // code.claude.com/docs/en/settings (the settings files and who they affect) and /permissions (the
  // `/permissions` view lists every rule with the settings file it is sourced from).
  claudeSettings:
    'Merge these lists into `permissions` in `.claude/settings.json` (this project, shared), `.claude/settings.local.json` (this project, only you) or `~/.claude/settings.json` (every project); `/permissions` lists the rules in force and the file each comes from.',
} as const;

/** Text with `code` spans, as alternating plain and code parts (plain first). */
export function codeSpans(text: string): { text: string; code: boolean }[] {
  return text
    .split('`')
    .map((part, index) => ({ text: part, code: index % 2 === 1 }))
    .filter((part) => part.text.length > 0);
}
