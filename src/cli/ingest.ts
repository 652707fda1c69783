// `lockstep ingest FILES... --db PATH`: load files into a store and print the ingest report.

import { statSync } from 'node:fs';
import { totalmem } from 'node:os';
import { basename } from 'node:path';
import { parseMapping } from '../ingest/index.js';
import {
  formatIngestReport,
  type IngestReport,
  type LoadOptions,
  type LoadProgress,
  loadFiles,
} from '../normalize/index.js';
import { Store, withFile } from '../store/index.js';
import { checkInputFiles, checkInputOptions } from './_input.js';
import { Progress } from './_io.js';

export interface IngestCommandOptions {
  db: string;
  map?: string;
  preset?: string;
  platform?: string;
  timezone?: string;
  na?: string[];
  encoding?: string;
  delimiter?: string;
  maxRecordBytes?: number;
  /** Bytes the engine may use before it spills (default: half the machine's memory). */
  memoryLimit?: number;
  json?: boolean;
  /** No progress on stderr. */
  quiet?: boolean;
}

export async function runIngest(files: string[], options: IngestCommandOptions): Promise<void> {
  const progress = new Progress(options.quiet === true);
  await checkInputOptions(options);
  await checkInputFiles(files);
  const store = await Store.open(options.db, { memoryLimit: engineMemory(options.memoryLimit) });
  try {
    const report = await loadNamingFiles(store, files, loadOptions(options, progress));
    progress.end();
    process.stdout.write(`${options.json ? JSON.stringify(report, null, 2) : formatIngestReport(report)}\n`);
  } finally {
    progress.end();
    store.close();
  }
}

/**
 * loadFiles, with an engine failure named by the file it happened on and what was being done with it (told by
 * loadFiles' progress events: each file is detected in turn, then read and normalised in turn).
 */
export async function loadNamingFiles(
  store: Store,
  files: string[],
  options: LoadOptions,
): Promise<IngestReport> {
  let detected = 0;
  let at = { file: files[0] ?? '', doing: 'detecting its format' };
  const onProgress = (event: LoadProgress) => {
    if (event.stage === 'detected') {
      detected++;
      at = { file: files[detected] ?? event.file, doing: 'detecting its format' };
    } else if (event.stage === 'reading') at = { file: event.file, doing: 'reading it' };
    else if (event.stage === 'normalising') at = { file: event.file, doing: 'normalising its rows' };
    else at = { file: event.file, doing: 'recording it in the store' };
    options.onProgress?.(event);
  };
  try {
    return await loadFiles(store, files, { ...options, onProgress });
  } catch (err) {
    throw withFile(err, at.file, at.doing);
  }
}

/** The ingest flags (shared by ingest and analyze) as loadFiles options, progress on stderr. */
export function loadOptions(
  options: Pick<
    IngestCommandOptions,
    'map' | 'preset' | 'platform' | 'timezone' | 'na' | 'encoding' | 'delimiter' | 'maxRecordBytes'
  >,
  progress: Progress,
): LoadOptions {
  return {
    mapping: options.map === undefined ? undefined : parseMapping(options.map),
    preset: options.preset,
    platform: options.platform,
    timeZone: options.timezone,
    nulls: options.na,
    encoding: options.encoding,
    delimiter: options.delimiter,
    maxRecordBytes: options.maxRecordBytes,
    onProgress: ingestProgress(progress),
  };
}

/**
 * Ingest's progress: one 'ingest' stage counted in bytes of the input files (a file's bytes count as done
 * when it is loaded; loadFiles tells no position inside a file), with the file and what is done with it;
 * each file's format and rows loaded as lines.
 */
function ingestProgress(progress: Progress): (event: LoadProgress) => void {
  const sizes = new Map<string, number>();
  let total = 0;
  let done = 0;
  const sizeOf = (file: string) => {
    let size = sizes.get(file);
    if (size === undefined) {
      try {
        size = statSync(file).size;
      } catch {
        size = 0;
      }
      sizes.set(file, size);
      total += size;
    }
    return size;
  };
  return (event) => {
    if (event.stage === 'detected') {
      sizeOf(event.file);
      progress.line(describe(event));
      return;
    }
    if (event.stage === 'loaded') {
      done += sizeOf(event.file);
      progress.line(describe(event));
      return;
    }
    sizeOf(event.file);
    progress.stage('ingest', {
      doing: `${event.stage} ${basename(event.file)} (file ${event.index + 1} of ${event.total})`,
      done,
      total,
      unit: 'bytes',
    });
  };
}

/**
 * DuckDB's memory_limit: the --memory-limit given, else half the machine's memory (DuckDB's own default, 80%,
 * left too little beside Node and the page cache; past the limit DuckDB spills to disk instead of failing).
 */
export function engineMemory(bytes: number | undefined): string {
  return `${Math.max(64, Math.floor((bytes ?? totalmem() / 2) / 2 ** 20))}MiB`;
}

export function describe(event: LoadProgress): string {
  switch (event.stage) {
    case 'detected':
      return `${event.file}: ${event.format}`;
    case 'reading':
      return `reading ${event.file} (${event.index + 1}/${event.total})`;
    case 'normalising':
      return `normalising ${event.file}`;
    case 'loaded':
      return `loaded ${event.report.rowsLoaded.toLocaleString('en-US')} rows from ${event.file} in ${event.report.seconds.toFixed(1)} s`;
  }
}
