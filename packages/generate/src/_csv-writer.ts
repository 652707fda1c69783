// Buffered CSV output: rows are encoded straight into a few-MB byte buffer that is handed to the stream
// when full (waiting for it to drain), so writing a few hundred MB neither builds giant strings nor issues
// millions of small writes. Cells that repeat on many rows can be encoded once and copied as bytes.
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';

const CHUNK_BYTES = 4 << 20;

/** A quoted CSV field, `"` doubled, as the IO archive writes every field. */
export function quote(value: string): string {
  return value.includes('"') ? `"${value.replaceAll('"', '""')}"` : `"${value}"`;
}

export class CsvWriter {
  private readonly stream: WriteStream;
  private buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  private error: Error | undefined;

  constructor(path: string) {
    this.stream = createWriteStream(path);
    // Kept for the next flush, so a disk error surfaces as a rejected promise and not a crash.
    this.stream.on('error', (err) => {
      this.error = err;
    });
  }

  /** True when the buffer is nearly full: await `flush()` before the next row. */
  get full(): boolean {
    return this.used > CHUNK_BYTES - (256 << 10);
  }

  /** Appends text as UTF-8 (a single text longer than the headroom goes out on its own). */
  text(value: string): void {
    if (value.length * 3 > CHUNK_BYTES - this.used) {
      this.spill(Buffer.from(value, 'utf8'));
      return;
    }
    this.used += this.buffer.write(value, this.used, 'utf8');
  }

  /** Appends bytes encoded earlier. */
  bytes(value: Buffer): void {
    if (value.length > CHUNK_BYTES - this.used) {
      this.spill(value);
      return;
    }
    this.used += value.copy(this.buffer, this.used);
  }

  private spill(value: Buffer): void {
    this.stream.write(this.buffer.subarray(0, this.used));
    this.stream.write(value);
    this.buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
  }

  async flush(): Promise<void> {
    if (this.error) throw this.error;
    if (this.used === 0) return;
    const chunk = this.buffer.subarray(0, this.used);
    // The stream keeps the chunk until written, so the next rows go into a fresh buffer.
    this.buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
    if (this.error) throw this.error;
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await finished(this.stream);
  }
}
