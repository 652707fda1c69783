// Public face of ingest: detect a file's format and stage its rows into a temporary table of raw rows
// (see raw.ts). Normalisation (src/normalize) turns staged rows into posts and accounts.
import type { Store } from '../store/index.js';
import { MAX_RECORD_BYTES } from './_csv.js';
import { InputError } from './_files.js';
import type { Detection, DetectOptions } from './detect.js';
import { type ColumnMapping, stageGenericCsv } from './generic-csv.js';
import { stageIoTweets, stageIoUsers } from './io-archive.js';
import { findPreset } from './presets.js';
import type { InputFile, StageResult } from './raw.js';
import { stageScraperJson } from './scraper-json.js';
import { stageTelegramExport, stageTelegramMessages } from './telegram.js';
import { stageTwitterV1 } from './twitter-v1.js';
import { stageTwitterV2 } from './twitter-v2.js';

export { MAX_RECORD_BYTES, recordLines } from './_csv.js';
export { checkEncoding } from './_decode.js';
export { describeFile, InputError, sha256File } from './_files.js';
export { type Detection, detectFormat, FORMAT_DESCRIPTIONS, type FormatName } from './detect.js';
export { type ColumnMapping, MAP_FIELDS, parseMapping } from './generic-csv.js';
export { PRESETS, type Preset } from './presets.js';
export {
  type InputFile,
  RAW_ACCOUNT_COLUMNS,
  RAW_POST_COLUMNS,
  type ReaderRejection,
  rejectedCount,
  type StageResult,
} from './raw.js';

export interface StageOptions extends DetectOptions {
  mapping?: ColumnMapping | undefined;
  /** Platform name for generic CSV rows (default 'generic'). */
  platform?: string | undefined;
  /** IANA zone for times written without a zone (default UTC, or the preset's). */
  timeZone?: string | undefined;
  /** Cells meaning "missing" in generic CSV (default '' and NA). */
  nulls?: string[] | undefined;
  /** Longest record kept, in bytes (default MAX_RECORD_BYTES); a longer one is rejected. */
  maxRecordBytes?: number | undefined;
}

/** Stages one detected file into `table`; returns what was read and what the reader rejected. */
export async function stageFile(
  store: Store,
  file: InputFile,
  detection: Detection,
  table: string,
  options: StageOptions = {},
): Promise<StageResult & { timeZone: string | null }> {
  const ctx = {
    store,
    file,
    table,
    read: {
      encoding: options.encoding ?? null,
      delimiter: options.delimiter ?? null,
      maxRecordBytes: options.maxRecordBytes ?? MAX_RECORD_BYTES,
    },
  };
  const zone = options.timeZone ?? null;
  switch (detection.format) {
    case 'io-archive-tweets':
      return { ...(await stageIoTweets(ctx, detection.header)), timeZone: zone };
    case 'io-archive-users':
      return { ...(await stageIoUsers(ctx, detection.header)), timeZone: zone };
    case 'twitter-v1':
      return { ...(await stageTwitterV1(ctx)), timeZone: zone };
    case 'twitter-v2':
      return { ...(await stageTwitterV2(ctx, detection.layout)), timeZone: zone };
    case 'telegram-export':
      return { ...(await stageTelegramExport(ctx, detection.full)), timeZone: zone };
    case 'telegram-messages':
      return { ...(await stageTelegramMessages(ctx)), timeZone: zone };
    case 'scraper-json':
      return { ...(await stageScraperJson(ctx)), timeZone: zone };
    case 'csv': {
      const preset = detection.preset === null ? undefined : findPreset(detection.preset);
      const base = preset?.options(detection.header);
      if (base === undefined && options.mapping === undefined) {
        throw new InputError(`${file.name}: a CSV needs --map or --preset`);
      }
      const timeZone = options.timeZone ?? base?.timeZone ?? null;
      const result = await stageGenericCsv(ctx, detection.header, {
        mapping: { ...base?.mapping, ...options.mapping },
        ...(base?.expressions && options.mapping === undefined ? { expressions: base.expressions } : {}),
        platform: options.platform ?? base?.platform ?? 'generic',
        nulls: options.nulls ?? base?.nulls ?? ['', 'NA'],
      });
      return { ...result, timeZone };
    }
  }
}
