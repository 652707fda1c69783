// The same posts must give the same networks whatever the layout they come in. The blind generator
// (bench/blind) writes one dataset both as an Information Operations archive (times to the minute) and as
// Twitter API v2 JSONL (times to the second); detection on the two stores must report the same networks.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { detectNetworks } from '../../src/networks/index.js';
import { loadFiles } from '../../src/normalize/index.js';
import { Store } from '../../src/store/index.js';
import { accountNames } from '../signals/_fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'lockstep-layouts-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The reported networks of one layout's files, as sorted lists of account ids, sorted. */
async function networksOf(files: string[]): Promise<string[][]> {
  const store = await Store.open(':memory:');
  await loadFiles(store, files);
  const detection = await detectNetworks(store, {});
  const names = await accountNames(store);
  store.close();
  return detection.candidates
    .filter((c) => c.beyondChance)
    .map((c) => c.members.map((aid) => names.get(aid) ?? '').sort())
    .sort((x, y) => (x[0] ?? '').localeCompare(y[0] ?? ''));
}

describe('one dataset in two layouts', () => {
  it('gives the same networks from the IO archive (minutes) and API v2 JSONL (seconds)', async () => {
    const generate = resolve(import.meta.dirname, '../../bench/blind/generate.ts');
    execFileSync(
      'node',
      ['--import', 'tsx', generate, '--posts', '20000', '--seed', '4', '--out', dir].concat([
        '--layout',
        'both',
      ]),
      { stdio: 'ignore' },
    );
    const io = await networksOf([join(dir, 'tweets.csv'), join(dir, 'users.csv')]);
    const v2 = await networksOf([join(dir, 'tweets.jsonl')]);
    // Enough networks to compare (the scenario plants about 120 coordinated accounts at 20k posts).
    assert.ok(io.flat().length >= 80, `accounts in networks: ${io.flat().length}`);
    assert.deepEqual(v2, io);
  });
});
