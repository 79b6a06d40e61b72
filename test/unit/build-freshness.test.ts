// dist/ counts as stale when it is missing or any build input changed after it was written (file
// times set by hand, so no clock is involved).
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staleBuildReason } from '../../scripts/_lib/build-freshness.ts';

const at = (iso: string) => new Date(iso);
function site(): string {
  const root = mkdtempSync(join(tmpdir(), 'freshness-'));
  mkdirSync(join(root, 'src/lib'), { recursive: true });
  mkdirSync(join(root, 'content/blog'), { recursive: true });
  writeFileSync(join(root, 'src/lib/model.ts'), 'x');
  writeFileSync(join(root, 'content/blog/post.mdx'), 'x');
  utimesSync(join(root, 'src/lib/model.ts'), at('2026-12-01T10:00:00Z'), at('2026-12-01T10:00:00Z'));
  utimesSync(join(root, 'content/blog/post.mdx'), at('2026-12-01T10:05:00Z'), at('2026-12-01T10:05:00Z'));
  return root;
}
function build(root: string, when: string) {
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist/index.html'), '<html>');
  utimesSync(join(root, 'dist/index.html'), at(when), at(when));
}

describe('staleBuildReason', () => {
  it('says so when there is no build', () => {
    expect(staleBuildReason(site())).toBe('dist/ has not been built');
  });
  it('passes a build newer than every input', () => {
    const root = site();
    build(root, '2026-12-01T10:06:00Z');
    expect(staleBuildReason(root)).toBeNull();
  });
  it('names the input changed after the build', () => {
    const root = site();
    build(root, '2026-12-01T10:02:00Z');
    expect(staleBuildReason(root)).toBe(join('content', 'blog', 'post.mdx') + ' changed after dist/ was built');
  });
});
