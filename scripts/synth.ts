// npm run synth -- --servers N --seed S --out DIR [--coverage full|today] [--replace]
// npm run synth -- --profile   (rewrites src/synth/profile.json from data/servers)
// Writes a synthetic dataset shaped like the real ecosystem into DIR/servers/, for benches and
// scale tests; the same arguments always give byte-identical files.
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir, iterateServers, serversDir, writeServer } from '../src/store/dataset';
import { COVERAGES, synthesizeServers, type Coverage } from '../src/synth/generate';
import { buildProfile, toolsPerServerFigures } from '../src/synth/profile';
import { profileFile, profileJson, readProfile } from '../src/synth/profile-file';

const { values } = parseArgs({
  options: { servers: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' }, replace: { type: 'boolean' }, coverage: { type: 'string', default: 'full' }, profile: { type: 'boolean' } },
});

if (values.profile) {
  writeFileSync(profileFile, profileJson(buildProfile([...iterateServers(defaultDataDir())])));
  console.log(`wrote ${path.relative(process.cwd(), profileFile)} from ${defaultDataDir()}`);
  process.exit(0);
}

const count = Number(values.servers);
const seed = Number(values.seed ?? '1');
const coverage = values.coverage as Coverage;
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed) || !values.out || !COVERAGES.includes(coverage)) {
  console.error('usage: npm run synth -- --servers N --seed S --out DIR [--coverage full|today] [--replace]');
  process.exit(2);
}
const out = path.resolve(values.out);
if (out === defaultDataDir()) {
  console.error(`refusing to write synthetic servers into the embedded dataset (${out})`);
  process.exit(2);
}
const dir = serversDir(out);
if (existsSync(dir) && readdirSync(dir).length > 0) {
  // Leftover files of another run would make the folder differ from what these arguments give.
  if (!values.replace) {
    console.error(`${dir} is not empty; pass --replace to remove it first`);
    process.exit(2);
  }
  rmSync(dir, { recursive: true });
}

const started = performance.now();
const profile = readProfile();
const toolCounts: number[] = [];
const names = new Set<string>();
let listed = 0;
for (const server of synthesizeServers(profile, count, seed, coverage)) {
  writeServer(out, server);
  toolCounts.push(server.tools.length);
  for (const tool of server.tools) names.add(tool.definition.name);
  if (server.crawl.status === 'listed') listed += 1;
}
const seconds = (performance.now() - started) / 1000;
const tools = toolCounts.reduce((sum, n) => sum + n, 0);
const figures = toolsPerServerFigures(toolCounts);
const fmt = (n: number): string => n.toLocaleString('en-US');
console.log(
  `${fmt(count)} servers (${fmt(toolCounts.filter((n) => n > 0).length)} with tools, ${((100 * listed) / count).toFixed(1)}% index-only), ${fmt(tools)} tools, ` +
    `${fmt(names.size)} distinct names (${(names.size / Math.max(1, tools)).toFixed(3)} per tool), tools/server median ${figures.median}, p90 ${figures.p90}, max ${figures.max}; ` +
    `written to ${dir} in ${seconds.toFixed(1)} s`,
);
