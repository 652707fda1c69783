// Private helpers of the report writers: XML 1.0 escaping that no hostile string can break, length bounds
// that never split a surrogate pair, and streaming text to a file that only appears once complete.

import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';

// Anything outside XML 1.0's Char production (C0 controls but TAB/LF/CR, lone surrogates, U+FFFE/U+FFFF)
// makes the whole file unparseable, so it is dropped; with the `u` flag a lone surrogate is one code point
// that falls outside every range. TAB/LF/CR are matched too: they become character references, because a
// parser turns them into spaces inside attribute values (and CR LF into LF in text).
const XML_UNSAFE = /[&<>"'\t\n\r]|[^\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** `value` safe as XML 1.0 text or a quoted attribute value: escaped, with disallowed characters removed. */
export function escapeXml(value: string): string {
  return value.replace(XML_UNSAFE, (ch) => XML_ESCAPES[ch] ?? '');
}

/** `value` with disallowed XML 1.0 characters removed but nothing escaped (ids compared before writing). */
export function cleanXml(value: string): string {
  return value.replace(XML_UNSAFE, (ch) => (ch in XML_ESCAPES ? ch : ''));
}

/**
 * `value` cut to at most `maxChars` UTF-16 units, ending with `…` when cut. Counts UTF-16 units because
 * that is what Excel's cell limit counts; the cut steps back rather than leave half a surrogate pair.
 */
export function boundText(value: string, maxChars: number): string {
  if (value.length <= maxChars) return value;
  let cut = Math.max(0, maxChars - 1);
  const last = value.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return `${value.slice(0, cut)}…`;
}

const BATCH_CHARS = 1 << 16;

/**
 * Writes the text chunks to `path` with backpressure (pipeline waits for the stream to drain). The text
 * goes to `path.partial` first and is renamed at the end, so a crash or a throwing generator never leaves
 * a truncated file that looks like a finished export; the partial file is removed on failure.
 */
export async function writeChunks(
  path: string,
  chunks: Iterable<string> | AsyncIterable<string>,
): Promise<void> {
  await writeWhole(path, batched(chunks));
}

/** writeChunks for bytes (a zip stream): the same `.partial` file and rename. */
export async function writeWhole(
  path: string,
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
): Promise<void> {
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  try {
    await pipeline(chunks, out);
    await rename(partial, path);
  } catch (err) {
    // The stream opens its file asynchronously, and a source that fails at once can reject the pipeline
    // before the file exists: removed then, it would be created just after (a flaky test saw bad.csv.partial
    // left behind). So the stream is closed first.
    if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
    await rm(partial, { force: true });
    throw err;
  }
}

/** Joins small chunks into ~64K-character writes: one write per row or node would be mostly overhead. */
async function* batched(chunks: Iterable<string> | AsyncIterable<string>): AsyncGenerator<string> {
  let parts: string[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    parts.push(chunk);
    size += chunk.length;
    if (size >= BATCH_CHARS) {
      yield parts.join('');
      parts = [];
      size = 0;
    }
  }
  if (parts.length > 0) yield parts.join('');
}
