// The report's markup (src/site/render/scan.ts): what a path says happens, and that every stranger's
// string (config keys, arguments, tool names) is escaped.
import { describe, expect, it } from 'vitest';
import { parseClientConfig } from '../../src/scan/config';
import { buildScanReport, neededServers } from '../../src/scan/report';
import { configProblems, keyFileName, scanReportBody } from '../../src/site/render/scan';
import { datasetLookup, documents, fixture } from './helpers';

const report = (text: string) => {
  const config = parseClientConfig(text);
  return buildScanReport(config, datasetLookup(), documents(neededServers(config, datasetLookup())));
};
const plain = (markup: string) => markup.replace(/<[^>]+>/g, '');

describe('scanReportBody', () => {
  it('tells each cross-server path as what could happen, naming a tool of each leg', () => {
    const body = scanReportBody(report(fixture('claude-desktop-five.json'))).value;
    expect(plain(body)).toContain(
      "Content that fetch's fetch returns can carry instructions that make the agent read what gitlab's get_file_contents gives and send it out through gitlab's create_issue.",
    );
    expect(plain(body)).toContain('5 servers in the config: 5 in the catalog with tools, 0 known without tools, 0 not in the catalog.');
  });

  it('escapes config keys, arguments and paths from the config', () => {
    const hostile = '<script>alert(1)</script>';
    const body = scanReportBody(report(JSON.stringify({ mcpServers: { [hostile]: { command: 'uvx', args: ['mcp-server-fetch', `"><img src=x onerror=alert(2)>`] } } }))).value;
    expect(body).not.toContain('<script>');
    expect(body).not.toContain('<img');
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('names each server\'s files after its config key, kept to a plain file name', () => {
    expect(keyFileName('brave-search', 'policy.json')).toBe('brave-search-policy.json');
    expect(keyFileName('../../etc/passwd', 'policy.yaml')).toBe('etc-passwd-policy.yaml');
    expect(keyFileName('<>', 'policy.json')).toBe('server-policy.json');
    expect(plain(scanReportBody(report(fixture('claude-desktop-five.json'))).value)).toContain('gitlab: gitlab-policy.json gitlab-policy.yaml');
  });

  it('lists syntax errors with line and column', () => {
    const config = parseClientConfig(fixture('broken.json'));
    expect(plain(configProblems(config.errors, false).value)).toBe('Parts of the config cannot be read:Line 7, column 9: a comma &quot;,&quot; is expected between entries');
  });
});
