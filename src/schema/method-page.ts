// The front matter of a method page (src/content/method/*.mdx), validated by the content collection.
import { z } from 'zod';

export const MethodPageFrontMatter = z.object({
  /** The page's title, in the browser tab and the method pages' menu. */
  title: z.string().min(1),
  /** One sentence for search engines and the menu's hover text. */
  description: z.string().min(1),
  /** Where the page stands in the method pages' menu, smallest first. */
  order: z.number().int(),
  /** The menu's shorter name for the page, when the title is long. */
  menu: z.string().min(1).optional(),
});

export type MethodPageFrontMatter = z.infer<typeof MethodPageFrontMatter>;
