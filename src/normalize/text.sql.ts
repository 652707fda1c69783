// Text, hashtag, mention and URL normalisation as DuckDB macros, so that millions of rows are normalised
// inside the engine. One definition serves ingest, tests and (later) every signal. NFKC is the one step
// DuckDB lacks: it is a JS function called only for the rare strings that contain a character it can change.
import { DuckDBScalarFunction, type DuckDBVarCharVector, VARCHAR } from '@duckdb/node-api';
import type { Store } from '../store/index.js';
import { NFKC_TRIGGER_RANGES } from './_nfkc-ranges.js';

/** The trigger ranges (see _nfkc-ranges.ts) as [first, last] code points. */
const TRIGGER_RANGES: [number, number][] = NFKC_TRIGGER_RANGES.trim()
  .split(/\s+/)
  .map((r) => {
    const [first, last = first] = r.split('-').map((h) => Number.parseInt(h, 16)) as [number, number?];
    return [first, last];
  });

/** RE2 character class of the code points NFKC may change (see _nfkc-ranges.ts). */
export const NFKC_TRIGGER_CLASS = characterClass(TRIGGER_RANGES);

/**
 * Triggers that cannot change what ls_fold returns, so a text whose only triggers are these skips NFKC:
 * the harakat U+064B-U+0652 (NFKC quick check Yes, so NFKC can at most reorder a run of them, and the
 * fold removes them all) and the variation selectors U+FE00-U+FE0F (quick check Yes, combining class 0:
 * NFKC never changes, moves or composes them). Emoji with U+FE0F and vowelled Arabic are common: without
 * this a tenth of a Persian dataset went through JS, whose calls serialise DuckDB's threads.
 */
export const FOLD_INERT_RANGES: [number, number][] = [
  [0x064b, 0x0652],
  [0xfe00, 0xfe0f],
];

/** NFKC_TRIGGER_CLASS less FOLD_INERT_RANGES: the texts ls_fold sends through NFKC. */
export const FOLD_TRIGGER_CLASS = characterClass(
  FOLD_INERT_RANGES.reduce(
    (ranges, [lo, hi]) =>
      ranges.flatMap(([first, last]): [number, number][] => [
        ...(first < lo ? [[first, Math.min(last, lo - 1)] as [number, number]] : []),
        ...(last > hi ? [[Math.max(first, hi + 1), last] as [number, number]] : []),
      ]),
    TRIGGER_RANGES,
  ),
);

function characterClass(ranges: [number, number][]): string {
  const hex = (cp: number) => `\\x{${cp.toString(16)}}`;
  return `[${ranges.map(([first, last]) => (first === last ? hex(first) : `${hex(first)}-${hex(last)}`)).join('')}]`;
}

// Arabic diacritics (harakat, superscript alef, Quranic marks) and tatweel are dropped; spelling, not meaning.
export const ARABIC_MARKS = String.raw`[\x{0610}-\x{061A}\x{064B}-\x{065F}\x{0670}\x{06D6}-\x{06DC}\x{06DF}-\x{06E8}\x{06EA}-\x{06ED}\x{0640}]`;
// Invisible characters that campaigns insert to defeat exact matching; ZWNJ is handled separately.
export const INVISIBLES = String.raw`[\x{200B}\x{200D}-\x{200F}\x{202A}-\x{202E}\x{2060}-\x{2064}\x{2066}-\x{2069}\x{FEFF}\x{00AD}]`;
// Every character DuckDB's lower() changes is one of these (checked over all code points by a test).
export const CASED = String.raw`[\p{Lu}\p{Lt}\p{Nl}\x{24B6}-\x{24CF}]`;
// Arabic yeh/kaf/alef maksura to Persian; Arabic-Indic and Persian digits to ASCII.
const FROM_CHARS = 'يكى٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹';
const TO_CHARS = 'یکی01234567890123456789';
const CHAR_MAP = new Map([...FROM_CHARS].map((ch, i) => [ch, [...TO_CHARS][i] as string]));
const MAP_PATTERN = new RegExp(`[${FROM_CHARS}]`, 'g');

/** NFKC, then the same letter and digit mapping as ls_fold's translate (for the rows NFKC may change). */
export function nfkcMap(value: string): string {
  return mapLettersAndDigits(value.normalize('NFKC'));
}

