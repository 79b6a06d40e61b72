// The site's source files, read by the editorial tests.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir`, at any depth. */
export const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)]));
