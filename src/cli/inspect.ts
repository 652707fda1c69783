// `lockstep inspect --db PATH`: what a store holds.
import { existsSync } from 'node:fs';
import { formatSummary, summarizeStore } from '../normalize/index.js';
import { onFile, Store } from '../store/index.js';
import { UsageError } from './_io.js';

export async function runInspect(options: { db: string; json?: boolean; top?: number }): Promise<void> {
  if (!existsSync(options.db))
    throw new UsageError(`no store at ${options.db}; create one with lockstep ingest`);
  const store = await Store.open(options.db);
  try {
    const summary = await onFile(options.db, 'summarising the store', () =>
      summarizeStore(store, options.top ?? 10),
    );
    process.stdout.write(`${options.json ? JSON.stringify(summary, null, 2) : formatSummary(summary)}\n`);
  } finally {
    store.close();
  }
}
