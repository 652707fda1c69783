// Parquet copies of the run folder's tables, for analysts in Python (pandas, polars), R (arrow) and DuckDB:
// typed columns, ids as plain strings (no spreadsheet text mark), nulls as nulls. Written by DuckDB's own
// COPY ... (FORMAT parquet), which needs no extension, from a temporary table filled with an appender.
import { rename, rm } from 'node:fs/promises';
import type { DuckDBAppender } from '@duckdb/node-api';
import { type Store, sqlIdent, sqlString } from '../store/index.js';
import type { AttrType } from './graph-export.js';
import type { RunTable, TableCell } from './run-tables.js';

const SQL_TYPES: Readonly<Record<AttrType, string>> = {
  boolean: 'BOOLEAN',
  integer: 'INTEGER',
  long: 'BIGINT',
  double: 'DOUBLE',
  string: 'VARCHAR',
};

/**
 * Writes `table` to `path` as Parquet (zstd-compressed) and returns the rows written. The file goes to
 * `path.partial` first and is renamed at the end, as the other writers do.
 */
export async function writeParquet(store: Store, path: string, table: RunTable): Promise<number> {
  const name = '_run_table_export';
  const columns = table.columns.map((c) => `${sqlIdent(c.name)} ${SQL_TYPES[c.type]}`).join(', ');
  await store.run(`CREATE OR REPLACE TEMP TABLE ${name} (${columns})`);
  const partial = `${path}.partial`;
  try {
    const appender = await store.con.createAppender(name, 'main', 'temp');
    for (const row of table.rows) {
      for (const [i, c] of table.columns.entries()) append(appender, c.type, row[i] ?? null);
      appender.endRow();
    }
    appender.closeSync();
    await store.run(
      `COPY ${name} TO ${sqlString(partial)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100000)`,
    );
    await rename(partial, path);
    return table.rows.length;
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  } finally {
    await store.run(`DROP TABLE IF EXISTS ${name}`);
  }
}

function append(appender: DuckDBAppender, type: AttrType, value: TableCell): void {
  if (value === null || (typeof value === 'number' && !Number.isFinite(value))) {
    appender.appendNull();
    return;
  }
  switch (type) {
    case 'string':
      appender.appendVarchar(String(value));
      return;
    case 'integer':
      appender.appendInteger(Number(value));
      return;
    case 'long':
      appender.appendBigInt(BigInt(value));
      return;
    case 'double':
      appender.appendDouble(Number(value));
      return;
    case 'boolean':
      appender.appendBoolean(Boolean(value));
      return;
  }
}
