// Format detection from a file's first bytes: JSON family by the keys of its first value, CSV by its
// header. A file that is none of the known formats gets an error naming it and saying what was expected.
import { readCsvHeader } from './_csv.js';
import { chooseEncoding, decodeHead } from './_decode.js';
import { InputError, readHead } from './_files.js';
import { IO_TWEETS_REQUIRED, IO_USERS_REQUIRED } from './io-archive.js';
import { findPreset, PRESETS } from './presets.js';
import type { InputFile } from './raw.js';
import { SCRAPER_KEYS } from './scraper-json.js';

export type FormatName =
  | 'io-archive-tweets'
  | 'io-archive-users'
  | 'twitter-v2'
  | 'twitter-v1'
  | 'telegram-export'
  | 'telegram-messages'
  | 'scraper-json'
  | 'csv';

export const FORMAT_DESCRIPTIONS: Record<FormatName, string> = {
  'io-archive-tweets': 'Twitter/X Information Operations archive, tweets file (CSV)',
  'io-archive-users': 'Twitter/X Information Operations archive, users file (CSV)',
  'twitter-v2': 'Twitter API v2 JSON or JSONL (response pages or tweets)',
  'twitter-v1': 'Twitter API v1.1 JSONL (tweet objects)',
  'telegram-export': 'Telegram Desktop export result.json (one chat or full export)',
  'telegram-messages': 'Telegram channel message arrays ({message_id, sender_id, text, date, channel})',
  'scraper-json': 'Twitter scraper JSON (array of {ID, Text, Hashtags, Timestamp, UserID, Username})',
  csv: 'CSV with a column mapping (--map) or a preset (--preset)',
};

export type Detection =
  | { format: 'io-archive-tweets' | 'io-archive-users'; header: string[] }
  | { format: 'csv'; header: string[]; preset: string | null }
  | { format: 'twitter-v2'; layout: 'document' | 'lines' }
  | { format: 'twitter-v1' }
  | { format: 'telegram-export'; full: boolean }
  | { format: 'telegram-messages' }
  | { format: 'scraper-json' };

export interface DetectOptions {
  /** Forces the generic CSV reader with this preset. */
  preset?: string | undefined;
  /** A user mapping was given: CSV files that are not a known layout use it. */
  hasMapping?: boolean;
  /** --encoding (a WHATWG label); without it UTF-8, or UTF-16 when the file starts with its mark. */
  encoding?: string | null | undefined;
  /** --delimiter; without it the header line's. */
  delimiter?: string | null | undefined;
}

const EXPECTED =
  'expected one of: IO archive tweets/users CSV, Twitter API v1.1 or v2 JSON/JSONL, Telegram export JSON, ' +
  'scraper JSON, or a CSV with --map/--preset';

