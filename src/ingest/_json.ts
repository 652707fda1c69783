// JSON through DuckDB: JSON Lines and arrays of items are framed into records by lockstep first (so a broken
// record is rejected with its line and the rest still load); a Telegram export, one nested document, is read
// whole with read_json_objects. Either way the result is a table `${table}_src(rec, line, j JSON)` of the
// objects a format reader then maps.
import { sqlString } from '../store/index.js';
import { chooseEncoding, type Decoded, utf8Chunks } from './_decode.js';
import { InputError, readHead } from './_files.js';
import { JsonLinesFramer, JsonValueFramer, UNIT_SEPARATOR } from './_frame-json.js';
import { ScratchFile } from './_scratch.js';
import type { InputFile, ReaderRejection, StageContext } from './raw.js';

export interface JsonReadResult {
  rowsRead: number;
  rejections: ReaderRejection[];
  encoding?: string;
}

function compression(file: InputFile): string {
  return file.gzip ? "'gzip'" : "'uncompressed'";
}

/**
 * JSON through lockstep's framing pass (_frame-json.ts), then DuckDB. `lines`: JSON Lines, one value per
 * line, a line holding an array contributing each element (some tools write a whole timeline per line);
 * `values`: a document's top-level values (each element of a top-level array). Each record is checked on
 * its own: one that is too long, not UTF-8 or not JSON (a lone surrogate escape, a cut line) is rejected
 * with its line, and the others load. Blank lines are not records.
 */
export async function readJsonRecords(ctx: StageContext, mode: 'lines' | 'values'): Promise<JsonReadResult> {
  const { store, file } = ctx;
  const head = await readHead(file, 4);
  const decoded = chooseEncoding(head, ctx.read.encoding);
  const limit = ctx.read.maxRecordBytes;
  const scratch = await ScratchFile.create('records.txt');
  // The framed copy holds `line US record` per line: JSON allows neither a raw unit separator nor a raw
  // line end in a record, and the framing pass rejects records holding them.
  const sep = Buffer.from([UNIT_SEPARATOR]);
  const nl = Buffer.from('\n');
  const sink = (record: Buffer, line: number) => {
    scratch.write(Buffer.from(String(line)));
    scratch.write(sep);
    scratch.write(record);
    scratch.write(nl);
  };
  const framer =
    mode === 'lines'
      ? new JsonLinesFramer({ maxRecordBytes: limit, sink })
      : new JsonValueFramer({ maxRecordBytes: limit, sink });
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
      SELECT row_number() OVER () AS n, line, text FROM read_csv(${sqlString(scratch.path)},
        header = false, auto_detect = false, delim = chr(31), quote = '', escape = '', new_line = '\\n',
        columns = {'line': 'BIGINT', 'text': 'VARCHAR'}, max_line_size = ${limit + 1024},
        buffer_size = ${4 * (limit + 1024)})`);
  } catch (err) {
    throw new InputError(`${file.name}: cannot read the framed records: ${(err as Error).message}`);
  } finally {
    await scratch.remove();
  }
  await store.run(`
    CREATE OR REPLACE TEMP TABLE ${ctx.table}_src AS
    WITH ok AS (SELECT n, line, text::JSON AS j FROM ${lines} WHERE json_valid(text)),
    items AS (
      SELECT n, line, 0 AS idx, j FROM ok WHERE json_type(j) <> 'ARRAY'
      UNION ALL
      SELECT n, line, generate_subscripts(json_extract(j, '$[*]'), 1) AS idx, unnest(json_extract(j, '$[*]')) AS j
      FROM ok WHERE json_type(j) = 'ARRAY')
    SELECT row_number() OVER (ORDER BY n, idx) AS rec, line, j FROM items`);
  const bad = await store.all<{ line: bigint; text: string }>(`
    SELECT line, left(text, 80) AS text FROM ${lines} WHERE NOT json_valid(text) ORDER BY n`);
  const { n } = await store.one<{ n: bigint }>(`SELECT count(*) AS n FROM ${ctx.table}_src`);
  await store.run(`DROP TABLE ${lines}`);
  const rejections = [
    ...framer.rejections,
    ...bad.map((b) => ({
      reason: 'invalid JSON',
      record: null,
      line: Number(b.line),
      detail: `not valid JSON (a cut record, a lone surrogate escape such as \\ud800, ...); it starts ${JSON.stringify(b.text)}`,
    })),
  ].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { rowsRead: Number(n) + rejections.length, rejections, encoding: describeEncoding(decoded) };
}

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

/**
 * A whole JSON document. `path` is a JSON path to the array of items inside it (e.g. '$.messages[*]'),
 * or '$[*]' for a top-level array, or '$' for the document itself (each element if it is an array).
 * Unlike JSON Lines, a broken document cannot be partly trusted.
 */
export async function readJsonDocument(ctx: StageContext, itemsPath: string): Promise<JsonReadResult> {
  const { store, file } = ctx;
  // json_extract with '$' gives one JSON value, not a list, and unnest() rejects it.
  const items =
    itemsPath === '$'
      ? `CASE WHEN json_type(json) = 'ARRAY' THEN json_extract(json, '$[*]') ELSE [json] END`
      : `json_extract(json, ${sqlString(itemsPath)})`;
  try {
    await store.run(`
      CREATE OR REPLACE TEMP TABLE ${ctx.table}_src AS
      SELECT row_number() OVER () AS rec, NULL::BIGINT AS line, j FROM (
        SELECT unnest(${items}) AS j
        FROM read_json_objects(${sqlString(file.path)}, format = 'unstructured',
          compression = ${compression(file)}, maximum_object_size = ${Math.max(16 * 1024 * 1024, file.gzip ? 2 ** 31 : file.bytes + 1024)}))`);
  } catch (err) {
    // A document is read whole: one damaged value refuses it. Say where, in lockstep's words.
    const at = /at byte (\d+)[^:]*: ([^.\n]*)/.exec((err as Error).message);
    const where = at === null ? firstLine((err as Error).message) : `at byte ${at[1]}: ${at[2]}`;
    throw new InputError(
      `${file.name}: not valid JSON (${where}); a document of this format is read whole, so fix or cut the damaged part`,
    );
  }
  const { n } = await store.one<{ n: bigint }>(`SELECT count(*) AS n FROM ${ctx.table}_src`);
  return { rowsRead: Number(n), rejections: [] };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
