// vercel.json is the one source of response headers and rewrites: Vercel applies it in production and
// the local server (and the dev server) apply the same rules through this module.
import { readFileSync } from 'node:fs';
import { escapeRegExp } from '../../src/lib/text/regexp.ts';

interface HeaderRule {
  source: string;
  headers: { key: string; value: string }[];
}

interface CompiledRule {
  pattern: RegExp;
  headers: [string, string][];
}

/** Vercel `source` patterns as used in vercel.json: literal paths with `(.*)` wildcards. */
function compileSource(source: string): RegExp {
  const parts = source.split('(.*)').map(escapeRegExp);
  return new RegExp(`^${parts.join('(.*)')}$`);
}

export function loadHeaderRules(vercelJsonPath: string): CompiledRule[] {
  const config = JSON.parse(readFileSync(vercelJsonPath, 'utf8')) as { headers?: HeaderRule[] };
  return (config.headers ?? []).map((rule) => ({
    pattern: compileSource(rule.source),
    headers: rule.headers.map(({ key, value }) => [key, value] as [string, string]),
  }));
}

/** The headers every matching rule sets for `pathname`; later rules win, as on Vercel. */
export function headersFor(rules: CompiledRule[], pathname: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const rule of rules) {
    if (!rule.pattern.test(pathname)) continue;
    for (const [key, value] of rule.headers) result[key] = value;
  }
  return result;
}

interface Rewrite {
  source: string;
  destination: string;
}

/** vercel.json's rewrites as path -> path (literal sources: that is all the site uses). */
export function loadRewrites(vercelJsonPath: string): Map<string, string> {
  const config = JSON.parse(readFileSync(vercelJsonPath, 'utf8')) as { rewrites?: Rewrite[] };
  return new Map((config.rewrites ?? []).map((rule) => [rule.source, rule.destination]));
}
