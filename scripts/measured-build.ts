// One build exactly as `npm run build` runs it (scripts/build.ts: the steps of site-build-steps.ts,
// each once the steps it names in `after` are done, `jobs` at a time), measured: each step's wall time
// and the peak resident memory of its own process tree, and the build's wall time and peak memory over
// every step running at the same moment (steps side by side add up). Used by the site benches.
import { runSteps } from '../src/lib/run-steps';
import { groupsRssKiB, measureProcessTree } from './process-tree-peak';
import { prepareStep, projectRoot, siteBuildSteps } from './site-build-steps';

export type StepFigures = { seconds: number; peakMiB: number; stdout: string };

export type BuildFigures = {
  /** Wall time of the whole build. */
  seconds: number;
  /** Peak of the summed memory of every step's process tree, sampled while they run. */
  peakMiB: number;
  steps: Record<string, StepFigures>;
  jobs: number;
};

export async function measuredBuild(out: string, env: NodeJS.ProcessEnv, jobs: number, options: { force?: boolean; intervalMs?: number } = {}): Promise<BuildFigures> {
  const groups = new Set<number>();
  let peakKiB = 0;
  const sample = () => {
    peakKiB = Math.max(peakKiB, groupsRssKiB(groups));
  };
  const timer = setInterval(sample, options.intervalMs ?? 50);
  const steps: Record<string, StepFigures> = {};
  const started = performance.now();
  try {
    await runSteps(
      siteBuildSteps(out, { force: options.force }),
      async (step) => {
        prepareStep(step);
        steps[step.name] = await measureProcessTree(step.command, step.args, {
          cwd: projectRoot,
          env,
          intervalMs: options.intervalMs,
          onGroup: (pid, running) => {
            if (running) groups.add(pid);
            else groups.delete(pid);
          },
        });
      },
      jobs,
    );
  } finally {
    clearInterval(timer);
  }
  const seconds = (performance.now() - started) / 1000;
  // A step's own peak is a lower bound of the build's; a sample can miss a short peak.
  const peakMiB = Math.max(peakKiB / 1024, ...Object.values(steps).map((step) => step.peakMiB));
  return { seconds, peakMiB, steps, jobs };
}