export async function detectFormat(file: InputFile, options: DetectOptions = {}): Promise<Detection> {
  if (file.bytes === 0) throw new InputError(`${file.name}: the file is empty; ${EXPECTED}`);
  const head = await readHead(file);
  const text = decodeHead(head, chooseEncoding(head, options.encoding ?? null)).trimStart();
  if (text === '') throw new InputError(`${file.name}: the file holds only blank space; ${EXPECTED}`);
  if (text.startsWith('{') || text.startsWith('[')) return detectJson(file, text);
  // JSON Lines whose first byte is damaged: the next line is a whole object or array.
  const second = text.split('\n').find((l, k) => k > 0 && l.trim() !== '');
  if (second !== undefined && /^\s*[{[]/.test(second) && parsedLines(text).length > 0)
    return detectJson(file, text);
  const { header } = await readCsvHeader(file, {
    encoding: options.encoding ?? null,
    delimiter: options.delimiter ?? null,
  });
  if (options.preset !== undefined) {
    if (findPreset(options.preset) === undefined) {
      throw new InputError(
        `unknown preset "${options.preset}"; presets: ${PRESETS.map((p) => p.name).join(', ')}`,
      );
    }
    return { format: 'csv', header, preset: options.preset };
  }
  if (IO_TWEETS_REQUIRED.every((c) => header.includes(c))) return { format: 'io-archive-tweets', header };
  if (IO_USERS_REQUIRED.every((c) => header.includes(c))) return { format: 'io-archive-users', header };
  if (options.hasMapping) return { format: 'csv', header, preset: null };
  const preset = PRESETS.find((p) => p.matches(header));
  if (preset) return { format: 'csv', header, preset: preset.name };
  if (header.length < 2)
    throw new InputError(`${file.name}: not CSV or JSON that lockstep reads; ${EXPECTED}`);
  throw new InputError(
    `${file.name}: CSV with columns ${header.slice(0, 12).join(', ')}${header.length > 12 ? ', ...' : ''} ` +
      'is not a layout lockstep knows; give a column mapping, e.g. --map account=COLUMN,time=COLUMN,text=COLUMN',
  );
}

function detectJson(file: InputFile, text: string): Detection {
  const first = firstValue(text);
  const lines = isJsonLines(text);
  try {
    return detectOne(file, first, lines);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    // A first record whose keys were damaged (still JSON): the next lines or elements say what the file is.
    const later = lines
      ? parsedLines(text)
      : text.startsWith('[')
        ? laterElements(text.slice(1)).map((e) => [e])
        : [];
    for (const value of later) {
      try {
        return detectOne(file, value, lines);
      } catch {
        // the next line
      }
    }
    throw err;
  }
}

function detectOne(file: InputFile, first: unknown, lines: boolean): Detection {
  const sample = Array.isArray(first) ? first[0] : first;
  if (!isObject(sample)) {
    throw new InputError(`${file.name}: JSON whose first value is not an object; ${EXPECTED}`);
  }
  const keys = new Set(Object.keys(sample));
  if (!lines && !Array.isArray(first)) {
    const list = (v: unknown) => isObject(v) && Array.isArray((v as Record<string, unknown>).list);
    if (list(sample.chats) || list(sample.left_chats)) return { format: 'telegram-export', full: true };
    if (keys.has('messages') && (keys.has('type') || keys.has('name')))
      return { format: 'telegram-export', full: false };
  }
  if (keys.has('data') || keys.has('includes'))
    return { format: 'twitter-v2', layout: lines ? 'lines' : 'document' };
  if (SCRAPER_KEYS.every((k) => keys.has(k))) return { format: 'scraper-json' };
  if (keys.has('message_id') && (keys.has('sender_id') || keys.has('channel')))
    return { format: 'telegram-messages' };
  if (keys.has('user') && keys.has('created_at') && (keys.has('id_str') || keys.has('id'))) {
    return { format: 'twitter-v1' };
  }
  if (keys.has('author_id') && keys.has('text') && keys.has('id')) {
    return { format: 'twitter-v2', layout: lines ? 'lines' : 'document' };
  }
  throw new InputError(
    `${file.name}: JSON with keys ${[...keys].slice(0, 12).join(', ')} is not a format lockstep knows; ${EXPECTED}`,
  );
}

/** Lines tried when the first of a JSON Lines file is damaged (one damaged record must not hide the format). */
const LINES_TRIED = 5;

/**
 * The first JSON value of the head: the whole head, its first line, or the first array element. A damaged
 * first record is passed over: the next of the first lines that parses, or the next array element.
 */
function firstValue(text: string): unknown {
  const firstLine = text.split('\n', 1)[0] ?? '';
  for (const candidate of [firstLine, text]) {
    try {
      return JSON.parse(candidate);
    } catch {
      // a head cut mid-document: fall through to a bounded scan
    }
  }
  const line = parsedLines(text)[0];
  if (line !== undefined) return line;
  const inner = text.startsWith('[') ? text.slice(1) : text;
  // A damaged first element: the next one (a '{' after a comma or a line start) that parses.
  const element = scanFirstObject(inner, inner.indexOf('{')) ?? laterElements(inner)[0];
  if (element === undefined) return undefined;
  return text.startsWith('[') ? [element] : element;
}

/** Elements after the first that parse (a '{' after a comma or a line start), for a damaged first one. */
function laterElements(inner: string, most = 5): unknown[] {
  const found: unknown[] = [];
  for (let at = inner.indexOf('{', 1), tries = 0; at > 0 && tries < 100 && found.length < most; tries++) {
    if (/(^|[,\n])\s*$/.test(inner.slice(Math.max(0, at - 16), at))) {
      const element = scanFirstObject(inner, at, false);
      if (element !== undefined) found.push(element);
    }
    at = inner.indexOf('{', at + 1);
  }
  return found;
}

/** The first lines of the head that parse as an object or array (JSON Lines whose first line is damaged). */
function parsedLines(text: string): unknown[] {
  const values: unknown[] = [];
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  for (const l of lines.slice(0, LINES_TRIED)) {
    try {
      const value: unknown = JSON.parse(l);
      if (typeof value === 'object' && value !== null) values.push(value);
    } catch {
      // damaged, cut by the head, or a line of a pretty-printed document
    }
  }
  return values;
}

/**
 * The complete {...} object starting at `start`, found by brace depth outside strings; undefined when it
 * does not parse. `partial`: a truncated object (the head of one huge document) gives its keys so far.
 */
function scanFirstObject(text: string, start: number, partial = true): unknown {
  if (start < 0) return undefined;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) {
      try {
        return JSON.parse(text.slice(start, i + 1));
      } catch {
        // Damaged: a document's keys before the damage still say what it is (a Telegram export).
        return partial && start === 0 ? knownKeys(text) : undefined;
      }
    }
  }
  // Truncated (one huge object, such as a Telegram export): parse its keys so far.
  return partial ? partialKeys(text.slice(start)) : undefined;
}

/** The keys of a damaged document when they name a Telegram export, else undefined. */
function knownKeys(text: string): unknown {
  const keys = partialKeys(text);
  return 'messages' in keys || 'chats' in keys || 'left_chats' in keys ? keys : undefined;
}

/** Top-level keys of a truncated object, enough to recognise it. */
function partialKeys(text: string): Record<string, unknown> {
  const keys: Record<string, unknown> = {};
  let depth = 0;
  let inString = false;
  let token = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') {
        inString = false;
        if (
          depth === 1 &&
          text
            .slice(i + 1)
            .trimStart()
            .startsWith(':')
        )
          keys[token] = true;
      } else token += ch;
    } else if (ch === '"') {
      inString = true;
      token = '';
    } else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
  }
  if (keys.chats) keys.chats = { list: [] };
  if (keys.left_chats) keys.left_chats = { list: [] };
  return keys;
}

/**
 * Two or more lines whose first is a complete JSON value: JSON Lines. A damaged first line counts when
 * one of the next lines is a complete object or array.
 */
function isJsonLines(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length < 2) return false;
  try {
    JSON.parse(lines[0] ?? '');
    return true;
  } catch {
    // Not a pretty-printed document's opening line ('{', '[', '[{'): a damaged record of its own.
    return (lines[0] ?? '').trim().length > 2 && parsedLines(text).length > 0;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
