// Where the MCP clients keep their server configs, for `mcp-risk-catalog scan` with no file named.
// A pure function of platform, home, environment and working folder, so every platform's answer is
// tested on any machine. Paths from each client's documentation:
//   Claude Desktop  macOS ~/Library/Application Support/Claude/claude_desktop_config.json,
//                   Windows %APPDATA%\Claude\claude_desktop_config.json; there is no official Linux
//                   build, the community builds read $XDG_CONFIG_HOME/Claude/ (~/.config/Claude/).
//   Claude Code     ~/.claude.json (user and per-project "local" servers), ./.mcp.json (project).
//   Cursor          ~/.cursor/mcp.json (global), ./.cursor/mcp.json (project).
//   VS Code         ./.vscode/mcp.json (workspace); the user mcp.json in the profile folder: macOS
//                   ~/Library/Application Support/Code/User/, Windows %APPDATA%\Code\User\, Linux
//                   $XDG_CONFIG_HOME/Code/User/ (and "Code - Insiders" beside it).
//   Windsurf        ~/.codeium/windsurf/mcp_config.json (%USERPROFILE%\.codeium\… on Windows).
import path from 'node:path';

export type ScanPlatform = 'linux' | 'darwin' | 'win32';

export type ClientName = 'claude-desktop' | 'claude-code' | 'cursor' | 'vscode' | 'windsurf';

export type ConfigLocation = {
  client: ClientName;
  /** `user`: the person's own config in their home; `project`: a file in the working folder. */
  scope: 'user' | 'project';
  path: string;
};

export type LocationContext = {
  platform: ScanPlatform;
  home: string;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
};

/** The platform's own path rules, so a Windows answer is made with backslashes on Linux too. */
const pathsOf = (platform: ScanPlatform) => (platform === 'win32' ? path.win32 : path.posix);

/** The folder a platform keeps application settings in (roaming AppData, Application Support, XDG). */
function appConfigDir(context: LocationContext): string {
  const { join } = pathsOf(context.platform);
  if (context.platform === 'win32') return context.env['APPDATA'] || join(context.home, 'AppData', 'Roaming');
  if (context.platform === 'darwin') return join(context.home, 'Library', 'Application Support');
  const xdg = context.env['XDG_CONFIG_HOME'];
  // The XDG spec ignores a relative value.
  return xdg && xdg.startsWith('/') ? xdg : join(context.home, '.config');
}

/**
 * Every usual config location of the five clients, user files first, in a fixed order; none is checked
 * for existence. Run from the home folder, Cursor's project file is its global one: it is listed once.
 */
export function defaultConfigLocations(context: LocationContext): ConfigLocation[] {
  const { join } = pathsOf(context.platform);
  const appDir = appConfigDir(context);
  const user = (client: ClientName, file: string): ConfigLocation => ({ client, scope: 'user', path: file });
  const project = (client: ClientName, ...parts: string[]): ConfigLocation => ({ client, scope: 'project', path: join(context.cwd, ...parts) });
  const all = [
    user('claude-desktop', join(appDir, 'Claude', 'claude_desktop_config.json')),
    user('claude-code', join(context.home, '.claude.json')),
    user('cursor', join(context.home, '.cursor', 'mcp.json')),
    user('vscode', join(appDir, 'Code', 'User', 'mcp.json')),
    user('vscode', join(appDir, 'Code - Insiders', 'User', 'mcp.json')),
    user('windsurf', join(context.home, '.codeium', 'windsurf', 'mcp_config.json')),
    project('claude-code', '.mcp.json'),
    project('cursor', '.cursor', 'mcp.json'),
    project('vscode', '.vscode', 'mcp.json'),
  ];
  return all.filter((location, index) => all.findIndex((other) => other.path === location.path) === index);
}
