// What every command shares: progress lines on stderr (so stdout stays clean for --json), errors a
// user can act on, and exit codes: 0 ok, 1 failure, 2 bad usage.
export class UsageError extends Error {
  override name = 'UsageError';
}

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** A progress line on stderr; on a terminal, repeated updates of one task rewrite the same line. */
export class Progress {
  private live = false;
  private readonly tty = process.stderr.isTTY === true;
  private lastPrinted = 0;

  constructor(private readonly quiet = false) {}

  /** An update that may be dropped if the last one was under a second ago (not on a terminal). */
  update(message: string): void {
    if (this.quiet) return;
    if (this.tty) {
      process.stderr.write(`\r\x1b[2K${message}`);
      this.live = true;
    } else if (performance.now() - this.lastPrinted > 1000) {
      process.stderr.write(`${message}\n`);
      this.lastPrinted = performance.now();
    }
  }

  /** A line that always shows. */
  line(message: string): void {
    if (this.quiet) return;
    if (this.live) process.stderr.write('\r\x1b[2K');
    this.live = false;
    process.stderr.write(`${message}\n`);
    this.lastPrinted = performance.now();
  }
}

export function parsePositiveInt(flag: string, value: string): number {
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(n) || n <= 0)
    throw new UsageError(`${flag} expects a positive whole number, got "${value}"`);
  return n;
}

export function parseInteger(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new UsageError(`${flag} expects a whole number, got "${value}"`);
  return n;
}
