// The quality gates `npm test` runs on the production build. `static`: size budgets, HTML validity,
// structured data, region names, broken links. `lighthouse`: one page of each template (scripts/quality/templates.ts),
// mobile and desktop; `npm run bench -- lighthouse` sweeps every page. Each failure names the page and
// the rule; all of it lands in reports/quality/report.md.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { builtPages } from './quality/site-files.ts';
import { budgetFor, loadQualityConfig, routeMatches } from './quality/config.ts';
import { pageWeight } from './quality/page-weight.ts';
import { pageRefs } from './quality/html-refs.ts';
import { expectedTypes, jsonLdProblems } from './quality/structured-data.ts';
import { linkProblems } from './quality/links.ts';
import { regionNameProblems } from './quality/region-names.ts';
import { validateHtml } from './quality/html-validity.ts';
import { BROTLI_QUALITY, FIRST_FLIGHT_BODY, firstPaintReach } from './quality/first-round-trip.ts';
import { LIGHTHOUSE_CATEGORIES, runLighthouseWorker, type LighthouseResult } from './quality/lighthouse.ts';
import { templateSample } from './quality/templates.ts';
import { savePart, writeReport, type Finding, type StaticPart } from './quality/report.ts';
import { createSiteServer } from './_lib/server.ts';
import { formatNumber } from '../src/lib/text/numbers.ts';

const config = loadQualityConfig();
const pages = builtPages();
const siteOrigin = process.env.SITE_URL ?? 'https://aioperator.example';
const fmt = (n: number) => `${formatNumber(n)} B`;

