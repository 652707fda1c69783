// Loads every folder of ../shared/data/real/ that holds social-media posts and checks the counts its
// SOURCE.md states. Skipped, with a message, when ../shared is absent (a user's fresh clone).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { type IngestReport, loadFiles } from '../../src/normalize/index.js';
import { Store } from '../../src/store/index.js';

const REAL = resolve(import.meta.dirname, '../../../shared/data/real');
const present = existsSync(REAL);
const skip = present ? false : `real data not found at ${REAL} (it sits beside the repository in CI)`;

const stores: Store[] = [];
after(() => {
  for (const s of stores) s.close();
});

async function load(files: string[], options: Parameters<typeof loadFiles>[2] = {}) {
  const store = await Store.open();
  stores.push(store);
  const report: IngestReport = await loadFiles(
    store,
    files.map((f) => join(REAL, f)),
    options,
  );
  const q = async (sql: string) => {
    const row = await store.one(sql);
    return Object.fromEntries(
      Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]),
    );
  };
  return { store, report, q };
}

describe('real data', { skip }, () => {
  it('twitter-io-archive-sample: 407 complete records of 86 users, the truncated last record rejected', async () => {
    const { report, q } = await load(['twitter-io-archive-sample/ira_2018_10_tweets_hashed_sample.csv']);
    const f = report.files[0];
    assert.equal(f?.format, 'io-archive-tweets');
    assert.equal(f?.rowsRead, 408);
    assert.equal(f?.rowsLoaded, 407);
    assert.equal(f?.rowsRejected, 1);
    assert.match(f?.rejections[0]?.reason ?? '', /quote|fields/);
    assert.deepEqual(
      await q(`SELECT count(DISTINCT account) AS users, strftime(min(time), '%Y-%m-%d') AS t0,
      strftime(max(time), '%Y-%m-%d') AS t1 FROM posts`),
      { users: 86, t0: '2011-08-07', t1: '2018-11-02' },
    );
  });

  it('twitter-io-archive-sample with a bare CR inside every third quoted text: the same 407 records, CRs kept', async () => {
    // Issue 16: a bare CR inside quoted cells (valid CSV) lost rows. The real file, with a CR put after the
    // first space of every third complete record's text.
    const path = join(REAL, 'twitter-io-archive-sample/ira_2018_10_tweets_hashed_sample.csv');
    const original = await load(['twitter-io-archive-sample/ira_2018_10_tweets_hashed_sample.csv']);
    const texts = await original.store.all<{ id: string; text: string }>('SELECT id, text FROM posts');
    // The records and their cells, split here at commas and line ends outside quotes (every cell is quoted).
    const records: string[][] = [[]];
    const raw = readFileSync(path, 'utf8');
    let quoted = false;
    let cell = 0;
    for (let i = 0; i <= raw.length; i++) {
      const c = raw[i];
      if (c === '"') quoted = !quoted;
      else if (!quoted && (c === ',' || c === '\n' || c === undefined)) {
        (records[records.length - 1] as string[]).push(raw.slice(cell, i));
        if (c === '\n') records.push([]);
        cell = i + 1;
      }
    }
    let k = 0;
    const withCr = records
      .map((cells, r) => {
        const text = cells[12];
        if (r === 0 || cells.length !== 31 || text === undefined || !text.includes(' '))
          return cells.join(',');
        if (k++ % 3 === 0) cells[12] = text.replace(' ', ' \r');
        return cells.join(',');
      })
      .join('\n');
    const dir = mkdtempSync(join(tmpdir(), 'lockstep-real-cr-'));
    try {
      const file = join(dir, 'tweets-cr.csv');
      writeFileSync(file, withCr);
      const store = await Store.open();
      stores.push(store);
      const f = (await loadFiles(store, [file])).files[0];
      assert.deepEqual([f?.rowsRead, f?.rowsLoaded, f?.rowsRejected], [408, 407, 1]);
      const after = new Map(
        (await store.all<{ id: string; text: string }>('SELECT id, text FROM posts')).map((r) => [
          r.id,
          r.text,
        ]),
      );
      const changed = texts.filter((t) => after.get(t.id) !== t.text);
      assert.ok(k > 300, `a CR went into ${k} texts' first space`);
      assert.equal(changed.length, Math.ceil(k / 3));
      assert.ok(changed.every((t) => after.get(t.id) === t.text.replace(' ', ' \r')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('bloc-raw-tweet-samples: 291 + 1,200 tweets of two accounts from gzip JSONL (API v1.1)', async () => {
    const { report, q } = await load(['bloc-raw-tweet-samples/timelines_jesus_and_storygraphbot.jsonl.gz']);
    assert.equal(report.files[0]?.format, 'twitter-v1');
    assert.deepEqual(
      await q(`SELECT count(*) FILTER (WHERE a.handle = 'jesus') AS jesus,
      count(*) FILTER (WHERE a.handle = 'storygraphbot') AS bot, strftime(min(time), '%Y-%m-%d') AS t0
      FROM posts p JOIN accounts a ON a.id = p.account`),
      { jesus: 291, bot: 1200, t0: '2009-12-08' },
    );
  });

  it('coortweet-russian-coord: 35,125 retweet rows of 9,509 accounts on 7,285 objects (top: 1,053 shares)', async () => {
    const { report, q } = await load(['coortweet-russian-coord/russian_coord_tweets.csv']);
    const f = report.files[0];
    assert.equal(f?.format, 'csv:coortweet');
    assert.equal(f?.rowsRead, 35125);
    // One row in the file repeats another exactly (same share of the same object).
    assert.equal(f?.rowsLoaded, 35124);
    assert.deepEqual(
      await q(`SELECT count(DISTINCT account) AS accounts, count(DISTINCT repost_of) AS objects,
        count(*) FILTER (WHERE kind <> 'repost') AS other FROM posts`),
      { accounts: 9509, objects: 7285, other: 0 },
    );
    assert.deepEqual(
      await q(`SELECT count(*) AS top FROM posts GROUP BY repost_of ORDER BY 1 DESC LIMIT 1`),
      {
        top: 1053,
      },
    );
  });

  it('coortweet-german-elections-2021: 84,206 rows; repeated post ids merge their shared objects', async () => {
    const { report, q } = await load([
      'coortweet-german-elections-2021/german_elections_2021-08-15_to_2021-09-05.csv',
    ]);
    const f = report.files[0];
    assert.equal(f?.rowsRead, 84206);
    // Rows repeating a post id (one row per shared object) are merged into the post, not rejected.
    assert.equal((f?.rowsLoaded ?? 0) + (f?.rowsRejected ?? 0) + (f?.rowsMerged ?? 0), 84206);
    assert.ok((f?.rowsMerged ?? 0) > 1000, `merged ${f?.rowsMerged}`);
    assert.ok((f?.rowsRejected ?? 0) < 10, `rejected ${f?.rowsRejected}`);
    const distinct = await q(`SELECT count(*) AS posts FROM posts`);
    assert.equal(distinct.posts, f?.rowsLoaded);
    const mixed =
      await q(`SELECT count(*) FILTER (WHERE account LIKE 'fb_%') AS fb, count(*) FILTER (WHERE account LIKE 'tw_%') AS tw,
      max(time) < TIMESTAMP '2021-09-06' AS before_cut FROM posts`);
    assert.ok((mixed.fb as number) > 0 && (mixed.tw as number) > 0);
    assert.equal(mixed.before_cut, true);
  });

  it('ira-538-by-author: election week 37,969 rows of 377 accounts, 77% retweets; Fearmonger 11,140 rows', async () => {
    const week = await load(['ira-538-by-author/ira_tweets_2016-10-31_to_2016-11-09.csv']);
    assert.equal(week.report.files[0]?.format, 'csv:ira538');
    const w = await week.q(`SELECT count(*) AS n, count(DISTINCT account) AS accounts,
      round(avg((kind = 'repost')::INT), 2) AS rt FROM posts`);
    assert.deepEqual(w, { n: 37969, accounts: 377, rt: 0.77 });
    const fear = await load(['ira-538-by-author/ira_fearmonger_all.csv']);
    assert.equal(fear.report.files[0]?.rowsLoaded, 11140);
    // SOURCE.md counts 3,632 occurrences of #kochfarms; they sit in 3,584 posts.
    const k = await fear.q(`SELECT count(*) FILTER (WHERE list_contains(hashtags, 'kochfarms')) AS posts,
      sum(len(regexp_extract_all(lower(text), '#kochfarms'))) AS occurrences FROM posts`);
    assert.deepEqual(k, { posts: 3584, occurrences: 3632 });
  });

  it('mahsaamini-baraye: 1,410 scraped tweets of 1,229 users, 2022-09-16 19:39 to 2022-10-02 23:55 UTC', async () => {
    const { report, q } = await load(['mahsaamini-baraye/baraye_tweets.json']);
    assert.equal(report.files[0]?.format, 'scraper-json');
    assert.deepEqual(
      await q(`SELECT count(*) AS n, count(DISTINCT account) AS users, strftime(min(time), '%Y-%m-%d %H:%M') AS t0,
        strftime(max(time), '%Y-%m-%d %H:%M') AS t1, count(*) FILTER (WHERE list_contains(hashtags, 'مهسا_امینی')) AS tagged
        FROM posts`),
      { n: 1410, users: 1229, t0: '2022-09-16 19:39', t1: '2022-10-02 23:55', tagged: 1410 },
    );
  });

  it('telegram-ru-news: ten channels, 9,596 messages, each channel one account', async () => {
    const dir = 'telegram-ru-news/channels';
    const files = readdirSync(join(REAL, dir)).map((f) => join(dir, f));
    const { report, q } = await load(files);
    assert.equal(report.files.length, 10);
    assert.ok(report.files.every((f) => f.format === 'telegram-messages'));
    assert.deepEqual(await q(`SELECT count(*) AS n, count(DISTINCT account) AS channels FROM posts`), {
      n: 9596,
      channels: 10,
    });
    assert.deepEqual(await q(`SELECT count(*) AS n FROM posts WHERE account = 'channel1966291562'`), {
      n: 596,
    });
  });

  it('telegram-ru-news as one Telegram Desktop full export, one message damaged in each chat: only those ten rejected', async () => {
    // The ten channels' messages written here as the Desktop app exports them (chats.list, one space of
    // indent), then one message of each chat damaged in a different way. Before, one damage refused the file.
    const dir = 'telegram-ru-news/channels';
    const chats = readdirSync(join(REAL, dir))
      .sort()
      .map((name) => {
        const messages = JSON.parse(readFileSync(join(REAL, dir, name), 'utf8')) as {
          message_id: number;
          sender_id: number;
          text: string;
          date: string;
          channel: string;
        }[];
        const id = Number(String(messages[0]?.sender_id).replace(/^-100/, ''));
        return {
          name: messages[0]?.channel,
          type: 'public_channel',
          id,
          messages: messages.map((m, k) => ({
            id: m.message_id,
            type: 'message',
            date: m.date.slice(0, 19),
            date_unixtime: String(Date.parse(m.date) / 1000),
            from: m.channel,
            from_id: `channel${id}`,
            text: k === 100 ? `DAMAGE ${m.text}` : m.text,
            text_entities: [],
          })),
        };
      });
    let text = JSON.stringify({ about: 'Here is the data you requested.', chats: { list: chats } }, null, 1);
    // The 101st message of each chat, damaged from inside its text: a stray quote, a raw line end, a lone
    // surrogate escape, a NUL, a quote and a brace (twice), a unit separator, a bad escape, a CR, two quotes.
    const damages = [
      'DAMAGE "',
      'DAMAGE\n',
      'DAMAGE \\ud800',
      'DAMAGE \u0000',
      'DAMAGE "}',
      'DAMAGE "{',
      'DAMAGE \u001f',
      'DAMAGE \\',
      'DAMAGE \r',
      'DAMAGE ""',
    ];
    let c = 0;
    text = text.replaceAll('"DAMAGE ', () => `"${damages[c++ % damages.length]}`);
    assert.equal(c, 10);
    const tmp = mkdtempSync(join(tmpdir(), 'lockstep-real-tg-'));
    try {
      const file = join(tmp, 'result.json');
      writeFileSync(file, text);
      const store = await Store.open();
      stores.push(store);
      const f = (await loadFiles(store, [file])).files[0];
      assert.equal(f?.format, 'telegram-export');
      // Nine damaged messages are rejected; the fifth ('"}') ends its message early, which loads cut, and
      // the rest of its text is one rejected piece of stray text: 9,597 records read, 9,587 loaded.
      assert.deepEqual([f?.rowsRead, f?.rowsLoaded, f?.rowsRejected], [9597, 9587, 10]);
      const perChat = await store.all<{ account: string; n: bigint }>(
        'SELECT account, count(*) AS n FROM posts GROUP BY account ORDER BY account',
      );
      assert.deepEqual(
        perChat.map((r) => [r.account, Number(r.n)]),
        chats.map((ch, k) => [`channel${ch.id}`, ch.messages.length - (k === 4 ? 0 : 1)]).sort(),
      );
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('voterfraud2020: 80,816 retweets by 50,209 users of 3,639 tweets, loaded with a mapping and no times', async () => {
    const { report, q } = await load(['voterfraud2020/retweets-2020-10-27.csv'], {
      mapping: { account: 'user_id', repost_of: 'retweeted_id' },
    });
    assert.equal(report.files[0]?.hasTime, false);
    assert.deepEqual(
      await q(`SELECT count(*) AS n, count(DISTINCT account) AS users, count(DISTINCT repost_of) AS objects,
        count(*) FILTER (WHERE time IS NULL) AS untimed FROM posts`),
      { n: 80816, users: 50209, objects: 3639, untimed: 80816 },
    );
  });

  it('folders that are not posts are refused with a message naming the file', async () => {
    for (const file of [
      'spotted-io-vs-verified/SPOTTED_validation_dataset.csv',
      'gilani-2017-bots-vs-humans/bots/bots.1k.csv',
    ]) {
      await assert.rejects(load([file]), (err: Error) => err.message.includes(file.split('/').pop() ?? ''));
    }
  });
});
