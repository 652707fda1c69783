// Scratch files for the framing passes: a folder under the system's temporary folder (TMPDIR) holding the
// clean copy of one input file, written in large batches, and removed once the file is loaded. The user's
// files are only ever read.
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BATCH_BYTES = 1 << 20;

export class ScratchFile {
  private batch: Buffer[] = [];
  private batchSize = 0;
  private constructor(
    readonly dir: string,
    readonly path: string,
    private readonly out: WriteStream,
  ) {}

  static async create(name: string): Promise<ScratchFile> {
    const dir = await mkdtemp(join(tmpdir(), 'lockstep-'));
    const path = join(dir, name);
    return new ScratchFile(dir, path, createWriteStream(path));
  }

  /** Queues bytes; `flush` writes them. Synchronous, so a framing pass can call it per record. */
  write(bytes: Buffer): void {
    this.batch.push(bytes);
    this.batchSize += bytes.length;
  }

  /** Writes what is queued once a batch is full (or always, with `all`), waiting while the disk is behind. */
  async flush(all = false): Promise<void> {
    if (this.batchSize === 0 || (!all && this.batchSize < BATCH_BYTES)) return;
    const data = Buffer.concat(this.batch, this.batchSize);
    this.batch = [];
    this.batchSize = 0;
    if (!this.out.write(data)) await new Promise<void>((ok) => this.out.once('drain', ok));
  }

  async close(): Promise<void> {
    await this.flush(true);
    await new Promise<void>((ok, fail) => this.out.end((err?: Error | null) => (err ? fail(err) : ok())));
  }

  async remove(): Promise<void> {
    this.out.destroy();
    await rm(this.dir, { recursive: true, force: true });
  }
}
