// JSON through DuckDB: every JSON file is framed into records by lockstep first (JSON Lines, arrays of
// items, and the messages inside a Telegram export), so a broken record is rejected with its line and the
// rest still load. The result is a table `${table}_src(rec, line, holder, j JSON)` of the objects a format
// reader then maps.
import { sqlString } from '../store/index.js';
import { type ItemPath, itemsIn } from './_count-json.js';
import { chooseEncoding, type Decoded, utf8Chunks } from './_decode.js';
import { InputError, readHead } from './_files.js';
import { JsonDocumentFramer } from './_frame-document.js';
import { JsonLinesFramer, JsonValueFramer, UNIT_SEPARATOR } from './_frame-json.js';
import { ScratchFile } from './_scratch.js';
import { type ReaderRejection, rejectedCount, type StageContext } from './raw.js';

export interface JsonReadResult {
  rowsRead: number;
  rejections: ReaderRejection[];
  encoding?: string;
  notes?: string[];
}

/** A framing pass: fed the file's UTF-8 bytes, it hands each good record on and keeps the rejected ones. */
interface Framer {
  feed(chunk: Buffer): unknown;
  end(): void;
  readonly rejections: ReaderRejection[];
}

/** Hands a good record on: its bytes, first line, and holder (a Telegram chat; 0 elsewhere). */
type RecordSink = (record: Buffer, line: number, holder: number) => void;

/**
 * JSON through lockstep's framing pass (_frame-json.ts), then DuckDB. `lines`: JSON Lines, one value per
 * line, a line holding an array contributing each element (some tools write a whole timeline per line);
 * `values`: a document's top-level values (each element of a top-level array). Each record is checked on
 * its own: one that is too long, not UTF-8 or not JSON (a lone surrogate escape, a cut line) is rejected
 * with its line, and the others load. Blank lines are not records. `items`: where posts sit inside a
 * record (an API page's data[*]); a rejected record counts each of them.
 */
export async function readJsonRecords(
  ctx: StageContext,
  mode: 'lines' | 'values',
  items?: readonly ItemPath[],
): Promise<JsonReadResult> {
  const limit = ctx.read.maxRecordBytes;
  return frameIntoTable(
    ctx,
    (sink) => {
      const options = { maxRecordBytes: limit, items, sink: (r: Buffer, line: number) => sink(r, line, 0) };
      return mode === 'lines' ? new JsonLinesFramer(options) : new JsonValueFramer(options);
    },
    items,
  );
}

/**
 * A JSON document whose records are arrays inside it (a Telegram Desktop export: the `messages` of the
 * root object, or of each element of `chats.list` and `left_chats.list`), framed by _frame-document.ts:
 * one damaged message is that message's rejection. Makes `${table}_src(rec, line, holder, j)` of the
 * records and `${table}_holders(holder, line, j)` of each holder's own fields (a chat's name, type and id).
 */
export async function readJsonHolders(
  ctx: StageContext,
  where: {
    holders: readonly (readonly string[])[];
    recordsKey: string;
    isRecord?: (value: unknown) => boolean;
  },
): Promise<JsonReadResult> {
  let framer: JsonDocumentFramer | null = null;
  const result = await frameIntoTable(ctx, (sink) => {
    framer = new JsonDocumentFramer({ maxRecordBytes: ctx.read.maxRecordBytes, ...where, sink });
    return framer;
  });
  const done = framer as JsonDocumentFramer | null;
  const holders = done?.holders ?? [];
  await ctx.store.run(
    `CREATE OR REPLACE TEMP TABLE ${ctx.table}_holders AS
    SELECT json_extract_string(x, '$[0]')::BIGINT AS holder, json_extract_string(x, '$[1]')::BIGINT AS line,
      json_extract_string(x, '$[2]')::JSON AS j
    FROM (SELECT unnest(json_extract($1::JSON, '$[*]')) AS x)`,
    [JSON.stringify(holders.map((h) => [h.holder, h.line, h.json]))],
  );
  return { ...result, notes: done?.notes ?? [] };
}

