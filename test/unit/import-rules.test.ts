// Import boundaries, checked by reading the source files (no module loading), in the spirit of
// Starlight's import tests. Each rule catches a bug that type-checks and builds fine:
//   1. src/lib is pure logic shared by pages, islands and tests: a Node built-in, Astro or React import
//      there breaks the browser bundle of an island or ties the logic to one framework; an api/ import
//      drags the server (store, mailer, secrets) in.
//   2. src/islands ship to the browser: an api/ or Node built-in import leaks server code into the client
//      bundle, or fails to bundle at all.
//   3. src/pages are prerendered HTML: importing api/ (the store, the mailer in api/_lib) makes the static
//      build open the database or need the API's secrets.
//   4. Nothing in src/ (components, layouts, config included) reaches into api/ or scripts/.
//   5. Vercel installs only `dependencies` in production: a runtime import of a package that is only in
//      devDependencies (or not in package.json at all) works locally and fails once deployed.
//   6. No api/ route loads React Email with its own modules: rendering an email needs it, answering a
//      request does not, and it is most of a function's cold start. The outbox imports the templates
//      when it renders the first email (a dynamic import, which Vercel's file tracing still ships).
//   7. The scanner itself works, so that the rules above can fail.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';

type SourceTree = Record<string, string>; // repository path (posix) -> source text

const ROOT = join(import.meta.dirname, '..', '..');
const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.astro', '.vercel', 'test']);
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.mjs', '.js', '.astro'];

// ---- Reading the tree ------------------------------------------------------------------------------

function isSourceFile(name: string): boolean {
  return SOURCE_EXTENSIONS.some((ext) => name.endsWith(ext)) && !name.endsWith('.d.ts');
}

function readTree(dirs: string[], files: string[]): SourceTree {
  const tree: SourceTree = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = posix.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(path);
      } else if (isSourceFile(entry.name)) {
        tree[path] = readFileSync(join(ROOT, path), 'utf8');
      }
    }
  };
  for (const dir of dirs) walk(dir);
  for (const file of files) tree[file] = readFileSync(join(ROOT, file), 'utf8');
  return tree;
}

// ---- Extracting specifiers ---------------------------------------------------------------------------

