// The baseline tally sheet as one Markdown file (/resources/baseline-tally-sheet.md), written at build time
// from src/lib/content/tally-sheet.ts, the module the guide's own grid is checked against. Linked with a
// `download` attribute from /blog/count-a-workflow-baseline-in-one-week.
import type { APIRoute } from 'astro';
import { tallySheetMarkdown } from '../../lib/content/tally-sheet.ts';

export const prerender = true;

export const GET: APIRoute = ({ site }) =>
  new Response(tallySheetMarkdown(site), { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
