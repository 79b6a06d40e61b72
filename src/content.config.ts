import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { blogSchema, pageSchema, serviceSchema } from './lib/content-schemas.ts';

const mdx = '**/*.{md,mdx}';

export const collections = {
  blog: defineCollection({ loader: glob({ pattern: mdx, base: './content/blog' }), schema: blogSchema }),
  services: defineCollection({ loader: glob({ pattern: mdx, base: './content/services' }), schema: serviceSchema }),
  pages: defineCollection({ loader: glob({ pattern: mdx, base: './content/pages' }), schema: pageSchema }),
};
