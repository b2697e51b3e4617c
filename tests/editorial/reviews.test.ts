// Review files as people will get them wrong: each malformed kind is reported naming the file and the
// field, with an excerpt of the bad value; a review of a server or tool the data lacks is invalid input;
// a stale review is a warning. Review files arrive by pull request: their front matter must never run.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReviews, parseReview, readReviews } from '../../src/editorial/reviews';
import { toolSlug } from '../../src/lib/ids';
import { readServerFile, serverFile } from '../../src/store/dataset';
import { temp } from '../robust/helpers';
import { BGG, changeTool, DATA, dataWith, writeReview } from './helpers';

const bgg = readServerFile(serverFile(DATA, BGG));
const HOT = bgg.tools.find((tool) => tool.definition.name === 'bgg-hot')!;

/** A review of bgg-hot with the given front matter lines (a valid one when none are replaced). */
function review(fields: Record<string, string | undefined> = {}, body = 'It reads the BGG hotness list.'): string {
  const base: Record<string, string | undefined> = {
    category: 'Read',
    risk: 'Low',
    reason: '"It reads the hotness list; nothing changes."',
    date: '2026-12-02',
    reviewer: 'someone',
    hash: HOT.hash,
    ...fields,
  };
  const lines = Object.entries(base).filter(([, value]) => value !== undefined).map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}\n`;
}

function problemsOf(text: string, slug = 'bgg-hot'): string[] {
  const dir = dataWith([BGG], []);
  writeReview(dir, BGG, slug, text);
  return checkReviews(dir, dir).problems;
}

const FILE = `reviews/${BGG}/bgg-hot.md`;

describe('a malformed review names its file and the field', () => {
  it('a valid review has no problem (the cases below differ from it in one field)', () => {
    expect(problemsOf(review())).toEqual([]);
  });

  it('a category that is not one of the taxonomy', () => {
    expect(problemsOf(review({ category: 'Harmless' }))).toEqual([
      expect.stringMatching(new RegExp(`^${FILE}, field category: .*"Read".* \\(is "Harmless"\\)$`)),
    ]);
  });

  it('a missing date', () => {
    expect(problemsOf(review({ date: undefined }))).toEqual([expect.stringMatching(new RegExp(`^${FILE}, field date: `))]);
  });

  it('a date that is not a calendar day, written unquoted (YAML reads it as a date) or quoted', () => {
    expect(problemsOf(review({ date: '"2026-02-30"' }))).toEqual([expect.stringMatching(new RegExp(`^${FILE}, field date: not a real calendar day \\(is "2026-02-30"\\)$`))]);
    expect(problemsOf(review({ date: 'yesterday' }))).toEqual([expect.stringMatching(new RegExp(`^${FILE}, field date: a review date is a day, YYYY-MM-DD \\(is "yesterday"\\)$`))]);
  });

  it('a hash that is not a tool hash', () => {
    expect(problemsOf(review({ hash: 'ABC123' }))).toEqual([expect.stringMatching(new RegExp(`^${FILE}, field hash: the tool hash at review time is 16 lowercase hex digits.* \\(is "ABC123"\\)$`))]);
  });

  it('a tool the server does not have, and a server the data does not have', () => {
    expect(problemsOf(review(), 'bgg-cold')).toEqual([`reviews/${BGG}/bgg-cold.md: server "${BGG}" has no tool with slug "bgg-cold" (the file name is the tool's slug; its tools include bgg-collection, bgg-details, bgg-hot, bgg-price, bgg-recommender)`]);
    const dir = dataWith([BGG], []);
    writeReview(dir, 'no-such-server-00000000', 'bgg-hot', review());
    expect(checkReviews(dir, dir).problems).toEqual(['reviews/no-such-server-00000000/bgg-hot.md: no server "no-such-server-00000000" in data/servers (the folder name is the server id)']);
  });

  it('a file named after a tool whose slug differs says which slug to use', () => {
    const dir = dataWith(['awslabs-mcp-aws-healthomics-mcp-server-1ed421ce'], []);
    writeReview(dir, 'awslabs-mcp-aws-healthomics-mcp-server-1ed421ce', 'CloneContainerToECR', review());
    expect(checkReviews(dir, dir).problems).toEqual([expect.stringContaining(`the tool "CloneContainerToECR" has the slug "${toolSlug('CloneContainerToECR')}"`)]);
  });

  it('neither a verdict nor a confirmation, a confirmation with a verdict, a category without its risk', () => {
    expect(problemsOf(review({ category: undefined, risk: undefined }))).toEqual([expect.stringMatching(new RegExp(`^${FILE}, field category: a review gives a category, risk, labels or hints .*or agrees: true$`))]);
    expect(problemsOf(review({ agrees: 'true' }))).toEqual([expect.stringMatching(new RegExp(`^${FILE}, field agrees: agrees: true confirms the classifier`))]);
    expect(problemsOf(review({ risk: undefined }))).toEqual([`${FILE}, field risk: a reviewed category needs its risk class`]);
  });

  it('a field the schema does not know, a reviewer that is not a handle, a reason over two lines', () => {
    expect(problemsOf(review({ verdict: 'Read' }))).toEqual([expect.stringMatching(new RegExp(`^${FILE}, field \\(front matter\\): Unrecognized key: "verdict"`))]);
    expect(problemsOf(review({ reviewer: '"Jane <jane@example.com>"' }))).toEqual([expect.stringMatching(new RegExp(`^${FILE}, field reviewer: a reviewer is a handle.* \\(is "Jane <jane@example.com>"\\)$`))]);
    expect(problemsOf(review({ reason: '|\n  two\n  lines of reason' }))).toEqual([expect.stringMatching(new RegExp(`^${FILE}, field reason: one line`))]);
  });

  it('front matter that is not YAML, or no front matter at all', () => {
    expect(problemsOf('---\ncategory: [Read\n---\n')).toEqual([expect.stringMatching(new RegExp(`^${FILE}: the front matter is not valid YAML: `))]);
    expect(problemsOf('# bgg-hot\n\nReads.\n')).toEqual([`${FILE}: a review starts with a "---" line and YAML front matter (starts with "# bgg-hot")`]);
  });

  it('never runs JavaScript front matter (gray-matter evaluates ---js by default)', () => {
    const marker = path.join(temp('review-js-'), 'pwned');
    const payload = `---js\n{ category: (require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'), 'Read') }\n---\n`;
    expect(parseReview(payload, 'x.md', BGG, 'bgg-hot').problems).toEqual([expect.stringContaining('x.md: a review starts with a "---" line')]);
    // Past the opening check too: gray-matter's engines for JavaScript refuse.
    expect(parseReview(`---\n${payload}`, 'x.md', BGG, 'bgg-hot').review).toBeUndefined();
    expect(existsSync(marker)).toBe(false);
  });

  it('lists at most the problems of every file, one bad file not hiding another', () => {
    const dir = dataWith([BGG], []);
    writeReview(dir, BGG, 'bgg-hot', review({ category: 'Nope' }));
    writeReview(dir, BGG, 'bgg-user', review({ date: undefined }));
    const { reviews, problems } = readReviews(dir, dir);
    expect(reviews).toEqual([]);
    expect(problems.map((line) => line.split(',')[0])).toEqual([`reviews/${BGG}/bgg-hot.md`, `reviews/${BGG}/bgg-user.md`]);
  });
});

describe('stale reviews', () => {
  it('a review of a tool that changed since is stale: a warning with both hashes and the day, not a problem', () => {
    const dir = dataWith([BGG], [[BGG, 'bgg-hot']]);
    expect(checkReviews(dir, dir)).toMatchObject({ reviews: 1, problems: [], stale: [] });
    const { before, after } = changeTool(dir, BGG, 'bgg-hot', '2026-12-03T08:00:00.000Z');
    expect(checkReviews(dir, dir)).toMatchObject({
      reviews: 1,
      problems: [],
      stale: [{ file: `reviews/${BGG}/bgg-hot.md`, server: BGG, tool: 'bgg-hot', reviewed: before, current: after, date: '2026-12-02', changedAt: '2026-12-03T08:00:00.000Z' }],
    });
  });
});
