// The local server's cache of built files: each file is read and compressed once, but the cache is
// bounded (least recently used out first) and remembers only files that exist, so requests for
// made-up paths cannot grow it.

export interface Sized {
  /** Bytes the entry holds in memory. */
  bytes: number;
}

export interface FileCache<T extends Sized> {
  get(key: string): Promise<T | null>;
  /** Entries and bytes held now. */
  readonly stats: { entries: number; bytes: number };
}

export function createFileCache<T extends Sized>(load: (key: string) => Promise<T | null>, maxBytes: number): FileCache<T> {
  const entries = new Map<string, T>();
  const loading = new Map<string, Promise<T | null>>();
  let bytes = 0;

  const remember = (key: string, value: T) => {
    if (value.bytes > maxBytes) return;
    entries.set(key, value);
    bytes += value.bytes;
    // A Map iterates in insertion order, and a hit re-inserts its entry: the first key is the coldest.
    for (const [oldest, entry] of entries) {
      if (bytes <= maxBytes) break;
      entries.delete(oldest);
      bytes -= entry.bytes;
    }
  };

  return {
    get(key) {
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
        return Promise.resolve(hit);
      }
      // Concurrent requests for one file share a single read.
      let pending = loading.get(key);
      if (!pending) {
        pending = load(key).then((value) => {
          if (value) remember(key, value);
          return value;
        });
        loading.set(key, pending);
        void pending.then(() => loading.delete(key), () => loading.delete(key));
      }
      return pending;
    },
    get stats() {
      return { entries: entries.size, bytes };
    },
  };
}
