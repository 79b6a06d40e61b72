import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headersFor, loadHeaderRules } from '../../scripts/_lib/http-headers.ts';

const rules = loadHeaderRules(join(import.meta.dirname, '../../vercel.json'));

describe('security headers from vercel.json', () => {
  it('apply to every path', () => {
    for (const path of ['/', '/blog/x', '/api/health', '/_astro/a.js']) {
      const headers = headersFor(rules, path);
      expect(headers['Content-Security-Policy']).toContain("frame-ancestors 'none'");
      expect(headers['Strict-Transport-Security']).toMatch(/max-age=\d{8}/);
      expect(headers['X-Content-Type-Options']).toBe('nosniff');
      expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['Permissions-Policy']).toContain('camera=()');
    }
  });
  it('mark only /_astro/ assets as immutable', () => {
    expect(headersFor(rules, '/_astro/client.abc.js')['Cache-Control']).toBe('public, max-age=31536000, immutable');
    expect(headersFor(rules, '/blog/x')['Cache-Control']).toBeUndefined();
    expect(headersFor(rules, '/x/_astro/y')['Cache-Control']).toBeUndefined();
  });
});
