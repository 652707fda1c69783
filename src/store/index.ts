// Public face of the store: open a DuckDB database, run SQL, quote names.
export {
  type Params,
  type Row,
  Store,
  type StoreOptions,
  StoreReader,
  sqlIdent,
  sqlString,
} from './connection.js';
export {
  EngineError,
  type EngineKind,
  type EngineMessage,
  findEngineMessage,
  onFile,
  StoreError,
  withFile,
} from './errors.js';
export { SCHEMA_VERSION } from './schema.sql.js';
