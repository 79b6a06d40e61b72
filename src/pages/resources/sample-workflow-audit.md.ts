// The sample audit as one Markdown file (/resources/sample-workflow-audit.md), written at build time
// from the same module as the page, so the download and the page cannot drift apart.
import type { APIRoute } from 'astro';
import { sampleAudit, sampleAuditMarkdown } from '../../lib/readiness/sample-audit.ts';
import { BUILD_DAY } from '../../config/build-day.ts';

export const prerender = true;

export const GET: APIRoute = () =>
  new Response(sampleAuditMarkdown(sampleAudit(BUILD_DAY)), { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
