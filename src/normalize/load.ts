// Loading files into a store: detect every file first (so a wrong file fails before anything loads),
// stage each with its format reader, then normalise staged rows into posts and accounts in SQL, with
// every row that cannot be used counted under its reason. Bad rows never stop the good ones.
import { basename } from 'node:path';
import {
  type Detection,
  describeFile,
  detectFormat,
  type InputFile,
  rejectedCount,
  type StageOptions,
  type StageResult,
  sha256File,
  stageFile,
} from '../ingest/index.js';
import type { Store } from '../store/index.js';
import { EXAMPLES_PER_REASON, type FileReport, type IngestReport, type RejectionGroup } from './report.js';
import { installNormalizers } from './text.sql.js';

export interface LoadOptions extends StageOptions {
  onProgress?: (event: LoadProgress) => void;
}

export type LoadProgress =
  | { stage: 'detected'; file: string; format: string }
  | { stage: 'reading' | 'normalising'; file: string; index: number; total: number }
  | { stage: 'loaded'; file: string; report: FileReport };

/** Longest text kept per post; longer texts are cut (no platform allows posts near this size). */
export const MAX_TEXT_CHARS = 100_000;
/** Rejected rows kept per reason and file in the store's rejections table. */
const REJECTIONS_KEPT = 1000;

export async function loadFiles(
  store: Store,
  paths: string[],
  options: LoadOptions = {},
): Promise<IngestReport> {
  const started = performance.now();
  await installNormalizers(store);
  const files: { file: InputFile; detection: Detection; sha: Promise<string> }[] = [];
  for (const path of paths) {
    const file = await describeFile(path);
    const detection = await detectFormat(file, {
      preset: options.preset,
      hasMapping: options.mapping !== undefined,
      encoding: options.encoding,
      delimiter: options.delimiter,
    });
    options.onProgress?.({ stage: 'detected', file: file.name, format: detection.format });
    files.push({ file, detection, sha: sha256File(path) });
  }
  // Hash every file while the engine reads; nothing waits on it until the report.
  for (const f of files) f.sha.catch(() => undefined);
  const reports: FileReport[] = [];
  for (const [index, { file, detection, sha }] of files.entries()) {
    const started = performance.now();
    options.onProgress?.({ stage: 'reading', file: file.name, index, total: files.length });
    const fileId = await nextFileId(store);
    const table = `ls_stage_${fileId}`;
    const staged = await stageFile(store, file, detection, table, options);
    try {
      reports.push(
        await loadStaged(
          store,
          { file, detection, sha, staged, fileId, table, index, total: files.length, started },
          options,
        ),
      );
    } finally {
      await staged.cleanup?.();
    }
  }
  const totals = await store.one<{ posts: bigint; accounts: bigint }>(
    `SELECT (SELECT count(*) FROM posts) AS posts, (SELECT count(*) FROM accounts) AS accounts`,
  );
  return {
    files: reports,
    totals: {
      posts: Number(totals.posts),
      accounts: Number(totals.accounts),
      rowsRead: reports.reduce((s, r) => s + r.rowsRead, 0),
      rowsRejected: reports.reduce((s, r) => s + r.rowsRejected, 0),
      rowsMerged: reports.reduce((s, r) => s + r.rowsMerged, 0),
    },
    seconds: (performance.now() - started) / 1000,
  };
}

interface StagedFile {
  file: InputFile;
  detection: Detection;
  sha: Promise<string>;
  staged: Staged;
  fileId: number;
  table: string;
  index: number;
  total: number;
  /** performance.now() when the file's reading began: its report's seconds count from there. */
  started: number;
}

