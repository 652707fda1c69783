// One dataset, two layouts: the same tweets written as a Twitter Information Operations archive (CSV) and as
// API v2 JSON must normalise to the same posts and accounts (bench/layouts.ts measures it on a whole
// generated dataset). Each case writes a few tweets both ways and compares what the store holds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accounts, byId, load, type PostRow, posts, tempFile } from './_helpers.js';

const ARCHIVE_HEADER = [
  'tweetid',
  'userid',
  'user_screen_name',
  'user_display_name',
  'follower_count',
  'following_count',
  'account_creation_date',
  'tweet_text',
  'tweet_time',
  'tweet_client_name',
  'in_reply_to_userid',
  'in_reply_to_tweetid',
  'quoted_tweet_tweetid',
  'is_retweet',
  'retweet_userid',
  'retweet_tweetid',
  'hashtags',
  'urls',
  'user_mentions',
] as const;
type ArchiveRow = Partial<Record<(typeof ARCHIVE_HEADER)[number], string>>;

let files = 0;

/** An IO archive tweets file of these rows (every cell quoted, as the releases write them). */
function archive(rows: ArchiveRow[]): string {
  const cell = (v: string | undefined) => `"${(v ?? '').replaceAll('"', '""')}"`;
  const lines = [
    ARCHIVE_HEADER.join(','),
    ...rows.map((r) => ARCHIVE_HEADER.map((h) => cell(r[h])).join(',')),
  ];
  return tempFile(`archive-${++files}.csv`, `${lines.join('\n')}\n`);
}

/** A JSON Lines file of these values (tweets or response pages). */
function jsonl(values: object[]): string {
  return tempFile(`v2-${++files}.jsonl`, `${values.map((v) => JSON.stringify(v)).join('\n')}\n`);
}

async function postsOf(path: string): Promise<(id: string) => PostRow> {
  const { store } = await load([path]);
  return byId(await posts(store));
}

const SAHAR = {
  userid: '2987014451',
  user_screen_name: 'sahar_tehrani1401',
  user_display_name: 'سحر تهرانی',
  follower_count: '15230',
  following_count: '412',
  account_creation_date: '2015-01-20',
};
const ORIGINAL: ArchiveRow = {
  ...SAHAR,
  tweetid: '100',
  tweet_text: 'مردم ایران #مهسا_امینی را فراموش نمی‌کنند',
  tweet_time: '2022-10-06 12:30',
  is_retweet: 'false',
  hashtags: "['مهسا_امینی']",
};

