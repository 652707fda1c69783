// Public face of the reports: the run folder (networks.json, accounts.csv, edges.csv and their Parquet and
// xlsx copies, GEXF, GraphML, manifest.json), the writers it is made of, and report.html.
export { CSV_DEFAULTS, type CsvCell, type CsvOptions, restoreCsvCell, toCsv, writeCsv } from './csv.js';
export { type GexfOptions, toGexf, writeGexf } from './gexf.js';
export {
  type ExportGraph,
  GRAPH_EXPORT_DEFAULTS,
  type GraphAttr,
  type GraphExportOptions,
} from './graph-export.js';
export { toGraphml, writeGraphml } from './graphml.js';
export {
  buildReportData,
  escapeJsonForHtml,
  REPORT_DEFAULTS,
  REPORT_FILE,
  type ReportData,
  type ReportFile,
  type ReportNetwork,
  type ReportOptions,
  type ReportSetAside,
  type ReportSetAsideCandidate,
  renderReportHtml,
  runWarnings,
  writeReport,
} from './html/index.js';
export {
  buildNetworksJson,
  NETWORKS_SCHEMA_VERSION,
  type RunData,
  serializeNetworksJson,
  summarizeRunData,
} from './networks-json.js';
export { RUN_FILES, type RunFolder, type RunFolderInput, writeRunFolder } from './run.js';
export {
  checkRunFolder,
  checkRunStore,
  RUN_FOLDER_KIND,
  RunFolderError,
  type RunManifest,
  readRunManifest,
  recordRun,
  type StoreIdentity,
} from './run-folder.js';
export { writeXlsx, XLSX_DEFAULTS, type XlsxOptions } from './xlsx.js';
