// Store queries with a time limit, one at a time: the UI's queries share one DuckDB connection, so they are
// queued, and a timer interrupts any that runs past the limit (DuckDBConnection.interrupt), which then fails
// with QueryTimeout (the server answers 503) and frees the connection for the next.
import type { Params, Row, Store } from '../store/index.js';

export class QueryTimeout extends Error {
  override name = 'QueryTimeout';
}

export class TimedStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly store: Store,
    readonly limitMs: number,
  ) {}

  all<T extends Row = Row>(sql: string, params?: Params): Promise<T[]> {
    const task = this.queue.then(async () => {
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        this.store.con.interrupt();
      }, this.limitMs);
      try {
        return await this.store.all<T>(sql, params);
      } catch (err) {
        if (timedOut) throw new QueryTimeout(`query stopped after ${this.limitMs / 1000} s`);
        throw err;
      } finally {
        clearTimeout(timer);
      }
    });
    this.queue = task.catch(() => undefined);
    return task;
  }
}
