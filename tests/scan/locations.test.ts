// The default config locations on each platform, as the clients' documentation places them.
import { describe, expect, it } from 'vitest';
import { defaultConfigLocations } from '../../src/scan/locations';

const paths = (locations: ReturnType<typeof defaultConfigLocations>) => locations.map((location) => `${location.client} ${location.scope} ${location.path}`);

describe('defaultConfigLocations', () => {
  it('on Linux: XDG config folder for Claude Desktop and VS Code, dot files in the home, project files in the working folder', () => {
    expect(paths(defaultConfigLocations({ platform: 'linux', home: '/home/ada', env: {}, cwd: '/home/ada/work/app' }))).toEqual([
      'claude-desktop user /home/ada/.config/Claude/claude_desktop_config.json',
      'claude-code user /home/ada/.claude.json',
      'cursor user /home/ada/.cursor/mcp.json',
      'vscode user /home/ada/.config/Code/User/mcp.json',
      'vscode user /home/ada/.config/Code - Insiders/User/mcp.json',
      'windsurf user /home/ada/.codeium/windsurf/mcp_config.json',
      'claude-code project /home/ada/work/app/.mcp.json',
      'cursor project /home/ada/work/app/.cursor/mcp.json',
      'vscode project /home/ada/work/app/.vscode/mcp.json',
    ]);
  });

  it('on Linux follows an absolute XDG_CONFIG_HOME and ignores a relative one, as the XDG spec says', () => {
    const absolute = defaultConfigLocations({ platform: 'linux', home: '/home/ada', env: { XDG_CONFIG_HOME: '/cfg' }, cwd: '/tmp' });
    expect(absolute.find((location) => location.client === 'vscode')?.path).toBe('/cfg/Code/User/mcp.json');
    expect(absolute.find((location) => location.client === 'claude-desktop')?.path).toBe('/cfg/Claude/claude_desktop_config.json');
    const relative = defaultConfigLocations({ platform: 'linux', home: '/home/ada', env: { XDG_CONFIG_HOME: 'cfg' }, cwd: '/tmp' });
    expect(relative.find((location) => location.client === 'vscode')?.path).toBe('/home/ada/.config/Code/User/mcp.json');
  });

  it('on macOS: Application Support for Claude Desktop and VS Code', () => {
    const locations = defaultConfigLocations({ platform: 'darwin', home: '/Users/ada', env: { XDG_CONFIG_HOME: '/ignored' }, cwd: '/Users/ada/app' });
    expect(paths(locations)).toEqual([
      'claude-desktop user /Users/ada/Library/Application Support/Claude/claude_desktop_config.json',
      'claude-code user /Users/ada/.claude.json',
      'cursor user /Users/ada/.cursor/mcp.json',
      'vscode user /Users/ada/Library/Application Support/Code/User/mcp.json',
      'vscode user /Users/ada/Library/Application Support/Code - Insiders/User/mcp.json',
      'windsurf user /Users/ada/.codeium/windsurf/mcp_config.json',
      'claude-code project /Users/ada/app/.mcp.json',
      'cursor project /Users/ada/app/.cursor/mcp.json',
      'vscode project /Users/ada/app/.vscode/mcp.json',
    ]);
  });

  it('on Windows: %APPDATA% for Claude Desktop and VS Code, %USERPROFILE% for the dot folders, with backslashes', () => {
    const locations = defaultConfigLocations({ platform: 'win32', home: 'C:\\Users\\Ada', env: { APPDATA: 'D:\\Roaming' }, cwd: 'C:\\src\\app' });
    expect(paths(locations)).toEqual([
      'claude-desktop user D:\\Roaming\\Claude\\claude_desktop_config.json',
      'claude-code user C:\\Users\\Ada\\.claude.json',
      'cursor user C:\\Users\\Ada\\.cursor\\mcp.json',
      'vscode user D:\\Roaming\\Code\\User\\mcp.json',
      'vscode user D:\\Roaming\\Code - Insiders\\User\\mcp.json',
      'windsurf user C:\\Users\\Ada\\.codeium\\windsurf\\mcp_config.json',
      'claude-code project C:\\src\\app\\.mcp.json',
      'cursor project C:\\src\\app\\.cursor\\mcp.json',
      'vscode project C:\\src\\app\\.vscode\\mcp.json',
    ]);
  });

  it('on Windows without APPDATA falls back to the roaming folder in the profile', () => {
    const locations = defaultConfigLocations({ platform: 'win32', home: 'C:\\Users\\Ada', env: {}, cwd: 'C:\\src' });
    expect(locations[0]?.path).toBe('C:\\Users\\Ada\\AppData\\Roaming\\Claude\\claude_desktop_config.json');
  });

  it('lists a file once when the working folder is the home (Cursor global = Cursor project)', () => {
    const locations = defaultConfigLocations({ platform: 'linux', home: '/home/ada', env: {}, cwd: '/home/ada' });
    const cursor = locations.filter((location) => location.path === '/home/ada/.cursor/mcp.json');
    expect(cursor).toEqual([{ client: 'cursor', scope: 'user', path: '/home/ada/.cursor/mcp.json' }]);
    expect(new Set(locations.map((location) => location.path)).size).toBe(locations.length);
  });
});
