// Golden outputs: the normalised posts and accounts (and the ingest report) of whole fixture loads,
// compared with JSON files in test/golden/. Any change to what ingest produces shows up as a diff there.
// To accept a deliberate change, regenerate them and review the diff:
//   UPDATE_GOLDEN=1 node --import tsx --test test/ingest/golden.test.ts
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import type { LoadOptions } from '../../src/normalize/index.js';
import { accounts, fixture, load, posts } from './_helpers.js';

const GOLDEN = resolve(import.meta.dirname, '../golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const CASES: { name: string; files: string[]; options?: LoadOptions }[] = [
  { name: 'io-archive', files: [fixture('io-archive', 'tweets.csv'), fixture('io-archive', 'users.csv')] },
  { name: 'twitter-v2-pages', files: [fixture('twitter-v2', 'pages.jsonl')] },
  {
    name: 'telegram',
    files: [fixture('telegram', 'result.json'), fixture('telegram', 'full-export.json')],
  },
  { name: 'ira538', files: [fixture('generic', 'ira538.csv')] },
];

/**
 * Everything a load produced, made deterministic: rows ordered by (platform, id), times as ISO strings,
 * bigints as numbers; report files named without their folder and without timings.
 */
async function snapshot(files: string[], options: LoadOptions = {}): Promise<unknown> {
  const { store, report } = await load(files, options);
  return JSON.parse(
    JSON.stringify({
      report: report.files.map(({ seconds: _seconds, ...f }) => ({ ...f, file: basename(f.file) })),
      totals: report.totals,
      posts: await posts(store),
      accounts: await accounts(store),
    }),
  );
}

describe('golden outputs', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const actual = await snapshot(c.files, c.options);
      const path = join(GOLDEN, `${c.name}.json`);
      if (UPDATE) {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(path, `${JSON.stringify(actual, null, 2)}\n`);
        return;
      }
      assert.ok(existsSync(path), `${path} is missing; run with UPDATE_GOLDEN=1 to create it`);
      assert.deepEqual(actual, JSON.parse(readFileSync(path, 'utf8')));
    });
  }

  it('is the same on a second load (nothing depends on timing or hashing order)', async () => {
    const c = CASES[0];
    assert.ok(c);
    assert.deepEqual(await snapshot(c.files), await snapshot(c.files));
  });
});
