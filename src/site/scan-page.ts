// What the /scan/ page says before any script runs: the privacy promise, the shapes it reads, and an
// example config to try. The report itself is rendered in the browser (render/scan.ts).

/** Five servers as the modelcontextprotocol/servers READMEs configure them (placeholders, not secrets). */
export const SCAN_EXAMPLE = `{
  "mcpServers": {
    "filesystem": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-filesystem", "/Users/username/Desktop"]
    },
    "fetch": { "command": "uvx", "args": ["mcp-server-fetch"] },
    "brave-search": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-brave-search"],
      "env": { "BRAVE_API_KEY": "YOUR_API_KEY_HERE" }
    },
    "gitlab": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-gitlab"],
      "env": { "GITLAB_PERSONAL_ACCESS_TOKEN": "<YOUR_TOKEN>", "GITLAB_API_URL": "https://gitlab.com/api/v4" }
    },
    "memory": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"] }
  }
}`;

/** The config files the page reads, and where each client keeps its own. */
export const SCAN_SHAPES: ReadonlyArray<{ client: string; file: string }> = [
  { client: 'Claude Desktop', file: 'claude_desktop_config.json' },
  { client: 'Claude Code', file: '.mcp.json or ~/.claude.json' },
  { client: 'Cursor', file: '.cursor/mcp.json' },
  { client: 'VS Code', file: '.vscode/mcp.json (servers and inputs)' },
  { client: 'Windsurf', file: 'mcp_config.json' },
  { client: 'Any client', file: 'the contents of an mcpServers object' },
];

/** What the page promises about the config, and what a test holds it to. */
export const SCAN_PRIVACY = [
  'Nothing leaves your browser: the config is read here, and the page fetches only the catalog\'s own files (its lookup and the matched servers\' records).',
  'Environment and header values are never read into the report: only their names are kept.',
  'Arguments that look secret (--api-key=…, tokens, passwords in connection strings, query strings of URLs) are shown as [REDACTED], and so is anything redacted in the shared link, which holds only these sanitised entries.',
] as const;
