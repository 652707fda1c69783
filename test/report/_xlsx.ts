// Reads an .xlsx back as a spreadsheet would, for the tests: unzips it (fflate), follows the workbook's
// relationships to each sheet in order, and gives every cell its type (`t`), its style's number format and
// whether it holds a formula. Independent of src/report/xlsx.ts: it reads the parts by their names in the
// package, so a writer that got the workbook wrong would fail here.
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';

export interface XlsxCell {
  ref: string;
  /** The cell type: `n` (number, the default), `s` (shared string), `inlineStr`, `str`, `b`, `e`. */
  type: string;
  /** The number format of its style: 49 is Text ("@"), 0 General. */
  numFmt: number;
  /** True when the cell holds a formula (`<f>`). */
  formula: boolean;
  /** Its value as text, entities decoded. */
  text: string;
}

export interface XlsxSheet {
  name: string;
  xml: string;
  rows: XlsxCell[][];
}

export function readXlsx(path: string): XlsxSheet[] {
  const files = unzipSync(new Uint8Array(readFileSync(path)));
  const part = (name: string): string => {
    const bytes = files[name];
    if (bytes === undefined) throw new Error(`${path} has no ${name}`);
    return strFromU8(bytes);
  };
  assertMatch(part('[Content_Types].xml'), /PartName="\/xl\/workbook\.xml"/, 'workbook content type');
  const targets = new Map(
    [...part('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b([^>]*)\/>/g)].map((m) => [
      attr(m[1] ?? '', 'Id'),
      attr(m[1] ?? '', 'Target'),
    ]),
  );
  const formats = [
    ...(/<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(part('xl/styles.xml'))?.[1] ?? '').matchAll(
      /<xf\b([^>]*)\/?>/g,
    ),
  ].map((m) => Number(attr(m[1] ?? '', 'numFmtId') ?? 0));
  const shared = files['xl/sharedStrings.xml']
    ? [...part('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1] ?? ''))
    : [];
  return [...part('xl/workbook.xml').matchAll(/<sheet\b([^>]*)\/>/g)].map((m) => {
    const target = targets.get(attr(m[1] ?? '', 'r:id'));
    if (target === undefined) throw new Error(`${path}: a sheet without its relationship`);
    const xml = part(`xl/${target}`);
    const rows = [...xml.matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)].map((row) =>
      [...(row[1] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((c): XlsxCell => {
        const attrs = c[1] ?? '';
        const body = c[2] ?? '';
        const type = attr(attrs, 't') ?? 'n';
        const value = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
        const text =
          type === 'inlineStr'
            ? texts(body)
            : type === 's'
              ? (shared[Number(value)] ?? '')
              : decode(value ?? '');
        return {
          ref: attr(attrs, 'r') ?? '',
          type,
          numFmt: formats[Number(attr(attrs, 's') ?? 0)] ?? 0,
          formula: /<f\b/.test(body),
          text,
        };
      }),
    );
    return { name: decode(attr(m[1] ?? '', 'name') ?? ''), xml, rows };
  });
}

/** A sheet's rows as text by column, header first: each row as wide as the header, empty cells ''. */
export function sheetTable(sheet: XlsxSheet): { header: string[]; rows: XlsxCell[][] } {
  const [head = [], ...rest] = sheet.rows;
  const header = head.map((c) => c.text);
  const rows = rest.map((cells) => {
    const out: XlsxCell[] = header.map(() => ({
      ref: '',
      type: 'empty',
      numFmt: 0,
      formula: false,
      text: '',
    }));
    for (const c of cells) out[columnIndex(c.ref)] = c;
    return out;
  });
  return { header, rows };
}

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of /^[A-Z]+/.exec(ref)?.[0] ?? '') n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function attr(attrs: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)${name.replace(':', '\\:')}="([^"]*)"`).exec(attrs)?.[1];
}

const texts = (xml: string) =>
  [...xml.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((m) => decode(m[1] ?? '')).join('');

function decode(xml: string): string {
  return xml.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_, e: string) => {
    if (e.startsWith('#x') || e.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[e] ?? '';
  });
}

function assertMatch(text: string, pattern: RegExp, what: string): void {
  if (!pattern.test(text)) throw new Error(`xlsx: no ${what}`);
}
