// The generator's contract: same seed, same bytes; the IO archive layout the ingest stage reads; every
// planted network and organic burst present in the truth file, even at a few thousand posts.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  GENERATE_DEFAULTS,
  generateDataset,
  NETWORK_NAMES,
  ORGANIC_BURSTS,
  TWEET_COLUMNS,
  USER_COLUMNS,
} from './index.js';

/** RFC 4180 records: fields in double quotes may hold commas, newlines and doubled quotes. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  assert.equal(quoted, false, 'file ends inside a quoted field');
  assert.equal(field === '' && record.length === 0, true, 'file does not end with a newline');
  return records;
}

/** A Python-list cell as the archive writes it: `[]`, `['a', 'b']` or `[1, 2]`. */
function parseList(cell: string): string[] {
  assert.match(cell, /^\[(('[^',]+'|\d+)(, ('[^',]+'|\d+))*)?\]$/, `not a list cell: ${cell}`);
  return cell === '[]'
    ? []
    : cell
        .slice(1, -1)
        .split(', ')
        .map((item) => item.replace(/^'|'$/g, ''));
}

const FILES = ['tweets.csv', 'users.csv', 'truth.csv'];

describe('generateDataset', () => {
  let dir = '';
  const read = (run: string, file: string) => readFile(join(dir, run, file), 'utf8');

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lockstep-generate-'));
    await generateDataset({ posts: 5000, seed: 7, outDir: join(dir, 'a') });
    await generateDataset({ posts: 5000, seed: 7, outDir: join(dir, 'b') });
    await generateDataset({ posts: 5000, seed: 8, outDir: join(dir, 'c') });
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('writes byte-identical files for the same seed and different ones for another seed', async () => {
    for (const file of FILES) {
      const a = await readFile(join(dir, 'a', file));
      assert.ok(a.equals(await readFile(join(dir, 'b', file))), `${file} differs between runs`);
      assert.ok(!a.equals(await readFile(join(dir, 'c', file))), `${file} ignores the seed`);
    }
  });

  it('writes exactly the requested posts in the IO archive tweet layout', async () => {
    const [header, ...rows] = parseCsv(await read('a', 'tweets.csv'));
    assert.deepEqual(header, [...TWEET_COLUMNS]);
    assert.equal(rows.length, 5000);
    const col = (name: string) => TWEET_COLUMNS.indexOf(name as (typeof TWEET_COLUMNS)[number]);
    const ids = new Set<string>();
    for (const row of rows) {
      assert.equal(row.length, 31);
      const id = row[col('tweetid')] as string;
      assert.match(id, /^\d{18,19}$/);
      assert.ok(!ids.has(id), `duplicate tweetid ${id}`);
      ids.add(id);
      assert.match(row[col('tweet_time')] as string, /^\d{4}-\d\d-\d\d \d\d:\d\d$/);
      assert.match(row[col('account_creation_date')] as string, /^\d{4}-\d\d-\d\d$/);
      assert.ok(['true', 'false'].includes(row[col('is_retweet')] as string));
      for (const name of ['hashtags', 'urls', 'user_mentions']) parseList(row[col(name)] as string);
      const text = row[col('tweet_text')] as string;
      for (const tag of parseList(row[col('hashtags')] as string)) assert.ok(text.includes(`#${tag}`), tag);
      if (row[col('is_retweet')] === 'true') {
        assert.match(text, /^RT @\w+: /);
        assert.ok(ids.has(row[col('retweet_tweetid')] as string), 'a retweet refers to an earlier row');
      }
      const replyTo = row[col('in_reply_to_tweetid')] as string;
      if (replyTo !== '') assert.ok(ids.has(replyTo), 'a reply refers to an earlier row');
    }
  });

  it('lists every posting account in users.csv and truth.csv, with every network and burst', async () => {
    const tweets = parseCsv(await read('a', 'tweets.csv')).slice(1);
    const [userHeader, ...users] = parseCsv(await read('a', 'users.csv'));
    assert.deepEqual(userHeader, [...USER_COLUMNS]);
    const userIds = new Set(users.map((u) => u[0]));
    assert.equal(userIds.size, users.length);
    for (const row of tweets) assert.ok(userIds.has(row[1]), `no user row for ${row[1]}`);

    const [truthHeader, ...truth] = parseCsv(await read('a', 'truth.csv'));
    assert.deepEqual(truthHeader, ['account', 'network', 'network_name', 'organic_burst']);
    assert.deepEqual(new Set(truth.map((t) => t[0])), userIds);
    const networks = new Map<string, number>();
    const bursts = new Set<string>();
    for (const [, network, name, labels] of truth) {
      networks.set(`${network}:${name}`, (networks.get(`${network}:${name}`) ?? 0) + 1);
      if (network !== '0') assert.equal(labels, '', 'network accounts carry no organic burst');
      for (const label of (labels as string).split(';')) if (label !== '') bursts.add(label);
    }
    assert.ok(networks.has('0:'));
    for (const [i, name] of NETWORK_NAMES.entries()) {
      assert.ok((networks.get(`${i + 1}:${name}`) ?? 0) >= 8, name);
    }
    assert.deepEqual([...bursts].sort(), [...ORGANIC_BURSTS].sort());
  });

  it('rejects sizes too small to hold every component', async () => {
    await assert.rejects(
      generateDataset({ posts: GENERATE_DEFAULTS.minPosts - 1, seed: 1, outDir: join(dir, 'small') }),
      RangeError,
    );
  });
});
