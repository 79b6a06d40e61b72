// `npm test`: every test, in the order that fails fastest. Unit tests, type check, production
// build, then the browser tests against that build.
import { spawnSync } from 'node:child_process';

const steps: [string, string[]][] = [
  ['unit tests', ['npx', 'vitest', 'run']],
  ['type check', ['npx', 'astro', 'check', '--minimumSeverity', 'warning']],
  ['production build', ['npx', 'astro', 'build']],
  ['browser (chromium)', ['node', 'scripts/ensure-chromium.ts']],
  ['end-to-end tests', ['npx', 'playwright', 'test']],
];

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
for (const [name, [command, ...args]] of steps) {
  const started = Date.now();
  console.log(`\n=== ${name}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command!, args, { stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n=== ${name} FAILED after ${seconds}s (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
  console.log(`=== ${name} passed in ${seconds}s`);
}
