// The scripts' share of Lighthouse's blocking time (scripts/quality/script-blocking-time.ts), as the bench prints it.
import { describe, expect, it } from 'vitest';
import { scriptBlockingTime } from '../../scripts/quality/script-blocking-time.ts';

const page = 'http://127.0.0.1:4321/book-audit';
const script = 'http://127.0.0.1:4321/_astro/client.js';

describe("the scripts' blocking time", () => {
  it('counts the part of each script task beyond 50 ms', () => {
    expect(scriptBlockingTime([{ url: script, startTime: 1000, duration: 120 }, { url: script, startTime: 1300, duration: 80 }], 800, page)).toBe(70 + 30);
  });

  it("leaves out the document's own tasks and unattributable ones", () => {
    const tasks = [
      { url: page, startTime: 900, duration: 200 },
      { url: 'Unattributable', startTime: 1200, duration: 300 },
      { url: script, startTime: 1600, duration: 60 },
    ];
    expect(scriptBlockingTime(tasks, 800, page)).toBe(10);
  });

  it('counts a task that straddles the first paint from the paint on, and none that ends before it', () => {
    // 700-850 ms with FCP at 750: 100 ms after the paint, 50 of them blocking.
    expect(scriptBlockingTime([{ url: script, startTime: 700, duration: 150 }], 750, page)).toBe(50);
    expect(scriptBlockingTime([{ url: script, startTime: 500, duration: 200 }], 750, page)).toBe(0);
  });

  it('is 0 when no task runs longer than 50 ms', () => {
    expect(scriptBlockingTime([{ url: script, startTime: 900, duration: 50 }], 800, page)).toBe(0);
    expect(scriptBlockingTime([], 800, page)).toBe(0);
  });
});
