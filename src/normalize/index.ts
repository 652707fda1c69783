// Public face of normalisation: the record shapes, the SQL normalisers, and loading files into a store.
export { type LoadOptions, type LoadProgress, loadFiles, MAX_TEXT_CHARS } from './load.js';
export type { Account, Platform, Post, PostKind } from './records.js';
export {
  EXAMPLES_PER_REASON,
  type FileReport,
  formatBytes,
  formatIngestReport,
  type IngestReport,
  type RejectionExample,
  type RejectionGroup,
} from './report.js';
export { formatSummary, type StoreSummary, summarizeStore } from './summary.js';
export { installNormalizers, NFKC_TRIGGER_CLASS, URL_IN_TEXT } from './text.sql.js';
