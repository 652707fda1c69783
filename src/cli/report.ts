// `lockstep report RUN_DIR [--db PATH]`: rebuild RUN_DIR/report.html from the run folder (networks.json,
// manifest.json, edges.csv) and the store it was made from (default RUN_DIR/lockstep.duckdb). A folder that
// is not one whole run, or a store that is not the run's, is refused (src/report/run-folder.ts).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkRunFolder, checkRunStore, RunFolderError, writeReport } from '../report/index.js';
import { onFile, Store } from '../store/index.js';
import { UsageError } from './_io.js';

export interface ReportCommandOptions {
  db?: string;
}

export async function runReport(runDir: string, options: ReportCommandOptions = {}): Promise<string> {
  const dir = resolve(runDir);
  for (const file of ['networks.json', 'manifest.json', 'edges.csv']) {
    if (!existsSync(join(dir, file)))
      throw new UsageError(`${dir} has no ${file}; give a run folder written by lockstep analyze`);
  }
  const db = options.db ?? join(dir, 'lockstep.duckdb');
  if (!existsSync(db))
    throw new UsageError(`no store at ${db}; give the store the run was made from with --db PATH`);
  const manifest = await checkRunFolder(dir).catch(usage);
  const store = await Store.open(db);
  try {
    const identity = await onFile(db, 'checking the store against the run', () =>
      checkRunStore(dir, manifest, store, db),
    ).catch(usage);
    if (identity === null)
      process.stderr.write(
        `lockstep: ${dir} was made by a lockstep that did not record its store; ${db} is taken as given\n`,
      );
    const report = await onFile(db, 'writing report.html', () => writeReport(dir, store));
    process.stdout.write(`report: ${report.path} (${(report.bytes / 1024).toFixed(0)} KB)\n`);
    return report.path;
  } finally {
    store.close();
  }
}

/** A run folder or store that does not match is the user's to fix: exit 2 with the message. */
export function usage(err: unknown): never {
  throw err instanceof RunFolderError ? new UsageError(err.message) : err;
}
