// npm run bench [-- --section NAME] [--seconds N] [--servers N] [--seed S] [--coverage full|today] [--incremental] [--json] [--json-out FILE]
// Throughput of the pipeline's hot paths, in named sections so each stage can add its own: a text
// table each, or with --json one JSON object of every section's figures on stdout (use
// `npm run --silent`), and with --json-out FILE that object written to FILE beside the text.
// Figures are printed, never asserted: timings depend on the machine.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { classifyTool } from '../src/classify';
import type { McpTool } from '../src/schema';
import { defaultDataDir, iterateServers } from '../src/store/dataset';
import { COVERAGES, type Coverage } from '../src/synth/generate';
import { benchSite, siteTable } from './bench-site';
import { benchIncremental, incrementalTable } from './bench-incremental';

interface Section {
  name: string;
  /** Runs the work (the fast sections at least until `seconds` have passed); returns the text and the figures. */
  run(seconds: number): Promise<{ text: string; figures: object }> | { text: string; figures: object };
}

function loadDefinitions(): McpTool[] {
  const definitions: McpTool[] = [];
  for (const server of iterateServers(defaultDataDir())) for (const tool of server.tools) definitions.push(tool.definition);
  return definitions;
}

const sections: Section[] = [
  {
    // Shared build machines differ tenfold in speed, and a plain integer loop does not show it: this
    // scans the dataset's descriptions character by character, the classifier's innermost work.
    name: 'calibration',
    run(seconds) {
      const texts = loadDefinitions().map((definition) => (definition.description ?? '').toLowerCase());
      let chars = 0;
      let words = 0;
      const started = process.hrtime.bigint();
      let elapsed = 0;
      while (elapsed < seconds / 3) {
        for (const text of texts) {
          for (let i = 0; i < text.length; i++) {
            const c = text.charCodeAt(i);
            if (c === 32) words++;
          }
          chars += text.length;
        }
        elapsed = Number(process.hrtime.bigint() - started) / 1e9;
      }
      const nsPerCharacter = (elapsed * 1e9) / chars;
      return {
        text: `${nsPerCharacter.toFixed(2)} ns per character scanned (the classifier's figure scales with this one across machines; ${words} spaces)`,
        figures: { nsPerCharacter },
      };
    },
  },
  {
    name: 'classifier',
    run(seconds) {
      const definitions = loadDefinitions();
      if (definitions.length === 0) return { text: 'no tools in the dataset', figures: { tools: 0 } };
      // Warm up (compiles regexes and lets the JIT settle), then time whole passes over the dataset.
      for (const definition of definitions) classifyTool(definition);
      let tools = 0;
      const started = process.hrtime.bigint();
      const cpuStarted = process.cpuUsage();
      let elapsed = 0;
      while (elapsed < seconds) {
        for (const definition of definitions) classifyTool(definition);
        tools += definitions.length;
        elapsed = Number(process.hrtime.bigint() - started) / 1e9;
      }
      const cpu = process.cpuUsage(cpuStarted);
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      const rate = (seconds: number): string => Math.round(tools / seconds).toLocaleString('en-US');
      // CPU time is shown beside wall time because the machines are shared: wall time includes waiting for a core.
      return {
        text: `${rate(elapsed)} tools/s wall, ${rate(cpuSeconds)} tools/s of process CPU time (${tools.toLocaleString('en-US')} classifications of ${definitions.length.toLocaleString('en-US')} dataset tools in ${elapsed.toFixed(2)} s, one thread)`,
        figures: { toolsPerSecondWall: tools / elapsed, toolsPerSecondCpu: tools / cpuSeconds, classifications: tools, datasetTools: definitions.length },
      };
    },
  },
  {
    // Minutes, not seconds: the whole pipeline per stage and a bare-Astro baseline (bench-site.ts).
    // `--servers N` sets the scale of the synthetic dataset (default 3,000 servers, about 600 with
    // tools), `--seed S` picks another one of the same shape.
    name: 'site',
    // `--incremental` measures a rebuild after a 1% re-crawl against a full build instead (bench-incremental.ts).
    async run() {
      if (values.incremental) {
        const figures = await benchIncremental(siteServers, siteSeed, siteCoverage);
        return { text: `\n${incrementalTable(figures)}`, figures };
      }
      const figures = await benchSite(siteServers, siteSeed, siteCoverage);
      return { text: `\n${siteTable(figures)}`, figures };
    },
  },
];

const { values } = parseArgs({
  options: {
    section: { type: 'string', multiple: true },
    seconds: { type: 'string' },
    servers: { type: 'string' },
    seed: { type: 'string' },
    coverage: { type: 'string', default: 'full' },
    json: { type: 'boolean' },
    'json-out': { type: 'string' },
    incremental: { type: 'boolean' },
  },
});
const siteServers = Number(values.servers ?? '3000');
const siteSeed = Number(values.seed ?? '1');
const siteCoverage = values.coverage as Coverage;
if (!COVERAGES.includes(siteCoverage)) throw new Error(`--coverage must be one of ${COVERAGES.join(', ')}, not "${values.coverage}"`);
const seconds = Number(values.seconds ?? '3');
const wanted = values.section;
const report: Record<string, object> = {};
for (const section of sections) {
  if (wanted && !wanted.includes(section.name)) continue;
  const { text, figures } = await section.run(seconds);
  report[section.name] = figures;
  if (!values.json) console.log(`${section.name}: ${text}`);
}
if (values.json) console.log(JSON.stringify(report, null, 2));
if (values['json-out']) writeFileSync(values['json-out'], `${JSON.stringify(report, null, 2)}\n`);