/** Normalises one staged file into the store and returns its report (the staging is dropped). */
async function loadStaged(store: Store, f: StagedFile, options: LoadOptions): Promise<FileReport> {
  const { file, detection, staged, fileId, table } = f;
  const fileStarted = f.started;
  options.onProgress?.({ stage: 'normalising', file: file.name, index: f.index, total: f.total });
  const sha256 = await f.sha;
  const earlier = await loadedAs(store, sha256);
  if (earlier !== null) {
    // The very file again (given twice, or loaded before): its rows would all be posts already loaded.
    // It is staged before its hash is known, so hashing overlaps reading in the common case.
    await dropStaging(store, table);
    const report = skippedReport(file, sha256, detection, staged, earlier, fileStarted);
    options.onProgress?.({ stage: 'loaded', file: file.name, report });
    return report;
  }
  const outcome =
    staged.kind === 'posts'
      ? await normalisePosts(store, staged, fileId, sha256)
      : await normaliseAccounts(store, staged, fileId);
  const { groups, kept } = await collectRejections(store, staged, outcome.rejected);
  const rejections = groups.filter((g) => !MERGED.includes(g.reason));
  const merges = groups.filter((g) => MERGED.includes(g.reason));
  await dropStaging(store, table);
  const report: FileReport = {
    file: file.name,
    sha256,
    bytes: file.bytes,
    format: detection.format + (detection.format === 'csv' && detection.preset ? `:${detection.preset}` : ''),
    platform: staged.platform,
    encoding: staged.encoding ?? 'utf-8',
    delimiter: staged.delimiter ?? null,
    notes: staged.notes ?? [],
    rowsRead: staged.rowsRead,
    rowsLoaded: outcome.loaded,
    rowsRejected: rejections.reduce((sum, r) => sum + r.count, 0),
    rejections,
    rowsMerged: merges.reduce((sum, r) => sum + r.count, 0),
    merges,
    alreadyLoadedAs: null,
    accounts: outcome.accounts,
    timeZone: staged.timeZone,
    hasTime: staged.hasTime ?? true,
    seconds: (performance.now() - fileStarted) / 1000,
  };
  await recordFile(store, fileId, file, report, kept);
  options.onProgress?.({ stage: 'loaded', file: file.name, report });
  return report;
}

/** The name of the file loaded before with this SHA-256, if any. */
async function loadedAs(store: Store, sha256: string): Promise<string | null> {
  const rows = await store.all<{ name: string }>(
    `SELECT name FROM files WHERE sha256 = $1 ORDER BY file_id LIMIT 1`,
    [sha256],
  );
  return rows[0]?.name ?? null;
}

