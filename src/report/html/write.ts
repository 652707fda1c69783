// Writes report.html into a run folder from its files and the store it was made from: what `lockstep
// analyze` does after the run folder, and what `lockstep report RUN_DIR` does to rebuild it.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Store } from '../../store/index.js';
import { loadReportClient } from './client-bundle.js';
import { renderReportHtml } from './page.js';
import { buildReportData, type ReportOptions } from './report-data.js';

export const REPORT_FILE = 'report.html';

export interface ReportFile {
  path: string;
  bytes: number;
  seconds: number;
}

export async function writeReport(
  dir: string,
  store: Store,
  options: Partial<ReportOptions> = {},
): Promise<ReportFile> {
  const began = performance.now();
  const [data, client] = await Promise.all([buildReportData(dir, store, options), loadReportClient()]);
  const html = renderReportHtml(data, client);
  const path = join(dir, REPORT_FILE);
  await writeFile(path, html);
  return {
    path,
    bytes: Buffer.byteLength(html),
    seconds: Math.round(performance.now() - began) / 1000,
  };
}
