// The lockstep library: open a store, load files into it, summarise it, generate synthetic data.
export {
  GENERATE_DEFAULTS,
  type GenerateOptions,
  type GenerateSummary,
  generateDataset,
} from './generate/index.js';
export { detectFormat, FORMAT_DESCRIPTIONS, type FormatName, PRESETS, parseMapping } from './ingest/index.js';
export {
  type Account,
  type FileReport,
  formatIngestReport,
  formatSummary,
  type IngestReport,
  type LoadOptions,
  loadFiles,
  type Post,
  type PostKind,
  type StoreSummary,
  summarizeStore,
} from './normalize/index.js';
export { SCHEMA_VERSION, Store, type StoreOptions } from './store/index.js';
export { VERSION } from './version.js';
