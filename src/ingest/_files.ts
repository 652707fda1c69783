// Reading the start of an input file (gzip transparently) for format detection and CSV headers,
// and hashing whole files for the ingest report.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { InputFile } from './raw.js';

export class InputError extends Error {
  override name = 'InputError';
}

export async function describeFile(path: string, name = path): Promise<InputFile> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    throw new InputError(`${name}: no such file`);
  }
  if (!info.isFile()) throw new InputError(`${name}: not a file`);
  const handle = await open(path, 'r');
  try {
    const magic = Buffer.alloc(2);
    await handle.read(magic, 0, 2, 0);
    const gzip = info.size >= 2 && magic[0] === 0x1f && magic[1] === 0x8b;
    return { path, name, bytes: info.size, gzip };
  } finally {
    await handle.close();
  }
}

/** A readable stream of the file's (decompressed) bytes. */
export function openBytes(file: InputFile, options: { end?: number } = {}): NodeJS.ReadableStream {
  const raw = createReadStream(file.path, file.gzip ? {} : options);
  return file.gzip ? raw.pipe(createGunzip()) : raw;
}

/** The first `limit` decompressed bytes (fewer if the file is shorter). */
export async function readHead(file: InputFile, limit = 256 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  const stream = openBytes(file, file.gzip ? {} : { end: limit - 1 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= limit) break;
    }
  } catch (err) {
    throw new InputError(`${file.name}: cannot read: ${(err as Error).message}`);
  } finally {
    (stream as unknown as { destroy?: () => void }).destroy?.();
  }
  return Buffer.concat(chunks).subarray(0, limit);
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  // Large reads: the hash runs beside the engine's threads, and 1 MiB chunks halve its cost.
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The head as text, without a UTF-8 byte-order mark. */
export function headText(head: Buffer): string {
  const text = head.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
