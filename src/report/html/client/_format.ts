// Number, share and time formats for the report: times always in UTC, the zone named once where they are read.
export const int = (n: number | null | undefined) =>
  n == null ? '–' : Math.round(n).toLocaleString('en-US');
export const fixed = (n: number | null | undefined, digits = 1) =>
  n == null || !Number.isFinite(n)
    ? '–'
    : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
/** Observed over expected; the chance model caps it at 10^6 when nothing is expected. */
export const ratio = (n: number | null | undefined) => (n != null && n >= 1e6 ? '> 10⁶' : fixed(n, 1));
export const pct = (share: number | null | undefined) =>
  share == null ? '–' : `${(share * 100).toFixed(share > 0 && share < 0.01 ? 1 : 0)}%`;

/**
 * `2022-09-16 10:00` (with `:00` seconds if asked) in UTC, without the zone: for a place that names it once,
 * a column head "(UTC)", a note above a list of posts, or the end of a span (utcSpan). The report and the UI
 * write the zone once per sentence, table or page, not after every time: "UTC+00:00" twice in a cell wrapped
 * dates to six lines at 900 px.
 */
export function stamp(iso: string | null | undefined, seconds = false): string {
  if (iso == null || iso === '') return '–';
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  const s = new Date(t).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, seconds ? 19 : 16)}`;
}

/** `2022-09-30 06:30 to 2022-10-02 18:28 UTC`: a span with its zone written once. */
export const utcSpan = (start: string | null, end: string | null, seconds = false, between = ' to ') =>
  `${stamp(start, seconds)}${between}${stamp(end, seconds)} UTC`;

export function hoursBetween(start: string | null, end: string | null): number | null {
  if (start === null || end === null) return null;
  return (Date.parse(end) - Date.parse(start)) / 3_600_000;
}

export function duration(hours: number | null): string {
  if (hours === null) return '–';
  if (hours < 48) return `${fixed(hours, hours < 10 ? 1 : 0)} hours`;
  return `${fixed(hours / 24, 1)} days`;
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

// Tableau 10: distinguishable, and printable in greyscale by lightness.
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];
export const networkColor = (id: number) => PALETTE[(id - 1) % PALETTE.length] ?? '#4e79a7';

/** What a network marked `joined` is (docs/method.md, "A collection of one operation"). */
export const JOINED_NOTE =
  'Judged as the rest of a connected group of accounts in which other networks were reported, with ' +
  "those networks' members left out of the accounts it was compared with (the collection's other " +
  'accounts are few; see the method).';
