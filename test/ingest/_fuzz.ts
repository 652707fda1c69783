// Shared by the fuzz tests (test/ingest/fuzz.test.ts) and the long fuzz run (bench/fuzz.ts): writes posts
// in every input format lockstep reads, knowing where each record is and which posts it holds, damages one
// record (byte flips, cuts, inserted line ends, quotes, NUL, 0x80, byte-order marks, lone surrogates,
// oversized fields, repeated ids), loads the file and judges the result against what was written: every
// record accounted for (read = loaded + rejected + merged), no neighbour of the damage lost, no engine
// fault, no whole file refused.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../src/ingest/index.js';
import { type FileReport, type LoadOptions, loadFiles } from '../../src/normalize/index.js';
import { Store } from '../../src/store/index.js';

export const FUZZ_FORMATS = [
  'io-archive',
  'generic-csv',
  'v1-jsonl',
  'v2-jsonl',
  'v2-pages',
  'v2-document',
  'scraper-json',
  'telegram-export',
  'telegram-full-export',
  'telegram-messages',
] as const;
export type FuzzFormat = (typeof FUZZ_FORMATS)[number];

/** One post as the fuzzers make it; `id` is unique unless a test repeats one on purpose. */
export interface FuzzPost {
  id: string;
  account: string;
  /** Seconds since the epoch. */
  time: number;
  text: string;
}

/** A file as written: its bytes, and per record (a line, a row, an array element, a page) where it is. */
export interface FuzzFile {
  format: FuzzFormat;
  name: string;
  bytes: Buffer;
  /** Byte spans [start, end) of each record's own bytes (without the separator after it). */
  spans: [number, number][];
  /** The post ids (as the store keys them) each record holds. */
  ids: string[][];
  options: LoadOptions;
}

/** The longest record the fuzz loads keep (small, so that an oversized field stays cheap to write). */
export const FUZZ_MAX_RECORD_BYTES = 16 * 1024;

const TELEGRAM_CHAT = 1512345678;

