// Public face of the HTML report: report.html for a run folder, and the pieces it is made of.
export { parseCsv, type RunEdge, type RunFiles, type RunNetworksJson, readRunFiles } from './_run-files.js';
export { REPORT_CSS } from './_style.css.js';
export { buildReportClient, loadReportClient } from './client-bundle.js';
export { type LayoutNode, layoutNetworks } from './layout.js';
export { contentSecurityPolicy, escapeJsonForHtml, renderReportHtml } from './page.js';
export {
  buildReportData,
  creationCounts,
  REPORT_DEFAULTS,
  type ReportData,
  type ReportEvidencePair,
  type ReportGraph,
  type ReportInput,
  type ReportNetwork,
  type ReportOptions,
  type ReportSetAside,
  type ReportSetAsideCandidate,
  type ReportTimeline,
} from './report-data.js';
export { setAsideReason } from './set-aside-words.js';
export { invisibleMark, isolateText, revealInvisibles, splitInvisibles } from './visible-text.js';
export { runWarnings, type WarningFigures } from './warnings.js';
export { REPORT_FILE, type ReportFile, writeReport } from './write.js';
