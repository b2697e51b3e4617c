// The build's step runner (src/lib/run-steps.ts): order from `after`, how many run at once, failures.
import { describe, expect, it } from 'vitest';
import { checkSteps, runSteps, type Step } from '../../src/lib/run-steps';
import { siteBuildSteps } from '../../scripts/site-build-steps';

/** Runs `steps`, each recording when it starts and ends and taking one turn of the event loop per tick. */
async function trace(steps: Step[], jobs: number, fail?: string) {
  const events: string[] = [];
  let running = 0;
  let most = 0;
  const times = await runSteps(
    steps,
    async (step) => {
      events.push(`start ${step.name}`);
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
      events.push(`end ${step.name}`);
      if (step.name === fail) throw new Error('boom');
    },
    jobs,
  );
  return { events, most, times };
}

const steps: Step[] = [{ name: 'astro' }, { name: 'exports' }, { name: 'sitemap', after: ['astro'] }, { name: 'search', after: ['astro'] }];

describe('runSteps', () => {
  it('starts a step only after the steps it names, and runs independent ones together', async () => {
    const { events, most, times } = await trace(steps, 2);
    expect(most).toBe(2);
    expect(events.slice(0, 2)).toEqual(['start astro', 'start exports']);
    for (const name of ['sitemap', 'search']) expect(events.indexOf(`start ${name}`)).toBeGreaterThan(events.indexOf('end astro'));
    expect(times.map((time) => time.name).sort()).toEqual(['astro', 'exports', 'search', 'sitemap']);
  });

  it('runs one at a time, in the listed order, with one job', async () => {
    const { events, most } = await trace(steps, 1);
    expect(most).toBe(1);
    expect(events.filter((event) => event.startsWith('start'))).toEqual(['start astro', 'start exports', 'start sitemap', 'start search']);
  });

  it('starts nothing more after a failure and names the failed step', async () => {
    const run = trace(steps, 1, 'astro');
    await expect(run).rejects.toThrow('build step "astro" failed: boom');
  });

  it('refuses a step that waits for an unknown or later step', () => {
    expect(() => checkSteps([{ name: 'a', after: ['b'] }, { name: 'b' }])).toThrow('"a" runs after "b"');
    expect(() => checkSteps([{ name: 'a' }, { name: 'a' }])).toThrow('two build steps');
  });

  it("accepts the site's own steps: the sitemap and the search index wait for astro build, the exports do not", () => {
    const site = siteBuildSteps('/tmp/out');
    checkSteps(site);
    const after = Object.fromEntries(site.map((step) => [step.name, step.after]));
    expect(after).toEqual({ 'astro build': [], 'post-build': [], sitemap: ['astro build'], 'search index': ['astro build'] });
  });
});
