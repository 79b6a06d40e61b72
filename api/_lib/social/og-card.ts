// The 1200x630 social card, drawn by @vercel/og (satori + resvg) with its bundled font.
// @vercel/og is pinned to 1.0.1: 1.0.3 fails under Node ESM and astro build
// ("Dynamic require of fs is not supported", upstream satori issue #794).
import { ImageResponse } from '@vercel/og';
import { site } from '../../../src/config/site.ts';

interface CardInput {
  eyebrow: string;
  title: string;
}

type Node = { type: string; props: Record<string, unknown> & { children?: unknown } };
const el = (type: string, style: Record<string, unknown>, children?: unknown): Node => ({ type, props: { style, children } });

export async function renderCard({ eyebrow, title }: CardInput): Promise<Response> {
  const fontSize = title.length > 60 ? 60 : 68;
  const card = el(
    'div',
    { width: '100%', height: '100%', display: 'flex', flexDirection: 'column', justifyContent: 'space-between', padding: '72px 80px', background: '#ffffff', borderTop: '18px solid #0b6b62' },
    [
      el('div', { display: 'flex', fontSize: 30, color: '#0b6b62', letterSpacing: 2, textTransform: 'uppercase' }, eyebrow),
      el('div', { display: 'flex', fontSize, fontWeight: 700, color: '#0b1220', lineHeight: 1.12, maxWidth: 1000 }, title),
      el('div', { display: 'flex', alignItems: 'center', justifyContent: 'space-between', fontSize: 30, color: '#334155' }, [
        el('div', { display: 'flex', alignItems: 'center' }, [
          el('div', { display: 'flex', width: 48, height: 48, borderRadius: 12, background: '#0b6b62', marginRight: 18 }),
          el('div', { display: 'flex', fontWeight: 700, color: '#0b1220' }, site.name),
        ]),
        el('div', { display: 'flex' }, site.auditCta),
      ]),
    ],
  );
  return new ImageResponse(card as never, { width: 1200, height: 630 });
}
