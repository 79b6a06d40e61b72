// Frontmatter schemas, composed from small pieces. Pure zod, so unit tests check them without Astro.
import { z } from 'zod';
import { company } from '../../config/company.ts';

/** A page title without the site name: long enough to say something, short enough for a results page. */
const title = z.string().trim().min(10).max(70);
/** The search-result summary. */
const description = z.string().trim().min(50).max(160);

export const faqItemSchema = z.object({
  /** The question as a visitor would ask it. */
  question: z.string().trim().min(10).max(160),
  /** Plain text: shown on the page and sent verbatim in FAQPage JSON-LD. */
  answer: z.string().trim().min(20).max(600),
});
/** Shown as a visible FAQ section and as FAQPage structured data. */
const faq = z.array(faqItemSchema).min(1).max(10).optional();

/**
 * The id of the element the first paint waits for, on a page whose HTML up to the default (the site
 * footer) is more than one round trip: the quality gate "first paint in one round trip" says when. An
 * element below the first screen at every width (the e2e tests check that).
 */
/**
 * The call to action a page ends with, written for that page: the brief asks for the audit's offer in
 * fresh words each time, so no heading or text is shared (test/unit/content/closing-unique.test.ts).
 */
export const closingSchema = z.object({
  heading: z.string().trim().min(10).max(70),
  text: z.string().trim().min(80).max(320),
});

const paintAfter = z.string().regex(/^[a-z][a-z0-9-]*$/, 'paintAfter is an element id: lowercase letters, digits and hyphens').optional();

export const blogSchema = z.object({
  title,
  description,
  /** First publication; a post dated in the future is still built, so keep it honest. */
  pubDate: z.coerce.date(),
  /** Last meaningful edit. */
  updatedDate: z.coerce.date().optional(),
  author: z.string().trim().min(2).default(company.byline),
  /** Lowercase topic tags: related posts are chosen by shared tags. */
  tags: z.array(z.string().trim().toLowerCase().min(2)).min(1).max(6),
  /** Drafts are built in dev only and left out of lists, feeds and the sitemap. */
  draft: z.boolean().default(false),
  /** Featured posts lead the blog index and the home page. */
  featured: z.boolean().default(false),
  /** Canonical URL when the post was first published elsewhere. */
  canonical: z.url().optional(),
  /** Site-relative or absolute social image; the generated card is used otherwise. */
  ogImage: z.string().trim().min(1).optional(),
  /** The one call to action the post ends with: the step that fits what the reader just learned, in words written for it. */
  nextStep: closingSchema.extend({ kind: z.enum(['audit', 'checklist', 'calculator']) }),
  paintAfter,
  faq,
}).refine((post) => !post.updatedDate || post.updatedDate >= post.pubDate, {
  message: 'updatedDate must not be before pubDate',
  path: ['updatedDate'],
});

export const serviceSchema = z.object({
  title,
  /** Short label for menus and cards. */
  navTitle: z.string().trim().min(3).max(32),
  description,
  /** One sentence for service cards. */
  summary: z.string().trim().min(40).max(180),
  /** Position in menus and lists (1 is the umbrella offer). */
  order: z.number().int().min(1).max(20),
  /** What the service covers, as short phrases. */
  covers: z.array(z.string().trim().min(3)).min(3).max(8),
  /** The page's closing call to action (book the audit), in words written for this area. */
  closing: closingSchema,
  faq,
});

export const pageSchema = z.object({
  title,
  description,
  updatedDate: z.coerce.date(),
  paintAfter,
  faq,
});

export type BlogFrontmatter = z.infer<typeof blogSchema>;
export type ServiceFrontmatter = z.infer<typeof serviceSchema>;
export type PageFrontmatter = z.infer<typeof pageSchema>;
