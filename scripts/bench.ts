// `npm run bench [weights|lighthouse|build|http ...]`: prints figures, asserts nothing (timings on a
// shared machine are noisy; the deterministic gates live in `npm test`). Runs on the current dist/.
import { builtPages } from './quality/site-files.ts';
import { pageWeight } from './quality/page-weight.ts';
import { startLighthouse, type LighthouseResult, type Profile } from './quality/lighthouse.ts';
import { createSiteServer } from './_lib/server.ts';
import { measureBuildTimes } from './bench/build-time.ts';
import { measureThroughput } from './bench/http-throughput.ts';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function table(headers: string[], rows: (string | number)[][]): void {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells.slice(1)) console.log(line(r));
  console.log();
}

function weights(): void {
  console.log('## Page weight (kB; document includes its inlined CSS)\n');
  table(
    ['page', 'HTML gz', 'HTML br', 'CSS gz', 'CSS br', 'JS gz', 'JS br', 'images'],
    builtPages().map((page) => {
      const w = pageWeight(page);
      const css = { gzip: w.inlineCss.gzip + w.blockingCss.gzip, brotli: w.inlineCss.brotli + w.blockingCss.brotli };
      return [page.route, kb(w.document.gzip), kb(w.document.brotli), kb(css.gzip), kb(css.brotli), kb(w.javascript.gzip), kb(w.javascript.brotli), kb(w.imagesRaw)];
    }),
  );
}

async function lighthouse(runs = 3): Promise<void> {
  console.log(`## Lighthouse performance (median of ${runs} runs per page and profile)\n`);
  const server = createSiteServer({ rootDir: fileURLToPath(new URL('..', import.meta.url)) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const session = await startLighthouse();
  const rows: (string | number)[][] = [];
  try {
    for (const page of builtPages()) {
      for (const profile of ['mobile', 'desktop'] as Profile[]) {
        const results: LighthouseResult[] = [];
        for (let i = 0; i < runs; i++) results.push(await session.run(`${origin}${page.route}`, profile));
        const m = (pick: (r: LighthouseResult) => number) => median(results.map(pick));
        rows.push([page.route, profile, Math.round(m((r) => r.scores.performance ?? 0) * 100), Math.round(m((r) => r.metrics.fcp)), Math.round(m((r) => r.metrics.lcp)), Math.round(m((r) => r.metrics.tbt)), m((r) => r.metrics.cls).toFixed(3)]);
      }
    }
  } finally {
    await session.close();
    server.close();
  }
  table(['page', 'profile', 'score', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS'], rows);
}

function build(posts = 1000): void {
  console.log(`## Build time (site; site + ${posts} generated posts; bare Astro + the same ${posts} posts)\n`);
  const t = measureBuildTimes(posts);
  table(
    ['build', 'seconds'],
    [
      ['site', t.siteSeconds.toFixed(1)],
      [`site + ${posts} posts`, t.sitePlusPostsSeconds.toFixed(1)],
      [`bare Astro, ${posts} posts`, t.barePostsSeconds.toFixed(1)],
    ],
  );
  console.log(`ratio site+posts / bare: ${t.ratio.toFixed(2)}x (goal: at most 1.5x)\n`);
}

async function http(): Promise<void> {
  const seconds = 5;
  const connections = 50;
  console.log(`## Local server throughput (${connections} connections, ${seconds} s per target, loopback)\n`);
  const rows = await measureThroughput({ seconds, connections });
  table(['target', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx'], rows.map((r) => [r.name, Math.round(r.requestsPerSecond), r.p50, r.p99, r.errors, r.non2xx]));
  const [yardstick] = rows;
  for (const row of rows.slice(1)) console.log(`${row.name}: ${((row.requestsPerSecond / yardstick!.requestsPerSecond) * 100).toFixed(0)}% of the static page rate`);
  console.log();
}

const parts = process.argv.slice(2);
const selected = parts.length ? parts : ['weights', 'http', 'build', 'lighthouse'];
for (const part of selected) {
  if (part === 'weights') weights();
  else if (part === 'lighthouse') await lighthouse();
  else if (part === 'build') build(Number(process.env.BENCH_POSTS ?? 1000));
  else if (part === 'http') await http();
  else {
    console.error(`unknown part "${part}": use weights, lighthouse, build or http`);
    process.exit(2);
  }
}
