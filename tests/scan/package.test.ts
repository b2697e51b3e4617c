// `npm pack` proves the tarball runs: pack the project as npm would publish it (its prepack step builds
// the bundle and the dataset), install the tarball into an empty folder with no registry, run its bin
// over a fixture config and compare with the report made in-process. The dataset is the fixture data
// folder (CATALOG_DATA_DIR), so the test packs a small tarball; `npm run build-cli` ships the whole one.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectedReportJson, fixtureDataDir, fixturePath, SCAN_FIXTURES, tempDir } from './cli-helpers';

const root = path.resolve('.');
const npm = (args: string[], cwd: string, env: Record<string, string> = {}) =>
  execFileSync('npm', args, { cwd, env: { ...process.env, ...env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

let tarball: string;
let packed: { files: { path: string }[] }[];
let installed: string;

beforeAll(() => {
  // The project as its published folder: its own package.json, README and NOTICE; code and tools linked.
  const packageDir = tempDir('scan-pack-project-');
  for (const file of ['package.json', 'README.md', 'LICENSE', 'NOTICE']) copyFileSync(path.join(root, file), path.join(packageDir, file));
  for (const link of ['src', 'scripts', 'node_modules', 'tsconfig.json']) symlinkSync(path.join(root, link), path.join(packageDir, link));
  const out = tempDir('scan-pack-out-');
  packed = JSON.parse(npm(['pack', '--json', '--pack-destination', out], packageDir, { CATALOG_DATA_DIR: fixtureDataDir() }).replace(/^[^[]*/s, ''));
  tarball = path.join(out, readdirSync(out).find((name) => name.endsWith('.tgz'))!);
  installed = tempDir('scan-pack-install-');
  mkdirSync(installed, { recursive: true });
  npm(['install', '--offline', '--no-save', '--ignore-scripts', '--prefix', installed, tarball], installed);
}, 300_000);

describe('the npm package', () => {
  it('holds only the bundle, its licenses, the dataset, README, NOTICE and package.json', () => {
    expect(packed[0]!.files.map((file) => file.path).sort()).toEqual([
      'LICENSE',
      'NOTICE',
      'README.md',
      'dist-cli/THIRD_PARTY_LICENSES.txt',
      'dist-cli/data/index.json',
      'dist-cli/data/lookup.json',
      'dist-cli/data/servers.ndjson.gz',
      'dist-cli/mcp-risk-catalog.mjs',
      'package.json',
    ]);
  });

  it('installs with no dependency and nothing but itself in node_modules', () => {
    const manifest = JSON.parse(readFileSync(path.join(installed, 'node_modules', 'mcp-risk-catalog', 'package.json'), 'utf8'));
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.private).toBeUndefined();
    expect(readdirSync(path.join(installed, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual(['mcp-risk-catalog']);
  });

  it('its bin (a node script run through its shebang) prints the report the core makes in-process', () => {
    const bin = path.join(installed, 'node_modules', '.bin', 'mcp-risk-catalog');
    // The shebang asks for `node` on the PATH: the one running these tests (Node 24, as the engines field needs).
    const env = { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env['PATH'] ?? ''}` };
    for (const name of ['claude-desktop-five.json', 'vscode-mcp.json']) {
      const output = execFileSync(bin, ['scan', name, '--json'], { cwd: SCAN_FIXTURES, env, encoding: 'utf8' });
      expect(output).toBe(expectedReportJson(fixturePath(name), name));
    }
  });

  it('its bin exits 1 on --fail-on and 2 on a broken config, as the in-process CLI does', () => {
    const bin = path.join(installed, 'node_modules', '.bin', 'mcp-risk-catalog');
    const env = { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env['PATH'] ?? ''}` };
    const status = (args: string[]) => {
      try {
        execFileSync(bin, args, { cwd: SCAN_FIXTURES, env, stdio: 'pipe' });
        return 0;
      } catch (error) {
        return (error as { status: number }).status;
      }
    };
    expect(status(['scan', 'claude-desktop-five.json', '--fail-on', 'critical'])).toBe(1);
    expect(status(['scan', 'bare-servers.json', '--fail-on', 'critical'])).toBe(0);
    expect(status(['scan', 'broken.json'])).toBe(2);
  });
});
