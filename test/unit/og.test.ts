// The social card route draws cards for real pages only, and never for text a requester supplies.
import { describe, expect, it, vi } from 'vitest';
import { GET } from '../../api/og.ts';

// The real renderer, made to fail on demand: a failed render must not be cached.
const failures = vi.hoisted(() => ({ next: 0 }));
vi.mock('../../api/_lib/og-card.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../api/_lib/og-card.ts')>();
  return { renderCard: (input: Parameters<typeof real.renderCard>[0]) => (failures.next-- > 0 ? Promise.reject(new Error('font failed to load')) : real.renderCard(input)) };
});
import { cardText } from '../../api/_lib/social-cards.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];

describe('social cards', () => {
  it('reads the card text from the content file and its schema', async () => {
    expect(await cardText('blog/what-is-a-business-ai-operator')).toEqual({ eyebrow: 'Blog', title: 'What is a business AI operator? A guide for SMBs' });
    expect(await cardText('services/ai-sales-automation')).toMatchObject({ eyebrow: 'Service · Sales automation' });
    expect(await cardText('pages/privacy')).toMatchObject({ title: 'Privacy policy' });
    expect((await cardText('default'))?.title).toBeTruthy();
  });

  it('knows nothing outside the content folders', async () => {
    for (const page of ['', 'blog/missing-post', 'blog/../../package', 'blog/..%2F..%2Fpackage', 'secrets/x', 'blog/Upper', '/etc/passwd', 'blog/what-is-a-business-ai-operator/extra']) {
      expect(await cardText(page), page).toBeNull();
    }
  });

  it('answers a 1200x630 PNG for a known page', async () => {
    const response = await GET(new Request('http://localhost/api/og?page=services/ai-document-processing'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual(PNG_SIGNATURE);
    const view = new DataView(bytes.buffer);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([1200, 630]);
  });

  it('answers 404 with a JSON error for unknown pages', async () => {
    const response = await GET(new Request('http://localhost/api/og?page=blog/nope'));
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('not_found');
  });

  it('answers a failed render through the shared error handler, and draws the card again next time', async () => {
    const request = () => GET(new Request('http://localhost/api/og?page=services/ai-sales-automation'));
    failures.next = 1;
    const failed = await request();
    expect(failed.status).toBe(500);
    expect(failed.headers.get('cache-control')).toBe('no-store');
    expect((await failed.json()).error.code).toBe('internal');
    const retried = await request();
    expect(retried.status).toBe(200);
    expect(retried.headers.get('content-type')).toBe('image/png');
  });
});
