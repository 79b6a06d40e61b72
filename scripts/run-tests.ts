// `npm test`: every test and gate, in the order that fails fastest: unit tests, type check,
// production build, the Vercel build and its functions, static quality gates, browser tests, then
// Lighthouse on every page.
import { spawnSync } from 'node:child_process';

const steps: [string, string[]][] = [
  ['unit tests', ['npx', 'vitest', 'run']],
  ['type check', ['npx', 'astro', 'check', '--minimumSeverity', 'warning']],
  ['production build', ['npx', 'astro', 'build']],
  ['Vercel build and its functions (offline)', ['node', 'scripts/vercel-smoke.ts']],
  ['test tools (Chromium, Java)', ['node', 'scripts/ensure-tools.ts']],
  ['quality gates: sizes, HTML, structured data, links', ['node', 'scripts/quality-gates.ts', 'static']],
  ['end-to-end tests', ['npx', 'playwright', 'test']],
  ['quality gates: Lighthouse', ['node', 'scripts/quality-gates.ts', 'lighthouse']],
];

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const started = Date.now();
let passed = 0;
for (const [name, [command, ...args]] of steps) {
  const stepStarted = Date.now();
  console.log(`\n=== ${name}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command!, args, { stdio: 'inherit', env });
  const seconds = ((Date.now() - stepStarted) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n=== ${name} FAILED after ${seconds}s (exit ${result.status ?? result.signal})`);
    console.log(`steps: ${passed} passed, 1 failed, ${steps.length - passed - 1} skipped`);
    process.exit(result.status ?? 1);
  }
  passed++;
  console.log(`=== ${name} passed in ${seconds}s`);
}
console.log(`\nAll ${steps.length} steps passed in ${((Date.now() - started) / 1000).toFixed(0)}s. Report: reports/quality/report.md`);
console.log(`steps: ${passed} passed, 0 failed`);
