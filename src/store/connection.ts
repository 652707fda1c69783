// The thin DuckDB layer: one Store per database (file or in-memory), UTC session time, and typed
// helpers for running SQL with bound parameters. Everything above this uses Store, never raw bindings.
import { type DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { StoreError } from './errors.js';
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
      throw openError(path, options.readOnly === true, err);
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

  /**
   * Another connection to the same database, for queries that run beside this store's own (DuckDB runs the
   * queries of separate connections concurrently; one connection runs one at a time). Close it before the store.
   */
  async connect(): Promise<StoreReader> {
    const con = await this.instance.connect();
    await con.run(`SET TimeZone = 'UTC'`);
    return new StoreReader(con);
  }

  close(): void {
    this.con.closeSync();
    this.instance.closeSync();
  }
}

/** One extra connection from Store.connect: typed reads, and an interrupt for a query that runs too long. */
export class StoreReader {
  constructor(private readonly con: DuckDBConnection) {}

  async all<T extends Row = Row>(sql: string, params?: Params): Promise<T[]> {
    const reader = await this.con.runAndReadAll(sql, params);
    return reader.getRowObjectsJS() as T[];
  }

  /** Stops the query this connection is running (it then fails); the connection stays usable. */
  interrupt(): void {
    this.con.interrupt();
  }

  close(): void {
    this.con.closeSync();
  }
}

/** DuckDB's refusal to open a database, in words that name the store and say what to do. */
function openError(path: string, readOnly: boolean, err: unknown): StoreError {
  const text = err instanceof Error ? err.message : String(err);
  const details = (hint: string) => ({ file: path, hint, cause: err });
  if (/not a valid DuckDB database file/i.test(text))
    return new StoreError(
      `${path}: not a lockstep store (not a DuckDB database file)`,
      details('give a store made by lockstep ingest or analyze, or a path where none exists yet'),
    );
  if (/Could not set lock|Conflicting lock/i.test(text)) {
    const pid = /PID (\d+)/.exec(text)?.[1];
    return new StoreError(
      `${path}: in use by another program${pid === undefined ? '' : ` (process ${pid})`}`,
      details('wait for it to finish or stop it, then run again'),
    );
  }
  if (/version number|newer version|older version|storage version/i.test(text))
    return new StoreError(
      `${path}: written by a different version of the database engine`,
      details('use the lockstep that made it, or make the store again from the input files'),
    );
  if (/database does not exist/i.test(text) || (readOnly && /No such file/i.test(text)))
    return new StoreError(`${path}: no such store`, details('give the path of a store made by lockstep'));
  if (/No such file or directory/i.test(text))
    return new StoreError(
      `${path}: its folder does not exist`,
      details('create the folder, or give another path'),
    );
  if (/Permission denied|Read-only file system/i.test(text))
    return new StoreError(
      `${path}: permission denied`,
      details('check the permissions of the file and its folder, or give another path'),
    );
  return new StoreError(`cannot open store ${path}: ${text}`, { file: path, cause: err });
}

/** Quotes an SQL string literal; for paths and names that DuckDB table functions take as constants. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Quotes an identifier (column names come from user files). */
export function sqlIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
