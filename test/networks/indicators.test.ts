// Inauthenticity indicators on a hand-built store: a batch of three bots (same creation day, default
// handles, one automation client, a post every 600 s round the clock) beside ordinary and incomplete accounts.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  ACCOUNT_INDICATOR_COLUMNS,
  type AccountIndicators,
  type AccountRef,
  computeAccountIndicators,
  flattenAccountIndicators,
  INDICATORS_DEFAULTS,
  summarizeNetworkIndicators,
} from '../../src/networks/indicators.js';
import { Store } from '../../src/store/index.js';
import { createSchema } from '../../src/store/schema.sql.js';

let store: Store;

const BOTS = ['bot1', 'bot2', 'bot3'];
const MEMBERS: AccountRef[] = [
  ...BOTS.map((account) => ({ platform: 'twitter', account })),
  { platform: 'twitter', account: 'maria' }, // ordinary person
  { platform: 'twitter', account: 'ghost' }, // posts, no accounts row
  { platform: 'twitter', account: 'anon' }, // one post with no client, a profile without dates or counts
  { platform: 'twitter', account: 'nobody' }, // neither posts nor profile
];

before(async () => {
  store = await Store.open(':memory:');
  await createSchema(store); // idempotent; Store.open has already created it
  await store.run(`
    INSERT INTO accounts (platform, id, handle, created, followers, following) VALUES
      ('twitter', 'bot1', 'sara_ahmadi84710293', '2021-03-04 08:01:10', 3, 250),
      ('twitter', 'bot2', 'Jon12345678', '2021-03-04 08:01:40', 3, 250),
      ('twitter', 'bot3', '@Ali87654321', '2021-03-04 23:59:59', 3, 250),
      ('twitter', 'maria', 'maria_lopez84', '2012-06-01 17:00:00', 1200, 300),
      ('twitter', 'anon', 'anon_user', NULL, NULL, NULL);
    -- 144 posts each, exactly 600 s apart from midnight: every hour of the day, every other one a repost.
    INSERT INTO posts (platform, id, account, time, kind, client)
      SELECT 'twitter', b || '-' || i, b, TIMESTAMP '2021-03-05 00:00:00' + to_seconds(i * 600),
        CASE WHEN i % 2 = 1 THEN 'repost' ELSE 'post' END, 'AutoPost'
      FROM unnest(['bot1', 'bot2', 'bot3']) t(b), range(144) r(i);
    INSERT INTO posts (platform, id, account, time, kind, client) VALUES
      ('twitter', 'm1', 'maria', '2021-03-05 09:00:00', 'post', 'Twitter for iPhone'),
      ('twitter', 'm2', 'maria', '2021-03-05 09:10:00', 'reply', 'Twitter for iPhone'),
      ('twitter', 'm3', 'maria', '2021-03-05 12:00:00', 'post', 'Twitter Web App'),
      ('twitter', 'm4', 'maria', '2021-03-05 18:30:00', 'quote', 'Twitter for iPhone'),
      ('twitter', 'm5', 'maria', NULL, 'repost', 'Twitter for iPhone'),
      ('twitter', 'g1', 'ghost', '2021-05-01 10:00:00', 'post', NULL),
      ('twitter', 'g2', 'ghost', '2021-05-01 11:30:00', 'post', 'Twitter Web App'),
      ('twitter', 'a1', 'anon', '2021-05-02 03:15:00', 'post', ''),
      -- Same account id on another platform: must not count for the Twitter bot1.
      ('telegram', 't1', 'bot1', '2021-05-02 03:15:00', 'post', 'OtherApp');
  `);
});

after(() => store.close());

function byAccount(rows: AccountIndicators[], account: string): AccountIndicators {
  const row = rows.find((r) => r.account === account);
  assert.ok(row, account);
  return row;
}

