// The thin DuckDB layer: one Store per database (file or in-memory), UTC session time, and typed
// helpers for running SQL with bound parameters. Everything above this uses Store, never raw bindings.
import { type DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { checkSchema, createSchema } from './schema.sql.js';

export type Params = Record<string, DuckDBValue> | DuckDBValue[];
export type Row = Record<string, unknown>;

export interface StoreOptions {
  /** DuckDB threads; defaults to the engine's own choice (all cores). */
  threads?: number;
  /** Memory limit such as '8GB'; defaults to the engine's (80% of RAM). */
  memoryLimit?: string;
  /** Open without write access (the schema must already be there); several readers may share a file. */
  readOnly?: boolean;
}

export class Store {
  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    readonly con: DuckDBConnection,
  ) {}

  /** Opens (creating if needed) a store; ':memory:' gives an in-memory one for tests. */
  static async open(path = ':memory:', options: StoreOptions = {}): Promise<Store> {
    const config: Record<string, string> = {};
    if (options.threads !== undefined) config.threads = String(options.threads);
    if (options.memoryLimit !== undefined) config.memory_limit = options.memoryLimit;
    if (options.readOnly === true) config.access_mode = 'READ_ONLY';
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path, config);
    } catch (err) {
      throw new StoreError(`cannot open store ${path}: ${(err as Error).message}`);
    }
    const con = await instance.connect();
    await con.run(`SET TimeZone = 'UTC'`);
    const store = new Store(path, instance, con);
    if (options.readOnly === true) await checkSchema(store);
    else await createSchema(store);
    return store;
  }

  async run(sql: string, params?: Params): Promise<void> {
    await this.con.run(sql, params);
  }

  /** Rows as plain JS objects (BIGINT as bigint, timestamps as DuckDB values' JS forms). */
  async all<T extends Row = Row>(sql: string, params?: Params): Promise<T[]> {
    const reader = await this.con.runAndReadAll(sql, params);
    return reader.getRowObjectsJS() as T[];
  }

  async one<T extends Row = Row>(sql: string, params?: Params): Promise<T> {
    const rows = await this.all<T>(sql, params);
    const first = rows[0];
    if (first === undefined) throw new StoreError(`query returned no row: ${sql.slice(0, 80)}`);
    return first;
  }

  close(): void {
    this.con.closeSync();
    this.instance.closeSync();
  }
}

export class StoreError extends Error {
  override name = 'StoreError';
}

/** Quotes an SQL string literal; for paths and names that DuckDB table functions take as constants. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Quotes an identifier (column names come from user files). */
export function sqlIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
