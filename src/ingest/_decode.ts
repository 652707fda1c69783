// A file's text as UTF-8 bytes, whatever it was saved in: a UTF-16 byte-order mark is detected, another
// encoding is taken from --encoding and transcoded with the WHATWG TextDecoder (windows-1256, windows-1252,
// latin-1, utf-16...), and a UTF-8 mark is dropped. The framing passes (_frame-*.ts) read only this.
import { InputError, openBytes } from './_files.js';
import type { InputFile } from './raw.js';

/** The encodings a file may be in: 'utf-8', or a WHATWG label that TextDecoder knows. */
export interface EncodingChoice {
  /** As the user gave it (--encoding), null when not given. */
  declared: string | null;
}

export interface Decoded {
  /** What the file was read as: 'utf-8', 'utf-16le', 'windows-1256', ... (TextDecoder's canonical name). */
  encoding: string;
  /** How that was decided: the byte-order mark, --encoding, or the default. */
  source: 'bom' | 'declared' | 'default';
  /** True when the bytes are transcoded (anything but UTF-8): the readers then never read the file itself. */
  transcoded: boolean;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Checks an --encoding label before any file is read; returns TextDecoder's name for it. */
export function checkEncoding(label: string): string {
  // 'latin-1' and 'utf16' as people write them; the WHATWG names are 'latin1' and 'utf-16'.
  const tries = [
    label.trim(),
    label.trim().replace(/^(latin)-(\d)$/i, '$1$2'),
    label.trim().replace(/^utf(\d)/i, 'utf-$1'),
  ];
  for (const t of tries) {
    try {
      return new TextDecoder(t).encoding;
    } catch {
      // the next spelling
    }
  }
  throw new InputError(
    `--encoding: unknown encoding "${label}"; give a WHATWG label such as utf-8, utf-16, windows-1256, windows-1252, latin-1`,
  );
}

/** Which encoding the head (the file's first bytes) says, given what the user declared. */
export function chooseEncoding(head: Uint8Array, declared: string | null): Decoded {
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', source: 'bom', transcoded: true };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', source: 'bom', transcoded: true };
  if (declared !== null) {
    const encoding = checkEncoding(declared);
    return { encoding, source: 'declared', transcoded: encoding !== 'utf-8' };
  }
  return { encoding: 'utf-8', source: 'default', transcoded: false };
}

/**
 * The file's bytes as UTF-8, without a byte-order mark. UTF-8 passes through untouched (invalid bytes
 * included: the framing pass rejects the records holding them); other encodings are transcoded, and
 * bytes they cannot map become U+FFFD, as the WHATWG decoders do.
 */
export async function* utf8Chunks(file: InputFile, decoded: Decoded): AsyncGenerator<Buffer> {
  const decoder = decoded.transcoded ? new TextDecoder(decoded.encoding) : null;
  let first = true;
  for await (const raw of openBytes(file) as AsyncIterable<Buffer>) {
    let chunk = raw;
    if (first && decoder === null) {
      // A mark split across the first two chunks is not possible: streams give at least 64 KiB at first.
      if (UTF8_BOM.every((b, i) => chunk[i] === b)) chunk = chunk.subarray(3);
    }
    first = false;
    if (decoder === null) yield chunk;
    else {
      // TextDecoder drops a BOM of its own encoding at the start (ignoreBOM is false by default).
      const text = decoder.decode(chunk, { stream: true });
      if (text !== '') yield Buffer.from(text, 'utf8');
    }
  }
  if (decoder !== null) {
    const rest = decoder.decode();
    if (rest !== '') yield Buffer.from(rest, 'utf8');
  }
}

/** The head decoded as text, for detection and headers (a mark dropped; U+FFFD for bytes it cannot read). */
export function decodeHead(head: Uint8Array, decoded: Decoded): string {
  const text = new TextDecoder(decoded.encoding).decode(head);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
