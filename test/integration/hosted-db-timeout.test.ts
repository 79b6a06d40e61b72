// A hosted database that takes a request and never answers must fail the request at a deadline:
// the client's `timeout` option is SQLite's busy wait and the HTTP client ignores it, so without one
// every route, the cron job and the background delivery waited until the platform killed the function.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../api/_lib/store/db.ts';

// Reads each request and never answers it, like a database host that has stalled.
const requests: IncomingMessage[] = [];
const stalled = createServer((request) => void requests.push(request));
await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(stalled.address() as AddressInfo).port}`;
afterAll(() => {
  stalled.closeAllConnections();
  stalled.close();
});

describe('a hosted database that stops answering', () => {
  it('fails the first statement at the deadline instead of waiting on', async () => {
    const started = performance.now();
    const opening = openDb({ databaseUrl: url, databaseAuthToken: 'token', dataDir: '/nonexistent' }, { hostedTimeoutMs: 300 });
    await expect(opening).rejects.toThrow(/timeout|aborted/i);
    // Generous: what matters is that it ends at all (without the deadline it never does, and this
    // test's 5 s limit fails it).
    expect(performance.now() - started).toBeLessThan(4_000);
    // The request reached the host: the deadline ended a real wait, not a refused connection.
    expect(requests.length).toBeGreaterThan(0);
  }, 5_000);
});
