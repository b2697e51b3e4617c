// Every open dataset's importer, by dataset id: what `npm run import-source -- <id> <dir>` runs.
import type { SourceImporter } from '../source-importer';
import { metorialImporter } from './metorial';

export const IMPORTERS: Record<string, SourceImporter> = {
  [metorialImporter.dataset]: metorialImporter,
};
