// The embedded database file takes one writer at a time, and @libsql/client's busy timeout did not
// hold up under concurrent transactions (SQLITE_BUSY with 50 parallel sign-ups, measured). One process
// owns the file, so its statements and transactions simply take turns. Hosted libSQL needs none of this.
import type { Client, Transaction, TransactionMode } from '@libsql/client';

class Mutex {
  private tail: Promise<void> = Promise.resolve();

  /** Resolves with a release function once every earlier holder has released. */
  lock(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const acquired = this.tail.then(() => {
      let done = false;
      return () => {
        if (!done) {
          done = true;
          release();
        }
      };
    });
    this.tail = this.tail.then(() => released);
    return acquired;
  }
}

export function serializeWrites(client: Client): Client {
  const mutex = new Mutex();
  const locked =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const release = await mutex.lock();
      try {
        return await fn(...args);
      } finally {
        release();
      }
    };

  const transaction = async (mode?: TransactionMode): Promise<Transaction> => {
    const release = await mutex.lock();
    try {
      const tx = await client.transaction(mode);
      // The turn lasts until the transaction ends, however it ends (release is idempotent).
      return new Proxy(tx, {
        get(target, prop, receiver) {
          if (prop === 'commit') return async () => { try { await target.commit(); } finally { release(); } };
          if (prop === 'rollback') return async () => { try { await target.rollback(); } finally { release(); } };
          if (prop === 'close') return () => { try { target.close(); } finally { release(); } };
          const value = Reflect.get(target, prop, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    } catch (error) {
      release();
      throw error;
    }
  };

  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === 'execute') return locked(target.execute.bind(target) as Client['execute']);
      if (prop === 'batch') return locked(target.batch.bind(target) as Client['batch']);
      if (prop === 'executeMultiple') return locked(target.executeMultiple.bind(target));
      if (prop === 'transaction') return transaction;
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
