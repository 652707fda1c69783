// Parsers for option text: each checks what a user typed and converts it, or throws a SettingError that names
// the flag and says what it expects (the CLI exits 2 on it). They take the flag, so one parser serves many.

export class SettingError extends Error {
  override name = 'SettingError';
}

/**
 * A number, `_` allowed as a digit separator (86_400); `check` says which numbers the option takes and
 * `expected` says so in words: `--window expects seconds, a whole number > 0, got "0"`.
 */
export const numberParser =
  (check: (n: number) => boolean, expected: string) =>
  (text: string, flag: string): number => {
    const n = Number(text.replaceAll('_', ''));
    if (text.trim() === '' || !Number.isFinite(n) || !check(n))
      throw new SettingError(`${flag} expects ${expected}, got "${text}"`);
    return n;
  };

export const whole = (n: number) => Number.isInteger(n);

/** Text taken as it is (checked later by the stage that reads it, e.g. --map by ingest). */
export const textParser = (text: string): string => text;

/** One of a fixed list, case and surrounding spaces ignored. */
export const choiceParser =
  <T extends string>(choices: readonly T[]) =>
  (text: string, flag: string): T => {
    const value = text.trim().toLowerCase();
    if (!(choices as readonly string[]).includes(value))
      throw new SettingError(`${flag} expects one of ${choices.join(', ')}, got "${text}"`);
    return value as T;
  };

/** A comma list of names from `names`, returned in the order of `names` (so option order never changes output). */
export const nameListParser =
  <T extends string>(names: readonly T[]) =>
  (text: string, flag: string): T[] => {
    const given = text
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter((s) => s !== '');
    const unknown = given.filter((s) => !(names as readonly string[]).includes(s));
    if (unknown.length > 0 || given.length === 0) {
      throw new SettingError(
        `${flag}: ${given.length === 0 ? 'no signal given' : `unknown signal "${unknown[0]}"`}; choose from ${names.join(', ')}`,
      );
    }
    return names.filter((s) => given.includes(s));
  };

/** `name=number,...` pairs, each name from `names` and each number passing `check`. */
export const namedNumbersParser =
  <T extends string>(names: readonly T[], check: (n: number) => boolean) =>
  (text: string, flag: string): Partial<Record<T, number>> => {
    const out: Partial<Record<T, number>> = {};
    for (const part of text.split(',').filter((x) => x.trim() !== '')) {
      const [name, value] = part.split('=').map((x) => x.trim());
      const n = Number(value);
      if (
        !(names as readonly string[]).includes(name ?? '') ||
        value === undefined ||
        !Number.isFinite(n) ||
        !check(n)
      )
        throw new SettingError(
          `${flag}: expected signal=number pairs from ${names.join(', ')}, got "${part}"`,
        );
      out[name as T] = n;
    }
    return out;
  };

/** A switch (a flag without a value): on when given. The words read back what --help shows as the default. */
export const switchParser = (text: string, flag: string): boolean => {
  const value = text.trim().toLowerCase();
  if (['on', 'yes', 'true'].includes(value)) return true;
  if (['off', 'no', 'false'].includes(value)) return false;
  throw new SettingError(`${flag} is a switch: give it without a value`);
};

const SIZE_UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};

/**
 * A size in bytes: `8MiB`, `512 KB`, `2GB`, a plain number of bytes, or (with `ofTotal`) a share of a total
 * such as `50%`. `min` is the smallest size the option takes.
 */
export const sizeParser =
  (min: number, ofTotal?: () => number) =>
  (text: string, flag: string): number => {
    const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z%]*)\s*$/i.exec(text);
    const unit = (m?.[2] ?? '').toLowerCase();
    const value = Number(m?.[1]);
    let bytes = Number.NaN;
    if (m && unit === '%' && ofTotal && value > 0 && value <= 100) bytes = (ofTotal() * value) / 100;
    else if (m && (unit === '' || unit in SIZE_UNITS)) bytes = value * (SIZE_UNITS[unit] ?? 1);
    if (!Number.isFinite(bytes) || bytes < min)
      throw new SettingError(
        `${flag} expects a size of at least ${min.toLocaleString('en-US')} bytes such as 8MiB, 512KB or 4GB` +
          `${ofTotal ? ' (or a share of memory such as 50%)' : ''}, got "${text}"`,
      );
    return Math.floor(bytes);
  };

/** A size as DuckDB and --help show it: whole MiB or GiB where it is one. */
export function showSize(bytes: number): string {
  if (bytes % 2 ** 30 === 0) return `${bytes / 2 ** 30}GiB`;
  if (bytes % 2 ** 20 === 0) return `${bytes / 2 ** 20}MiB`;
  if (bytes % 2 ** 10 === 0) return `${bytes / 2 ** 10}KiB`;
  return `${bytes}B`;
}
