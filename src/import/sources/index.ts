// Every open dataset's importer, by dataset id: what `npm run import-source -- <id> <dir>` runs.
import type { SourceImporter } from '../source-importer';
import { aciImporter } from './aci';
import { dockerImporter } from './docker';
import { mcpdImporter } from './mcpd';
import { mcpmImporter } from './mcpm';

export const IMPORTERS: Record<string, SourceImporter> = {
  aci: aciImporter,
  docker: dockerImporter,
  mcpd: mcpdImporter,
  mcpm: mcpmImporter,
};