test('a batch-created bot: default handle, one client, clockwork round-the-clock posting', async () => {
  const rows = await computeAccountIndicators(store, MEMBERS);
  assert.deepEqual(byAccount(rows, 'bot1'), {
    platform: 'twitter',
    account: 'bot1',
    profile: true,
    handle: 'sara_ahmadi84710293',
    created: '2021-03-04T08:01:10Z',
    createdDay: '2021-03-04',
    handleDigits: 8,
    handlePattern: true,
    followers: 3,
    following: 250,
    followerRatio: 0.012,
    posts: 144,
    reposts: 72,
    repostShare: 0.5,
    firstPost: '2021-03-05T00:00:00Z',
    lastPost: '2021-03-05T23:50:00Z',
    activeHours: 24,
    gapCv: 0,
    clients: [{ client: 'AutoPost', posts: 144 }],
    topClient: 'AutoPost',
    topClientShare: 1,
    unknownClientShare: 0,
  });
  // A leading @ in the stored handle does not hide the pattern.
  assert.equal(byAccount(rows, 'bot3').handlePattern, true);
  assert.equal(byAccount(rows, 'bot3').createdDay, '2021-03-04');
});

test('an ordinary account: irregular gaps, a few hours, an untimed post still counted', async () => {
  const maria = byAccount(await computeAccountIndicators(store, MEMBERS), 'maria');
  // Gaps 600, 10200, 23400 s: mean 11400, population sd 9346.66, CV 0.820; the untimed post has no gap.
  assert.equal(maria.gapCv, 0.82);
  assert.equal(maria.posts, 5);
  assert.equal(maria.reposts, 1);
  assert.equal(maria.repostShare, 0.2);
  assert.equal(maria.activeHours, 3);
  assert.equal(maria.firstPost, '2021-03-05T09:00:00Z');
  assert.equal(maria.lastPost, '2021-03-05T18:30:00Z');
  assert.deepEqual(maria.clients, [
    { client: 'Twitter for iPhone', posts: 4 },
    { client: 'Twitter Web App', posts: 1 },
  ]);
  assert.equal(maria.topClient, 'Twitter for iPhone');
  assert.equal(maria.topClientShare, 0.8);
  assert.equal(maria.handleDigits, 2);
  assert.equal(maria.handlePattern, false);
  assert.equal(maria.followerRatio, 4);
});

test('missing accounts row, NULL and empty clients, one post, no posts', async () => {
  const rows = await computeAccountIndicators(store, MEMBERS);
  const ghost = byAccount(rows, 'ghost');
  assert.equal(ghost.profile, false);
  assert.equal(ghost.handle, null);
  assert.equal(ghost.createdDay, null);
  assert.equal(ghost.handleDigits, 0);
  assert.equal(ghost.handlePattern, false);
  assert.equal(ghost.followerRatio, null);
  assert.equal(ghost.gapCv, null, 'two posts give one gap: no CV');
  // A tie between a named client and unknown goes to the named one.
  assert.deepEqual(ghost.clients, [
    { client: 'Twitter Web App', posts: 1 },
    { client: null, posts: 1 },
  ]);
  assert.equal(ghost.topClient, 'Twitter Web App');
  assert.equal(ghost.topClientShare, 0.5);
  assert.equal(ghost.unknownClientShare, 0.5);

  const anon = byAccount(rows, 'anon');
  assert.equal(anon.profile, true);
  assert.equal(anon.created, null);
  assert.equal(anon.followers, null);
  assert.equal(anon.posts, 1);
  assert.equal(anon.activeHours, 1);
  assert.equal(anon.gapCv, null);
  assert.deepEqual(anon.clients, [{ client: null, posts: 1 }], 'an empty client is unknown');
  assert.equal(anon.topClient, null);
  assert.equal(anon.topClientShare, 1);
  assert.equal(anon.unknownClientShare, 1);
  assert.equal(anon.firstPost, '2021-05-02T03:15:00Z');

  assert.deepEqual(byAccount(rows, 'nobody'), {
    platform: 'twitter',
    account: 'nobody',
    profile: false,
    handle: null,
    created: null,
    createdDay: null,
    handleDigits: 0,
    handlePattern: false,
    followers: null,
    following: null,
    followerRatio: null,
    posts: 0,
    reposts: 0,
    repostShare: null,
    firstPost: null,
    lastPost: null,
    activeHours: 0,
    gapCv: null,
    clients: [],
    topClient: null,
    topClientShare: null,
    unknownClientShare: null,
  });
});

test('results align with members, repeats included; no members, no query', async () => {
  const members = [...MEMBERS].reverse().concat(MEMBERS[0] as AccountRef);
  const rows = await computeAccountIndicators(store, members);
  assert.deepEqual(
    rows.map((r) => `${r.platform}:${r.account}`),
    members.map((m) => `${m.platform}:${m.account}`),
  );
  assert.deepEqual(rows[7], rows[6], 'bot1 ends the reversed list and is repeated after it');
  const telegram = await computeAccountIndicators(store, [{ platform: 'telegram', account: 'bot1' }]);
  assert.equal(telegram[0]?.posts, 1);
  assert.equal(telegram[0]?.topClient, 'OtherApp');
  assert.deepEqual(await computeAccountIndicators(store, []), []);
});

