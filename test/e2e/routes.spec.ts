import { expect, test } from '@playwright/test';
import { pageRoutes } from './_site.ts';

const briefRoutes = [
  '/', '/ai-operator', '/blog', '/blog/what-is-a-business-ai-operator', '/blog/ai-operator-vs-ai-agent',
  '/blog/ai-automation-audit-checklist', '/services/ai-automation-for-smbs', '/services/ai-sales-automation',
  '/services/ai-revops-crm-automation', '/services/ai-document-processing', '/services/ai-customer-success-automation',
  '/resources/ai-automation-roi-calculator', '/book-audit', '/newsletter', '/newsletter/confirmed', '/privacy',
];

test.describe('routes', () => {
  test('the built site has every page the brief lists', () => {
    for (const route of briefRoutes) expect(pageRoutes, route).toContain(route);
  });

  test('every page answers 200 with a unique title and description', async ({ request }) => {
    const titles = new Map<string, string>();
    const descriptions = new Map<string, string>();
    for (const route of pageRoutes) {
      const res = await request.get(route);
      expect(res.status(), route).toBe(200);
      const html = await res.text();
      const title = /<title>([^<]+)<\/title>/.exec(html)?.[1];
      const description = /<meta name="description" content="([^"]+)"/.exec(html)?.[1];
      expect(title, `${route} has a title`).toBeTruthy();
      expect(description, `${route} has a description`).toBeTruthy();
      expect(titles.get(title!), `title "${title}" of ${route} is also used by`).toBeUndefined();
      expect(descriptions.get(description!), `description of ${route} is also used by`).toBeUndefined();
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
      expect(canonical, `canonical URL of ${route}`).toBe(new URL(route, 'https://aioperator.example').href);
      expect(html, `og:url of ${route}`).toContain(`<meta property="og:url" content="${canonical}">`);
      titles.set(title!, route);
      descriptions.set(description!, route);
    }
  });

  test('unknown paths get the 404 page with status 404', async ({ request }) => {
    const res = await request.get('/no-such-page');
    expect(res.status()).toBe(404);
    expect(await res.text()).toContain('This page is not here');
  });

  test('api health answers ok with the security headers', async ({ request }) => {
    const res = await request.get('/api/health');
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    const headers = res.headers();
    for (const name of ['content-security-policy', 'strict-transport-security', 'x-content-type-options', 'referrer-policy', 'permissions-policy']) {
      expect(headers[name], name).toBeTruthy();
    }
  });

  test('sitemap, RSS and robots are served and list the right things', async ({ request }) => {
    const sitemap = await (await request.get('/sitemap-0.xml')).text();
    for (const route of briefRoutes.filter((r) => !r.startsWith('/newsletter/'))) {
      expect(sitemap, route).toContain(`<loc>${new URL(route, 'https://aioperator.example').href.replace(/\/$/, route === '/' ? '/' : '')}</loc>`);
    }
    expect(sitemap).not.toContain('/404');
    const rss = await (await request.get('/rss.xml')).text();
    expect(rss).toContain('<item>');
    expect(rss).toContain('/blog/what-is-a-business-ai-operator');
    expect(await (await request.get('/robots.txt')).text()).toContain('Sitemap: ');
  });
});
