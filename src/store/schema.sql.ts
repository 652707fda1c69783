// The store's tables. Posts and accounts are the normalised records of src/normalize/records.ts;
// files and rejections keep the ingest report so that a store can always say where its rows came from.
import type { Store } from './connection.js';
import { StoreError } from './errors.js';

export const SCHEMA_VERSION = 1;

const TABLES = `
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS files (
  file_id INTEGER PRIMARY KEY, path VARCHAR, name VARCHAR, sha256 VARCHAR, bytes BIGINT, format VARCHAR,
  platform VARCHAR, rows_read BIGINT, rows_loaded BIGINT, rows_rejected BIGINT, accounts_loaded BIGINT,
  report VARCHAR -- the file's FileReport as JSON
);
CREATE TABLE IF NOT EXISTS rejections (
  file_id INTEGER, reason VARCHAR, record BIGINT, line BIGINT, detail VARCHAR
);
CREATE TABLE IF NOT EXISTS posts (
  platform VARCHAR NOT NULL, id VARCHAR NOT NULL, account VARCHAR NOT NULL, time TIMESTAMP,
  kind VARCHAR NOT NULL, text VARCHAR, text_norm VARCHAR, lang VARCHAR,
  hashtags VARCHAR[], urls VARCHAR[], domains VARCHAR[], mentions VARCHAR[],
  repost_of VARCHAR, repost_of_account VARCHAR, reply_to VARCHAR, reply_to_account VARCHAR, quote_of VARCHAR,
  client VARCHAR, file_id INTEGER, record BIGINT
);
CREATE TABLE IF NOT EXISTS accounts (
  platform VARCHAR NOT NULL, id VARCHAR NOT NULL, handle VARCHAR, name VARCHAR, created TIMESTAMP,
  followers BIGINT, following BIGINT, lang VARCHAR, file_id INTEGER,
  PRIMARY KEY (platform, id)
);
`;

export async function createSchema(store: Store): Promise<void> {
  await store.run(TABLES);
  const rows = await store.all<{ value: string }>(`SELECT value FROM meta WHERE key = 'schemaVersion'`);
  const found = rows[0]?.value;
  if (found === undefined) {
    await store.run(`INSERT INTO meta VALUES ('schemaVersion', $1)`, [String(SCHEMA_VERSION)]);
  } else if (found !== String(SCHEMA_VERSION)) {
    throw schemaError(store, found);
  }
}

/** For a read-only store: the tables must exist with this schema version (nothing is created). */
export async function checkSchema(store: Store): Promise<void> {
  const rows = await store
    .all<{ value: string }>(`SELECT value FROM meta WHERE key = 'schemaVersion'`)
    .catch(() => []);
  const found = rows[0]?.value;
  if (found !== String(SCHEMA_VERSION)) throw schemaError(store, found);
}

function schemaError(store: Store, found: string | undefined): StoreError {
  return found === undefined
    ? new StoreError(
        `${store.path}: a DuckDB database, but not a lockstep store (it has no lockstep tables)`,
        {
          file: store.path,
          hint: 'give a store made by lockstep ingest or analyze',
        },
      )
    : new StoreError(
        `${store.path}: a store of schema version ${found}; this lockstep reads version ${SCHEMA_VERSION}`,
        {
          file: store.path,
          hint: 'make the store again from the input files (lockstep ingest or analyze), or use the lockstep that wrote it',
        },
      );
}
