// The lockstep library: open a store, load files into it, detect and describe coordinated networks, write
// the run folder. The synthetic data generator is not part of it: it is the workspace package
// @lockstep/generate (packages/generate), which `lockstep generate` and the demo use.
export { detectFormat, FORMAT_DESCRIPTIONS, type FormatName, PRESETS, parseMapping } from './ingest/index.js';
export {
  type Candidate,
  DESCRIBE_DEFAULTS,
  DETECT_DEFAULTS,
  type DescribeOptions,
  type Detection,
  type DetectOptions,
  describeNetworks,
  detectNetworks,
  type NetworkAccount,
  type NetworkDescription,
  type NetworkEdge,
} from './networks/index.js';
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
export {
  NETWORKS_SCHEMA_VERSION,
  RUN_FILES,
  type RunFolder,
  type RunFolderInput,
  writeRunFolder,
} from './report/index.js';
export { SIGNALS, type SignalName } from './signals/index.js';
export { SCHEMA_VERSION, Store, type StoreOptions } from './store/index.js';
export { VERSION } from './version.js';
export {
  type AccountPayload,
  type EvidencePayload,
  type NetworkPayload,
  type NetworksPayload,
  type RunningServer,
  SERVE_DEFAULTS,
  type ServeOptions,
  startServer,
} from './web/index.js';
