// The booking island's date-data warm-up (src/islands/booking/warm-date-data.ts) and the weekday
// headings written before it: the calendar goes on when the worker answers, fails or is slow, and
// without one at all; each worker is ended; the English headings are what Intl writes for en-US.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WARMUP_WAIT_MS, warmDateData } from '../../../src/islands/booking/warm-date-data.ts';
import { englishWeekdayNames } from '../../../src/islands/booking/labels.ts';

/** A stand-in worker: the test says when it answers or fails. */
class FakeWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  terminate() {
    this.terminated = true;
  }
}

const settled = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(0);
  return done;
};

describe('warming the date data in a worker', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits for the worker, goes on when it answers, and ends it', async () => {
    const worker = new FakeWorker();
    const warm = warmDateData(() => worker as unknown as Worker);
    expect(await settled(warm)).toBe(false);
    worker.onmessage!(new MessageEvent('message', { data: 'warm' }));
    expect(await settled(warm)).toBe(true);
    expect(worker.terminated).toBe(true);
  });

  it('goes on when the worker fails to load or run', async () => {
    const worker = new FakeWorker();
    const warm = warmDateData(() => worker as unknown as Worker);
    worker.onerror!(new Event('error') as ErrorEvent);
    expect(await settled(warm)).toBe(true);
    expect(worker.terminated).toBe(true);
  });

  it('waits 1.5 s at most for a worker that never answers', async () => {
    expect(WARMUP_WAIT_MS).toBe(1500);
    const worker = new FakeWorker();
    const warm = warmDateData(() => worker as unknown as Worker);
    await vi.advanceTimersByTimeAsync(1499);
    expect(await settled(warm)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(warm)).toBe(true);
    expect(worker.terminated).toBe(true);
  });

  it('goes on at once without workers, or when the browser refuses one', async () => {
    expect(await settled(warmDateData(() => undefined))).toBe(true);
    expect(await settled(warmDateData(() => {
      throw new DOMException('blocked by the content security policy', 'SecurityError');
    }))).toBe(true);
  });
});

describe('the weekday headings written before the visitor\'s calendar is read', () => {
  it('names Monday and Sunday in full, in short and in one letter (the narrowest screens)', () => {
    expect(englishWeekdayNames(1)).toEqual({ narrow: 'M', short: 'Mon', long: 'Monday' });
    expect(englishWeekdayNames(7)).toEqual({ narrow: 'S', short: 'Sun', long: 'Sunday' });
  });

  it('are what Intl writes for en-US, so an American visitor sees no heading change', () => {
    // 2024-01-01 was a Monday.
    for (let day = 1; day <= 7; day++) {
      const date = new Date(Date.UTC(2024, 0, day));
      const intl = (weekday: 'narrow' | 'short' | 'long') => new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday }).format(date);
      expect(englishWeekdayNames(day as 1 | 2 | 3 | 4 | 5 | 6 | 7)).toEqual({ narrow: intl('narrow'), short: intl('short'), long: intl('long') });
    }
  });
});
