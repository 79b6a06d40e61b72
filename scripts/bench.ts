// `npm run bench [weights|roi|lighthouse|build|http|feeds ...]`: prints figures, asserts nothing (timings on a
// shared machine are noisy; the deterministic gates live in `npm test`). Runs on the current dist/.
import { availableParallelism } from 'node:os';
import { builtPages } from './quality/site-files.ts';
import { pageWeight } from './quality/page-weight.ts';
import { LIGHTHOUSE_CATEGORIES, runLighthouseWorker, type LighthouseResult, type Profile } from './quality/lighthouse.ts';
import { createSiteServer } from './_lib/server.ts';
import { measureBuildTimes } from './bench/build-time.ts';
import { measureThroughput, type ThroughputRow } from './bench/http-throughput.ts';
import { FEED_DAYS, FEED_EVENTS, WARMUP_SECONDS, measureFeeds } from './bench/feeds.ts';
import type { AddressInfo } from 'node:net';
import { computeRoi } from '../src/lib/roi/model.ts';
import { parseDraft, draftFromInputs } from '../src/lib/roi/form.ts';
import { PRESETS } from '../src/lib/roi/presets.ts';
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
  console.log(`## Lighthouse on every page (median of ${runs} runs per page and profile; \`npm test\` checks one page of each template)\n`);
  const server = createSiteServer({ rootDir: fileURLToPath(new URL('..', import.meta.url)) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const rows: (string | number)[][] = [];
  // Lighthouse in a child process: in this one, its work in Node delayed the server's answers, and Lantern
  // takes the observed server time into its estimate of every request.
  const pages = builtPages();
  // Lantern estimates one server response time per origin from every request of a run, the view
  // counter's included: a first page compressed on demand, or a first view that opens the database
  // (0.3 s), added up to 0.14 s to every request of the first page measured. Warm both first.
  for (const page of pages) await (await fetch(`${origin}${page.route}`, { headers: { 'accept-encoding': 'br' } })).arrayBuffer();
  await (await fetch(`${origin}/api/views?page=${encodeURIComponent(pages[0]!.route)}`)).arrayBuffer();
  const jobs = pages.flatMap((page) => (['mobile', 'desktop'] as Profile[]).flatMap((profile) => Array.from({ length: runs }, () => ({ url: `${origin}${page.route}`, profile }))));
  const results: LighthouseResult[] = [];
  try {
    await runLighthouseWorker(jobs, LIGHTHOUSE_CATEGORIES, (result) => results.push(result));
  } finally {
    server.close();
  }
  for (const page of pages) {
    for (const profile of ['mobile', 'desktop'] as Profile[]) {
      const mine = results.filter((r) => r.profile === profile && new URL(r.url).pathname === page.route);
      const m = (pick: (r: LighthouseResult) => number) => median(mine.map(pick));
      // The other categories must score 100 (the gate's rule, noindex pages aside): named here when one did not.
      const below = [...new Set(mine.flatMap((r) => r.failures.map((f) => `${f.category}: ${f.id}`)))].join('; ');
      rows.push([page.route, profile, Math.round(m((r) => r.scores.performance ?? 0) * 100), Math.round(m((r) => r.metrics.fcp)), Math.round(m((r) => r.metrics.lcp)), Math.round(m((r) => r.metrics.tbt)), Math.round(m((r) => r.metrics.scriptTbt)), m((r) => r.metrics.cls).toFixed(3), below || 'none']);
    }
  }
  table(['page', 'profile', 'score', 'FCP ms', 'LCP ms', 'TBT ms', 'of it scripts ms', 'CLS', 'failed audits (other categories)'], rows);
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

const throughputCells = (r: ThroughputRow) => [r.name, Math.round(r.requestsPerSecond), r.p50, r.p99, r.errors, r.non2xx, r.serverCpuPercent === undefined ? 'n/a' : `${Math.round(r.serverCpuPercent)}%`];

async function http(): Promise<void> {
  const seconds = 5;
  const connections = 50;
  console.log(`## Local server throughput (${connections} connections, ${seconds} s per target, loopback, ${availableParallelism()} cores shared by server and load generator)\n`);
  console.log('server CPU: the server process\'s CPU time over the run, 100% = one core busy throughout.\n');
  const rows = await measureThroughput({ seconds, connections });
  table(['target', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', 'server CPU'], rows.map(throughputCells));
  const [yardstick] = rows;
  for (const row of rows.slice(1)) console.log(`${row.name}: ${((row.requestsPerSecond / yardstick!.requestsPerSecond) * 100).toFixed(0)}% of the static page rate`);
  console.log();
}

async function feeds(rounds: number): Promise<void> {
  const seconds = 5;
  const connections = 50;
  console.log(`## GET /api/slots with the operator's calendar feeds (2 feeds x ${FEED_EVENTS} events in the next ${FEED_DAYS} days, served on loopback)\n`);
  console.log(`The http part's 31-day target on fresh servers that differ only in BOOKING_BUSY_FEEDS (${connections} connections, ${seconds} s each after ${WARMUP_SECONDS} s`);
  console.log(`unmeasured, loopback, ${availableParallelism()} cores shared by server and load generator), ${rounds} round(s) in alternating order (BENCH_ROUNDS).`);
  console.log('A feed run is measured once its copies are stored, so it reads the stored copy. The control serves the same feeds with every');
  console.log('meeting moved to the evening: as many events, nothing blocked, the full-size answer. CPU ms/req: the server\'s CPU time per');
  console.log('request, steadier than req/s when other work shares the cores. BENCH_CPU_PROF=<dir> writes a CPU profile of each server.\n');
  const results = await measureFeeds({ seconds, connections, rounds });
  const keys = ['withoutFeeds', 'withFeeds', 'eveningFeeds'] as const;
  const cpuMs = (ms: number | undefined) => ms?.toFixed(2) ?? 'n/a';
  table(
    ['run', 'round', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', 'server CPU', 'CPU ms/req', 'slots in 31 days', 'busy spans stored'],
    results.flatMap((round, i) => keys.map((key) => {
      const [name, ...cells] = throughputCells(round[key].row);
      return [name!, i + 1, ...cells, cpuMs(round[key].row.serverCpuMsPerRequest), round[key].slots, round[key].busySpans];
    })),
  );
  const ratios = (key: (typeof keys)[number], pick: (r: ThroughputRow) => number | undefined) =>
    results.map((round) => (pick(round[key].row) ?? NaN) / (pick(round.withoutFeeds.row) ?? NaN));
  const rate = (r: ThroughputRow) => r.requestsPerSecond;
  const cpu = (r: ThroughputRow) => r.serverCpuMsPerRequest;
  console.log(`Median of ${rounds} round(s); ratios are per round (the same round's run without feeds), then their median:\n`);
  table(
    ['run', 'req/s', 'p50 ms', 'p99 ms', 'CPU ms/req', 'rate / no feeds', 'CPU per request / no feeds'],
    keys.map((key) => {
      const rows = results.map((round) => round[key].row);
      const per = (values: number[]) => `${median(values).toFixed(2)}x (${values.map((v) => v.toFixed(2)).join(', ')})`;
      return [rows[0]!.name, Math.round(median(rows.map(rate))), median(rows.map((r) => r.p50)), median(rows.map((r) => r.p99)), cpuMs(median(rows.map((r) => cpu(r) ?? NaN))), key === 'withoutFeeds' ? '' : per(ratios(key, rate)), key === 'withoutFeeds' ? '' : per(ratios(key, cpu))];
    }),
  );
  const last = results[results.length - 1]!;
  const fetches = results.reduce((sum, round) => sum + round.withFeeds.feedFetchesDuringLoad + round.eveningFeeds.feedFetchesDuringLoad, 0);
  console.log(`busy spans stored: ${last.withFeeds.busySpans} (from ${last.withFeeds.events} events); feed fetches during the measured runs: ${fetches}`);
  console.log(`slots the feeds block: ${last.withoutFeeds.slots - last.withFeeds.slots} of ${last.withoutFeeds.slots}`);
  console.log(`rate with feeds / without, median of ${rounds}: ${median(ratios('withFeeds', rate)).toFixed(2)}x (goal: at least 0.8x)\n`);
}

function roi(): void {
  console.log('## ROI calculator: model recompute time and page JavaScript\n');
  const rows: (string | number)[][] = [];
  for (const [id, preset] of Object.entries(PRESETS)) {
    for (const horizonMonths of [12, 36] as const) {
      const inputs = { ...preset.inputs, horizonMonths };
      const draft = draftFromInputs(inputs);
      for (let i = 0; i < 2000; i++) computeRoi(inputs); // warm up the JIT
      const samples = (fn: () => unknown) => Array.from({ length: 31 }, () => {
        const started = performance.now();
        for (let i = 0; i < 200; i++) fn();
        return ((performance.now() - started) / 200) * 1000;
      });
      const model = median(samples(() => computeRoi(inputs)));
      const keystroke = median(samples(() => computeRoi(parseDraft(draft).inputs!)));
      rows.push([id, horizonMonths, model.toFixed(1), keystroke.toFixed(1)]);
    }
  }
  table(['preset', 'horizon', 'computeRoi µs', 'parse + compute µs (one keystroke)'], rows);
  const page = builtPages().find((p) => p.route === '/resources/ai-automation-roi-calculator');
  if (page) {
    const w = pageWeight(page);
    console.log(`calculator page JavaScript: ${kb(w.javascript.gzip)} kB gzip, ${kb(w.javascript.brotli)} kB brotli (goal: at most 70 kB gzip with React)`);
    for (const file of w.scriptFiles) console.log(`  ${file}`);
    console.log();
  }
}

const parts = process.argv.slice(2);
const selected = parts.length ? parts : ['weights', 'roi', 'http', 'feeds', 'build', 'lighthouse'];
for (const part of selected) {
  if (part === 'weights') weights();
  else if (part === 'lighthouse') await lighthouse();
  else if (part === 'build') build(Number(process.env.BENCH_POSTS ?? 1000));
  else if (part === 'http') await http();
  else if (part === 'feeds') await feeds(Number(process.env.BENCH_ROUNDS ?? 3));
  else if (part === 'roi') roi();
  else {
    console.error(`unknown part "${part}": use weights, roi, lighthouse, build, http or feeds`);
    process.exit(2);
  }
}
