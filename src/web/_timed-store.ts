// Store queries for the UI, several at once and each with a time limit. A DuckDB connection runs one query at a
// time, so the UI reads through a bounded pool of connections on the same read-only database: up to `readers`
// queries run concurrently (DuckDB shares its worker threads between them) and the rest wait in order for a free
// connection. With one connection, 20 readers queued behind each other's network timelines (account pages
// took 3 s at the median); see docs/notebook/2026-12-07-benchmarks.md, "serve under several readers". A
// timer interrupts a query that runs past the limit (StoreReader.interrupt), which then fails with
// QueryTimeout (the server answers 503), and its connection goes back to the pool.
import type { Params, Row, Store, StoreReader } from '../store/index.js';

export class QueryTimeout extends Error {
  override name = 'QueryTimeout';
}

export class TimedStore {
  private readonly idle: StoreReader[] = [];
  private readonly waiting: Array<(reader: StoreReader) => void> = [];
  private opened = 0;
  private closed = false;

  /** `readers`: most connections open at once (at least 1), opened on demand and kept. */
  constructor(
    readonly store: Store,
    readonly limitMs: number,
    readonly readers = 1,
  ) {}

  async all<T extends Row = Row>(sql: string, params?: Params): Promise<T[]> {
    const reader = await this.acquire();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      reader.interrupt();
    }, this.limitMs);
    try {
      return await reader.all<T>(sql, params);
    } catch (err) {
      if (timedOut) throw new QueryTimeout(`query stopped after ${this.limitMs / 1000} s`);
      throw err;
    } finally {
      clearTimeout(timer);
      this.release(reader);
    }
  }

  /** Connections open now (for tests and the load benchmark): never more than `readers`. */
  get open(): number {
    return this.opened;
  }

  /** Closes the idle connections, and each busy one as its query ends; call before closing the store. */
  close(): void {
    this.closed = true;
    for (const reader of this.idle.splice(0)) reader.close();
  }

  private async acquire(): Promise<StoreReader> {
    if (this.closed) throw new Error('the store is closed');
    const free = this.idle.pop();
    if (free !== undefined) return free;
    if (this.opened < Math.max(1, this.readers)) {
      this.opened++;
      try {
        return await this.store.connect();
      } catch (err) {
        this.opened--;
        throw err;
      }
    }
    return new Promise((ok) => this.waiting.push(ok));
  }

  private release(reader: StoreReader): void {
    const next = this.waiting.shift();
    if (next !== undefined) next(reader);
    else if (this.closed) {
      reader.close();
      this.opened--;
    } else this.idle.push(reader);
  }
}