describe('IO archive and API v2 layouts of the same tweets', () => {
  it('resolve account fields from the user object under `author` (twarc2 flatten, one tweet per line)', async () => {
    const csv = archive([ORIGINAL]);
    const v2 = jsonl([
      {
        id: '100',
        author_id: '2987014451',
        created_at: '2022-10-06T12:30:00.000Z',
        text: ORIGINAL.tweet_text,
        entities: { hashtags: [{ start: 11, end: 23, tag: 'مهسا_امینی' }] },
        author: {
          id: '2987014451',
          username: 'sahar_tehrani1401',
          name: 'سحر تهرانی',
          created_at: '2015-01-20T00:00:00.000Z',
          public_metrics: { followers_count: 15230, following_count: 412, tweet_count: 1, listed_count: 0 },
        },
      },
    ]);
    const fromArchive = (await accounts((await load([csv])).store))[0];
    const fromV2 = (await accounts((await load([v2])).store))[0];
    assert.deepEqual({ ...fromV2, file_id: 1 }, { ...fromArchive, file_id: 1 });
    assert.equal(fromV2?.handle, 'sahar_tehrani1401');
    assert.equal(fromV2?.followers, 15230);
    assert.deepEqual((await postsOf(v2))('100').hashtags, (await postsOf(csv))('100').hashtags);
  });

  it('list mentioned accounts by id, as the archive does (API v2 and v1.1 give the id with the handle)', async () => {
    const reply: ArchiveRow = {
      tweetid: '101',
      userid: '912345678901234567',
      tweet_text: '@sahar_tehrani1401 درست است',
      tweet_time: '2022-10-06 12:45',
      in_reply_to_userid: '2987014451',
      in_reply_to_tweetid: '100',
      user_mentions: "['2987014451']",
    };
    const fromArchive = (await postsOf(archive([reply])))('101');
    const mention = { start: 0, end: 18, username: 'sahar_tehrani1401', id: '2987014451' };
    const fromV2 = (
      await postsOf(
        jsonl([
          {
            id: '101',
            author_id: '912345678901234567',
            created_at: '2022-10-06T12:45:00.000Z',
            text: reply.tweet_text,
            in_reply_to_user_id: '2987014451',
            referenced_tweets: [{ type: 'replied_to', id: '100' }],
            entities: { mentions: [mention] },
          },
        ]),
      )
    )('101');
    const fromV1 = (
      await postsOf(
        jsonl([
          {
            created_at: 'Thu Oct 06 12:45:00 +0000 2022',
            id_str: '101',
            text: reply.tweet_text,
            user: { id_str: '912345678901234567', screen_name: 'neda_azadi_88' },
            in_reply_to_status_id_str: '100',
            in_reply_to_user_id_str: '2987014451',
            entities: {
              hashtags: [],
              urls: [],
              user_mentions: [{ screen_name: 'sahar_tehrani1401', id_str: '2987014451', indices: [0, 18] }],
            },
          },
        ]),
      )
    )('101');
    assert.deepEqual(fromArchive.mentions, ['2987014451']);
    assert.deepEqual(fromV2.mentions, fromArchive.mentions);
    assert.deepEqual(fromV1.mentions, fromArchive.mentions);
  });

  it('name the retweeted account by id when the original is not in the file', async () => {
    const retweet: ArchiveRow = {
      tweetid: '102',
      userid: '777',
      tweet_text: 'RT @sahar_tehrani1401: مردم ایران #مهسا_امینی را فراموش نمی‌کنند',
      tweet_time: '2022-10-06 12:50',
      is_retweet: 'true',
      retweet_userid: '2987014451',
      retweet_tweetid: '100',
      hashtags: "['مهسا_امینی']",
      user_mentions: "['2987014451']",
    };
    const v2 = {
      id: '102',
      author_id: '777',
      created_at: '2022-10-06T12:50:00.000Z',
      text: retweet.tweet_text,
      referenced_tweets: [{ type: 'retweeted', id: '100' }],
      entities: {
        hashtags: [{ start: 34, end: 45, tag: 'مهسا_امینی' }],
        mentions: [{ start: 3, end: 21, username: 'Sahar_Tehrani1401', id: '2987014451' }],
      },
    };
    const fromArchive = (await postsOf(archive([retweet])))('102');
    // The API's own layout: the retweeted account is among the entities' mentions.
    const fromV2 = (await postsOf(jsonl([v2])))('102');
    // twarc2 flatten: the referenced tweet's author_id in its referenced_tweets entry.
    const { entities: _entities, ...bare } = v2;
    const flattened = {
      ...bare,
      referenced_tweets: [{ type: 'retweeted', id: '100', author_id: '2987014451', text: 'مردم ایران' }],
    };
    const fromFlattened = (await postsOf(jsonl([flattened])))('102');
    assert.equal(fromArchive.repost_of_account, '2987014451');
    assert.equal(fromV2.repost_of_account, '2987014451');
    assert.equal(fromFlattened.repost_of_account, '2987014451');
  });

  it('read a tweet that answers a user but names no tweet as a reply', async () => {
    const row: ArchiveRow = {
      tweetid: '103',
      userid: '912345678901234567',
      tweet_text: '@sahar_tehrani1401 سلام',
      tweet_time: '2022-10-06 13:00',
      in_reply_to_userid: '2987014451',
      user_mentions: "['2987014451']",
    };
    const fromArchive = (await postsOf(archive([row])))('103');
    const fromV2 = (
      await postsOf(
        jsonl([
          {
            id: '103',
            author_id: '912345678901234567',
            created_at: '2022-10-06T13:00:00.000Z',
            text: row.tweet_text,
            in_reply_to_user_id: '2987014451',
            entities: { mentions: [{ start: 0, end: 18, username: 'sahar_tehrani1401', id: '2987014451' }] },
          },
        ]),
      )
    )('103');
    const fromV1 = (
      await postsOf(
        jsonl([
          {
            created_at: 'Thu Oct 06 13:00:00 +0000 2022',
            id_str: '103',
            text: row.tweet_text,
            user: { id_str: '912345678901234567' },
            in_reply_to_status_id_str: null,
            in_reply_to_user_id_str: '2987014451',
          },
        ]),
      )
    )('103');
    for (const p of [fromArchive, fromV2, fromV1]) {
      assert.equal(p.kind, 'reply');
      assert.equal(p.reply_to_account, '2987014451');
    }
  });

  it('leave attached media out of the URLs (API v2 lists them with a media_key)', async () => {
    const row: ArchiveRow = {
      tweetid: '104',
      userid: '2987014451',
      tweet_text: 'ببینید https://t.co/Lk1 https://t.co/Ph1',
      tweet_time: '2022-10-06 13:05',
      urls: "['https://www.iranintl.com/202210061234']",
    };
    const fromArchive = (await postsOf(archive([row])))('104');
    const fromV2 = (
      await postsOf(
        jsonl([
          {
            id: '104',
            author_id: '2987014451',
            created_at: '2022-10-06T13:05:00.000Z',
            text: row.tweet_text,
            entities: {
              urls: [
                {
                  start: 7,
                  end: 23,
                  url: 'https://t.co/Lk1',
                  expanded_url: 'https://www.iranintl.com/202210061234',
                },
                {
                  start: 24,
                  end: 40,
                  url: 'https://t.co/Ph1',
                  expanded_url: 'https://twitter.com/sahar_tehrani1401/status/104/photo/1',
                  display_url: 'pic.twitter.com/Ph1',
                  media_key: '3_104',
                },
              ],
            },
          },
        ]),
      )
    )('104');
    assert.deepEqual(fromArchive.urls, ['https://iranintl.com/202210061234']);
    assert.deepEqual(fromV2.urls, fromArchive.urls);
    assert.deepEqual(fromV2.domains, fromArchive.domains);
  });

  it("leave a retweet's mention of the retweeted account out (the client's RT @handle: prefix)", async () => {
    const retweet: ArchiveRow = {
      tweetid: '105',
      userid: '777',
      tweet_text: 'RT @sahar_tehrani1401: @neda_azadi_88 ببین',
      tweet_time: '2022-10-06 13:10',
      is_retweet: 'true',
      retweet_userid: '2987014451',
      retweet_tweetid: '100',
      user_mentions: "['2987014451', '912345678901234567']",
    };
    const fromArchive = (await postsOf(archive([retweet])))('105');
    const v2 = {
      id: '105',
      author_id: '777',
      created_at: '2022-10-06T13:10:00.000Z',
      text: retweet.tweet_text,
      referenced_tweets: [{ type: 'retweeted', id: '100' }],
      entities: {
        mentions: [
          { start: 3, end: 21, username: 'sahar_tehrani1401', id: '2987014451' },
          { start: 23, end: 37, username: 'neda_azadi_88', id: '912345678901234567' },
        ],
      },
    };
    const fromV2 = (await postsOf(jsonl([v2])))('105');
    // Without entities, mentions come from the text: handles, the retweeted one left out all the same.
    const { entities: _entities, ...bare } = v2;
    const fromText = (await postsOf(jsonl([bare])))('105');
    assert.deepEqual(fromArchive.mentions, ['912345678901234567']);
    assert.deepEqual(fromV2.mentions, fromArchive.mentions);
    assert.deepEqual(fromText.mentions, ['neda_azadi_88']);
    assert.equal(fromText.repost_of_account, 'sahar_tehrani1401');
  });

  it("give a retweet no quoted or answered tweet of its own (the archive's are its original's)", async () => {
    const retweet: ArchiveRow = {
      tweetid: '106',
      userid: '777',
      tweet_text: 'RT @sahar_tehrani1401: این را ببینید',
      tweet_time: '2022-10-06 13:15',
      is_retweet: 'true',
      retweet_userid: '2987014451',
      retweet_tweetid: '100',
      quoted_tweet_tweetid: '99',
      in_reply_to_userid: '912345678901234567',
      in_reply_to_tweetid: '98',
      user_mentions: "['2987014451']",
    };
    const fromArchive = (await postsOf(archive([retweet])))('106');
    const fromV2 = (
      await postsOf(
        jsonl([
          {
            id: '106',
            author_id: '777',
            created_at: '2022-10-06T13:15:00.000Z',
            text: retweet.tweet_text,
            referenced_tweets: [{ type: 'retweeted', id: '100' }],
            entities: { mentions: [{ start: 3, end: 21, username: 'sahar_tehrani1401', id: '2987014451' }] },
          },
        ]),
      )
    )('106');
    const fields = (p: PostRow) => [p.kind, p.repost_of, p.quote_of, p.reply_to, p.reply_to_account];
    assert.deepEqual(fields(fromArchive), ['repost', '100', null, null, null]);
    assert.deepEqual(fields(fromV2), fields(fromArchive));
  });
});
