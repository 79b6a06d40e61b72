// Group commit: units of work that arrive while a transaction is running wait for it, then share the
// next one. On the embedded file every commit appends to the WAL (and each checkpoint syncs), so 50
// sign-ups in one commit cost far less than 50 commits; with no load a unit waits one event-loop turn.
// A batch that fails is rolled back and its units run again one by one, so one failing unit never
// takes its neighbours down and nobody's write is half-applied.
import type { Client, Transaction } from '@libsql/client';

export type TransactionWork<T> = (tx: Transaction) => Promise<T>;

export interface WriteBatches {
  /** Runs `work` inside a write transaction, possibly shared with others; resolves after the commit. */
  run<T>(work: TransactionWork<T>): Promise<T>;
}

interface Unit {
  work: TransactionWork<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export function createWriteBatches(db: Client, maxBatch = 100): WriteBatches {
  let waiting: Unit[] = [];
  let draining = false;

  async function drain(): Promise<void> {
    draining = true;
    try {
      // Embedded statements complete without yielding to the event loop, so without this turn the
      // requests already on the wire would never get a chance to join: each unit would run alone.
      await new Promise((resolve) => setImmediate(resolve));
      while (waiting.length > 0) {
        const batch = waiting.slice(0, maxBatch);
        waiting = waiting.slice(maxBatch);
        if (batch.length > 1 && (await settle(batch))) continue;
        for (const unit of batch) await settle([unit]);
      }
    } finally {
      draining = false;
    }
  }

  /**
   * Runs the units in one transaction and resolves each on commit. On failure nothing is applied: a
   * lone unit is rejected with the error, a shared batch is left for its units to run alone (false).
   */
  async function settle(units: Unit[]): Promise<boolean> {
    let tx: Transaction | undefined;
    try {
      tx = await db.transaction('write');
      const results: unknown[] = [];
      for (const unit of units) results.push(await unit.work(tx));
      await tx.commit();
      units.forEach((unit, i) => unit.resolve(results[i]));
      return true;
    } catch (error) {
      await tx?.rollback().catch(() => {});
      if (units.length === 1) units[0]!.reject(error);
      return false;
    } finally {
      tx?.close();
    }
  }

  return {
    run<T>(work: TransactionWork<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
        if (!draining) void drain();
      });
    },
  };
}
