// The build check that keeps Node built-ins out of browser bundles: a real Vite client build of an
// entry that imports node:fs fails naming the module and its importer; the same entry without it builds.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { isNodeBuiltin, noNodeInBrowser } from '../../scripts/_lib/no-node-in-browser.ts';

function project(entry: string): string {
  const root = mkdtempSync(join(tmpdir(), 'no-node-'));
  writeFileSync(join(root, 'entry.js'), entry);
  return root;
}
const bundle = (root: string) =>
  build({ root, logLevel: 'silent', configFile: false, plugins: [noNodeInBrowser()], build: { write: false, lib: { entry: join(root, 'entry.js'), formats: ['es'], fileName: 'out' } } });

describe('no Node built-in in a browser bundle', () => {
  it('fails a client build that imports node:fs, naming it and the importer', async () => {
    const root = project(`import { readFileSync } from 'node:fs';\nexport const read = () => readFileSync('x');\n`);
    await expect(bundle(root)).rejects.toThrow(/node:fs \(imported by .*entry\.js\)/);
  });

  it('builds the same entry without the import', async () => {
    const root = project(`export const read = () => 'x';\n`);
    await expect(bundle(root)).resolves.toBeTruthy();
  });

  it('knows the built-ins by both names, and nothing else', () => {
    expect(isNodeBuiltin('node:crypto')).toBe(true);
    expect(isNodeBuiltin('path')).toBe(true);
    expect(isNodeBuiltin('/work/src/lib/path.ts')).toBe(false);
    expect(isNodeBuiltin('react')).toBe(false);
  });
});
