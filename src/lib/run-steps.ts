// Runs the steps of a build, each as soon as the steps it names in `after` have finished, at most
// `jobs` at a time, in the order listed among those ready. A failed step stops new steps from
// starting; the ones already running finish, then the run fails naming the step.

export type Step = { name: string; after?: readonly string[] };

export type StepTime = { name: string; seconds: number };

/** Throws when a step names an unknown step or one listed after it (which also rules out cycles). */
export function checkSteps(steps: readonly Step[]): void {
  const seen = new Set<string>();
  for (const step of steps) {
    if (seen.has(step.name)) throw new Error(`two build steps are named "${step.name}"`);
    for (const name of step.after ?? []) {
      if (!seen.has(name)) throw new Error(`build step "${step.name}" runs after "${name}", which is not a step listed before it`);
    }
    seen.add(step.name);
  }
}

export async function runSteps<S extends Step>(steps: readonly S[], run: (step: S) => Promise<void>, jobs: number): Promise<StepTime[]> {
  checkSteps(steps);
  const done = new Set<string>();
  const started = new Set<string>();
  const times: StepTime[] = [];
  const running = new Map<string, Promise<void>>();
  let failure: { step: string; error: unknown } | undefined;
  while (done.size < steps.length && !failure) {
    for (const step of steps) {
      if (running.size >= Math.max(1, jobs)) break;
      if (started.has(step.name) || !(step.after ?? []).every((name) => done.has(name))) continue;
      started.add(step.name);
      const begin = performance.now();
      running.set(
        step.name,
        run(step).then(
          () => {
            times.push({ name: step.name, seconds: (performance.now() - begin) / 1000 });
            done.add(step.name);
            running.delete(step.name);
          },
          (error: unknown) => {
            failure ??= { step: step.name, error };
            running.delete(step.name);
          },
        ),
      );
    }
    if (running.size === 0) break;
    await Promise.race(running.values());
  }
  await Promise.all(running.values());
  if (failure) throw new Error(`build step "${failure.step}" failed: ${failure.error instanceof Error ? failure.error.message : String(failure.error)}`, { cause: failure.error });
  return times;
}
