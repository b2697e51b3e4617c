// The reviews shipped in data/reviews against the embedded dataset: all valid and all current, so a
// crawl that changes a reviewed tool shows up here as a failing check (re-review it, or let it go stale
// on purpose) instead of silently sending that tool's policy back to the classifier.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReviews } from '../../src/editorial/reviews';
import { toolSlug } from '../../src/lib/ids';

const DATA = path.resolve('data');
const check = checkReviews(DATA, DATA);

describe('the seeded reviews', () => {
  it('are valid, review tools the dataset has, and are all current', () => {
    expect(check.problems).toEqual([]);
    expect(check.stale.map((entry) => `${entry.file}: reviewed ${entry.reviewed}, now ${entry.current}`)).toEqual([]);
  });

  it('are at least 40, and include CloneContainerToECR on aws-healthomics-mcp-server', () => {
    expect(check.reviews).toBeGreaterThanOrEqual(40);
    expect(check.byServer.get('awslabs-mcp-aws-healthomics-mcp-server-1ed421ce')?.has(toolSlug('CloneContainerToECR'))).toBe(true);
  });

  it('each says why in its body too, beyond the one-line reason', () => {
    const reviews = [...check.byServer.values()].flatMap((bySlug) => [...bySlug.values()]);
    expect(reviews.filter((review) => review.body.length < 40).map((review) => review.file)).toEqual([]);
  });
});