test('handleDigitsMin moves the handle threshold', async () => {
  const rows = await computeAccountIndicators(store, MEMBERS.slice(0, 4), { handleDigitsMin: 9 });
  assert.deepEqual(
    rows.map((r) => r.handlePattern),
    [false, false, false, false],
  );
  const loose = await computeAccountIndicators(store, MEMBERS.slice(0, 4), { handleDigitsMin: 2 });
  assert.deepEqual(
    loose.map((r) => r.handlePattern),
    [true, true, true, true],
  );
  await assert.rejects(computeAccountIndicators(store, MEMBERS, { handleDigitsMin: 0 }), RangeError);
});

test('network summary', async () => {
  const rows = await computeAccountIndicators(store, MEMBERS);
  assert.deepEqual(summarizeNetworkIndicators(rows), {
    accounts: 7,
    withProfile: 5,
    posts: 440,
    creation: {
      withCreated: 4,
      batchDays: [{ day: '2021-03-04', accounts: 3 }],
      batchDayCount: 1,
      largestDay: '2021-03-04',
      largestDayAccounts: 3,
      batchedAccounts: 3,
      batchedShare: 0.429,
    },
    handles: { withHandle: 5, patterned: 3, patternedShare: 0.429 },
    clients: {
      top: [
        { client: 'AutoPost', posts: 432, share: 0.982 },
        { client: 'Twitter for iPhone', posts: 4, share: 0.009 },
        { client: 'Twitter Web App', posts: 2, share: 0.005 },
        { client: null, posts: 2, share: 0.005 },
      ],
      topClientShare: 0.982,
      distinctClients: 3,
      unknownClientShare: 0.005,
    },
    followers: { medianFollowers: 3, medianFollowing: 250, medianRatio: 0.012 },
    activity: {
      // Members with posts: 24, 24, 24, 3, 2, 1 hours.
      medianActiveHours: 13.5,
      roundTheClockAccounts: 3,
      roundTheClockShare: 0.429,
      withGapCv: 4,
      medianGapCv: 0,
    },
    repostShare: 0.493,
    parameters: { ...INDICATORS_DEFAULTS },
  });

  const strict = summarizeNetworkIndicators(rows, { batchDayMinAccounts: 4, topClientsMax: 1 });
  assert.deepEqual(strict.creation.batchDays, []);
  assert.equal(strict.creation.batchedShare, 0);
  assert.equal(
    strict.creation.largestDay,
    '2021-03-04',
    'the busiest day is reported below the threshold too',
  );
  assert.equal(strict.clients.top.length, 1);
});

test('an empty network has null medians and shares', () => {
  const s = summarizeNetworkIndicators([]);
  assert.equal(s.accounts, 0);
  assert.equal(s.creation.batchedShare, null);
  assert.equal(s.creation.largestDay, null);
  assert.equal(s.clients.topClientShare, null);
  assert.equal(s.followers.medianRatio, null);
  assert.equal(s.activity.medianGapCv, null);
  assert.equal(s.repostShare, null);
});

test('flattened rows line up with the columns', async () => {
  const rows = await computeAccountIndicators(store, MEMBERS);
  for (const r of rows) assert.equal(flattenAccountIndicators(r).length, ACCOUNT_INDICATOR_COLUMNS.length);
  const ghost = flattenAccountIndicators(byAccount(rows, 'ghost'));
  const cell = (name: string) => ghost[ACCOUNT_INDICATOR_COLUMNS.indexOf(name)];
  assert.equal(cell('profile'), 0);
  assert.equal(cell('posts'), 2);
  assert.equal(cell('distinct_clients'), 1);
  assert.equal(cell('top_client'), 'Twitter Web App');
  assert.equal(cell('unknown_client_share'), 0.5);
  assert.deepEqual(flattenAccountIndicators(byAccount(rows, 'bot2')).slice(0, 8), [
    'twitter',
    'bot2',
    1,
    'Jon12345678',
    '2021-03-04T08:01:40Z',
    '2021-03-04',
    8,
    1,
  ]);
});
