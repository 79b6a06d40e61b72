// A build check: no Node built-in module may reach a browser bundle. Vite swaps such an import for
// an empty stub ("__vite-browser-external") and the island breaks only when the code runs, so the
// client build fails here instead, naming the module and who imported it.
import { builtinModules } from 'node:module';
import type { Plugin } from 'vite';

const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const STUB = /^\0?__vite-browser-external/;

/** Whether an import specifier names a Node built-in ('node:fs', 'path'). */
export const isNodeBuiltin = (specifier: string) => BUILTINS.has(specifier);

export function noNodeInBrowser(): Plugin {
  /** Built-in imports seen while resolving: specifier and importer. */
  const seen: { builtin: string; importer: string }[] = [];
  return {
    name: 'ai-operator:no-node-in-browser',
    enforce: 'pre',
    applyToEnvironment: (environment) => environment.config.consumer === 'client',
    resolveId(source, importer) {
      if (importer && isNodeBuiltin(source)) seen.push({ builtin: source, importer });
      return null;
    },
    generateBundle() {
      const ids = [...this.getModuleIds()];
      // Only imports from modules that made it into the bundle count (tree-shaken ones do not).
      const found = seen.filter(({ importer }) => ids.includes(importer)).map(({ builtin, importer }) => `${builtin} (imported by ${importer.replace(`${process.cwd()}/`, '')})`);
      if (found.length === 0 && ids.some((id) => STUB.test(id))) found.push('a Node built-in (Vite stubbed it out)');
      if (found.length) this.error(`A Node built-in module reached the browser bundle: ${[...new Set(found)].join('; ')}. Keep it in server code (api/, scripts/) or behind a server-only module.`);
    },
  };
}
