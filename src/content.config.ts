// Content collections. Each entry is independent: one collection per editorial kind of page, one
// folder, one schema from src/schema/.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { IncidentFrontMatter } from './schema/incident';
import { MethodPageFrontMatter } from './schema/method-page';

export const collections = {
  /** The attack database: src/content/incidents/<slug>.md, rendered at /incidents/<slug>/ (docs/incidents.md). */
  incidents: defineCollection({ loader: glob({ pattern: '*.md', base: './src/content/incidents' }), schema: IncidentFrontMatter }),
  /** The method pages in MDX (/method/, /method/<id>/, and the data page /data/): see docs/editorial.md. */
  method: defineCollection({ loader: glob({ pattern: '*.mdx', base: './src/content/method' }), schema: MethodPageFrontMatter }),
};
