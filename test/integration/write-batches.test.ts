// Group commit against a real (temporary) database: concurrent units share commits, each gets its own
// result, and a failing unit neither takes its neighbours down nor leaves half its writes behind.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client, Transaction, TransactionMode } from '@libsql/client';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../api/_lib/store/db.ts';
import { readConfig } from '../../api/_lib/runtime/config.ts';
import { createWriteBatches } from '../../api/_lib/store/write-batches.ts';

async function freshDb(): Promise<Client> {
  const db = await getDb(readConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'write-batches-')) }));
  await db.execute('CREATE TABLE notes (n INTEGER PRIMARY KEY)');
  return db;
}

/** `db` seen through a proxy that counts the transactions opened through it. */
function countingTransactions(db: Client): { db: Client; opened: number } {
  const counted = { opened: 0 } as { db: Client; opened: number };
  counted.db = new Proxy(db, {
    get(target, prop) {
      if (prop !== 'transaction') return Reflect.get(target, prop);
      return (mode?: TransactionMode) => {
        counted.opened++;
        return target.transaction(mode);
      };
    },
  });
  return counted;
}

const insert = (n: number) => async (tx: Transaction) => {
  await tx.execute({ sql: 'INSERT INTO notes (n) VALUES (?)', args: [n] });
  return n * 10;
};

describe('write batches', () => {
  it('lets units that arrive together share one transaction, each resolving with its own result', async () => {
    const db = await freshDb();
    const transactions = countingTransactions(db);
    const writes = createWriteBatches(transactions.db);
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => writes.run(insert(i))));
    expect(results).toEqual(Array.from({ length: 40 }, (_, i) => i * 10));
    expect(transactions.opened).toBe(1);
    expect((await db.execute('SELECT count(*) AS c FROM notes')).rows[0]?.c).toBe(40);
  });

  it('never puts more than maxBatch units in one transaction', async () => {
    const db = await freshDb();
    const transactions = countingTransactions(db);
    const writes = createWriteBatches(transactions.db, 10);
    await Promise.all(Array.from({ length: 35 }, (_, i) => writes.run(insert(i))));
    expect(transactions.opened).toBe(4);
  });

  it('rejects only the failing unit; the others commit and the failing one leaves nothing behind', async () => {
    const db = await freshDb();
    const writes = createWriteBatches(db);
    const failing = writes.run(async (tx) => {
      await tx.execute({ sql: 'INSERT INTO notes (n) VALUES (?)', args: [1000] });
      throw new Error('the unit failed after its first write');
    });
    const others = Array.from({ length: 5 }, (_, i) => writes.run(insert(i)));
    await expect(failing).rejects.toThrow('the unit failed after its first write');
    await expect(Promise.all(others)).resolves.toEqual([0, 10, 20, 30, 40]);
    const rows = await db.execute('SELECT n FROM notes ORDER BY n');
    expect(rows.rows.map((r) => r.n)).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps working after a failure and for units that arrive one at a time', async () => {
    const db = await freshDb();
    const writes = createWriteBatches(db);
    await expect(writes.run(insert(1))).resolves.toBe(10);
    await expect(writes.run(insert(1))).rejects.toThrow(/UNIQUE/);
    await expect(writes.run(insert(2))).resolves.toBe(20);
  });
});
