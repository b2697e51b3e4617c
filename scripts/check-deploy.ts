// npm run check-deploy [-- --out dist]: run by a deploy job over the built site before publishing it.
// Fails (exit 1, with the reason) when the built files link to the placeholder origin, when they were
// built for another origin than CATALOG_SITE, or when the folder is not a built site (src/site/deploy-check.ts).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkDeploy } from '../src/site/deploy-check';
import { siteOrigin, type SiteOrigin } from '../src/site/origin';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist' } } });
const out = path.resolve(values.out);
let site: SiteOrigin;
try {
  site = siteOrigin();
} catch (error) {
  console.error(`check-deploy: refused: ${(error as Error).message}`);
  process.exit(1);
}
const result = checkDeploy(out, site.placeholder ? undefined : site.origin);
if (result.ok) {
  console.log(`check-deploy: ${path.relative(process.cwd(), out) || '.'} is ready to publish at ${result.origin} (${result.files.toLocaleString('en-US')} files checked).`);
} else {
  for (const problem of result.problems) console.error(`check-deploy: refused: ${problem}`);
  process.exitCode = 1;
}
