// Fetching a calendar feed from a local calendar host: the conditional GET, the size cap on a feed
// larger than 20 MB (cut after its last whole event, then still read), redirects only to https (and to
// loopback only from a loopback feed), the time limit, and errors worded without the URL.
import dns from 'node:dns';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { busyFromIcs } from '../../api/_lib/calendar/busy-from-ics.ts';
import { FeedFetchError, MAX_FEED_BYTES, fetchFeed } from '../../api/_lib/calendar/fetch-feed.ts';
import { icsFeed, icsUtc, startFeedServer } from '../fixtures/feed-server.ts';

const feeds = await startFeedServer();
afterAll(() => feeds.close());

const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FeedFetchError);
    return (error as Error).message;
  }
  throw new Error('expected the fetch to fail');
};

describe('fetchFeed', () => {
  it('sends the stored ETag and Last-Modified, and reads a 304 as "unchanged"', async () => {
    feeds.set('/etag.ics', { body: icsFeed([]), etag: '"v1"' });
    const first = await fetchFeed(feeds.url('/etag.ics'), {});
    expect(first).toMatchObject({ changed: true, etag: '"v1"', truncated: false });
    expect(await fetchFeed(feeds.url('/etag.ics'), { etag: '"v1"' })).toEqual({ changed: false });
    expect(feeds.notModified('/etag.ics')).toBe(1);
  });

  it('cuts a feed over 20 MB after its last whole event, closes the calendar, and the cut copy still parses', async () => {
    // About 21 MB of past events (Google's feed keeps every one), then one in the window that the cut loses.
    const past = Array.from({ length: 76_000 }, (_, i) => [`DTSTART:${icsUtc(Date.UTC(2012, 0, 1) + i * 3 * 3600_000)}`, `DTEND:${icsUtc(Date.UTC(2012, 0, 1) + i * 3 * 3600_000 + 1800_000)}`, 'SUMMARY:An old meeting with a long enough title to take some room', 'DESCRIPTION:Notes that pad each event to a realistic size for a feed like Google\'s']);
    const body = icsFeed([...past, [`DTSTART:20261202T090000Z`, `DTEND:20261202T100000Z`]]);
    expect(Buffer.byteLength(body)).toBeGreaterThan(MAX_FEED_BYTES);
    feeds.set('/huge.ics', { body });
    const fetched = await fetchFeed(feeds.url('/huge.ics'), {}, { timeoutMs: 30_000 });
    if (!fetched.changed) throw new Error('expected a body');
    expect(fetched.truncated).toBe(true);
    expect(Buffer.byteLength(fetched.text)).toBeLessThanOrEqual(MAX_FEED_BYTES + 20);
    expect(fetched.text.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n')).toBe(true);
    const parsed = busyFromIcs(fetched.text, { from: Date.UTC(2012, 0, 1), to: Date.UTC(2012, 0, 2), timeZone: 'UTC', maxSpans: 100 });
    expect(parsed.events).toBeGreaterThan(40_000);
    expect(parsed.spans).toHaveLength(8); // every 3 hours on January 1, 2012
  });

  it('follows a redirect to loopback http, refuses one to plain http elsewhere', async () => {
    feeds.set('/target.ics', { body: icsFeed([]) });
    feeds.set('/moved.ics', { redirect: feeds.url('/target.ics') });
    expect(await fetchFeed(feeds.url('/moved.ics'), {})).toMatchObject({ changed: true });
    feeds.set('/away.ics', { redirect: 'http://calendar.example.com/private-secret.ics' });
    const message = await failure(fetchFeed(feeds.url('/away.ics'), {}));
    expect(message).toBe('redirected to an address that is not https');
  });

  describe('a feed on the internet', () => {
    afterEach(() => {
      vi.unstubAllGlobals();
      vi.restoreAllMocks();
    });
    it('may not redirect the server to an internal address, however it is written', async () => {
      // A calendar host answering with a redirect into this machine (a local admin port), a private
      // network or the metadata service: refused before any request goes there. fetch is stubbed: a
      // test cannot own a public host.
      const locations = [
        'http://127.0.0.1:2375/containers/json', 'https://localhost/admin', 'https://localhost./', 'https://admin.localhost/', 'http://[::1]:8080/',
        'https://0.0.0.0/', 'https://[::]/', 'https://[::ffff:127.0.0.1]/', 'https://[::ffff:7f00:1]/', 'https://2130706433/',
        'https://169.254.169.254/latest/meta-data/', 'https://10.0.0.5/', 'https://192.168.1.1/', 'https://172.20.0.1/', 'https://[fd00::1]/', 'https://[fe80::1]/',
      ];
      const requested: string[] = [];
      for (const location of locations) {
        vi.stubGlobal('fetch', async (input: URL) => {
          requested.push(String(input));
          return new Response(null, { status: 302, headers: { location } });
        });
        expect([location, await failure(fetchFeed('https://calendar.example.com/private-abc/basic.ics', {}))]).toEqual([location, 'redirected to an internal address']);
      }
      expect(requested).toEqual(Array(locations.length).fill('https://calendar.example.com/private-abc/basic.ics'));
    });

    it('gives up a name lookup that hangs at the feed\'s deadline, worded as a timeout', async () => {
      vi.spyOn(dns.promises, 'lookup').mockImplementation((() => new Promise(() => {})) as never);
      vi.stubGlobal('fetch', async () => new Response(null, { status: 302, headers: { location: 'https://slow-dns.example.net/' } }));
      expect(await failure(fetchFeed('https://calendar.example.com/private-abc/basic.ics', {}, { timeoutMs: 300 }))).toBe('no answer within 0.3 s');
    });

    it('nor to a name that resolves to one', async () => {
      vi.spyOn(dns.promises, 'lookup').mockImplementation((async () => [{ address: '127.0.0.1', family: 4 }]) as never);
      vi.stubGlobal('fetch', async () => new Response(null, { status: 302, headers: { location: 'https://rebind.example.net/' } }));
      expect(await failure(fetchFeed('https://calendar.example.com/private-abc/basic.ics', {}))).toBe('redirected to an internal address');
    });
  });

  it('names HTTP errors, timeouts and refused connections without the URL', async () => {
    feeds.set('/gone.ics', { status: 404 });
    expect(await failure(fetchFeed(feeds.url('/gone.ics'), {}))).toBe('HTTP 404 Not Found');
    feeds.set('/slow.ics', { hang: true });
    expect(await failure(fetchFeed(feeds.url('/slow.ics'), {}, { timeoutMs: 300 }))).toBe('no answer within 0.3 s');
    // A port that was free a moment ago: nothing listens there.
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const refused = await failure(fetchFeed(`http://127.0.0.1:${closed}/private-abc.ics`, {}));
    expect(refused).toBe('could not connect (ECONNREFUSED)');
  });
});
