// Makes sure a Chromium exists before the browser tests: on Debian (as root) it installs the
// `chromium` package, since Playwright cannot download its own browsers on these machines.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DEBIAN_CHROMIUM, findChromium } from './_lib/chromium.ts';

const found = findChromium();
if (found) {
  console.log(`[chromium] using ${found}`);
  process.exit(0);
}

const isRoot = process.getuid?.() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (hasApt && isRoot) {
  console.log('[chromium] no browser found: installing Debian\'s chromium package (about 20 s)...');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
  if (existsSync(DEBIAN_CHROMIUM)) {
    console.log(`[chromium] installed ${DEBIAN_CHROMIUM}`);
    process.exit(0);
  }
}

console.error(`
[chromium] No Chromium found for the browser tests.
  Install one of these, then run the tests again:
    - Debian/Ubuntu:   sudo apt-get install chromium
    - any platform:    npx playwright install chromium
    - or point CHROMIUM_PATH at an existing Chromium or Chrome binary.
`);
process.exit(1);
