// Content collections. Each entry is independent: one collection, one folder, one schema from src/schema/.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { IncidentFrontMatter } from './schema/incident';

/** The attack database: src/content/incidents/<slug>.md, rendered at /incidents/<slug>/ (docs/incidents.md). */
const incidents = defineCollection({
  loader: glob({ pattern: '*.md', base: './src/content/incidents' }),
  schema: IncidentFrontMatter,
});

export const collections = { incidents };
