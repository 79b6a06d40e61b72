// App icons (the touch icon, and the logo in structured data) drawn at build time from the same mark as favicon.svg.
import { ImageResponse } from '@vercel/og';

export function renderIcon(size: number): Response {
  const stroke = size * 0.08;
  const mark = {
    type: 'div',
    props: {
      style: { width: '100%', height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#0b6b62' },
      children: {
        type: 'svg',
        props: {
          width: size * 0.7,
          height: size * 0.7,
          viewBox: '0 0 32 32',
          children: [
            { type: 'path', props: { d: 'M9 22 L16 9 L23 22', fill: 'none', stroke: '#ffffff', strokeWidth: (stroke / size) * 32 * 1.4, strokeLinecap: 'round', strokeLinejoin: 'round' } },
            { type: 'circle', props: { cx: 16, cy: 18.5, r: 2.4, fill: '#d2f4ec' } },
          ],
        },
      },
    },
  };
  return new ImageResponse(mark as never, { width: size, height: size });
}
