// Makes sure the machine tools the tests need exist: a Chromium (e2e, Lighthouse) and Java (the Nu
// Html Checker). On Debian, as root, it installs what is missing from Debian's packages, since
// Playwright cannot download its own browsers on these machines.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './_lib/chromium.ts';

const canApt = existsSync('/usr/bin/apt-get') && process.getuid?.() === 0;
let aptUpdated = false;

function aptInstall(packages: string[]): void {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  aptUpdated = true;
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
}

const hasJava = () => spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;

const missing: string[] = [];

if (!findChromium() && canApt) {
  console.log("[tools] no Chromium found: installing Debian's chromium package (about 20 s)...");
  aptInstall(['chromium']);
}
const chromium = findChromium();
if (chromium) console.log(`[tools] Chromium: ${chromium}`);
else missing.push('Chromium for the browser tests and Lighthouse: `sudo apt-get install chromium`, or `npx playwright install chromium`, or set CHROMIUM_PATH to a Chromium or Chrome binary.');

if (!hasJava() && canApt) {
  console.log("[tools] no Java found: installing Debian's default-jre-headless for the Nu Html Checker...");
  aptInstall(['default-jre-headless']);
}
if (hasJava()) console.log('[tools] Java: found');
else missing.push('Java 11 or later for the Nu Html Checker: `sudo apt-get install default-jre-headless`, or any JRE on PATH.');

if (missing.length) {
  console.error(`\n[tools] Missing before the tests can run:\n${missing.map((m) => `  - ${m}`).join('\n')}\n`);
  process.exit(1);
}
