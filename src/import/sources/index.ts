// Every open dataset's importer, by dataset id: what `npm run import-source -- <id> <dir>` runs.
import type { SourceImporter } from '../source-importer';
import { aciImporter } from './aci';
import { dockerImporter } from './docker';
import { mcpdImporter } from './mcpd';
import { mcpRegistryImporter } from './mcp-registry';
import { mcpmImporter } from './mcpm';
import { metorialImporter } from './metorial';
import { teamsparkImporter } from './teamspark';
import { tensorblockImporter } from './tensorblock';
import { toolsdkImporter } from './toolsdk';
import { toucanImporter } from './toucan';

export const IMPORTERS: Record<string, SourceImporter> = Object.fromEntries(
  [
    aciImporter,
    dockerImporter,
    mcpdImporter,
    mcpRegistryImporter,
    mcpmImporter,
    metorialImporter,
    teamsparkImporter,
    tensorblockImporter,
    toolsdkImporter,
    toucanImporter,
  ].map((importer) => [importer.dataset, importer]),
);