// `import x from 'm'`, `import { a, type B } from 'm'`, `import * as ns from 'm'`, `export { a } from 'm'`,
// `export * from 'm'`, across lines. Group 2 is `type` for the type-only forms, which vanish at runtime.
const FROM_FORM = /^[ \t]*(import|export)\s+(type\s+)?([\w$*{},\s]*?)\s*from\s*(['"])([^'"\n]+)\4/gm;
// `import 'm'` (side effect only).
const BARE_FORM = /^[ \t]*import\s*(['"])([^'"\n]+)\1/gm;
// `import('m')` with a string literal.
const DYNAMIC_FORM = /\bimport\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g;

/** The script part of a file: an .astro file's frontmatter, any other file whole. */
function scriptOf(path: string, source: string): string {
  if (!path.endsWith('.astro')) return source;
  return /^\s*---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? '';
}

/** Drops whole-line comments (`// ...`, `/* ...`, ` * ...`), so a commented-out import does not count. */
function withoutCommentLines(code: string): string {
  return code
    .split('\n')
    .map((line) => (/^\s*(\/\/|\/\*|\*)/.test(line) ? '' : line))
    .join('\n');
}

/** The specifiers a module imports at runtime, in source order; `dynamic: false` leaves out import('m'). */
function runtimeSpecifiers(code: string, { dynamic = true } = {}): string[] {
  const text = withoutCommentLines(code);
  const found: { at: number; specifier: string }[] = [];
  for (const m of text.matchAll(FROM_FORM)) if (!m[2]) found.push({ at: m.index, specifier: m[5]! });
  for (const m of text.matchAll(BARE_FORM)) found.push({ at: m.index, specifier: m[2]! });
  if (dynamic) for (const m of text.matchAll(DYNAMIC_FORM)) found.push({ at: m.index, specifier: m[2]! });
  return found.sort((a, b) => a.at - b.at).map((f) => f.specifier);
}

type Import = { file: string; specifier: string; resolved: string | null };

/** A relative specifier as a repository path (`?url` and the like dropped); null for anything else. */
function resolveRelative(file: string, specifier: string): string | null {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return null;
  return posix.normalize(posix.join(posix.dirname(file), specifier.replace(/[?#].*$/, '')));
}

function importsOf(file: string, source: string, options?: { dynamic?: boolean }): Import[] {
  return runtimeSpecifiers(scriptOf(file, source), options).map((specifier) => ({
    file,
    specifier,
    resolved: resolveRelative(file, specifier),
  }));
}

function importsUnder(tree: SourceTree, dir: string): Import[] {
  return Object.keys(tree)
    .filter((file) => file.startsWith(`${dir}/`))
    .sort()
    .flatMap((file) => importsOf(file, tree[file]!));
}

// ---- Classifying specifiers --------------------------------------------------------------------------

const isNodeBuiltin = (s: string): boolean =>
  s.startsWith('node:') || builtinModules.includes(s) || builtinModules.includes(s.split('/')[0]!);
const isAstro = (s: string): boolean => s === 'astro' || s.startsWith('astro/') || s.startsWith('astro:') || s.startsWith('@astrojs/');
const isReact = (s: string): boolean => /^react(-dom)?(\/|$)/.test(s);
const resolvesUnder = (imp: Import, dir: string): boolean => imp.resolved?.startsWith(`${dir}/`) ?? false;
const describeImport = (imp: Import): string => `${imp.file} imports ${imp.specifier}`;

/** `@scope/name/sub` -> `@scope/name`, `name/sub?url` -> `name`; null for what is not an npm package. */
function packageName(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return null;
  if (isNodeBuiltin(specifier) || specifier.startsWith('astro:')) return null;
  const parts = specifier.replace(/[?#].*$/, '').split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

// ---- The rules: each takes a tree and returns its violations as readable strings ----------------------

function libViolations(tree: SourceTree): string[] {
  return importsUnder(tree, 'src/lib')
    .filter((imp) => isNodeBuiltin(imp.specifier) || isAstro(imp.specifier) || isReact(imp.specifier) || resolvesUnder(imp, 'api'))
    .map(describeImport);
}

function islandViolations(tree: SourceTree): string[] {
  return importsUnder(tree, 'src/islands')
    .filter((imp) => isNodeBuiltin(imp.specifier) || resolvesUnder(imp, 'api'))
    .map(describeImport);
}

function pageViolations(tree: SourceTree): string[] {
  return importsUnder(tree, 'src/pages').filter((imp) => resolvesUnder(imp, 'api')).map(describeImport);
}

function srcViolations(tree: SourceTree): string[] {
  return importsUnder(tree, 'src')
    .filter((imp) => resolvesUnder(imp, 'api') || resolvesUnder(imp, 'scripts'))
    .map(describeImport);
}

/** The file a resolved relative import lands on: the path as written, or with an extension or /index added. */
function findFile(tree: SourceTree, resolved: string): string | null {
  const candidates = [resolved, ...SOURCE_EXTENSIONS.map((ext) => resolved + ext), ...SOURCE_EXTENSIONS.map((ext) => `${resolved}/index${ext}`)];
  return candidates.find((path) => path in tree) ?? null;
}

/** Runtime code: api/, src/, astro.config.mjs and the scripts/_lib files it loads, with their relative imports. */
function runtimeFiles(tree: SourceTree): string[] {
  const roots = Object.keys(tree).filter(
    (file) =>
      (file.startsWith('api/') && /\.tsx?$/.test(file)) ||
      (file.startsWith('src/') && /\.(ts|tsx|astro|mjs)$/.test(file)) ||
      file === 'astro.config.mjs' ||
      file === 'scripts/_lib/api-dev-routes.ts' ||
      file === 'scripts/_lib/prune-page-css.ts',
  );
  return reachableFiles(tree, roots);
}

/** `roots` and every file of the tree their relative imports reach, sorted; `dynamic: false` follows static imports only. */
function reachableFiles(tree: SourceTree, roots: string[], options?: { dynamic?: boolean }): string[] {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imp of importsOf(file, tree[file]!, options)) {
      const target = imp.resolved && findFile(tree, imp.resolved);
      if (target && !seen.has(target)) queue.push(target);
    }
  }
  return [...seen].sort();
}

const isReactEmail = (s: string): boolean => isReact(s) || s.startsWith('@react-email/');
/** A serverless function: a file under api/ with no folder or file name starting with `_`. */
const isApiRoute = (file: string): boolean => file.startsWith('api/') && /\.tsx?$/.test(file) && !file.split('/').some((part) => part.startsWith('_'));

/** Each api/ route whose static imports (followed through the repository) reach React or React Email. */
function apiRouteReactViolations(tree: SourceTree): string[] {
  return Object.keys(tree)
    .filter(isApiRoute)
    .sort()
    .flatMap((route) =>
      reachableFiles(tree, [route], { dynamic: false })
        .flatMap((file) => importsOf(file, tree[file]!, { dynamic: false }))
        .filter((imp) => isReactEmail(imp.specifier))
        .map((imp) => `${route} loads ${imp.specifier} (${describeImport(imp)})`),
    );
}

type PackageJson = { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };

function dependencyViolations(tree: SourceTree, pkg: PackageJson): string[] {
  const dependencies = pkg.dependencies ?? {};
  const devDependencies = pkg.devDependencies ?? {};
  const violations: string[] = [];
  for (const file of runtimeFiles(tree)) {
    for (const imp of importsOf(file, tree[file]!)) {
      const name = packageName(imp.specifier);
      if (name === null || name in dependencies) continue;
      const why = name in devDependencies ? 'a devDependency' : 'not in package.json';
      violations.push(`${file} imports ${name} (${why})`);
    }
  }
  return [...new Set(violations)];
}

// ---- Tests -------------------------------------------------------------------------------------------

describe('import rules', () => {
  const tree = readTree(['src', 'api', 'scripts'], ['astro.config.mjs']);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;

  it('found the source tree', () => {
    expect(Object.keys(tree).filter((f) => f.startsWith('src/lib/')).length).toBeGreaterThan(5);
    expect(Object.keys(tree).filter((f) => f.startsWith('src/pages/') && f.endsWith('.astro')).length).toBeGreaterThan(5);
    expect(Object.keys(tree).filter((f) => f.startsWith('api/')).length).toBeGreaterThan(5);
  });

  it('src/lib imports no Node built-in, Astro, React or api/ module', () => {
    expect(libViolations(tree)).toEqual([]);
  });

  it('src/islands import nothing from api/ and no Node built-in', () => {
    expect(islandViolations(tree)).toEqual([]);
  });

  it('src/pages import nothing from api/ (pages never import the store)', () => {
    expect(pageViolations(tree)).toEqual([]);
  });

  it('nothing under src/ imports from api/ or scripts/', () => {
    expect(srcViolations(tree)).toEqual([]);
  });

  it('no api/ route loads React Email before it renders an email', () => {
    expect(apiRouteReactViolations(tree)).toEqual([]);
  });

  it('every package runtime code imports is in package.json dependencies', () => {
    expect(dependencyViolations(tree, pkg)).toEqual([]);
  });
});

describe('the import scanner', () => {
  it('extracts every runtime import form and skips type-only ones', () => {
    const source = [
      "import a from 'static-default';",
      "import { b, c as d } from './named.ts';",
      'import {',
      '  e,',
      '  type F,',
      "} from '@scope/multi-line/sub';",
      "import * as ns from 'namespace';",
      "import 'side-effect.css';",
      "export { g } from '../export-from.ts';",
      "export * from 'export-star';",
      "import type { H } from 'type-only';",
      "export type { I } from 'type-export';",
      "import { type J, k } from 'mixed-type';",
      "// import l from 'commented-out';",
      "const lazy = () => import('dynamic');",
      "const fonts = import(\"double-quoted\");",
      'export type Local = string;',
      'export function fromQuery() {}',
    ].join('\n');
    expect(runtimeSpecifiers(source)).toEqual([
      'static-default',
      './named.ts',
      '@scope/multi-line/sub',
      'namespace',
      'side-effect.css',
      '../export-from.ts',
      'export-star',
      'mixed-type',
      'dynamic',
      'double-quoted',
    ]);
  });

  it('reads only the frontmatter of an .astro file', () => {
    const astro = "---\nimport Layout from '../layouts/Base.astro';\n---\n<p>import x from 'not-code';</p>\n";
    expect(importsOf('src/pages/a.astro', astro).map((i) => i.resolved ?? i.specifier)).toEqual(['src/layouts/Base.astro']);
  });

  it('normalises specifiers to package names', () => {
    expect(packageName('@scope/name/sub')).toBe('@scope/name');
    expect(packageName('name/sub')).toBe('name');
    expect(packageName('@astrojs/react/client.js?url')).toBe('@astrojs/react');
    expect([packageName('node:fs'), packageName('path'), packageName('fs/promises'), packageName('astro:content'), packageName('./x.ts')]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('reports a src/lib file that imports node:fs', () => {
    expect(libViolations({ 'src/lib/x.ts': "import { readFileSync } from 'node:fs';" })).toEqual(['src/lib/x.ts imports node:fs']);
  });

  it('reports the api/ and scripts/ imports of src/ files', () => {
    const fake = {
      'src/pages/p.astro': "---\nimport { store } from '../../api/_lib/store/db.ts';\n---\n",
      'src/islands/i.tsx': "import { x } from '../../api/_lib/http/request-guards.ts';\nimport { y } from '../lib/ok.ts';",
      'src/components/c.astro': "---\nimport { z } from '../../scripts/_lib/server.ts';\n---\n",
    };
    expect(pageViolations(fake)).toEqual(['src/pages/p.astro imports ../../api/_lib/store/db.ts']);
    expect(islandViolations(fake)).toEqual(['src/islands/i.tsx imports ../../api/_lib/http/request-guards.ts']);
    expect(srcViolations(fake)).toEqual([
      'src/components/c.astro imports ../../scripts/_lib/server.ts',
      'src/islands/i.tsx imports ../../api/_lib/http/request-guards.ts',
      'src/pages/p.astro imports ../../api/_lib/store/db.ts',
    ]);
  });

  it('reports an api/ route that reaches React Email through a static import, not through a dynamic one', () => {
    const fake = {
      'api/signup.ts': "import { queue } from './_lib/queue.ts';",
      'api/_lib/queue.ts': "import { render } from './templates.ts';\nimport type { Props } from './types.ts';",
      'api/_lib/templates.ts': "import { Button } from '@react-email/components';\nimport { createElement } from 'react';",
      'api/_lib/types.ts': "import type { ReactNode } from 'react';",
      'api/outbox/retry.ts': "export const run = async () => (await import('../_lib/templates.ts')).render;",
      'api/_lib/not-a-route.ts': "import { render } from './templates.ts';",
    };
    expect(apiRouteReactViolations(fake)).toEqual([
      'api/signup.ts loads @react-email/components (api/_lib/templates.ts imports @react-email/components)',
      'api/signup.ts loads react (api/_lib/templates.ts imports react)',
    ]);
  });

  it('reports devDependencies reached from astro.config.mjs through scripts/_lib', () => {
    const fake = {
      'astro.config.mjs': "import { prune } from './scripts/_lib/prune-page-css.ts';",
      'scripts/_lib/prune-page-css.ts': "import { helper } from './helper.ts';\nimport type { T } from 'types-only';",
      'scripts/_lib/helper.ts': "import { PurgeCSS } from 'purgecss';",
      'scripts/_lib/unreached.ts': "import x from 'not-runtime';",
      'api/_lib/x.ts': "import { parse } from 'yaml/util';\nimport { z } from 'zod';\nimport { readFileSync } from 'node:fs';",
      'src/lib/y.ts': "import { ghost } from 'ghost';",
    };
    const pkg = { dependencies: { zod: '1' }, devDependencies: { yaml: '1', purgecss: '1' } };
    expect(dependencyViolations(fake, pkg)).toEqual([
      'api/_lib/x.ts imports yaml (a devDependency)',
      'scripts/_lib/helper.ts imports purgecss (a devDependency)',
      'src/lib/y.ts imports ghost (not in package.json)',
    ]);
  });
});
