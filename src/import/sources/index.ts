// Every open dataset's importer, by dataset id: what `npm run import-source -- <id> <dir>` runs.
import type { SourceImporter } from '../source-importer';
import { mcpRegistryImporter } from './mcp-registry';
import { metorialImporter } from './metorial';
import { teamsparkImporter } from './teamspark';
import { tensorblockImporter } from './tensorblock';
import { toolsdkImporter } from './toolsdk';
import { toucanImporter } from './toucan';

export const IMPORTERS: Record<string, SourceImporter> = {
  [mcpRegistryImporter.dataset]: mcpRegistryImporter,
  [metorialImporter.dataset]: metorialImporter,
  [teamsparkImporter.dataset]: teamsparkImporter,
  [tensorblockImporter.dataset]: tensorblockImporter,
  [toolsdkImporter.dataset]: toolsdkImporter,
  [toucanImporter.dataset]: toucanImporter,
};
