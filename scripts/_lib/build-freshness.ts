// Whether dist/ was built from the sources as they are now: the e2e tests and quality gates run
// against dist/, and a stale build would test yesterday's site.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the build reads: a change to any of these makes dist/ stale. */
export const BUILD_INPUTS = ['src', 'content', 'public', 'astro.config.mjs', 'package.json'];

/** The newest file under `paths` (relative to root), with its mtime in ms; null when there is none. */
function newestFile(root: string, paths: string[]): { file: string; mtimeMs: number } | null {
  let newest: { file: string; mtimeMs: number } | null = null;
  const visit = (path: string) => {
    const full = join(root, path);
    if (!existsSync(full)) return;
    const stat = statSync(full);
    if (stat.isDirectory()) return readdirSync(full).forEach((name) => visit(join(path, name)));
    if (!newest || stat.mtimeMs > newest.mtimeMs) newest = { file: path, mtimeMs: stat.mtimeMs };
  };
  paths.forEach(visit);
  return newest;
}

/**
 * Why dist/ cannot be tested as it is ("dist/ is missing", or the first source changed since the
 * build), or null when it is fresh. The build's time is dist/index.html's, written last of all.
 */
export function staleBuildReason(root: string, inputs = BUILD_INPUTS): string | null {
  const built = join(root, 'dist', 'index.html');
  if (!existsSync(built)) return 'dist/ has not been built';
  const builtAt = statSync(built).mtimeMs;
  const newest = newestFile(root, inputs);
  return newest && newest.mtimeMs > builtAt ? `${newest.file} changed after dist/ was built` : null;
}
