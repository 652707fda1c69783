// What every command shares: progress on stderr (so stdout stays clean for --json; _progress.ts), and parsers
// for flag values. Errors and exit codes are in _errors.ts (re-exported here).
import { UsageError } from './_errors.js';

export { EXIT, UsageError, UserError } from './_errors.js';
export { Progress, type StageCallback, type StageDetail } from './_progress.js';

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
