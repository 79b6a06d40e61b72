// The social card route draws cards for real pages only, and never for text a requester supplies.
import { describe, expect, it } from 'vitest';
import { GET } from '../../api/og.ts';
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
});