function runStatic(): { findings: Finding[]; checks: number } {
  const findings: Finding[] = [];
  let checks = 0;
  const part: StaticPart = { weights: [], budgets: {}, jsonLdTypes: {}, htmlErrors: {}, firstPaint: {}, findings, checks: 0 };

  for (const page of pages) {
    const weight = pageWeight(page);
    part.weights.push(weight);
    const budget = budgetFor(page.route, config);
    checks++;
    if (!budget) {
      findings.push({ route: page.route, rule: 'size budget', message: 'no page type in test/quality-budgets.json matches this page' });
      continue;
    }
    part.budgets[page.route] = { type: budget.type, documentPlusCssGzip: budget.documentPlusCss.gzip, javascriptGzip: budget.javascript.gzip };
    const limits = [
      ['document+CSS gzip', weight.document.gzip + weight.blockingCss.gzip, budget.documentPlusCss.gzip],
      ['document+CSS brotli', weight.document.brotli + weight.blockingCss.brotli, budget.documentPlusCss.brotli],
      ['JavaScript gzip', weight.javascript.gzip, budget.javascript.gzip],
      ['JavaScript brotli', weight.javascript.brotli, budget.javascript.brotli],
    ] as const;
    for (const [what, actual, limit] of limits) {
      checks++;
      if (actual > limit) {
        const scripts = what.startsWith('JavaScript') && weight.scriptFiles.length ? ` (${weight.scriptFiles.join(', ')})` : '';
        findings.push({ route: page.route, rule: `size budget: ${budget.type}`, message: `${what} ${fmt(actual)} > ${fmt(limit)}${scripts}` });
      }
    }

    const html = readFileSync(page.file, 'utf8');
    const refs = pageRefs(html);
    checks++;
    // scripts/_lib/island-runtime-file.ts recognises Astro's inline scripts by their text: a newer Astro may write them otherwise.
    if (refs.scripts.some((s) => s.inline?.includes('astro-island'))) {
      findings.push({ route: page.route, rule: 'island runtime in a file', message: "Astro's island runtime is inline in the page: update isAstroIslandScript in scripts/_lib/island-runtime-file.ts to recognise it" });
    }
    checks++;
    // React's text separators and Suspense marks and Astro's island end mark carry meaning; any other
    // comment is a note from a source file, sent on every visit.
    for (const [comment, text] of html.matchAll(/<!--([\s\S]*?)-->/g)) {
      if (/^( |\/?\$[?!]?|astro:end)$/.test(text!)) continue;
      findings.push({ route: page.route, rule: 'no source comments in pages', message: `\`${comment.slice(0, 60)}…\` is sent to every visitor: write it as {/* … */} in the .astro file` });
    }
    const reach = firstPaintReach(html);
    part.firstPaint[page.route] = reach;
    checks++;
    if (reach.bytesNeeded > FIRST_FLIGHT_BODY) {
      const waitsFor = reach.target ? `#${reach.target}` : 'the whole page (it names no element)';
      findings.push({ route: page.route, rule: 'first paint in one round trip', message: `the first paint waits for ${waitsFor}, ${fmt(reach.bytesNeeded)} into the page with brotli at level ${BROTLI_QUALITY}, past the ${fmt(FIRST_FLIGHT_BODY)} a new connection's first flight carries: name an element below the first screen and within that reach (paintAfter), or make the page lighter` });
    }
    const blocks = refs.jsonLd.map(jsonLdProblems);
    part.jsonLdTypes[page.route] = blocks.map((b) => b.type);
    for (const block of blocks) {
      checks++;
      for (const problem of block.problems) findings.push({ route: page.route, rule: 'structured data', message: problem });
    }
    checks++;
    for (const problem of regionNameProblems(html)) findings.push({ route: page.route, rule: 'region names', message: problem });
    for (const type of expectedTypes(page.route, html)) {
      checks++;
      if (!blocks.some((b) => b.type === type)) findings.push({ route: page.route, rule: 'structured data', message: `this page must carry ${type} JSON-LD` });
    }
  }

  const byFile = new Map(pages.map((p) => [p.file.replace(/^.*\/dist\//, ''), p.route]));
  for (const error of validateHtml(pages.map((p) => p.file))) {
    const route = byFile.get(error.file) ?? error.file;
    part.htmlErrors[route] = (part.htmlErrors[route] ?? 0) + 1;
    findings.push({ route, rule: 'valid HTML (Nu Html Checker)', message: `line ${error.line ?? '?'}: ${error.message}${error.extract ? ` near \`${error.extract.replace(/\s+/g, ' ')}\`` : ''}` });
  }
  checks += pages.length;

  for (const problem of linkProblems(pages, siteOrigin)) findings.push({ route: problem.route, rule: 'broken link', message: problem.message });
  checks += pages.length;

  part.checks = checks;
  savePart('static', part);
  return { findings, checks };
}

/**
 * Lighthouse runs one page at a time per Chromium. The gate asserts no timing (it leaves performance out;
 * `npm run bench -- lighthouse` measures that one page at a time), so two runners share the pages, each a
 * child process (scripts/quality/lighthouse-worker.ts) with its own browser. A run mostly waits for the
 * page, the network and the CPU to settle: the 32 runs took 204 s one at a time with performance, 125 s
 * without it on two runners, and 104-118 s on three, where each of two gate runs lost a trace (NO_NAVSTART)
 * and retried.
 */
const LIGHTHOUSE_RUNNERS = 2;
const GATE_CATEGORIES = LIGHTHOUSE_CATEGORIES.filter((c) => c !== 'performance');

async function runLighthouse(): Promise<{ findings: Finding[]; checks: number }> {
  const server = createSiteServer({ rootDir: fileURLToPath(new URL('..', import.meta.url)) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const runs = templateSample(pages, config).flatMap(({ page, template }) => config.lighthouse.profiles.map((profile) => ({ route: page.route, template, url: `${origin}${page.route}`, profile })));
  const byRun = new Map<string, LighthouseResult>();
  try {
    const shares = Array.from({ length: LIGHTHOUSE_RUNNERS }, (_, i) => runs.filter((_, j) => j % LIGHTHOUSE_RUNNERS === i));
    await Promise.all(
      shares.map((share) =>
        runLighthouseWorker(share.map(({ url, profile }) => ({ url, profile })), GATE_CATEGORIES, (result) => {
          byRun.set(`${result.profile} ${result.url}`, result);
          const run = runs.find((r) => r.url === result.url)!;
          process.stdout.write(`  ${result.profile.padEnd(7)} ${run.route}  (${run.template})\n`);
        }),
      ),
    );
  } finally {
    server.close();
  }
  const results: LighthouseResult[] = [];
  const findings: Finding[] = [];
  let checks = 0;
  for (const run of runs) {
    const result = byRun.get(`${run.profile} ${run.url}`);
    if (!result) throw new Error(`no Lighthouse result for ${run.route} (${run.profile}): its runner ended without one`);
    results.push(result);
    for (const [category, required] of Object.entries(config.lighthouse.required)) {
      const exempt = config.lighthouse.exemptions.some((e) => e.category === category && e.routes.some((r) => routeMatches(run.route, r)));
      if (exempt) continue;
      checks++;
      const actual = result.scores[category as keyof typeof result.scores];
      if (actual === null || actual < required) {
        const failed = result.failures.filter((f) => f.category === category).map((f) => `${f.id} (${f.title})`).join('; ');
        findings.push({ route: run.route, rule: `Lighthouse ${category}, ${run.profile}`, message: `score ${Math.round((actual ?? 0) * 100)} < ${required * 100}${failed ? `: ${failed}` : ''}` });
      }
    }
  }
  savePart('lighthouse', { results, findings, checks });
  return { findings, checks };
}

const part = process.argv[2] ?? 'static';
if (part !== 'static' && part !== 'lighthouse') {
  console.error('usage: node scripts/quality-gates.ts static|lighthouse');
  process.exit(2);
}
console.log(`quality gates (${part}) on ${pages.length} built pages`);
const { findings, checks } = part === 'static' ? runStatic() : await runLighthouse();
const report = writeReport();
for (const f of findings) console.error(`  ✗ ${f.route}  [${f.rule}]  ${f.message}`);
console.log(`report: ${report}`);
console.log(`quality gates (${part}): ${Math.max(0, checks - findings.length)} passed, ${findings.length} failed`);
process.exit(findings.length ? 1 : 0);
