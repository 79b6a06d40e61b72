// Before the e2e tests and the quality gates: rebuild dist/ when it is missing or older than the
// sources, so they never test a stale site. `npm test` builds first, so there it does nothing.
import { spawnSync } from 'node:child_process';
import { staleBuildReason } from './_lib/build-freshness.ts';

const reason = staleBuildReason(process.cwd());
if (reason) {
  console.log(`[build] ${reason}: building the site first`);
  const result = spawnSync('npx', ['astro', 'build'], { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) process.exit(result.status ?? 1);
} else {
  console.log('[build] dist/ is up to date with the sources');
}
