// SITE_SECRET signs tokens and keys the address hashes. Production refuses to run without one;
// a local machine gets a random one generated into DATA_DIR on first use.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerConfig } from '../runtime/config.ts';

class MissingSecretError extends Error {}

let cached: { dataDir: string; secret: string } | undefined;

export function siteSecret(config: ServerConfig): string {
  if (config.siteSecret) {
    if (config.siteSecret.length < 32) throw new MissingSecretError('SITE_SECRET must be at least 32 characters.');
    return config.siteSecret;
  }
  if (config.production) throw new MissingSecretError('SITE_SECRET is not set: production refuses to sign tokens with a made-up secret.');
  if (cached?.dataDir === config.dataDir) return cached.secret;
  const file = join(config.dataDir, 'site-secret');
  let secret: string;
  try {
    secret = readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(config.dataDir, { recursive: true });
    secret = randomBytes(32).toString('base64url');
    // `wx`: if two processes race, one file wins and both read it back below.
    try {
      writeFileSync(file, secret, { flag: 'wx', mode: 0o600 });
    } catch {
      secret = readFileSync(file, 'utf8').trim();
    }
  }
  cached = { dataDir: config.dataDir, secret };
  return secret;
}
