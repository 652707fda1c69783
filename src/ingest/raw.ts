// The raw-row contract between format readers and normalisation: every reader stages its file into a
// temporary table with these columns (NULL where the format has nothing), and normalisation takes it
// from there. Readers only say how their fields map; they never normalise.
import type { Store } from '../store/index.js';

/** Columns of a staged posts file, with their SQL types. */
export const RAW_POST_COLUMNS = {
  rec: 'BIGINT', // 1-based data record in the file (array element, CSV record, JSONL line)
  line: 'BIGINT', // physical line when the reader knows it cheaply (JSONL), else NULL
  id: 'VARCHAR',
  id_scope: 'VARCHAR', // prefix that makes an id unique on its platform (a Telegram channel)
  account: 'VARCHAR',
  handle: 'VARCHAR',
  name: 'VARCHAR',
  time_raw: 'VARCHAR', // the time as written (ISO, epoch, IO archive, API v1.1 forms); parsed in normalisation
  kind: 'VARCHAR', // post/repost/reply/quote when the format says; else derived
  text: 'VARCHAR',
  lang: 'VARCHAR',
  hashtags: 'VARCHAR[]', // NULL: extract from text
  urls: 'VARCHAR[]', // NULL: extract from text
  mentions: 'VARCHAR[]', // NULL: extract from text
  repost_of: 'VARCHAR',
  repost_of_account: 'VARCHAR',
  reply_to: 'VARCHAR',
  reply_to_account: 'VARCHAR',
  quote_of: 'VARCHAR',
  client: 'VARCHAR',
  acct_created: 'VARCHAR',
  followers: 'BIGINT',
  following: 'BIGINT',
  acct_lang: 'VARCHAR',
} as const;

/** Columns of a staged accounts-only file (e.g. the IO archive's users file). */
export const RAW_ACCOUNT_COLUMNS = {
  rec: 'BIGINT',
  line: 'BIGINT', // as in RAW_POST_COLUMNS; normalisation reads it when it reports rejected rows
  account: 'VARCHAR',
  handle: 'VARCHAR',
  name: 'VARCHAR',
  acct_created: 'VARCHAR',
  followers: 'BIGINT',
  following: 'BIGINT',
  acct_lang: 'VARCHAR',
} as const;

export type RawPostColumn = keyof typeof RAW_POST_COLUMNS;
export type RawAccountColumn = keyof typeof RAW_ACCOUNT_COLUMNS;

/** Builds the SELECT list of a staging query: given expressions, typed NULLs for the rest. */
export function selectList<C extends Record<string, string>>(
  columns: C,
  exprs: Partial<Record<keyof C & string, string>>,
): string {
  return Object.entries(columns)
    .map(([name, type]) => `CAST(${exprs[name] ?? 'NULL'} AS ${type}) AS ${name}`)
    .join(',\n  ');
}

export interface InputFile {
  path: string;
  /** Display name used in messages: the path as the user gave it. */
  name: string;
  bytes: number;
  gzip: boolean;
}

/** A row the reader itself could not read (bad CSV structure, invalid JSON line). */
export interface ReaderRejection {
  reason: string;
  record: number | null;
  line: number | null;
  detail: string;
  /** Posts rejected with it (an API page holding several); absent: 1. */
  count?: number;
}

/** Posts the reader rejected: each rejection counts the posts it stood for. */
export function rejectedCount(rejections: readonly ReaderRejection[]): number {
  let n = 0;
  for (const r of rejections) n += r.count ?? 1;
  return n;
}

export interface StageResult {
  /** 'posts' stages RAW_POST_COLUMNS, 'accounts' stages RAW_ACCOUNT_COLUMNS. */
  kind: 'posts' | 'accounts';
  platform: string;
  table: string;
  /** False when the source has no time at all (a mapping without time): posts then load with NULL time. */
  hasTime?: boolean;
  /** False when the source has no post ids: each row then gets one from the file's hash and record. */
  hasIds?: boolean;
  /** Records seen, including the ones the reader rejected. */
  rowsRead: number;
  rejections: ReaderRejection[];
  /**
   * Present when `rec` is NULL in the staged rows and the reader's rejects are only known once the staged
   * rows have been read (CSV read through a view): after that scan, `afterScan` returns the rejected
   * records and a table listing them (first_shifted), and records are numbered by read order, shifted
   * past the rejected ones; rowsRead is then the rows materialised plus the rejected.
   */
  numbering?: {
    afterScan: () => Promise<{ rejections: ReaderRejection[]; shiftTable: string | null }>;
  };
  /** Maps data records to physical lines, for error examples; absent when records are lines already. */
  linesOf?: (records: number[]) => Promise<Map<number, number>>;
  /** What the file was read as ('utf-8', 'utf-16le', 'windows-1256', ...) and how that was decided. */
  encoding?: string;
  /** The CSV delimiter used, and whether it was detected from the header or given (--delimiter). */
  delimiter?: string;
  /** Things the user should know about the file as a whole (one line each), e.g. an encoding hint. */
  notes?: string[];
  /** Removes scratch files the reader made (a framed copy); called once the staged rows are loaded. */
  cleanup?: () => Promise<void>;
}

/** How to read the bytes of input files: shared by every reader (flags --encoding, --delimiter, ...). */
export interface ReadOptions {
  /** A WHATWG encoding label (--encoding); null: UTF-8, or UTF-16 when the file starts with its mark. */
  encoding: string | null;
  /** ',', ';' or a tab (--delimiter); null: detected from the header line. */
  delimiter: string | null;
  /** Longest record kept, in bytes; a longer one is rejected as 'record too long' (--max-record-bytes). */
  maxRecordBytes: number;
}

export interface StageContext {
  store: Store;
  file: InputFile;
  table: string;
  read: ReadOptions;
}
