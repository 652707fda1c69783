// `lockstep report RUN_DIR [--db PATH]`: rebuild RUN_DIR/report.html from the run folder (networks.json,
// manifest.json, edges.csv) and the store it was made from (default RUN_DIR/lockstep.duckdb).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeReport } from '../report/index.js';
import { Store } from '../store/index.js';
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
  const store = await Store.open(db);
  try {
    const report = await writeReport(dir, store);
    process.stdout.write(`report: ${report.path} (${(report.bytes / 1024).toFixed(0)} KB)\n`);
    return report.path;
  } finally {
    store.close();
  }
}