function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** API v1.1's created_at: 'Sat Oct 01 10:00:00 +0000 2022'. */
function v1Time(seconds: number): string {
  const d = new Date(seconds * 1000);
  const t = d.toISOString();
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${t.slice(8, 10)} ${t.slice(11, 19)} +0000 ${d.getUTCFullYear()}`;
}

function csvCell(value: string, always: boolean): string {
  return always || /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Joins records with separators, noting each record's byte span. */
function assemble(
  head: string,
  records: string[],
  sep: string,
  tail: string,
): { bytes: Buffer; spans: [number, number][] } {
  const parts: Buffer[] = [Buffer.from(head)];
  let at = parts[0]?.length ?? 0;
  const spans: [number, number][] = [];
  records.forEach((r, k) => {
    const b = Buffer.from(r);
    spans.push([at, at + b.length]);
    parts.push(b);
    at += b.length;
    if (k < records.length - 1) {
      const s = Buffer.from(sep);
      parts.push(s);
      at += s.length;
    }
  });
  parts.push(Buffer.from(tail));
  return { bytes: Buffer.concat(parts), spans };
}

/** Writes `posts` in `format`; `lineEnd` is the CSV and JSON Lines line end. */
export function writeFuzzFile(
  format: FuzzFormat,
  posts: FuzzPost[],
  lineEnd: '\n' | '\r\n' = '\n',
): FuzzFile {
  const options: LoadOptions = { maxRecordBytes: FUZZ_MAX_RECORD_BYTES };
  const one = (p: FuzzPost) => [p.id];
  const file = (
    name: string,
    built: { bytes: Buffer; spans: [number, number][] },
    ids: string[][],
    extra: LoadOptions = {},
  ): FuzzFile => ({ format, name, ...built, ids, options: { ...options, ...extra } });
  switch (format) {
    case 'io-archive': {
      const rows = posts.map((p) =>
        [p.id, p.account, `user_${p.account}`, iso(p.time).slice(0, 16).replace('T', ' '), p.text]
          .map((c) => csvCell(c, true))
          .join(','),
      );
      const head = `tweetid,userid,user_screen_name,tweet_time,tweet_text${lineEnd}`;
      return file('tweets.csv', assemble(head, rows, lineEnd, lineEnd), posts.map(one));
    }
    case 'generic-csv': {
      const rows = posts.map((p) =>
        [p.id, p.account, iso(p.time), p.text].map((c) => csvCell(c, false)).join(','),
      );
      const head = `post_id,author_id,created_at,body${lineEnd}`;
      return file('posts.csv', assemble(head, rows, lineEnd, lineEnd), posts.map(one), {
        mapping: { id: 'post_id', account: 'author_id', time: 'created_at', text: 'body' },
      });
    }
    case 'v1-jsonl': {
      const lines = posts.map((p) =>
        JSON.stringify({
          id_str: p.id,
          created_at: v1Time(p.time),
          text: p.text,
          user: { id_str: p.account, screen_name: `user_${p.account}` },
        }),
      );
      return file('tweets-v1.jsonl', assemble('', lines, lineEnd, lineEnd), posts.map(one));
    }
    case 'v2-jsonl':
    case 'v2-document': {
      const values = posts.map((p) =>
        JSON.stringify({ id: p.id, author_id: p.account, created_at: iso(p.time), text: p.text }),
      );
      if (format === 'v2-jsonl')
        return file('tweets-v2.jsonl', assemble('', values, lineEnd, lineEnd), posts.map(one));
      return file('tweets-v2.json', assemble('[\n', values, ',\n', '\n]\n'), posts.map(one));
    }
    case 'v2-pages': {
      // Pages of up to three tweets, one page per line, each with the users it names.
      const pages: FuzzPost[][] = [];
      for (let k = 0; k < posts.length; k += 3) pages.push(posts.slice(k, k + 3));
      const lines = pages.map((page) =>
        JSON.stringify({
          data: page.map((p) => ({ id: p.id, author_id: p.account, created_at: iso(p.time), text: p.text })),
          includes: { users: page.map((p) => ({ id: p.account, username: `user_${p.account}` })) },
        }),
      );
      return file(
        'pages-v2.jsonl',
        assemble('', lines, lineEnd, lineEnd),
        pages.map((page) => page.map((p) => p.id)),
      );
    }
    case 'scraper-json': {
      const values = posts.map((p) =>
        JSON.stringify(
          {
            ID: p.id,
            Text: p.text,
            Hashtags: [],
            Timestamp: p.time,
            UserID: p.account,
            Username: `user_${p.account}`,
          },
          null,
          1,
        ),
      );
      return file('scraped.json', assemble('[', values, ', ', ']'), posts.map(one));
    }
    case 'telegram-export': {
      const head = `{\n "name": "channel name",\n "type": "public_channel",\n "id": ${TELEGRAM_CHAT},\n "messages": [\n`;
      return file(
        'result.json',
        assemble(head, posts.map(telegramMessage(TELEGRAM_CHAT)), ',\n', '\n ]\n}\n'),
        posts.map((p) => [`${TELEGRAM_CHAT}/${Number(p.id)}`]),
      );
    }
    case 'telegram-full-export': {
      // A full export: chats of up to three messages each, indented as Telegram Desktop does, in chats.list
      // and the last in left_chats.list (the chats the user has left).
      const parts: Buffer[] = [];
      const spans: [number, number][] = [];
      let at = 0;
      const put = (text: string) => {
        const b = Buffer.from(text);
        parts.push(b);
        at += b.length;
      };
      put(
        '{\n "about": "Here is the data you requested.",\n "chats": {\n  "about": "All chats.",\n  "list": [\n',
      );
      const ids: string[][] = [];
      const chats = Math.ceil(posts.length / 3);
      for (let k = 0, chat = 0; k < posts.length; k += 3, chat++) {
        const id = TELEGRAM_CHAT + chat;
        if (chat > 0 && chats > 1 && chat === chats - 1)
          put('\n  ]\n },\n "left_chats": {\n  "about": "Chats left.",\n  "list": [\n');
        else if (chat > 0) put(',\n');
        put(
          `   {\n    "name": "chat ${chat}",\n    "type": "public_channel",\n    "id": ${id},\n    "messages": [\n`,
        );
        posts.slice(k, k + 3).forEach((p, j) => {
          put(j > 0 ? ',\n     ' : '     ');
          const start = at;
          put(telegramMessage(id)(p).replaceAll('\n', '\n     '));
          spans.push([start, at]);
          ids.push([`${id}/${Number(p.id)}`]);
        });
        put('\n    ]\n   }');
      }
      put(chats > 1 ? '\n  ]\n }\n}\n' : '\n  ]\n },\n "left_chats": {\n  "list": []\n }\n}\n');
      return file('result.json', { bytes: Buffer.concat(parts), spans }, ids);
    }
    case 'telegram-messages': {
      const values = posts.map((p) =>
        JSON.stringify({
          message_id: Number(p.id),
          sender_id: `-100${TELEGRAM_CHAT}`,
          channel: 'channel name',
          date: iso(p.time),
          text: p.text,
        }),
      );
      return file(
        'messages.json',
        assemble('[', values, ',\n', ']\n'),
        posts.map((p) => [`${TELEGRAM_CHAT}/${Number(p.id)}`]),
      );
    }
  }
}

/** A Telegram Desktop export's message, indented as the export writes it. */
function telegramMessage(chat: number): (p: FuzzPost) => string {
  return (p) =>
    JSON.stringify(
      {
        id: Number(p.id),
        type: 'message',
        date: iso(p.time).slice(0, 19),
        date_unixtime: String(p.time),
        from: 'channel name',
        from_id: `channel${chat}`,
        text: p.text,
        text_entities: [],
      },
      null,
      1,
    );
}

/** Ids the fuzzers give: numbers, since Telegram's are. */
export function fuzzPosts(texts: string[], seed = 0): FuzzPost[] {
  return texts.map((text, k) => ({
    id: String(1000 + k),
    account: `a${(k * 7 + seed) % 5}`,
    time: 1664618400 + k * 61 + seed,
    text,
  }));
}

export const DAMAGE_KINDS = [
  'flip',
  'delete',
  'truncate',
  'insert-lf',
  'insert-cr',
  'insert-crlf',
  'insert-quote',
  'insert-backslash-lf',
  'insert-nul',
  'insert-0x80',
  'insert-utf8-bom',
  'insert-utf16-bom',
  'insert-lone-surrogate',
  'insert-brace',
  'oversized-field',
  'repeated-id',
] as const;
export type DamageKind = (typeof DAMAGE_KINDS)[number];

const INSERTS: Partial<Record<DamageKind, number[]>> = {
  'insert-lf': [0x0a],
  'insert-cr': [0x0d],
  'insert-crlf': [0x0d, 0x0a],
  'insert-quote': [0x22],
  'insert-backslash-lf': [0x5c, 0x0a],
  'insert-nul': [0x00],
  'insert-0x80': [0x80],
  'insert-utf8-bom': [0xef, 0xbb, 0xbf],
  'insert-utf16-bom': [0xff, 0xfe],
  'insert-lone-surrogate': [0xed, 0xa0, 0x80], // U+D800 written as UTF-8 bytes, which UTF-8 forbids
  'insert-brace': [0x7b],
};

/** One damage to one record: `at` and `value` are fractions / bytes chosen by the caller's generator. */
export interface Damage {
  kind: DamageKind;
  /** The record damaged (0-based, taken modulo the number of records). */
  record: number;
  /** Where in the record, as a fraction of its length [0, 1). */
  at: number;
  /** The flip mask (1-255). */
  mask: number;
}

/** A damaged file: the file, and which records are left whole (their posts must all load). */
export interface Mutant {
  file: FuzzFile;
  damage: Damage;
  /** Records left whole by the damage. */
  intact: number[];
  /** Records that are gone from the file (after a cut): neither loaded nor counted. */
  removed: number[];
}

/** Damages one record of a file written from `posts`. */
export function damage(
  format: FuzzFormat,
  posts: FuzzPost[],
  d: Damage,
  lineEnd: '\n' | '\r\n' = '\n',
): Mutant {
  const base = writeFuzzFile(format, posts, lineEnd);
  const k = d.record % base.spans.length;
  const others = base.spans.map((_, j) => j).filter((j) => j !== k);
  if (d.kind === 'oversized-field' || d.kind === 'repeated-id') {
    // Written, not patched: a text over the record limit, or the id of another post.
    const changed = posts.slice();
    const inRecord = base.ids[k] ?? [];
    const target = posts.findIndex((p) => storeId(format, p.id) === inRecord[0]?.replace(/^\d+\//, ''));
    const p = posts[target] as FuzzPost;
    if (d.kind === 'oversized-field')
      changed[target] = { ...p, text: 'x'.repeat(FUZZ_MAX_RECORD_BYTES + 1 + Math.floor(d.at * 1000)) };
    else {
      const other = posts[(target + 1 + Math.floor(d.at * (posts.length - 1))) % posts.length] as FuzzPost;
      changed[target] = { ...p, id: other.id };
    }
    const file = writeFuzzFile(format, changed, lineEnd);
    return { file, damage: d, intact: others, removed: [] };
  }
  const [start, end] = base.spans[k] as [number, number];
  const pos = start + Math.floor(d.at * (end - start));
  const b = base.bytes;
  let bytes: Buffer;
  let removed: number[] = [];
  let intact = others;
  if (d.kind === 'flip') {
    bytes = Buffer.from(b);
    bytes[pos] = (bytes[pos] as number) ^ (d.mask || 1);
  } else if (d.kind === 'delete') bytes = Buffer.concat([b.subarray(0, pos), b.subarray(pos + 1)]);
  else if (d.kind === 'truncate') {
    bytes = Buffer.from(b.subarray(0, Math.max(pos, 1)));
    removed = others.filter((j) => j > k);
    intact = others.filter((j) => j < k);
  } else {
    const insert = Buffer.from(INSERTS[d.kind] ?? []);
    bytes = Buffer.concat([b.subarray(0, pos), insert, b.subarray(pos)]);
  }
  return { file: { ...base, bytes }, damage: d, intact, removed };
}

/** A post's id as the store keys it, without a Telegram chat's prefix. */
function storeId(format: FuzzFormat, id: string): string {
  return format.startsWith('telegram') ? String(Number(id)) : id;
}

export type Verdict =
  | { outcome: 'ok'; report: FileReport | null }
  | { outcome: 'internal error'; message: string }
  | { outcome: 'refused'; message: string }
  | { outcome: 'lost'; missing: string[]; report: FileReport }
  | { outcome: 'miscounted'; message: string; report: FileReport };

/** A temporary folder for the fuzz files; `cleanup` removes it. */
export function fuzzFolder(): { path: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'lockstep-fuzz-'));
  let n = 0;
  return {
    path: (name) => join(dir, `${n++}-${name}`),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Loads a file into a fresh in-memory store and judges it. `expected` gives what the test counted from
 * what it wrote: the records that must load whole, and (for an undamaged file) the exact record count.
 */
export async function judge(
  path: string,
  file: FuzzFile,
  expected: { intact: number[]; records?: number; removed?: number[] },
): Promise<Verdict> {
  writeFileSync(path, file.bytes);
  const store = await Store.open(':memory:');
  try {
    let report: FileReport;
    try {
      const r = await loadFiles(store, [path], file.options);
      report = r.files[0] as FileReport;
    } catch (err) {
      const message = (err as Error).message ?? String(err);
      if (err instanceof InputError && !/INTERNAL|Error:|\n {4}at /.test(message))
        // A file cut inside its first record holds nothing whole: refusing it loses nothing.
        return expected.intact.length === 0 && expected.records === undefined
          ? { outcome: 'ok', report: null }
          : { outcome: 'refused', message };
      return { outcome: 'internal error', message: `${(err as Error).name}: ${message}` };
    }
    const rows = await store.all<{ id: string }>('SELECT id FROM posts');
    const loaded = new Set(rows.map((r) => r.id));
    const missing = expected.intact.flatMap((k) => (file.ids[k] ?? []).filter((id) => !loaded.has(id)));
    if (missing.length > 0) return { outcome: 'lost', missing, report };
    const sum = report.rowsLoaded + report.rowsRejected + report.rowsMerged;
    if (sum !== report.rowsRead)
      return {
        outcome: 'miscounted',
        message: `read ${report.rowsRead} != ${sum} loaded + rejected + merged`,
        report,
      };
    if (expected.records !== undefined && report.rowsRead !== expected.records)
      return {
        outcome: 'miscounted',
        message: `read ${report.rowsRead}, the file holds ${expected.records}`,
        report,
      };
    // A damaged file holds at least its whole records and one more (the damaged one) unless cut before it.
    const whole = expected.intact.reduce((n, k) => n + (file.ids[k]?.length ?? 0), 0);
    if (report.rowsRead < whole)
      return {
        outcome: 'miscounted',
        message: `read ${report.rowsRead}, fewer than the ${whole} whole records`,
        report,
      };
    if (report.rowsLoaded !== loaded.size)
      return {
        outcome: 'miscounted',
        message: `loaded ${report.rowsLoaded}, the store holds ${loaded.size}`,
        report,
      };
    return { outcome: 'ok', report };
  } finally {
    store.close();
  }
}
