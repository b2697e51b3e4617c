// Content collections. Each entry is independent: one collection per editorial kind of page.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { MethodPageFrontMatter } from './schema/method-page';

export const collections = {
  /** The method pages in MDX (/method/, /method/<id>/, and the data page /data/): see docs/editorial.md. */
  method: defineCollection({ loader: glob({ pattern: '*.mdx', base: './src/content/method' }), schema: MethodPageFrontMatter }),
};
