// Reads back what Chromium printed: the text of each PDF page as lines, and the images it embeds as raw RGB,
// so a print test can check the PDF itself (not only the page's print layout). Enough of PDF for Skia's
// output (Chromium's printer): uncompressed object dictionaries, Flate streams, Type0 fonts with Identity-H
// codes and a ToUnicode map (ISO 32000-1, 9.10.3), one-byte codes otherwise; text placed by cm, Tm and Td.
import { inflateSync } from 'node:zlib';

export interface PdfImage {
  width: number;
  height: number;
  /** Raw 8-bit RGB samples when the image is a Flate stream in an RGB space, else null. */
  rgb: Buffer | null;
}

export interface PrintedPdf {
  /** Each page's text as lines, top to bottom, the runs of a line left to right. */
  pages: string[][];
  images: PdfImage[];
}

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  for (const m of text.matchAll(/(\d+) 0 obj\s*/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const s = /(?:^|[>\s])stream\r?\n/.exec(body);
    if (s === null) {
      out.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, s.index + 1);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
    const from = start + s.index + s[0].length;
    let stream = pdf.subarray(from, from + length);
    if (dict.includes('/FlateDecode')) stream = inflateSync(stream);
    out.set(Number(m[1]), { dict, stream });
  }
  return out;
}

const ref = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1] ?? -1);

/** code -> text, from a ToUnicode CMap's bfchar and bfrange sections. */
function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) =>
    String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, code, to] of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map.set(parseInt(code ?? '0', 16), utf16(to ?? ''));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, lo, hi, to] of (block[1] ?? '').matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g,
    )) {
      const base = parseInt(to ?? '0', 16);
      for (let c = parseInt(lo ?? '0', 16); c <= parseInt(hi ?? '0', 16); c++)
        map.set(c, String.fromCharCode(base + c - parseInt(lo ?? '0', 16)));
    }
  return map;
}

interface Font {
  bytes: 1 | 2;
  map: Map<number, string>;
}

function pageText(content: string, fonts: Map<string, Font>): string[] {
  const runs: Array<{ x: number; y: number; text: string }> = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  let line: Matrix = [1, 0, 0, 1, 0, 0];
  let font: Font | undefined;
  const operands: string[] = [];
  const show = (hex: string) => {
    if (font === undefined) return;
    const step = font.bytes * 2;
    let text = '';
    for (let i = 0; i + step <= hex.length; i += step)
      text += font.map.get(parseInt(hex.slice(i, i + step), 16)) ?? '\ufffd';
    const at = multiply(line, ctm);
    runs.push({ x: at[4], y: at[5], text });
  };
  for (const [token] of content.matchAll(/<[0-9A-Fa-f\s]*>|\[[^\]]*\]|\/[^\s/<>[\]()]+|[^\s/<>[\]()]+/g)) {
    if (!/^[A-Za-z'"*]+$/.test(token)) {
      operands.push(token);
      continue;
    }
    const num = (i: number) => Number(operands[operands.length - 6 + i]);
    if (token === 'q') stack.push(ctm);
    else if (token === 'Q') ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (token === 'cm') ctm = multiply([num(0), num(1), num(2), num(3), num(4), num(5)], ctm);
    else if (token === 'Tm') line = [num(0), num(1), num(2), num(3), num(4), num(5)];
    else if (token === 'Td') {
      const [tx, ty] = operands.slice(-2).map(Number) as [number, number];
      line = multiply([1, 0, 0, 1, tx, ty], line);
    } else if (token === 'Tf') font = fonts.get(operands[operands.length - 2] ?? '');
    else if (token === 'Tj') show((operands.at(-1) ?? '').replace(/[<>\s]/g, ''));
    else if (token === 'TJ')
      show(
        [...(operands.at(-1) ?? '').matchAll(/<([0-9A-Fa-f\s]*)>/g)]
          .map((m) => m[1]?.replace(/\s/g, ''))
          .join(''),
      );
    operands.length = 0;
  }
  // Runs whose baselines lie within a point are one line; PDF's y grows upwards.
  runs.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Array<{ y: number; runs: typeof runs }> = [];
  for (const r of runs) {
    const last = lines.at(-1);
    if (last !== undefined && Math.abs(last.y - r.y) < 1) last.runs.push(r);
    else lines.push({ y: r.y, runs: [r] });
  }
  // NFKC undoes the font's ligatures (ﬁ) and Arabic presentation forms.
  return lines.map((l) =>
    l.runs
      .sort((a, b) => a.x - b.x)
      .map((r) => r.text)
      .join('')
      .normalize('NFKC'),
  );
}

export function readPrintedPdf(pdf: Buffer): PrintedPdf {
  const all = objects(pdf);
  const fontOf = new Map<number, Font>();
  const font = (id: number): Font => {
    const known = fontOf.get(id);
    if (known !== undefined) return known;
    const dict = all.get(id)?.dict ?? '';
    const cmap = all.get(ref(dict, 'ToUnicode'))?.stream?.toString('latin1') ?? '';
    const made: Font = { bytes: dict.includes('/Identity-H') ? 2 : 1, map: toUnicode(cmap) };
    fontOf.set(id, made);
    return made;
  };
  const pages: string[][] = [];
  const walk = (id: number) => {
    const dict = all.get(id)?.dict ?? '';
    if (/\/Type \/Pages\b/.test(dict)) {
      const kids = /\/Kids \[([^\]]*)\]/.exec(dict)?.[1] ?? '';
      for (const [, kid] of kids.matchAll(/(\d+) 0 R/g)) walk(Number(kid));
      return;
    }
    const fonts = new Map<string, Font>();
    const block = /\/Font <<([^>]*)>>/.exec(dict)?.[1] ?? '';
    for (const [, name, fid] of block.matchAll(/\/(\w+) (\d+) 0 R/g))
      fonts.set(`/${name}`, font(Number(fid)));
    const contents = /\/Contents \[([^\]]*)\]/.exec(dict)?.[1] ?? `${ref(dict, 'Contents')} 0 R`;
    const content = [...contents.matchAll(/(\d+) 0 R/g)]
      .map(([, c]) => all.get(Number(c))?.stream?.toString('latin1') ?? '')
      .join('\n');
    pages.push(pageText(content, fonts));
  };
  const catalog = [...all.values()].find((o) => /\/Type \/Catalog\b/.test(o.dict));
  walk(ref(catalog?.dict ?? '', 'Pages'));
  const images: PdfImage[] = [];
  for (const o of all.values()) {
    if (!/\/Subtype \/Image\b/.test(o.dict)) continue;
    const width = Number(/\/Width (\d+)/.exec(o.dict)?.[1] ?? 0);
    const height = Number(/\/Height (\d+)/.exec(o.dict)?.[1] ?? 0);
    const rgb =
      o.stream !== null && o.dict.includes('/FlateDecode') && o.stream.length === width * height * 3
        ? o.stream
        : null;
    images.push({ width, height, rgb });
  }
  return { pages, images };
}
