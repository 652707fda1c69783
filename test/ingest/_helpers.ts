// Shared by the ingest tests: fixture paths, temporary files, in-memory stores that close after the file's
// tests, and the posts/accounts tables read back as plain JSON values (ISO times, numbers, no bigints).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after } from 'node:test';
import type { FileReport, IngestReport, LoadOptions, RejectionGroup } from '../../src/normalize/index.js';
import { loadFiles } from '../../src/normalize/index.js';
import { Store } from '../../src/store/index.js';

export const FIXTURES = resolve(import.meta.dirname, '../fixtures');

export function fixture(...parts: string[]): string {
  return join(FIXTURES, ...parts);
}

const stores: Store[] = [];
let temp: string | undefined;
after(() => {
  for (const s of stores) s.close();
  if (temp !== undefined) rmSync(temp, { recursive: true, force: true });
});

/** Writes a file into this test file's temporary folder (removed after its tests) and returns its path. */
export function tempFile(name: string, content: string | Uint8Array): string {
  temp ??= mkdtempSync(join(tmpdir(), 'lockstep-test-'));
  const path = join(temp, name);
  writeFileSync(path, content);
  return path;
}

export async function openStore(): Promise<Store> {
  const store = await Store.open(':memory:');
  stores.push(store);
  return store;
}

/** Loads files into a fresh in-memory store. */
export async function load(
  paths: string[],
  options: LoadOptions = {},
): Promise<{ store: Store; report: IngestReport }> {
  const store = await openStore();
  const report = await loadFiles(store, paths, options);
  return { store, report };
}

export interface PostRow {
  platform: string;
  id: string;
  account: string;
  time: string | null;
  kind: string;
  text: string | null;
  text_norm: string | null;
  lang: string | null;
  hashtags: string[];
  urls: string[];
  domains: string[];
  mentions: string[];
  repost_of: string | null;
  repost_of_account: string | null;
  reply_to: string | null;
  reply_to_account: string | null;
  quote_of: string | null;
  client: string | null;
  file_id: number;
  record: number;
}

export interface AccountRow {
  platform: string;
  id: string;
  handle: string | null;
  name: string | null;
  created: string | null;
  followers: number | null;
  following: number | null;
  lang: string | null;
  file_id: number;
}

/** A row with timestamps as ISO strings and bigints as numbers, so it compares and serialises plainly. */
function plain(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (value instanceof Date) out[key] = value.toISOString();
    else if (typeof value === 'bigint') out[key] = Number(value);
    else out[key] = value;
  }
  return out;
}

export async function posts(store: Store): Promise<PostRow[]> {
  const rows = await store.all('SELECT * FROM posts ORDER BY platform, id');
  return rows.map((r) => plain(r) as unknown as PostRow);
}

export async function accounts(store: Store): Promise<AccountRow[]> {
  const rows = await store.all('SELECT * FROM accounts ORDER BY platform, id');
  return rows.map((r) => plain(r) as unknown as AccountRow);
}

/** Rows keyed by id; fails the test if an id is asked for that is not there. */
export function byId<T extends { id: string }>(rows: T[]): (id: string) => T {
  const map = new Map(rows.map((r) => [r.id, r]));
  return (id) => {
    const row = map.get(id);
    assert.ok(row, `no row with id ${id}; ids: ${[...map.keys()].join(', ')}`);
    return row;
  };
}

/** The report of the n-th file (0-based). */
export function fileReport(report: IngestReport, n = 0): FileReport {
  const f = report.files[n];
  assert.ok(f, `no report for file ${n}`);
  return f;
}

/** The rejection group with this reason. */
export function rejected(file: FileReport, reason: string): RejectionGroup {
  const group = file.rejections.find((g) => g.reason === reason);
  assert.ok(
    group,
    `no rejections "${reason}" in ${file.file}; found: ${file.rejections.map((g) => g.reason)}`,
  );
  return group;
}

/** Reasons and counts of a file's rejections, sorted by reason. */
export function reasons(file: FileReport): [string, number][] {
  return file.rejections
    .map((g) => [g.reason, g.count] as [string, number])
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
}
