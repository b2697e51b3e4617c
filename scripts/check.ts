// npm run check: validates data/ (every server record) and data/reviews (every review, against the
// tools it reviews), and lists the reviews whose tool changed since (stale: a warning, not a failure).
// Exits 1 only on invalid input, naming the file and the field (docs/reviews.md).
import { checkReviews } from '../src/editorial/reviews';
import { checkDataset } from '../src/store/check-dataset';
import { defaultDataDir } from '../src/store/dataset';

const dataDir = defaultDataDir();
const dataset = checkDataset(dataDir);
const reviews = checkReviews(dataDir);
const problems = [...dataset.problems, ...reviews.problems];
console.log(`check: ${dataset.servers.toLocaleString('en-US')} server records, ${reviews.reviews} reviews.`);
if (reviews.stale.length > 0) {
  console.warn(`check: warning: ${reviews.stale.length} stale ${reviews.stale.length === 1 ? 'review' : 'reviews'} (the tool changed since; its policy follows the classifier until it is reviewed again):`);
  for (const stale of reviews.stale) {
    console.warn(`  ${stale.file}: tool ${JSON.stringify(stale.tool)} reviewed at hash ${stale.reviewed} on ${stale.date}, now ${stale.current}${stale.changedAt ? ` (changed ${stale.changedAt})` : ''}`);
  }
}
if (problems.length > 0) {
  console.error(`check: ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}:`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log(`check: valid${reviews.stale.length > 0 ? ' (with stale reviews)' : ''}.`);
