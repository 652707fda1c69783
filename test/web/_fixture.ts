// A run folder for the web UI's tests: a generated dataset (20,000 posts, seed 7) with one planted account's
// id replaced by a hostile string (markup, quotes, Persian) in both files and its handle by a spoof written
// with RIGHT-TO-LEFT OVERRIDE, analysed as `lockstep analyze` does (run folder + store). The hostile key must
// come through the UI as data, never as markup, and the handle with its override shown as a mark.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDataset } from '@lockstep/generate';
import { describeNetworks, detectNetworks } from '../../src/networks/index.js';
import { loadFiles } from '../../src/normalize/index.js';
import { parseCsv } from '../../src/report/html/index.js';
import { writeRunFolder } from '../../src/report/index.js';
import { Store } from '../../src/store/index.js';

export const HOSTILE_KEY = `<script>alert(1)</script>"'کاربر`;
/** Reads "google.com" where the override is obeyed. */
export const SPOOF_HANDLE = '\u202Emoc.elgoog';

const toCsvLine = (cells: string[]) => cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(',');

function setHandle(file: string, key: string, handle: string): void {
  const [head, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  assert.ok(head);
  const [id, name] = [head.indexOf('userid'), head.indexOf('user_screen_name')];
  for (const r of rows) if (r[id] === key) r[name] = handle;
  writeFileSync(file, `${[head, ...rows].map(toCsvLine).join('\n')}\n`);
}

function renameAccount(file: string, columns: string[], from: string, to: string): void {
  const [head, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  assert.ok(head);
  const idx = columns.map((c) => head.indexOf(c)).filter((i) => i >= 0);
  for (const r of rows) for (const i of idx) if (r[i] === from) r[i] = to;
  writeFileSync(file, `${[head, ...rows].map(toCsvLine).join('\n')}\n`);
}

/** Writes the run folder to `dir` (store at dir/lockstep.duckdb). */
export async function makeRunFolder(work: string, dir: string): Promise<void> {
  const g = await generateDataset({ posts: 20_000, seed: 7, outDir: join(work, 'data') });
  const planted = parseCsv(readFileSync(g.files.truth, 'utf8'))
    .slice(1)
    .find((r) => r[1] !== '0')?.[0];
  assert.ok(planted, 'the generated data has a planted account');
  renameAccount(g.files.tweets, ['userid', 'retweet_userid', 'in_reply_to_userid'], planted, HOSTILE_KEY);
  renameAccount(g.files.users, ['userid'], planted, HOSTILE_KEY);
  setHandle(g.files.users, HOSTILE_KEY, SPOOF_HANDLE);
  mkdirSync(dir, { recursive: true });
  const store = await Store.open(join(dir, 'lockstep.duckdb'));
  try {
    const ingest = await loadFiles(store, [g.files.tweets, g.files.users]);
    const detection = await detectNetworks(store);
    const networks = await describeNetworks(store, detection);
    await writeRunFolder(dir, { store, detection, networks, ingest, timings: {}, inputs: [] });
  } finally {
    store.close();
  }
}
