// dependency-cruiser's rules for src/, api/ and scripts/, checked by test/unit/import-cycles.test.ts
// (in `npm test`'s unit tests), or by hand: `npx depcruise src api scripts --config`.
//
// No import cycles, type-only imports included (tsPreCompilationDeps): a type or constant that two
// modules need lives in a module below both (a small file in the same folder, named for what it holds).
//
// .astro files (pages, layouts, components): dependency-cruiser cannot parse them, so it does not see
// their imports, and they are left out. That loses no cycle through the modules it reads, by the two
// rules after no-circular: no module it reads imports an .astro file except the MDX component map
// (src/components/mdx-components.ts), and none imports that map (only layouts and pages do). A path that
// starts in src/lib, api/, scripts/ or any other .ts/.tsx file never reaches an .astro file, so it cannot
// come back through one. Pages are imported by nothing at all. Not covered: a cycle among .astro files
// (and the map) alone, a component importing a component that imports it.

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'An import cycle (type-only imports count). Move the type or constant both modules need into a module ' +
        'below both, in the same folder and named for what it holds, and import it from there.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-astro-import-from-code',
      severity: 'error',
      comment:
        'Only .astro files (which this check cannot read) and the MDX component map import .astro files, so no ' +
        'cycle through an .astro file can include a module this check reads.',
      from: { pathNot: '^src/components/mdx-components[.]ts$' },
      to: { path: '[.]astro$' },
    },
    {
      name: 'mdx-components-only-from-astro',
      severity: 'error',
      comment: 'The MDX component map imports .astro files: only layouts and pages (.astro) import it.',
      from: {},
      to: { path: '^src/components/mdx-components[.]ts$' },
    },
  ],
  options: {
    // Packages are where an import path ends, never followed.
    doNotFollow: { path: '(^|/)node_modules/' },
    // `import type` and type-only names count: a cycle closed by a type is still a cycle.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
