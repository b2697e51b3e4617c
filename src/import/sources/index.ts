// Every open dataset's importer, by dataset id: what `npm run import-source -- <id> <dir>` runs.
import type { SourceImporter } from '../source-importer';
import { metorialImporter } from './metorial';
import { tensorblockImporter } from './tensorblock';
import { toolsdkImporter } from './toolsdk';
import { toucanImporter } from './toucan';

export const IMPORTERS: Record<string, SourceImporter> = {
  [metorialImporter.dataset]: metorialImporter,
  [tensorblockImporter.dataset]: tensorblockImporter,
  [toolsdkImporter.dataset]: toolsdkImporter,
  [toucanImporter.dataset]: toucanImporter,
};