/** The letter and digit mapping of ls_fold's translate alone. */
export function mapLettersAndDigits(value: string): string {
  return value.replace(MAP_PATTERN, (ch) => CHAR_MAP.get(ch) ?? ch);
}
// A URL in running text ends at whitespace, quotes, brackets or angle brackets (Markdown links included).
export const URL_IN_TEXT = String.raw`https?://[^\s<>"\x{27}\x{60}()\[\]{}]+`;
// Query parameters that only track the click; dropping them makes shared links comparable.
// A quoted list item with no quote inside and nothing trim() removes at either end (it strips Unicode
// spaces too, so separators, controls and format characters are all kept off the ends).
const LIST_ITEM = String.raw`[^'"\s\p{Z}\p{Cc}\p{Cf}](?:[^'"]*[^'"\s\p{Z}\p{Cc}\p{Cf}])?`.replaceAll(
  "'",
  "''",
);
const TRACKING_PARAM =
  '^(utm_[^=]*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|_gl|ref_src|ref_url)(=|$)';

// Hot-path note: macros expand textually, and DuckDB lambdas cost per element, so lists are folded as one
// joined string (unit separator U+001F between items) and URLs are parsed once into a struct. The
// `*_folded` macros take text already passed through ls_fold, so a loader folds each text only once.
const MACROS = String.raw`
-- s is referenced several times: pass a column or a cheap expression. NFKC (rare rows) happens in JS,
-- which also maps the letters and digits; other rows are translated only if they hold one to map, and
-- lowered and cleared of marks only if they hold a character either step changes (a quick match is a
-- third of the cost of lower() on text that has nothing to lower, the common case in Persian).
-- The letter mapping commutes with both steps, so it may come after them.
CREATE OR REPLACE MACRO ls_fold_clean(s) AS
  CASE WHEN regexp_matches(s, '${ARABIC_MARKS}|${INVISIBLES}|${CASED}')
    THEN lower(regexp_replace(s, '${ARABIC_MARKS}|${INVISIBLES}', '', 'g')) ELSE s END;

CREATE OR REPLACE MACRO ls_fold(s) AS
  CASE WHEN regexp_matches(s, '${FOLD_TRIGGER_CLASS}')
         THEN lower(regexp_replace(ls_nfkc_map(s), '${ARABIC_MARKS}|${INVISIBLES}', '', 'g'))
       WHEN regexp_matches(s, '[${FROM_CHARS}]') THEN translate(ls_fold_clean(s), '${FROM_CHARS}', '${TO_CHARS}')
       ELSE ls_fold_clean(s) END;

CREATE OR REPLACE MACRO ls_strip_urls(s) AS regexp_replace(s, '${URL_IN_TEXT}', ' ', 'g');

-- No nullif here: it would repeat the whole expression; text of only links or spaces normalises to ''.
-- Only whitespace runs that need changing match (a ZWNJ, a tab or newline, two spaces): a pattern that
-- also matched every single space would rewrite every text and cost twice as much.
CREATE OR REPLACE MACRO ls_norm_folded(f) AS
  trim(CASE WHEN regexp_matches(f, '\x{200C}|[\t\n\r\f\v]|  ')
    THEN regexp_replace(f, '[\s\x{200C}]*(?:\x{200C}|[\t\n\r\f\v]|  )[\s\x{200C}]*', ' ', 'g') ELSE f END);

CREATE OR REPLACE MACRO ls_text_norm(s) AS nullif(ls_norm_folded(ls_fold(ls_strip_urls(s))), '');

-- Folded items joined by U+001F: ZWNJ, spaces and '_' become one '_', leading '#' and edge '_' go.
CREATE OR REPLACE MACRO ls_tag_items(joined) AS
  list_sort(list_distinct(list_filter(string_split(
    regexp_replace(regexp_replace(regexp_replace(joined, '[\x{200C}\s_]+', '_', 'g'),
      '(^|\x{1F})[#_]+', '\1', 'g'), '_+(\x{1F}|$)', '\1', 'g'), chr(31)), x -> x <> '')));

CREATE OR REPLACE MACRO ls_tags(list) AS ls_tag_items(ls_fold(array_to_string(list, chr(31))));

CREATE OR REPLACE MACRO ls_tag(h) AS ls_tags([h])[1];

CREATE OR REPLACE MACRO ls_tags_in_folded(f) AS
  ls_tag_items(array_to_string(regexp_extract_all(coalesce(f, ''),
    '(?:^|[^\p{L}\p{M}\p{N}_&])#([\p{L}\p{M}\p{N}_\x{200C}]+)', 1), chr(31)));

CREATE OR REPLACE MACRO ls_tags_in_text(s) AS ls_tags_in_folded(ls_fold(ls_strip_urls(s)));

CREATE OR REPLACE MACRO ls_mention_items(joined) AS
  list_sort(list_distinct(list_filter(string_split(
    regexp_replace(lower(joined), '(^|\x{1F})\s*@*\s*|\s+(\x{1F}|$)', '\1\2', 'g'), chr(31)), x -> x <> '')));

CREATE OR REPLACE MACRO ls_mentions(list) AS ls_mention_items(array_to_string(list, chr(31)));

CREATE OR REPLACE MACRO ls_mentions_in_folded(f) AS
  ls_mention_items(array_to_string(regexp_extract_all(coalesce(f, ''),
    '(?:^|[^\p{L}\p{N}_])@([a-z0-9_]{1,50})', 1), chr(31)));

CREATE OR REPLACE MACRO ls_mentions_in_text(s) AS ls_mentions_in_folded(ls_fold(ls_strip_urls(s)));

CREATE OR REPLACE MACRO ls_url_parts(raw) AS
  regexp_extract(regexp_replace(trim(raw), '[.,;:!?…\x{27}")»]+$', ''),
    '^([A-Za-z][A-Za-z0-9+.-]*)://(?:[^/?#@]*@)?([^/?#]*)([^?#]*)(?:\?([^#]*))?', ['scheme', 'host', 'path', 'query']);

CREATE OR REPLACE MACRO ls_url_query(q) AS
  CASE WHEN q = '' THEN '' ELSE coalesce('?' || nullif(array_to_string(list_sort(list_filter(string_split(q, '&'),
    x -> x <> '' AND NOT regexp_matches(lower(x), '${TRACKING_PARAM}'))), '&'), ''), '') END;

-- A web link's host needs a dot (or is an IPv6 literal): 'https://w' and 'http://media.' are links cut
-- short in the text they came from, not sites. Other schemes keep theirs (coortweet://domain-3498/...).
CREATE OR REPLACE MACRO ls_url_join(p) AS
  CASE WHEN p.host <> '' AND regexp_replace(rtrim(lower(p.host), '.'), '^www\d*\.|:(80|443)$', '', 'g') <> ''
    AND (lower(p.scheme) NOT IN ('http', 'https') OR contains(rtrim(p.host, '.'), '.') OR starts_with(p.host, '['))
  THEN
    CASE WHEN lower(p.scheme) IN ('http', 'https') THEN 'https' ELSE lower(p.scheme) END || '://'
    || regexp_replace(rtrim(lower(p.host), '.'), '^www\d*\.|:(80|443)$', '', 'g')
    || rtrim(p.path, '/') || ls_url_query(p.query)
  END;

CREATE OR REPLACE MACRO ls_urls(list) AS
  list_sort(list_distinct(list_filter(list_transform(list_transform(list, u -> ls_url_parts(u)), p -> ls_url_join(p)),
    x -> x IS NOT NULL)));

CREATE OR REPLACE MACRO ls_url(raw) AS ls_urls([raw])[1];

-- A link that ends in an ellipsis was cut where the text was (a retweet's 140 characters, 'https://t.c…'):
-- what is left names neither the link nor, often, its site, so it is not taken for one.
CREATE OR REPLACE MACRO ls_urls_in_text(s) AS ls_urls(list_filter(
  regexp_extract_all(coalesce(s, ''), '${URL_IN_TEXT}'), u -> NOT regexp_matches(u, '\x{2026}[.,;:!?)»]*$')));

CREATE OR REPLACE MACRO ls_domains(urls) AS
  list_sort(list_distinct(list_transform(urls, x -> regexp_extract(x, '^[a-z][a-z0-9+.-]*://([^/?#]+)', 1))));

-- A time as the formats write it, to UTC: epoch seconds or milliseconds, ISO 8601 with or without a zone
-- (none means UTC), 'YYYY-MM-DD HH:MM' (IO archive), 'Tue Dec 08 18:54:01 +0000 2009' (API v1.1).
-- The exact IO archive and plain SQL forms are tried first: coalesce stops at the first that reads.
CREATE OR REPLACE MACRO ls_time(s) AS coalesce(
  try_strptime(s, '%Y-%m-%d %H:%M'), try_strptime(s, '%Y-%m-%d %H:%M:%S'), try_strptime(s, '%Y-%m-%d'),
  CASE
    WHEN s IS NULL OR trim(s) = '' THEN NULL
    WHEN regexp_full_match(trim(s), '-?\d{1,11}(\.\d+)?') THEN try_cast(make_timestamp(CAST(trim(s)::DOUBLE * 1e6 AS BIGINT)) AS TIMESTAMP)
    WHEN regexp_full_match(trim(s), '\d{12,14}') THEN make_timestamp(trim(s)::BIGINT * 1000)
    ELSE coalesce(
      try_cast(try_cast(trim(s) AS TIMESTAMPTZ) AS TIMESTAMP),
      try_cast(try_strptime(trim(s), '%a %b %d %H:%M:%S %z %Y') AS TIMESTAMP),
      try_strptime(trim(s), ['%Y-%m-%d %H:%M', '%Y-%m-%dT%H:%M', '%m/%d/%Y %H:%M:%S', '%m/%d/%Y %H:%M', '%d.%m.%Y %H:%M:%S', '%d.%m.%Y %H:%M']))
  END);

-- The same, reading a time written without a zone as local time in tz (NULL tz: UTC).
CREATE OR REPLACE MACRO ls_time_in(s, tz) AS
  CASE WHEN tz IS NULL OR regexp_matches(trim(s), '([Zz]|[+-]\d\d:?\d\d)$|^-?\d+(\.\d+)?$| [+-]\d{4} ')
    THEN ls_time(s) ELSE try_cast(timezone(tz, ls_time(s)) AS TIMESTAMP) END;

-- A cell holding a Python-style or JSON-style list, '[a, b]' or "['a', 'b']" or '["a"]'; [] when empty.
-- Quoted items are taken whole, so a URL with a comma in it stays one item (Python writes an item that
-- holds an apostrophe in double quotes); unquoted lists are split on commas. c is referenced several
-- times: pass a column. The two common forms, "['a', 'b']" and '[1, 2]' with no item that trim would
-- change, are split without lambdas (three times cheaper); everything else takes the general path.
CREATE OR REPLACE MACRO ls_list_cell(c) AS
  CASE WHEN c = '[]' THEN []::VARCHAR[]
  WHEN regexp_full_match(c, '\[''${LIST_ITEM}''(?:, ''${LIST_ITEM}'')*\]') THEN string_split(c[3:-3], ''', ''')
  WHEN regexp_full_match(c, '\[\d+(?:, \d+)*\]') THEN string_split(c[2:-2], ', ')
  WHEN c IS NULL OR trim(c) IN ('', '[]') THEN []::VARCHAR[]
  WHEN regexp_matches(trim(c), '^\[\s*[''"]') THEN
    list_filter(list_transform(regexp_extract_all(trim(c), '''[^'']*''|"[^"]*"'), x -> trim(x[2:-2])), x -> x <> '')
  ELSE list_filter(list_transform(string_split(regexp_replace(trim(c), '^\[|\]$', '', 'g'), ','),
    x -> trim(trim(x), '''"')), x -> x <> '') END;
`;

const installed = new WeakSet<Store>();

/** Installs the ls_* macros and the NFKC function on a store's connection (once per store). */
export async function installNormalizers(store: Store): Promise<void> {
  if (installed.has(store)) return;
  store.con.registerScalarFunction(
    DuckDBScalarFunction.create({
      name: 'ls_nfkc_map',
      returnType: VARCHAR,
      parameterTypes: [VARCHAR],
      mainFunction: (_info, input, output) => {
        const source = input.getColumnVector(0) as DuckDBVarCharVector;
        const target = output as DuckDBVarCharVector;
        for (let i = 0; i < input.rowCount; i++) {
          const value = source.getItem(i);
          target.setItem(i, value === null ? null : nfkcMap(value));
        }
        target.flush();
      },
    }),
  );
  await store.run(MACROS);
  installed.add(store);
}
