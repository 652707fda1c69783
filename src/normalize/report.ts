// The ingest report: per input file its hash, format, and what happened to every row. Printed by
// `lockstep ingest`, stored with the data, and documented as JSON in docs/formats.md.

export interface RejectionExample {
  /** Physical line in the (decompressed) file, when known. */
  line: number | null;
  /** 1-based data record (CSV record, JSON array element, or the line for JSON Lines). */
  record: number | null;
  detail: string;
}

export interface RejectionGroup {
  reason: string;
  count: number;
  examples: RejectionExample[];
}

export interface FileReport {
  file: string;
  sha256: string;
  bytes: number;
  format: string;
  platform: string;
  /** What the file was read as, and how that was decided: 'utf-8', 'utf-16le (byte-order mark)', 'windows-1256 (--encoding)'. */
  encoding: string;
  /** A CSV file's delimiter and how it was decided, e.g. '; (detected)'; null for JSON. */
  delimiter: string | null;
  /** What the user should know about the file as a whole, e.g. that some records are not UTF-8 and the flag to use. */
  notes: string[];
  /** Records seen: rowsLoaded + rowsRejected + rowsMerged. */
  rowsRead: number;
  /** Posts loaded (accounts, for an accounts-only file such as the IO archive users file). */
  rowsLoaded: number;
  rowsRejected: number;
  rejections: RejectionGroup[];
  /**
   * Rows of a post already loaded, from an earlier row of this file (its lists merged into that row) or
   * from a file loaded before: the post is kept once and nothing is lost, so they are not rejections.
   */
  rowsMerged: number;
  merges: RejectionGroup[];
  /**
   * The file loaded earlier with the same SHA-256, when this one is that file again: it was not loaded a
   * second time (all counts 0), and its posts are in the store from that load.
   */
  alreadyLoadedAs: string | null;
  /** Accounts added or completed from this file. */
  accounts: number;
  /** Zone used for times written without one (null: UTC). */
  timeZone: string | null;
  /** False when the source has no times: its posts have none. */
  hasTime: boolean;
  seconds: number;
}

export interface IngestReport {
  files: FileReport[];
  totals: { posts: number; accounts: number; rowsRead: number; rowsRejected: number; rowsMerged: number };
  seconds: number;
}

export const EXAMPLES_PER_REASON = 5;

/** Human-readable report, one block per file. */
export function formatIngestReport(report: IngestReport): string {
  const out: string[] = [];
  for (const f of report.files) {
    out.push(`${f.file}`);
    out.push(`  format ${f.format} (${f.platform}), ${formatBytes(f.bytes)}, sha256 ${f.sha256}`);
    if (f.encoding !== 'utf-8' || (f.delimiter !== null && !f.delimiter.startsWith(',')))
      out.push(`  read as ${f.encoding}${f.delimiter === null ? '' : `, delimiter ${f.delimiter}`}`);
    for (const note of f.notes ?? []) out.push(`  note: ${note}`);
    const what = f.format === 'io-archive-users' ? 'accounts' : 'posts';
    if (f.alreadyLoadedAs !== null) {
      out.push(
        `  already loaded (same SHA-256 as ${f.alreadyLoadedAs}): not loaded again; its ${what} are in the store`,
      );
      continue;
    }
    out.push(
      `  read ${n(f.rowsRead)} rows: loaded ${n(f.rowsLoaded)} ${what}, rejected ${n(f.rowsRejected)}` +
        (f.rowsMerged > 0 ? `, merged ${n(f.rowsMerged)} into posts already loaded` : '') +
        (f.accounts > 0 && what === 'posts' ? `; ${n(f.accounts)} accounts` : '') +
        ` (${f.seconds.toFixed(1)} s)`,
    );
    if (!f.hasTime) out.push('  note: this source has no times; its posts load without one');
    if (f.timeZone) out.push(`  note: times without a zone read as ${f.timeZone}`);
    for (const r of f.rejections) {
      out.push(`  rejected ${n(r.count)}: ${r.reason}`);
      for (const e of r.examples) out.push(`    ${f.file}${where(e)}: ${e.detail}`);
    }
    for (const r of f.merges) {
      out.push(`  merged ${n(r.count)} (nothing lost): ${r.reason}`);
      for (const e of r.examples) out.push(`    ${f.file}${where(e)}: ${e.detail}`);
    }
  }
  const t = report.totals;
  out.push(
    `total: ${n(t.posts)} posts and ${n(t.accounts)} accounts in the store; this load read ${n(t.rowsRead)} rows, rejected ${n(t.rowsRejected)}` +
      (t.rowsMerged > 0 ? `, merged ${n(t.rowsMerged)}` : '') +
      ` (${report.seconds.toFixed(1)} s)`,
  );
  return out.join('\n');
}

function where(e: RejectionExample): string {
  if (e.line !== null) return ` line ${e.line}`;
  if (e.record !== null) return ` record ${e.record}`;
  return '';
}

function n(value: number): string {
  return value.toLocaleString('en-US');
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}
