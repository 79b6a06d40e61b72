// Which Chromium the tests drive: CHROMIUM_PATH if set, else Playwright's own browser when one is
// installed (a developer laptop), else Debian's chromium package (these machines, CI).
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Flags for a machine without network: without them Chromium keeps trying to reach Google's hosts. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, safePlaywrightPath(), DEBIAN_CHROMIUM];
  return candidates.find((path): path is string => Boolean(path && existsSync(path)));
}

function safePlaywrightPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}
