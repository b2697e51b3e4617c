// npm run bench [-- --section NAME] [--seconds N] [--servers N] [--seed S]
// Throughput of the pipeline's hot paths on one core, in named sections so each stage can add its own.
// Figures are printed, never asserted: timings depend on the machine.
import { parseArgs } from 'node:util';
import { classifyTool } from '../src/classify';
import type { McpTool } from '../src/schema';
import { defaultDataDir, iterateServers } from '../src/store/dataset';
import { benchSite } from './bench-site';

interface Section {
  name: string;
  /** Runs the work at least until `seconds` have passed; returns what to print. */
  run(seconds: number): string;
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
      return `${((elapsed * 1e9) / chars).toFixed(2)} ns per character scanned (the classifier's figure scales with this one across machines; ${words} spaces)`;
    },
  },
  {
    name: 'classifier',
    run(seconds) {
      const definitions = loadDefinitions();
      if (definitions.length === 0) return 'no tools in the dataset';
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
      return `${rate(elapsed)} tools/s wall, ${rate(cpuSeconds)} tools/s of process CPU time (${tools.toLocaleString('en-US')} classifications of ${definitions.length.toLocaleString('en-US')} dataset tools in ${elapsed.toFixed(2)} s, one thread)`;
    },
  },
  {
    // Minutes, not seconds: `--servers N` sets the scale of the synthetic dataset (default 3,000
    // servers, about 600 with tools), `--seed S` picks another one of the same shape.
    name: 'site',
    run: () => benchSite(siteServers, siteSeed),
  },
];

const { values } = parseArgs({
  options: { section: { type: 'string', multiple: true }, seconds: { type: 'string' }, servers: { type: 'string' }, seed: { type: 'string' } },
});
const siteServers = Number(values.servers ?? '3000');
const siteSeed = Number(values.seed ?? '1');
const seconds = Number(values.seconds ?? '3');
const wanted = values.section;
for (const section of sections) {
  if (wanted && !wanted.includes(section.name)) continue;
  console.log(`${section.name}: ${section.run(seconds)}`);
}
