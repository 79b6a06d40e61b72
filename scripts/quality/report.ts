// The gates' findings as one readable Markdown file: scores and sizes per page at a glance.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PageWeight } from './page-weight.ts';
import type { LighthouseResult } from './lighthouse.ts';
import { BROTLI_QUALITY, FIRST_FLIGHT_BODY, type FirstPaintReach } from './first-round-trip.ts';

export const REPORT_DIR = fileURLToPath(new URL('../../reports/quality', import.meta.url));

export interface Finding {
  route: string;
  rule: string;
  message: string;
}

export interface StaticPart {
  weights: PageWeight[];
  budgets: Record<string, { type: string; documentPlusCssGzip: number; javascriptGzip: number }>;
  jsonLdTypes: Record<string, string[]>;
  htmlErrors: Record<string, number>;
  firstPaint: Record<string, FirstPaintReach>;
  findings: Finding[];
  checks: number;
}

export interface LighthousePart {
  results: LighthouseResult[];
  findings: Finding[];
  checks: number;
}

export function savePart(name: 'static' | 'lighthouse', part: StaticPart | LighthousePart): void {
  mkdirSync(REPORT_DIR, { recursive: true });
  writeFileSync(join(REPORT_DIR, `${name}.json`), JSON.stringify(part, null, 2));
}

function loadPart<T>(name: string): T | undefined {
  const file = join(REPORT_DIR, `${name}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const score = (value: number | null | undefined) => (value === null || value === undefined ? '–' : String(Math.round(value * 100)));

/** Writes report.md from whichever parts have run; returns its path. */
export function writeReport(): string {
  const staticPart = loadPart<StaticPart>('static');
  const lighthouse = loadPart<LighthousePart>('lighthouse');
  const findings = [...(staticPart?.findings ?? []), ...(lighthouse?.findings ?? [])];
  const lines = [
    '# Quality report',
    '',
    `Written ${new Date().toISOString()} by \`npm test\` (scripts/quality-gates.ts). Budgets: test/quality-budgets.json.`,
    '',
    findings.length === 0 ? '**All gates pass.**' : `**${findings.length} problem(s):**`,
    '',
    ...findings.map((f) => `- \`${f.route}\` **${f.rule}**: ${f.message}`),
    '',
  ];
  if (staticPart) {
    lines.push(
      '## Size, HTML validity and structured data',
      '',
      'Document = the HTML file with its inlined CSS (the blocking CSS of every page here). Sizes gzip / brotli.',
      `First paint = the bytes up to the element the first paint waits for, brotli at level ${BROTLI_QUALITY} (a new connection's first flight carries ${FIRST_FLIGHT_BODY.toLocaleString('en-US')} B of them, ${kb(FIRST_FLIGHT_BODY)} as counted here).`,
      '',
      '| page | type | document + CSS gzip | budget | brotli | first paint | of which CSS (gzip) | JS gzip | HTML errors | JSON-LD |',
      '|---|---|--:|--:|--:|--:|--:|--:|--:|---|',
      ...staticPart.weights.map((w) => {
        const budget = staticPart.budgets[w.route];
        const total = w.document.gzip + w.blockingCss.gzip;
        return `| ${w.route} | ${budget?.type ?? '–'} | ${kb(total)} | ${budget ? kb(budget.documentPlusCssGzip) : '–'} | ${kb(w.document.brotli + w.blockingCss.brotli)} | ${staticPart.firstPaint[w.route] ? kb(staticPart.firstPaint[w.route]!.bytesNeeded) : '–'} | ${kb(w.inlineCss.gzip + w.blockingCss.gzip)} | ${kb(w.javascript.gzip)} | ${staticPart.htmlErrors[w.route] ?? 0} | ${(staticPart.jsonLdTypes[w.route] ?? []).join(', ') || '–'} |`;
      }),
      '',
    );
  }
  if (lighthouse) {
    const byRoute = new Map<string, Partial<Record<string, LighthouseResult>>>();
    for (const result of lighthouse.results) {
      const route = new URL(result.url).pathname;
      byRoute.set(route, { ...byRoute.get(route), [result.profile]: result });
    }
    lines.push(
      '## Lighthouse',
      '',
      'Scores: accessibility / best practices / SEO / agentic browsing. Performance is timing, so the gate leaves it out and runs two pages at a time; `npm run bench -- lighthouse` measures it, one page at a time, median of 3.',
      '',
      '| page | mobile | desktop |',
      '|---|---|---|',
      ...[...byRoute].map(([route, profiles]) => {
        const cell = (r?: LighthouseResult) => (r ? [r.scores.accessibility, r.scores['best-practices'], r.scores.seo, r.scores['agentic-browsing']].map(score).join(' / ') : '–');
        return `| ${route} | ${cell(profiles.mobile)} | ${cell(profiles.desktop)} |`;
      }),
      '',
    );
  }
  const file = join(REPORT_DIR, 'report.md');
  writeFileSync(file, lines.join('\n'));
  return file;
}
