// The budgets file, typed, and the route patterns it uses (`*` matches one path segment).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Category, Profile } from './lighthouse.ts';

export interface ByteLimit {
  gzip: number;
  brotli: number;
}

export interface SizeBudget {
  type: string;
  routes: string[];
  documentPlusCss: ByteLimit;
  javascript: ByteLimit;
  reason: string;
}

export interface QualityConfig {
  sizes: SizeBudget[];
  lighthouse: {
    profiles: Profile[];
    required: Partial<Record<Category, number>>;
    exemptions: { routes: string[]; category: Category; reason: string }[];
  };
}

export const BUDGETS_FILE = fileURLToPath(new URL('../../test/quality-budgets.json', import.meta.url));

export function loadQualityConfig(file = BUDGETS_FILE): QualityConfig {
  return JSON.parse(readFileSync(file, 'utf8')) as QualityConfig;
}

export function routeMatches(route: string, pattern: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+')}$`);
  return re.test(route);
}

export function budgetFor(route: string, config: QualityConfig): SizeBudget | undefined {
  return config.sizes.find((budget) => budget.routes.some((pattern) => routeMatches(route, pattern)));
}
