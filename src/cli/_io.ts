// What every command shares: progress lines on stderr (so stdout stays clean for --json), and parsers for
// flag values. Errors and exit codes are in _errors.ts (re-exported here).
import { UsageError } from './_errors.js';

export { EXIT, UsageError, UserError } from './_errors.js';

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