async function frameIntoTable(
  ctx: StageContext,
  makeFramer: (sink: RecordSink) => Framer,
  items?: readonly ItemPath[],
): Promise<JsonReadResult> {
  const { store, file } = ctx;
  const head = await readHead(file, 4);
  const decoded = chooseEncoding(head, ctx.read.encoding);
  const limit = ctx.read.maxRecordBytes;
  const scratch = await ScratchFile.create('records.txt');
  // The framed copy holds `line US holder US record` per line: JSON allows neither a raw unit separator
  // nor a raw line end in a record, and the framing pass rejects records holding them.
  const sep = Buffer.from([UNIT_SEPARATOR]);
  const nl = Buffer.from('\n');
  const framer = makeFramer((record, line, holder) => {
    scratch.write(Buffer.from(`${line}\x1f${holder}`));
    scratch.write(sep);
    scratch.write(record);
    scratch.write(nl);
  });
  try {
    for await (const chunk of utf8Chunks(file, decoded)) {
      framer.feed(chunk);
      await scratch.flush();
    }
    framer.end();
    await scratch.close();
  } catch (err) {
    await scratch.remove();
    throw new InputError(`${file.name}: cannot read: ${(err as Error).message}`);
  }
  const lines = `${ctx.table}_lines`;
  try {
    await store.run(`
      CREATE OR REPLACE TEMP TABLE ${lines} AS
      SELECT row_number() OVER () AS n, line, holder, text FROM read_csv(${sqlString(scratch.path)},
        header = false, auto_detect = false, delim = chr(31), quote = '', escape = '', new_line = '\\n',
        columns = {'line': 'BIGINT', 'holder': 'BIGINT', 'text': 'VARCHAR'}, max_line_size = ${limit + 1024},
        buffer_size = ${4 * (limit + 1024)})`);
  } catch (err) {
    throw new InputError(`${file.name}: cannot read the framed records: ${(err as Error).message}`);
  } finally {
    await scratch.remove();
  }
  await store.run(`
    CREATE OR REPLACE TEMP TABLE ${ctx.table}_src AS
    WITH ok AS (SELECT n, line, holder, text::JSON AS j FROM ${lines} WHERE json_valid(text)),
    items AS (
      SELECT n, line, holder, 0 AS idx, j FROM ok WHERE json_type(j) <> 'ARRAY'
      UNION ALL
      SELECT n, line, holder, generate_subscripts(json_extract(j, '$[*]'), 1) AS idx,
        unnest(json_extract(j, '$[*]')) AS j
      FROM ok WHERE json_type(j) = 'ARRAY')
    SELECT row_number() OVER (ORDER BY n, idx) AS rec, line, holder, j FROM items`);
  const bad = await invalidRecords(ctx, lines, items);
  const { n } = await store.one<{ n: bigint }>(`SELECT count(*) AS n FROM ${ctx.table}_src`);
  await store.run(`DROP TABLE ${lines}`);
  const rejections = [...framer.rejections, ...bad].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { rowsRead: Number(n) + rejectedCount(rejections), rejections, encoding: describeEncoding(decoded) };
}

/** Records the framing pass passed on that DuckDB's JSON does not accept (a lone surrogate escape, ...). */
async function invalidRecords(
  ctx: StageContext,
  lines: string,
  items: readonly ItemPath[] | undefined,
): Promise<ReaderRejection[]> {
  const found: ReaderRejection[] = [];
  // Read in batches: with `items`, each record is read whole to count the posts in it.
  for (let after = 0; ; ) {
    const batch = await ctx.store.all<{ n: bigint; line: bigint; text: string }>(`
      SELECT n, line, ${items === undefined ? 'left(text, 80)' : 'text'} AS text FROM ${lines}
      WHERE n > ${after} AND NOT json_valid(text) ORDER BY n LIMIT ${INVALID_BATCH}`);
    for (const b of batch) {
      const count = itemsIn(Buffer.from(b.text), items);
      const start = JSON.stringify(b.text.slice(0, 80));
      const detail = `not valid JSON (a cut record, a lone surrogate escape such as \\ud800, ...); it starts ${start}`;
      found.push({
        reason: 'invalid JSON',
        record: null,
        line: Number(b.line),
        detail:
          count > 1
            ? `${detail}; the ${count.toLocaleString('en-US')} posts inside it are rejected with it`
            : detail,
        count,
      });
    }
    if (batch.length < INVALID_BATCH) return found;
    after = Number(batch[batch.length - 1]?.n);
  }
}

/** Invalid records read from the framed copy at a time (each at most --max-record-bytes). */
const INVALID_BATCH = 64;

/** The encoding as the ingest report gives it: 'utf-8', 'utf-16le (byte-order mark)', 'windows-1256 (--encoding)'. */
export function describeEncoding(decoded: Decoded): string {
  if (decoded.source === 'bom') return `${decoded.encoding} (byte-order mark)`;
  if (decoded.source === 'declared') return `${decoded.encoding} (--encoding)`;
  return decoded.encoding;
}

/** JSON Lines (see readJsonRecords). */
export function readJsonLines(ctx: StageContext): Promise<JsonReadResult> {
  return readJsonRecords(ctx, 'lines');
}
