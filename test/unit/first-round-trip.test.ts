// The quality gate's reach of a page's first paint: compressed bytes up to the element the paint waits for.
import { describe, expect, it } from 'vitest';
import { FIRST_FLIGHT_BODY, firstPaintReach } from '../../scripts/quality/first-round-trip.ts';

/** Text brotli cannot shrink much: base64 of a fixed pseudo-random byte stream (6 bits of entropy a character). */
function noise(chars: number, seed: number): string {
  const bytes = Buffer.alloc(Math.ceil((chars * 3) / 4));
  let state = seed;
  for (let i = 0; i < bytes.length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes.toString('base64').slice(0, chars);
}

const page = (before: string, after: string, target = 'paint-here') =>
  `<!doctype html><html><head><link rel="expect" href="#${target}" blocking="render"></head><body><p>${before}</p><div id="paint-here" class="x">${after}</div></body></html>`;

describe('firstPaintReach', () => {
  it('counts only the bytes up to the named element, however long the page goes on after it', () => {
    // 2,000 characters of noise at 6 bits each are 1,500 B that brotli cannot remove.
    const reach = firstPaintReach(page(noise(2000, 1), noise(40_000, 2)));
    expect(reach.target).toBe('paint-here');
    expect(reach.bytesTotal).toBeGreaterThan(29_000);
    expect(reach.bytesNeeded).toBeGreaterThanOrEqual(1500);
    expect(reach.bytesNeeded).toBeLessThan(2200);
  });

  it('puts a paint target behind 20,000 characters of noise past the first flight', () => {
    const reach = firstPaintReach(page(noise(20_000, 3), 'end'));
    expect(reach.bytesNeeded).toBeGreaterThan(FIRST_FLIGHT_BODY);
  });

  it('needs the whole page when the page names no element to wait for', () => {
    const html = `<!doctype html><html><head></head><body><p>${noise(4000, 4)}</p><p>${noise(4000, 5)}</p></body></html>`;
    const reach = firstPaintReach(html);
    expect(reach.target).toBeNull();
    expect(reach.bytesNeeded).toBeGreaterThanOrEqual(6000);
    expect(reach.bytesTotal - reach.bytesNeeded).toBeLessThan(16);
  });

  it('needs the whole page when the named element is missing', () => {
    const reach = firstPaintReach(page(noise(3000, 6), noise(3000, 7), 'nowhere'));
    expect(reach.target).toBe('nowhere');
    expect(reach.bytesNeeded).toBe(reach.bytesTotal);
  });

  it('finds the expect link whatever the order of its attributes', () => {
    const html = `<html><head><link blocking="render" href="#late" rel="expect"></head><body>${noise(3000, 8)}<i id="late"></i></body></html>`;
    expect(firstPaintReach(html).target).toBe('late');
    expect(firstPaintReach(html).bytesNeeded).toBeGreaterThanOrEqual(2250);
  });
});