function skippedReport(
  file: InputFile,
  sha256: string,
  detection: Detection,
  staged: Staged,
  earlier: string,
  started: number,
): FileReport {
  return {
    file: file.name,
    sha256,
    bytes: file.bytes,
    format: detection.format + (detection.format === 'csv' && detection.preset ? `:${detection.preset}` : ''),
    platform: staged.platform,
    encoding: staged.encoding ?? 'utf-8',
    delimiter: staged.delimiter ?? null,
    notes: staged.notes ?? [],
    rowsRead: 0,
    rowsLoaded: 0,
    rowsRejected: 0,
    rejections: [],
    rowsMerged: 0,
    merges: [],
    alreadyLoadedAs: earlier,
    accounts: 0,
    timeZone: staged.timeZone,
    hasTime: staged.hasTime ?? true,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Drops the temporary views and tables a file's reader and normalisation made (all named `table*`). */
async function dropStaging(store: Store, table: string): Promise<void> {
  const views = await store.all<{ name: string }>(
    `SELECT view_name AS name FROM duckdb_views() WHERE temporary AND starts_with(view_name, $1)`,
    [table],
  );
  for (const v of views) await store.run(`DROP VIEW IF EXISTS ${v.name}`);
  const tables = await store.all<{ name: string }>(
    `SELECT table_name AS name FROM duckdb_tables() WHERE temporary AND starts_with(table_name, $1)`,
    [table],
  );
  for (const t of tables) await store.run(`DROP TABLE IF EXISTS ${t.name}`);
}

async function nextFileId(store: Store): Promise<number> {
  const { id } = await store.one<{ id: number }>(`SELECT coalesce(max(file_id), 0) + 1 AS id FROM files`);
  return Number(id);
}

interface Outcome {
  loaded: number;
  accounts: number;
  /** Table of rows rejected in normalisation: rec, line, reason, detail. */
  rejected: string;
}

type Staged = StageResult & { timeZone: string | null };

async function normalisePosts(
  store: Store,
  staged: Staged,
  fileId: number,
  sha256: string,
): Promise<Outcome> {
  const t = staged.table;
  const tz = staged.timeZone;
  // One pass over the staged rows: keys, time, folded text, and the reasons that need no other row.
  // Folding here, once, lets the insert below reuse it (macros expand textually; a folded expression
  // used four times would be computed four times). Only texts with '://' can hold a URL to strip, and
  // the stripped text is not kept: it would be one more copy of every text in memory.
  await store.run(
    `
    CREATE OR REPLACE TEMP TABLE ${t}_n AS
    WITH base AS (
      SELECT *, nullif(trim(account), '') AS acct, ls_time_in(time_raw, $tz) AS ts,
        CASE WHEN contains(text, '://') THEN ls_strip_urls(left(text, ${MAX_TEXT_CHARS}))
          ELSE left(text, ${MAX_TEXT_CHARS}) END AS stripped,
        CASE WHEN nullif(trim(id), '') IS NULL THEN NULL
             WHEN id_scope IS NOT NULL THEN id_scope || '/' || trim(id) ELSE trim(id) END AS pid
      FROM ${t})
    SELECT * EXCLUDE (stripped), ls_fold(stripped) AS folded,
      CASE WHEN kind = 'service' THEN 'not a post (service message)'
           WHEN acct IS NULL THEN 'missing account'
           WHEN pid IS NULL AND NOT $synthesise THEN 'missing post id'
           WHEN time_raw IS NULL AND $hasTime THEN 'missing time'
           WHEN time_raw IS NOT NULL AND ts IS NULL THEN 'unreadable time'
           WHEN ts < TIMESTAMP '1990-01-01' OR ts >= TIMESTAMP '2100-01-01' THEN 'time out of range'
      END AS reason
    FROM base`,
    { tz, synthesise: staged.hasIds === false, hasTime: staged.hasTime ?? true },
  );
  await numberRecords(store, `${t}_n`, staged);
  if (staged.hasIds === false) {
    // Rows without an id get one from the file's content hash and record: stable across runs, and two
    // distinct rows never share it (the very same file again is known by its SHA-256 and not loaded twice).
    await store.run(`UPDATE ${t}_n SET pid = $prefix || rec WHERE pid IS NULL`, {
      prefix: `${sha256.slice(0, 12)}:`,
    });
  }
  // From here on no step depends on the order rows come out in (records are numbered and keep their file
  // and record numbers), so DuckDB may produce and write them from both threads at once; the staging scan
  // above and the next file's must keep file order, for the numbering.
  // FSST string compression is left out of the posts write: it was a quarter of the ingest time at 1M
  // posts (1-1.3 s of a 5 s write) for a store 70% larger without it (238 vs 139 MB); dictionary and the
  // other methods still apply, and reading uncompressed text back is no slower for the signals.
  await store.run(`SET preserve_insertion_order = false; SET disabled_compression_methods = 'fsst'`);
  try {
    return await insertPosts(store, staged, fileId);
  } finally {
    await store.run(`RESET preserve_insertion_order; RESET disabled_compression_methods`);
  }
}

async function insertPosts(store: Store, staged: Staged, fileId: number): Promise<Outcome> {
  const t = staged.table;
  const tz = staged.timeZone;
  const rt = '^RT @([A-Za-z0-9_]+):';
  await markDuplicates(store, `${t}_n`, staged.platform);
  await mergeRepeatedRows(store, `${t}_n`);
  await memoiseLists(store, `${t}_n`);
  await store.run(
    `
    INSERT INTO posts
    WITH good AS (
      SELECT n.*, left(text, ${MAX_TEXT_CHARS}) AS body,
        coalesce(kind, CASE WHEN regexp_matches(text, '${rt}') THEN 'repost'
          WHEN reply_to IS NOT NULL OR reply_to_account IS NOT NULL THEN 'reply'
          WHEN quote_of IS NOT NULL THEN 'quote' ELSE 'post' END) AS kind2,
        CASE WHEN n.urls IS NOT NULL THEN CASE WHEN len(n.urls) = 0 THEN []
            ELSE coalesce(mu.v, ls_urls(n.urls)) END
          WHEN contains(text, '://') THEN ls_urls_in_text(left(text, ${MAX_TEXT_CHARS})) ELSE [] END AS curls,
        CASE WHEN n.urls IS NOT NULL AND len(n.urls) > 0 THEN mu.d END AS cdomains,
        CASE WHEN n.hashtags IS NOT NULL THEN CASE WHEN len(n.hashtags) = 0 THEN []
            ELSE coalesce(mt.v, ls_tags(n.hashtags)) END
          WHEN contains(folded, '#') THEN ls_tags_in_folded(folded) ELSE [] END AS ctags,
        CASE WHEN n.mentions IS NOT NULL THEN CASE WHEN len(n.mentions) = 0 THEN []
            ELSE coalesce(mm.v, ls_mentions(n.mentions)) END
          WHEN contains(folded, '@') THEN ls_mentions_in_folded(folded) ELSE [] END AS cmentions
      FROM ${t}_n n
        LEFT JOIN ${t}_n_tags mt ON n.hashtags = mt.k
        LEFT JOIN ${t}_n_urls mu ON n.urls = mu.k
        LEFT JOIN ${t}_n_mentions mm ON n.mentions = mm.k
      WHERE reason IS NULL),
    shaped AS (
      SELECT *, coalesce(repost_of_account,
        CASE WHEN kind2 = 'repost' THEN lower(nullif(regexp_extract(text, '${rt}', 1), '')) END) AS rp_acct
      FROM good)
    SELECT $platform, pid, acct, ts, kind2, body, ls_norm_folded(folded), lang, ctags,
      curls, CASE WHEN len(curls) = 0 THEN [] ELSE coalesce(cdomains, ls_domains(curls)) END,
      -- A repost's "mention" of the account it reposts is the client's "RT @handle:" prefix, listed by
      -- some layouts (IO archive, API entities) and not others; who was reposted is rp_acct.
      CASE WHEN kind2 = 'repost' AND len(cmentions) > 0 THEN list_filter(cmentions,
          m -> m <> coalesce(lower(rp_acct), '') AND m <> coalesce(lower(regexp_extract(text, '${rt}', 1)), ''))
        ELSE cmentions END,
      -- A repost whose source names no original is keyed by who was reposted and what was said,
      -- so that two reposts of the same message still match (RT-text datasets, Telegram forwards).
      coalesce(repost_of, CASE WHEN kind2 = 'repost' THEN 'text:' || left(md5(coalesce(rp_acct, '') || '|' ||
        coalesce(regexp_replace(ls_norm_folded(folded), '^rt @[a-z0-9_]+: *', ''), '')), 20) END),
      -- A repost quotes and answers nothing itself: a quoted or answered tweet that some layouts give on a
      -- retweet (the IO archive, API v1.1) is its original's, which API v2 gives only on the original.
      rp_acct, CASE WHEN kind2 <> 'repost' THEN reply_to END, CASE WHEN kind2 <> 'repost' THEN reply_to_account END,
      CASE WHEN kind2 <> 'repost' THEN quote_of END, left(client, 200), $fileId, rec
    FROM shaped`,
    { platform: staged.platform, fileId },
  );
  const accounts = await upsertAccounts(store, `${t}_n`, 'reason IS NULL', 'acct', staged, fileId, tz, false);
  const { loaded } = await store.one<{ loaded: bigint }>(
    `SELECT count(*) AS loaded FROM ${t}_n WHERE reason IS NULL`,
  );
  return { loaded: Number(loaded), accounts, rejected: `${t}_n` };
}

/**
 * For readers that stage through a view (CSV): collects the rejects its scan stored, counts the rows,
 * and numbers the records from read order, shifted past the rejected ones (see StageResult).
 */
async function numberRecords(store: Store, table: string, staged: Staged): Promise<void> {
  if (staged.numbering === undefined) return;
  const { rejections, shiftTable } = await staged.numbering.afterScan();
  const { n } = await store.one<{ n: bigint }>(`SELECT count(*) AS n FROM ${table}`);
  staged.rejections = rejections;
  staged.rowsRead = Number(n) + rejectedCount(rejections);
  await store.run(
    shiftTable === null
      ? `UPDATE ${table} SET rec = rowid + 1`
      : `UPDATE ${table} SET rec = rowid + 1 + (SELECT count(*) FROM ${shiftTable} WHERE first_shifted <= ${table}.rowid + 1)`,
  );
}

/**
 * Normalises each distinct hashtag, URL and mention list of the loaded rows once, into tables keyed by
 * the list (`table_tags`, `_urls`, `_mentions`: k, v, and d for domains). Lists repeat heavily (a
 * campaign shares the same few tags and links), so this is a fraction of normalising every row's list;
 * a row whose list finds no entry (a list holding a NULL item never equals itself) is normalised alone.
 */
async function memoiseLists(store: Store, table: string): Promise<void> {
  const distinct = (col: string) =>
    `SELECT DISTINCT ${col} AS k FROM ${table} WHERE reason IS NULL AND len(${col}) > 0`;
  await store.run(`
    CREATE OR REPLACE TEMP TABLE ${table}_tags AS SELECT k, ls_tags(k) AS v FROM (${distinct('hashtags')});
    CREATE OR REPLACE TEMP TABLE ${table}_mentions AS SELECT k, ls_mentions(k) AS v FROM (${distinct('mentions')});
    CREATE OR REPLACE TEMP TABLE ${table}_urls AS
    SELECT k, v, CASE WHEN len(v) = 0 THEN [] ELSE ls_domains(v) END AS d
    FROM (SELECT k, ls_urls(k) AS v FROM (${distinct('urls')}))`);
}

/**
 * Posts already in the store are duplicates; ids repeated within the file are merged into their first
 * row. Both checks are skipped when they cannot find anything, which is the common case.
 */
async function markDuplicates(store: Store, table: string, platform: string): Promise<void> {
  const { stored } = await store.one<{ stored: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM posts WHERE platform = $1) AS stored`,
    [platform],
  );
  if (stored) {
    await store.run(
      `UPDATE ${table} SET reason = '${STORED}'
       WHERE reason IS NULL AND pid IN (SELECT id FROM posts WHERE platform = $1)`,
      [platform],
    );
  }
  const { repeats } = await store.one<{ repeats: bigint }>(
    `SELECT count(*) - count(DISTINCT pid) AS repeats FROM ${table} WHERE reason IS NULL`,
  );
  if (repeats === 0n) return;
  await store.run(`
    UPDATE ${table} SET reason = '${REPEATED}'
    FROM (SELECT rowid AS r, row_number() OVER (PARTITION BY pid ORDER BY rec) AS k FROM ${table} WHERE reason IS NULL) later
    WHERE ${table}.rowid = later.r AND later.k > 1`);
}

/** Rows that repeat a post id within one file: some layouts give one row per shared object of a post. */
const REPEATED = 'repeated post id (merged into its first row)';
/** Rows of a post a file loaded before holds (overlapping collections): the first load keeps it. */
const STORED = 'post already in the store';
/** Reasons that lose nothing: the report counts them as merged, not rejected. */
const MERGED: readonly string[] = [REPEATED, STORED];

/** Gives each first row the union of its repeats' hashtags, URLs and mentions. */
async function mergeRepeatedRows(store: Store, table: string): Promise<void> {
  const { n } = await store.one<{ n: bigint }>(
    `SELECT count(*) AS n FROM ${table} WHERE reason = '${REPEATED}'`,
  );
  if (n === 0n) return;
  const union = (col: string) =>
    `CASE WHEN count(${col}) = 0 THEN NULL ELSE flatten(list(${col}) FILTER (WHERE ${col} IS NOT NULL)) END AS ${col}`;
  await store.run(`
    UPDATE ${table} SET hashtags = m.hashtags, urls = m.urls, mentions = m.mentions
    FROM (SELECT pid AS mpid, ${union('hashtags')}, ${union('urls')}, ${union('mentions')}
          FROM ${table} WHERE reason IS NULL OR reason = '${REPEATED}' GROUP BY pid HAVING count(*) > 1) m
    WHERE ${table}.pid = m.mpid AND ${table}.reason IS NULL`);
}

async function normaliseAccounts(store: Store, staged: Staged, fileId: number): Promise<Outcome> {
  const t = staged.table;
  await store.run(`
    CREATE OR REPLACE TEMP TABLE ${t}_n AS
    SELECT *, nullif(trim(account), '') AS acct,
      CASE WHEN nullif(trim(account), '') IS NULL THEN 'missing account' END AS reason
    FROM ${t}`);
  await numberRecords(store, `${t}_n`, staged);
  await store.run(`
    UPDATE ${t}_n SET reason = 'duplicate account'
    FROM (SELECT rowid AS r, row_number() OVER (PARTITION BY acct ORDER BY rec) AS k FROM ${t}_n WHERE reason IS NULL) later
    WHERE ${t}_n.rowid = later.r AND later.k > 1`);
  const accounts = await upsertAccounts(
    store,
    `${t}_n`,
    'reason IS NULL',
    'acct',
    staged,
    fileId,
    staged.timeZone,
    true,
  );
  return { loaded: accounts, accounts, rejected: `${t}_n` };
}

/**
 * Adds the accounts of loaded rows, or completes ones already known. Posts files keep the values of an
 * account's latest post; an accounts file (authoritative) overrides what posts said.
 */
async function upsertAccounts(
  store: Store,
  table: string,
  where: string,
  key: string,
  staged: Staged,
  fileId: number,
  tz: string | null,
  authoritative: boolean,
): Promise<number> {
  // Latest post wins, ties broken by record so that the result never depends on thread timing. The order
  // is computed once per row, not once per pick; and while no account of the platform is stored, nothing
  // can conflict, so a plain insert spares the upsert's work (the common first load).
  // Seconds since 1970 (times are 1990-2099, so under 2^32) then record (under 2^31): one BIGINT.
  const order = authoritative
    ? 'rec'
    : 'coalesce(epoch_us(ts) // 1000000, 0) * 2147483648 + least(rec, 2147483647)';
  const pick = (col: string) => `arg_max(${col}, ls_order) FILTER (WHERE ${col} IS NOT NULL)`;
  const merge = (col: string) =>
    authoritative
      ? `coalesce(excluded.${col}, accounts.${col})`
      : `coalesce(accounts.${col}, excluded.${col})`;
  const { n, known } = await store.one<{ n: bigint; known: boolean }>(
    `SELECT count(DISTINCT ${key}) AS n, EXISTS (SELECT 1 FROM accounts WHERE platform = $1) AS known
     FROM ${table} WHERE ${where}`,
    [staged.platform],
  );
  await store.run(
    `
    INSERT INTO accounts
    SELECT $platform, ${key}, left(${pick('handle')}, 200), left(${pick('name')}, 500),
      ls_time_in(${pick('acct_created')}, $tz), ${pick('followers')}, ${pick('following')}, ${pick('acct_lang')}, $fileId
    FROM (SELECT *, ${order} AS ls_order FROM ${table} WHERE ${where}) GROUP BY ${key}
    ${
      known
        ? `ON CONFLICT (platform, id) DO UPDATE SET
      handle = ${merge('handle')}, name = ${merge('name')}, created = ${merge('created')},
      followers = ${merge('followers')}, following = ${merge('following')}, lang = ${merge('lang')}`
        : ''
    }`,
    { platform: staged.platform, tz, fileId },
  );
  return Number(n);
}

/** Why each rejected row was rejected, in words a user can act on. */
const DETAIL = `CASE reason
  WHEN 'missing account' THEN 'no account id'
  WHEN 'missing post id' THEN 'no post id'
  WHEN 'missing time' THEN 'no time'
  WHEN 'unreadable time' THEN 'cannot read time "' || left(time_raw, 60) || '": expected ISO 8601, epoch seconds, YYYY-MM-DD HH:MM or the API v1.1 form'
  WHEN 'time out of range' THEN 'time ' || strftime(ts, '%Y-%m-%d %H:%M') || ' is before 1990 or after 2099'
  WHEN '${STORED}' THEN 'post id ' || left(pid, 80) || ' is already in the store (from a file loaded before)'
  WHEN '${REPEATED}' THEN 'post id ' || left(pid, 80) || ' appears earlier in the file; its lists were merged into that row'
  WHEN 'duplicate account' THEN 'account ' || left(acct, 80) || ' appears earlier in the file'
  ELSE reason END`;

/** The same for an accounts-only file, whose staged rows have no time or post id to quote. */
const ACCOUNT_DETAIL = `CASE reason
  WHEN 'missing account' THEN 'no account id'
  WHEN 'duplicate account' THEN 'account ' || left(acct, 80) || ' appears earlier in the file'
  ELSE reason END`;

interface RejectedRow {
  reason: string;
  record: number | null;
  line: number | null;
  detail: string;
}

/**
 * Reader rejections and normalisation rejections grouped by reason, with the first examples placed by
 * line; also returns up to REJECTIONS_KEPT rows per reason for the store.
 */
async function collectRejections(
  store: Store,
  staged: Staged,
  table: string,
): Promise<{ groups: RejectionGroup[]; kept: RejectedRow[] }> {
  const counts = await store.all<{ reason: string; n: bigint }>(
    `SELECT reason, count(*) AS n FROM ${table} WHERE reason IS NOT NULL GROUP BY reason`,
  );
  const rows = await store.all<{ reason: string; rec: bigint; line: bigint | null; detail: string }>(`
    SELECT reason, rec, line, ${staged.kind === 'posts' ? DETAIL : ACCOUNT_DETAIL} AS detail
    FROM ${table} WHERE reason IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY reason ORDER BY rec) <= ${REJECTIONS_KEPT}
    ORDER BY reason, rec`);
  const kept: RejectedRow[] = [
    ...staged.rejections,
    ...rows.map((r) => ({
      reason: r.reason,
      record: Number(r.rec),
      line: r.line === null ? null : Number(r.line),
      detail: r.detail,
    })),
  ];
  const total = new Map<string, number>(counts.map((c) => [c.reason, Number(c.n)]));
  for (const r of staged.rejections) total.set(r.reason, (total.get(r.reason) ?? 0) + (r.count ?? 1));
  const groups: RejectionGroup[] = [];
  for (const [reason, count] of total) {
    const examples = kept.filter((r) => r.reason === reason).slice(0, EXAMPLES_PER_REASON);
    groups.push({
      reason,
      count,
      examples: examples.map(({ record, line, detail }) => ({ record, line, detail })),
    });
  }
  // Examples from CSV carry records; find their physical lines in one bounded pass.
  const unplaced = groups.flatMap((g) => g.examples).filter((e) => e.line === null && e.record !== null);
  if (staged.linesOf && unplaced.length > 0) {
    const lines = await staged.linesOf(unplaced.map((e) => e.record as number));
    for (const e of unplaced) e.line = lines.get(e.record as number) ?? null;
  }
  groups.sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  return { groups, kept };
}

async function recordFile(
  store: Store,
  fileId: number,
  file: InputFile,
  report: FileReport,
  kept: RejectedRow[],
): Promise<void> {
  await store.run(
    `INSERT INTO files VALUES ($id, $path, $name, $sha, $bytes, $format, $platform, $read, $loaded, $rejected, $accounts, $report)`,
    {
      id: fileId,
      path: file.path,
      name: basename(file.path),
      sha: report.sha256,
      bytes: file.bytes,
      format: report.format,
      platform: report.platform,
      read: report.rowsRead,
      loaded: report.rowsLoaded,
      rejected: report.rowsRejected,
      accounts: report.accounts,
      report: JSON.stringify(report),
    },
  );
  if (kept.length === 0) return;
  const appender = await store.con.createAppender('rejections');
  for (const r of kept) {
    appender.appendInteger(fileId);
    appender.appendVarchar(r.reason);
    if (r.record === null) appender.appendNull();
    else appender.appendBigInt(BigInt(r.record));
    if (r.line === null) appender.appendNull();
    else appender.appendBigInt(BigInt(r.line));
    appender.appendVarchar(r.detail);
    appender.endRow();
  }
  appender.closeSync();
}
