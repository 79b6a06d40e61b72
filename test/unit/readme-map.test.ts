// The README's architecture map names every feature folder of src/lib and api/_lib. A folder added,
// renamed or removed without the map following would leave the next reader a wrong picture.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const map = readme.slice(readme.indexOf('## Architecture'), readme.indexOf('## Content'));

/** The folder names indented two spaces under `parent` in the map's code block, up to the next top-level line. */
function mapFolders(block: string, parent: string): string[] {
  const lines = block.split('\n');
  const start = lines.findIndex((line) => line.startsWith(parent));
  if (start === -1) return [];
  const names: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const folder = /^ {2}([\w-]+)\/\s/.exec(line);
    if (folder) names.push(folder[1]!);
    else if (/^\S/.test(line)) break;
  }
  return names.sort();
}

const folders = (dir: string) =>
  readdirSync(new URL(`../../${dir}`, import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

describe('README architecture map', () => {
  it('reads the folders under a parent and stops at the next top-level entry', () => {
    const block = ['src/lib/     pure', '  roi/       calc', '             more', '  text/      helpers', 'src/islands/ x', '  other/ y'].join('\n');
    expect(mapFolders(block, 'src/lib/')).toEqual(['roi', 'text']);
  });

  it('lists every folder of src/lib, and no other', () => {
    expect(mapFolders(map, 'src/lib/')).toEqual(folders('src/lib'));
  });

  it('lists every folder of api/_lib, and no other', () => {
    expect(mapFolders(map, 'api/_lib/')).toEqual(folders('api/_lib'));
  });
});
