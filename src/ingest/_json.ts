// JSON through DuckDB: JSON Lines are read as text lines (so a broken line is rejected with its line
// number and the rest still load), whole documents with read_json_objects. Either way the result is a
// table `${table}_src(rec, line, j JSON)` of the objects a format reader then maps.
import { sqlString } from '../store/index.js';
import { headText, InputError, readHead } from './_files.js';
import type { InputFile, ReaderRejection, StageContext } from './raw.js';

export interface JsonReadResult {
  rowsRead: number;
  rejections: ReaderRejection[];
}

function compression(file: InputFile): string {
  return file.gzip ? "'gzip'" : "'uncompressed'";
}

/**
 * JSON Lines: one value per line; a line holding an array contributes each element (some tools write a
 * whole timeline per line). Blank lines are skipped, invalid lines rejected with their line number.
 */
export async function readJsonLines(ctx: StageContext): Promise<JsonReadResult> {
  const { store, file } = ctx;
  const crlf = headText(await readHead(file, 64 * 1024)).includes('\r\n');
  const lines = `${ctx.table}_lines`;
  try {
    await store.run(`
      CREATE OR REPLACE TEMP TABLE ${lines} AS
      SELECT row_number() OVER () AS line, text FROM read_csv(${sqlString(file.path)},
        header = false, auto_detect = false, delim = chr(31), quote = '', escape = '',
        new_line = ${crlf ? "'\\r\\n'" : "'\\n'"}, columns = {'text': 'VARCHAR'}, strict_mode = false,
        compression = ${compression(file)}, max_line_size = 268435456)`);
  } catch (err) {
    throw new InputError(`${file.name}: cannot read as JSON Lines: ${(err as Error).message}`);
  }
  await store.run(`
    CREATE OR REPLACE TEMP TABLE ${ctx.table}_src AS
    WITH ok AS (SELECT line, text::JSON AS j FROM ${lines} WHERE json_valid(text) AND trim(text) <> ''),
    items AS (
      SELECT line, 0 AS idx, j FROM ok WHERE json_type(j) <> 'ARRAY'
      UNION ALL
      SELECT line, generate_subscripts(json_extract(j, '$[*]'), 1) AS idx, unnest(json_extract(j, '$[*]')) AS j
      FROM ok WHERE json_type(j) = 'ARRAY')
    SELECT row_number() OVER (ORDER BY line, idx) AS rec, line, j FROM items`);
  const bad = await store.all<{ line: bigint; text: string }>(`
    SELECT line, left(text, 80) AS text FROM ${lines}
    WHERE trim(coalesce(text, '')) <> '' AND NOT json_valid(text) ORDER BY line`);
  const { n } = await store.one<{ n: bigint }>(`SELECT count(*) AS n FROM ${ctx.table}_src`);
  await store.run(`DROP TABLE ${lines}`);
  return {
    rowsRead: Number(n) + bad.length,
    rejections: bad.map((b) => ({
      reason: 'invalid JSON',
      record: null,
      line: Number(b.line),
      detail: `line starts ${JSON.stringify(b.text)}`,
    })),
  };
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
    throw new InputError(`${file.name}: not valid JSON: ${firstLine((err as Error).message)}`);
  }
  const { n } = await store.one<{ n: bigint }>(`SELECT count(*) AS n FROM ${ctx.table}_src`);
  return { rowsRead: Number(n), rejections: [] };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
