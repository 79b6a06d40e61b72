// No import cycles in src/, api/ or scripts/, type-only imports included: dependency-cruiser reads the
// code with the rules in .dependency-cruiser.mjs (which also says how .astro files are handled). A
// cycle fails with each module on it named, in import order; `(type)` marks a hop made by a type-only
// import. The fix: move the type or constant both modules need into a module below both.
// The same check by hand: `npx depcruise src api scripts --config`.
import { join } from 'node:path';
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const CHECKED = ['src', 'api', 'scripts'];

/** One violation on one line: `no-circular: a.ts → b.ts (type) → a.ts`. */
function describeViolation(violation: IViolation): string {
  const hops = violation.cycle?.map((hop) => `${hop.name}${hop.dependencyTypes.includes('type-only') ? ' (type)' : ''}`) ?? [violation.to];
  return `${violation.rule.name}: ${[violation.from, ...hops].join(' → ')}`;
}

/** Cruises `paths` (relative to the repository): the modules read, and each rule violation on one line. */
async function check(paths: string[]): Promise<{ modules: string[]; violations: string[] }> {
  const options = await extractDepcruiseOptions(join(ROOT, '.dependency-cruiser.mjs'));
  const tsConfigFile = options.tsConfig?.fileName;
  const tsConfig = tsConfigFile ? extractTSConfig(join(ROOT, tsConfigFile)) : undefined;
  const { output } = await cruise(paths, { ...options, baseDir: ROOT }, {}, { tsConfig });
  const result = output as ICruiseResult;
  return { modules: result.modules.map((module) => module.source), violations: (result.summary.violations ?? []).map(describeViolation) };
}

describe('import cycles', () => {
  it('src/, api/ and scripts/ have none, type-only imports included', { timeout: 60_000 }, async () => {
    const { modules, violations } = await check(CHECKED);
    expect(modules).toEqual(expect.arrayContaining(['src/lib/roi/schema.ts', 'api/_lib/mail/outbox.ts', 'scripts/run-tests.ts']));
    expect(violations).toEqual([]);
  });

  it('the check names the modules of a cycle closed by a type-only import', { timeout: 60_000 }, async () => {
    const [lower, upper] = ['test/fixtures/import-cycle/lower.ts', 'test/fixtures/import-cycle/upper.ts'];
    expect((await check(['test/fixtures/import-cycle'])).violations).toEqual([`no-circular: ${lower} → ${upper} (type) → ${lower}`]);
  });
});
