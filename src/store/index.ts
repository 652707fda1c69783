// Public face of the store: open a DuckDB database, run SQL, quote names.
export {
  type Params,
  type Row,
  Store,
  StoreError,
  type StoreOptions,
  sqlIdent,
  sqlString,
} from './connection.js';
export { SCHEMA_VERSION } from './schema.sql.js';
