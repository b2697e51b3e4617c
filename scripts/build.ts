// npm run build [-- --out DIR] [--jobs N] [--force] [--deploy]
// Runs the steps of scripts/site-build-steps.ts, each once the steps it needs have finished and up to
// N at a time (default: the machine's CPUs, at most 2), and prints each step's wall time. Pages and
// per-server files unchanged since the previous build into the same folder are reused from the build
// cache (.cache/astro, or CATALOG_CACHE_DIR); --force writes everything again. The last lines say which
// site origin the build used (src/site/origin.ts) and warn when it is the placeholder; --deploy refuses
// to build with the placeholder and runs the deploy check (npm run check-deploy) over the result.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runSteps } from '../src/lib/run-steps';
import { checkDeploy } from '../src/site/deploy-check';
import { checkDataset } from '../src/store/check-dataset';
import { checkReviews } from '../src/editorial/reviews';
import { checkIncidents } from '../src/editorial/incident-match';
import { defaultDataDir } from '../src/store/dataset';
import { originReport, siteOrigin, type SiteOrigin } from '../src/site/origin';
import { prepareStep, projectRoot, siteBuildSteps, type BuildStep } from './site-build-steps';

const { values } = parseArgs({
  options: { out: { type: 'string', default: 'dist' }, jobs: { type: 'string' }, force: { type: 'boolean', default: false }, deploy: { type: 'boolean', default: false } },
});
// Decided (and CATALOG_SITE validated) before anything is built, so a bad value costs no build.
let site: SiteOrigin;
try {
  site = siteOrigin();
} catch (error) {
  console.error(`build: refused: ${(error as Error).message}`);
  process.exit(1);
}
if (values.deploy && site.placeholder) {
  console.error('build: refused: --deploy needs CATALOG_SITE=https://your.host; without it every absolute link would point at the placeholder (docs/deploy.md).');
  process.exit(1);
}
// An invalid record would otherwise surface as a stack trace from inside a page, minutes in.
const check = checkDataset(defaultDataDir());
if (check.problems.length > 0) {
  console.error(`build: refused: data/ holds invalid records (src/schema/ says what a record must be):`);
  for (const problem of check.problems) console.error(`  ${problem}`);
  process.exit(1);
}
// A review with a bad field, or of a tool the data does not have, stops the build the same way.
const reviews = checkReviews(defaultDataDir());
if (reviews.problems.length > 0) {
  console.error(`build: refused: data/reviews holds invalid reviews (src/schema/review.ts says what a review must be):`);
  for (const problem of reviews.problems) console.error(`  ${problem}`);
  process.exit(1);
}
if (reviews.stale.length > 0) console.warn(`build: ${reviews.stale.length} of ${reviews.reviews} reviews are stale (their tools changed); their policies follow the classifier. npm run check lists them.`);
// A malformed attack-database page would otherwise stop astro build with the content layer's message, later.
const incidentProblems = checkIncidents();
if (incidentProblems.length > 0) {
  console.error(`build: refused: src/content/incidents/ holds invalid pages (src/schema/incident.ts says what a page must have):`);
  for (const problem of incidentProblems) console.error(`  ${problem}`);
  process.exit(1);
}
const jobs = Number(values.jobs ?? Math.min(2, availableParallelism()));
if (!Number.isInteger(jobs) || jobs < 1) throw new Error(`--jobs must be a whole number of at least 1, not "${values.jobs}"`);
const out = path.resolve(values.out);

function run(step: BuildStep): Promise<void> {
  prepareStep(step);
  return new Promise((resolve, reject) => {
    const child = spawn(step.command, step.args, { cwd: projectRoot, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(signal ? `killed by ${signal}` : `exit code ${code}`))));
  });
}

const started = performance.now();
const times = await runSteps(siteBuildSteps(out, { force: values.force }), async (step) => {
  const begin = performance.now();
  await run(step);
  console.log(`build: ${step.name} done in ${((performance.now() - begin) / 1000).toFixed(1)} s`);
}, jobs);
const width = Math.max(...times.map((time) => time.name.length));
console.log(`\nbuild: ${times.length} steps, ${jobs} at a time, into ${path.relative(process.cwd(), out) || '.'}`);
for (const time of times) console.log(`  ${time.name.padEnd(width)}  ${time.seconds.toFixed(1).padStart(7)} s`);
console.log(`  ${'total (wall)'.padEnd(width)}  ${((performance.now() - started) / 1000).toFixed(1).padStart(7)} s`);
for (const line of originReport(site)) console.log(line);
if (values.deploy) {
  const check = checkDeploy(out, site.origin);
  for (const problem of check.problems) console.error(`build: refused: ${problem}`);
  if (check.ok) console.log(`build: deploy check passed: ${check.files.toLocaleString('en-US')} files carry ${check.origin}.`);
  else process.exitCode = 1;
}
