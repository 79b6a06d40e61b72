// Lighthouse (the npm package) driving the same Chromium as the e2e tests, one browser for all runs.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { CHROMIUM_ARGS, findChromium } from '../_lib/chromium.ts';
import { scriptBlockingTime, type LongTask } from './script-blocking-time.ts';

export const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo', 'agentic-browsing'] as const;
export type Category = (typeof LIGHTHOUSE_CATEGORIES)[number];
export type Profile = 'mobile' | 'desktop';

export interface LighthouseResult {
  url: string;
  profile: Profile;
  scores: Record<Category, number | null>;
  /** `scriptTbt`: the part of TBT in tasks Lighthouse attributes to a script (NaN without the performance category). */
  metrics: { fcp: number; lcp: number; tbt: number; scriptTbt: number; cls: number };
  /** Failed audits of the categories that must score 100: id and title. */
  failures: { category: Category; id: string; title: string }[];
}

/** One run: a page's address and the profile to audit it with. */
export interface LighthouseJob {
  url: string;
  profile: Profile;
}

export interface LighthouseSession {
  run(url: string, profile: Profile): Promise<LighthouseResult>;
  close(): Promise<void>;
}

/**
 * The pictures of the page (a full-page screenshot, the filmstrip, the final frame) feed no score and
 * no metric: skipped, a run takes about a quarter less time (3 pages: 27.7 s -> 21.6 s, measured).
 */
const SKIPPED_PICTURES = { disableFullPageScreenshot: true, skipAudits: ['screenshot-thumbnails', 'final-screenshot'] };

/** Lighthouse's own failures (a lost trace, NO_NAVSTART, an audit that errored) say nothing about the page: retry these, never a low score. */
const ATTEMPTS = 4;

/** A session that runs `categories` (all five unless told): the gate leaves out performance, which it does not assert. */
export async function startLighthouse(categories: readonly Category[] = LIGHTHOUSE_CATEGORIES): Promise<LighthouseSession> {
  const chromePath = findChromium();
  if (!chromePath) throw new Error('No Chromium found: run `node scripts/ensure-tools.ts` first.');
  const launch = () => chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
  let chrome = await launch();

  async function audit(url: string, profile: Profile) {
    const config = profile === 'desktop' ? desktopConfig : undefined;
    for (let attempt = 1; ; attempt++) {
      let failure: string;
      try {
        const lhr = (await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories], ...SKIPPED_PICTURES }, config))?.lhr;
        // An audit that errored (its trace lost under load, say) leaves its category without a score.
        const errored = categories.flatMap((c) => lhr?.categories[c]?.auditRefs ?? []).map((ref) => lhr!.audits[ref.id]!).filter((a) => a?.scoreDisplayMode === 'error');
        if (lhr && !lhr.runtimeError && errored.length === 0) return lhr;
        failure = lhr?.runtimeError?.message ?? (errored.length ? errored.map((a) => `audit ${a.id} errored: ${a.errorMessage}`).join('; ') : 'no result');
      } catch (error) {
        failure = (error as Error).message;
      }
      if (attempt === ATTEMPTS) throw new Error(`Lighthouse failed on ${url} ${ATTEMPTS} times: ${failure}`);
      process.stdout.write(`  (Lighthouse run ${attempt} on ${url} failed: ${failure}; restarting Chromium)\n`);
      // A browser that lost one trace tends to lose the next: start a fresh one and let a busy machine settle.
      chrome.kill();
      await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
      chrome = await launch();
    }
  }

  return {
    async run(url, profile) {
      const lhr = await audit(url, profile);
      const scores = Object.fromEntries(LIGHTHOUSE_CATEGORIES.map((c) => [c, lhr.categories[c]?.score ?? null])) as Record<Category, number | null>;
      const failures = categories.filter((c) => c !== 'performance').flatMap((category) =>
        (lhr.categories[category]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => ({ category, id: ref.id, title: lhr.audits[ref.id]!.title })),
      );
      const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
      const longTasks = (lhr.audits['long-tasks']?.details as { items?: LongTask[] } | undefined)?.items;
      const scriptTbt = longTasks ? scriptBlockingTime(longTasks, metric('first-contentful-paint'), lhr.mainDocumentUrl ?? lhr.finalDisplayedUrl) : Number.NaN;
      return {
        url,
        profile,
        scores,
        metrics: { fcp: metric('first-contentful-paint'), lcp: metric('largest-contentful-paint'), tbt: metric('total-blocking-time'), scriptTbt, cls: metric('cumulative-layout-shift') },
        failures,
      };
    },
    async close() {
      chrome.kill();
    },
  };
}

/**
 * Runs `jobs` one after another in a child process (lighthouse-worker.ts) with its own Chromium, and
 * hands each result over as it comes. Lighthouse does not support two runs at once in one process, and
 * out of the caller's process its work never delays the answers of a site server the caller runs.
 */
export function runLighthouseWorker(jobs: LighthouseJob[], categories: readonly Category[], onResult: (result: LighthouseResult) => void): Promise<void> {
  const child = spawn(process.execPath, [new URL('./lighthouse-worker.ts', import.meta.url).pathname, JSON.stringify({ jobs, categories })], { stdio: ['ignore', 'pipe', 'inherit'] });
  createInterface({ input: child.stdout }).on('line', (line) => (line.startsWith('{') ? onResult(JSON.parse(line) as LighthouseResult) : console.log(line)));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => (code === 0 ? resolve() : reject(new Error(`a Lighthouse runner stopped (exit ${code ?? signal})`))));
  });
}
