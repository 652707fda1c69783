// The chance model on hand-built bursts: a protest that most active accounts join on three evenings
// (shared tags, but everyone has them: chance explains it) and eight accounts that post the same rare tags
// and links within minutes of each other every day (chance does not); slogans posted by dozens among
// one-off texts; a retweet ring beside a viral post; amplifiers in step on what a crowd reposts, and a user
// who posted during three of a flood's bursts; a reply brigade in step on the posts a crowd answers;
// members joining a core on several signals; a star; a collection of one operation.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededRandom } from '@lockstep/generate';
import { scoreAgainstChance } from '../../src/networks/chance.js';
import { type DetectOptions, detectNetworks } from '../../src/networks/index.js';
import { accountNames, background, type FixturePost, storeWith } from '../signals/_fixture.js';
import { appended, everydayWithReposts } from './_nulls.js';

/** A text of `length` words drawn from 5,000: a user's own words, which no one else repeats. */
const ownWords = (rnd: () => number, length: number) =>
  Array.from({ length }, () => `w${Math.floor(rnd() * 5000)}`).join(' ');

/**
 * 180 protesters on three evenings, each posting at a time of their own between 18:00 and 21:00, drawn
 * afresh each evening. (Until 2026-12-07 protester a posted at 18:00 + (a mod 30) * 6 min every evening, so
 * the six sharing a slot posted in the same minute three evenings running: a schedule, not a crowd, which
 * only a timing test with an overstated variance let pass as chance.)
 */
function protest(): FixturePost[] {
  const rnd = seededRandom(23);
  const out: FixturePost[] = [];
  const tags = ['azadi', 'nan', 'kar'];
  tags.forEach((tag, d) => {
    for (let a = 0; a < 180; a++)
      out.push({ account: `bg${a}`, hour: (2 * d + 1) * 24 + 18 + 3 * rnd(), hashtags: [tag] });
  });
  return out;
}

function coordinated(): FixturePost[] {
  const out: FixturePost[] = [];
  for (let d = 0; d < 6; d++) {
    for (let a = 0; a < 8; a++) {
      out.push({
        account: `op${a}`,
        hour: d * 24 + 9 + a / 60,
        hashtags: [`smear${d}`],
        urls: [`https://state-news.example/${d}/story`],
      });
    }
  }
  return out;
}

/** Detects with the defaults on `posts` and returns every candidate with its members' account names. */
async function namedCandidates(posts: FixturePost[]) {
  const store = await storeWith(posts);
  try {
    const detection = await detectNetworks(store);
    const names = await accountNames(store);
    return detection.candidates.map((c) => ({
      ...c,
      accounts: c.members.map((aid) => names.get(aid) ?? ''),
      setAside: c.pruned.map((aid) => names.get(aid) ?? ''),
    }));
  } finally {
    store.close();
  }
}

describe('chance model', () => {
  it('sets aside a protest that chance explains and reports the coordinated accounts', async () => {
    const named = await namedCandidates([...background(300, 6), ...protest(), ...coordinated()]);
    const reported = named.filter((c) => c.beyondChance);
    assert.equal(reported.length, 1, `reported: ${JSON.stringify(reported.map((c) => c.accounts))}`);
    assert.deepEqual(
      [...(reported[0]?.accounts ?? [])].sort(),
      Array.from({ length: 8 }, (_, a) => `op${a}`),
    );
    assert.ok(reported[0]?.chance.binding.includes('colink'));
    // The protesters did form candidate groups: the graph linked them, and chance explained them.
    const protesters = named.filter((c) => !c.beyondChance && c.accounts.every((x) => x.startsWith('bg')));
    assert.ok(protesters.length > 0, 'the protest should reach the chance model as a candidate');
    for (const c of protesters) assert.ok(c.chance.ratio < 3, `protest ratio ${c.chance.ratio}`);
  });
});

/**
 * Two hundred protesters on three evenings, each posting one of five slogans (protester a always slogan
 * a mod 5) and a text of its own: the windows are full of one-off texts beside five texts posted by
 * dozens each.
 */
function slogansAmongOneOffs(): FixturePost[] {
  const slogans = [
    'no to the curfew in our city tonight',
    'free every student taken from the campus',
    'teachers deserve their unpaid wages back today',
    'open the internet and stop the blackout',
    'our votes were stolen and we remember',
  ];
  let s = 7;
  const word = () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return `w${(s % 50_000).toString(36)}`;
  };
  const out: FixturePost[] = [];
  for (const d of [1, 3, 5]) {
    for (let a = 0; a < 200; a++) {
      const hour = d * 24 + 18 + (a % 20) / 20;
      out.push({ account: `pr${a}`, hour, text: slogans[a % 5] as string });
      out.push({ account: `pr${a}`, hour: hour + 0.02, text: Array.from({ length: 9 }, word).join(' ') });
    }
  }
  return out;
}

describe('popular texts among one-off texts', () => {
  it('expects the posters of a slogan posted by dozens to meet on it, however many one-off texts surround it', async () => {
    const store = await storeWith([...background(300, 6), ...slogansAmongOneOffs()]);
    try {
      await detectNetworks(store);
      // Ten accounts that posted the same slogan on every evening, tested as a group: 135 pairs met on it.
      await store.run(`
        CREATE OR REPLACE TEMP TABLE _m AS
          SELECT aid, 0 AS net FROM _acct WHERE account IN (${Array.from({ length: 10 }, (_, i) => `'pr${5 * i}'`).join(', ')});
        CREATE OR REPLACE TEMP TABLE _xg (aid INTEGER);`);
      const neardup = (await scoreAgainstChance(store, { minZScore: 5, minRatio: 3, minGroups: 3 })).get(0)
        ?.perSignal.neardup;
      assert.ok(neardup, 'the group should be scored on near-duplicate text');
      assert.equal(neardup.observed, 135);
      assert.ok(neardup.ratio < 1.5, `ratio ${neardup.ratio} (expected ${neardup.expected})`);
      assert.equal(neardup.beyondChance, false);
    } finally {
      store.close();
    }
  });
});

/**
 * Every day at noon a celebrity's post is reposted by the same 120 fans within the hour, and
 * ten accounts repost one seed account's post of that day a few minutes after it: in those windows an
 * account that reposts one thing would most likely repost the celebrity, so a model that expects each
 * account to pick items as the crowd does, whatever it actually picked, gives the ring the 45 pairs a day
 * the celebrity's post would give it, as many as it made on the seed posts nobody else reposted.
 */
function ringBesideViral(): FixturePost[] {
  const out: FixturePost[] = [];
  for (let d = 0; d < 6; d++) {
    const viral = { account: 'celeb', hour: d * 24 + 12, text: `big news of day ${d}` };
    const seed = { account: 'seed', hour: d * 24 + 12.2, text: `our message of day ${d}` };
    out.push(viral, seed);
  }
  // Fixture posts are named p0, p1, ... in order: the celebrity's post of day d is p(2d), the seed's p(2d + 1).
  for (let d = 0; d < 6; d++) {
    for (let a = 0; a < 120; a++)
      out.push({ account: `fan${a}`, hour: d * 24 + 12.1 + a / 200, kind: 'repost', repostOf: `p${2 * d}` });
    for (let a = 0; a < 10; a++)
      out.push({
        account: `rt${a}`,
        hour: d * 24 + 12.3 + a / 600,
        kind: 'repost',
        repostOf: `p${2 * d + 1}`,
      });
  }
  return out;
}

describe('items only a network touched', () => {
  it('reports a retweet ring whose excess the viral posts around it would hide', async () => {
    const named = await namedCandidates([...ringBesideViral(), ...background(300, 6)]);
    const reported = named.filter((c) => c.beyondChance);
    assert.equal(reported.length, 1, `reported: ${JSON.stringify(reported.map((c) => c.accounts))}`);
    assert.deepEqual(
      [...(reported[0]?.accounts ?? [])].sort(),
      Array.from({ length: 10 }, (_, a) => `rt${a}`),
    );
    const corepost = reported[0]?.chance.perSignal.corepost;
    assert.ok(corepost, 'the ring should be scored on co-reposts');
    // The viral posts do not hide the ring: its members reposted them no more than their activity on
    // such posts says, and on the seed posts, which nobody else reposted, they met far beyond chance.
    assert.equal(corepost.test, 'all');
    assert.ok(corepost.ratio >= 3, `all-items ratio ${corepost.ratio}`);
    assert.equal(corepost.unshared?.beyondChance, true);
    assert.equal(corepost.unshared?.groups, 6);
  });
});

/**
 * A star's eight posts a day, two hours apart, each reposted over the next `spreadMinutes` by about 24 of
 * 200 fans; and eight amplifiers who each day repost one of them within half a minute of each other, at a
 * time the fans are reposting it too.
 */
function amplifiedStar(spreadMinutes: number): FixturePost[] {
  const rnd = seededRandom(7);
  const out: FixturePost[] = [];
  for (let d = 0; d < 6; d++) {
    const ids: string[] = [];
    for (let v = 0; v < 8; v++) {
      ids.push(`p${out.length}`);
      out.push({ account: 'star', hour: d * 24 + 6 + 2 * v, text: `post ${v} of day ${d} from the star` });
    }
    for (let a = 0; a < 200; a++) {
      for (let v = 0; v < 8; v++) {
        if (rnd() >= 0.12) continue;
        const hour = d * 24 + 6 + 2 * v + (rnd() * spreadMinutes) / 60;
        out.push({ account: `fan${a}`, hour, kind: 'repost', repostOf: ids[v] as string });
      }
    }
    const minute = spreadMinutes * (0.1 + 0.8 * rnd());
    for (let i = 0; i < 8; i++) {
      const hour = d * 24 + 6 + 2 * (d % 8) + (minute + i / 20) / 60;
      out.push({ account: `amp${i}`, hour, kind: 'repost', repostOf: ids[d % 8] as string });
    }
  }
  return out;
}

/**
 * Twelve accounts post the same text on one of three tags in the same minute, in ten windows over five
 * days (a flood in bursts); forty users post the tags at their own times in those windows, in their own
 * words; one of them, `by`, happened to post in the minute of three bursts (and at other times in two).
 */
function floodWithBystander(): FixturePost[] {
  const rnd = seededRandom(11);
  const words = () => ownWords(rnd, 9);
  const out: FixturePost[] = [];
  const tags = ['spoiled', 'recall', 'boycott'];
  for (let w = 0; w < 10; w++) {
    const start = Math.floor(w / 2) * 24 + (w % 2 ? 15 : 9);
    const tag = tags[w % 3] as string;
    const text = `the ${tag} story number ${w} they do not want you to read today`;
    for (let i = 0; i < 12; i++)
      out.push({ account: `fl${i}`, hour: start + 0.5 + i / 1200, hashtags: [tag], text });
    for (let j = 0; j < 40; j++)
      if (rnd() < 0.5)
        out.push({ account: `cp${j}`, hour: start + rnd() * 2, hashtags: [tag], text: words() });
    if (w < 5) {
      const hour = start + (w < 3 ? 0.5 + 1 / 120 : rnd() * 2);
      out.push({ account: 'by', hour, hashtags: [tag], text: words() });
    }
  }
  return out;
}

describe('timing: accounts in step on what the crowd reposts anyway', () => {
  it('does not make a member of a user who posted in the minute of three of a flood\u2019s bursts', async () => {
    const named = await namedCandidates([...floodWithBystander(), ...background(300, 6)]);
    const reported = named.filter((c) => c.beyondChance);
    assert.deepEqual(
      reported.map((c) => [...c.accounts].sort()),
      [Array.from({ length: 12 }, (_, i) => `fl${i}`).sort()],
    );
    // It was in the flood's community and was tested: in step with all twelve, three times, is a few
    // lucky moments (windows are counted, not members), not a member.
    assert.ok(reported[0]?.setAside.includes('by'), 'the bystander should be tested and set aside');
  });

  it('reports amplifiers who keep within a minute of each other while the crowd takes two hours', async () => {
    const named = await namedCandidates([...amplifiedStar(120), ...background(300, 6)]);
    const reported = named.filter((c) => c.beyondChance);
    assert.equal(reported.length, 1, `reported: ${JSON.stringify(reported.map((c) => c.accounts))}`);
    assert.deepEqual(
      [...(reported[0]?.accounts ?? [])].sort(),
      Array.from({ length: 8 }, (_, i) => `amp${i}`),
    );
    // Which posts they reposted, chance explains (everyone reposts the star); when, it does not.
    const corepost = reported[0]?.chance.perSignal.corepost;
    assert.equal(corepost?.test, 'timing');
    assert.ok((corepost?.ratio ?? 0) < 3, `all-items ratio ${corepost?.ratio}`);
    assert.ok((corepost?.timing?.ratio ?? 0) >= 3, `timing ratio ${corepost?.timing?.ratio}`);
    assert.equal(corepost?.timing?.groups, 6);
  });

  it('sets them aside when the whole crowd reposts within minutes (a storm keeps one schedule)', async () => {
    const named = await namedCandidates([...amplifiedStar(3), ...background(300, 6)]);
    const reported = named.filter((c) => c.beyondChance);
    assert.deepEqual(
      reported.map((c) => c.accounts),
      [],
    );
    // The amplifiers are still tested as a community: chance explains them, not a missing candidate.
    assert.ok(
      named.some((c) => c.accounts.filter((a) => a.startsWith('amp')).length >= 6),
      'the amplifiers should form a candidate community',
    );
  });
});

/**
 * An official posts three times a day for ten days; each post draws answers from a crowd of 200 over the
 * next three hours, and eight accounts answer twenty of the posts within ninety seconds of each other, in
 * their own words (everyone names the official).
 */
function replyBrigade(): FixturePost[] {
  const rnd = seededRandom(5);
  const words = () => ownWords(rnd, 8);
  const out: FixturePost[] = [];
  for (let k = 0; k < 30; k++) {
    const hour = Math.floor(k / 3) * 24 + 8 + (k % 3) * 5;
    const post = `p${out.length}`;
    out.push({ account: 'official', hour, text: `statement ${k} of the ministry on the strike` });
    const answer = (account: string, at: number) =>
      out.push({ account, hour: at, kind: 'reply', replyTo: post, mentions: ['official'], text: words() });
    for (let a = 0; a < 200; a++) if (rnd() < 0.15) answer(`crowd${a}`, hour + rnd() * 3);
    if (k % 3 === 2) continue;
    const at = hour + 0.2 + rnd() * 2.5;
    for (let i = 0; i < 8; i++) answer(`brig${i}`, at + (rnd() * 1.5) / 60);
  }
  return out;
}

describe('co-reply: a brigade on the posts a crowd answers anyway', () => {
  it('reports accounts that answer an official\u2019s posts in step, not the crowd answering the same posts', async () => {
    const named = await namedCandidates([...replyBrigade(), ...background(300, 10)]);
    const reported = named.filter((c) => c.beyondChance);
    assert.deepEqual(
      reported.map((c) => [...c.accounts].sort()),
      [Array.from({ length: 8 }, (_, i) => `brig${i}`)],
    );
    // Everyone answers those posts, so which posts they answered chance explains; when, it does not.
    const coreply = reported[0]?.chance.perSignal.coreply;
    assert.equal(coreply?.test, 'timing');
    assert.ok((coreply?.timing?.ratio ?? 0) >= 3, `timing ratio ${coreply?.timing?.ratio}`);
    // A reply counts on the post it answers only, not again on the official it names.
    assert.equal(reported[0]?.chance.perSignal.comention?.observed ?? 0, 0);
  });
});

/** Seven accounts posting the same rare tag, link and text every morning at 9:00 for six days. */
function morningCore(): FixturePost[] {
  const core: FixturePost[] = [];
  for (let d = 0; d < 6; d++) {
    for (let a = 0; a < 7; a++) {
      core.push({
        account: `op${a}`,
        hour: d * 24 + 9 + a / 60,
        hashtags: [`smear${d}`],
        urls: [`https://state-news.example/${d}/story`],
        text: `the minister lied again on day ${d} and everyone in town knows it`,
      });
    }
  }
  return core;
}

/** Detects on the morning core plus `extra`, and returns the reported network holding `account`. */
async function networkOf(extra: FixturePost[], account: string) {
  const store = await storeWith([...background(300, 6), ...morningCore(), ...extra]);
  try {
    const detection = await detectNetworks(store);
    const { aid } = await store.one<{ aid: number }>(`SELECT aid FROM _acct WHERE account = $1`, [account]);
    const network = detection.candidates.find((c) => c.beyondChance && c.members.includes(Number(aid)));
    return { network, aid: Number(aid) };
  } finally {
    store.close();
  }
}

/**
 * An account that joins the morning core on three days, sharing one thing each time at `hour` of the day:
 * the core's link on day 0, its tag on day 2, its text on day 4.
 */
const joinsOnce = (account: string, hour: number): FixturePost[] => [
  { account, hour, urls: ['https://state-news.example/0/story'], text: 'have a look at this' },
  { account, hour: 48 + hour, hashtags: ['smear2'], text: 'so it goes' },
  { account, hour: 96 + hour, text: 'the minister lied again on day 4 and everyone in town knows it' },
];

describe('the member rule', () => {
  it('keeps a member whose meetings with the network are spread over several signals (pooled test)', async () => {
    // q0 joins the core three times, each time sharing one thing only: the link on day 0, the tag on
    // day 2, the text on day 4. On each signal alone it met them in one window, under the two the member
    // test asks for; pooled, it met them in three.
    const { network, aid } = await networkOf(joinsOnce('q0', 9.2), 'q0');
    assert.ok(network, 'q0 should be in a reported network');
    assert.equal(network.members.length, 8);
    assert.equal(network.memberChance.get(aid)?.signal, 'pooled');
  });

  it('counts pooled meetings across a window edge (windows shifted by half)', async () => {
    // q1 does what q0 does, but an hour and a half after the core: 10:30 falls in the next 2-hour window
    // (10:00-12:00), so in the signals' own windows it never meets the core; in windows shifted by an hour
    // (9:00-11:00) it meets it three times.
    const { network, aid } = await networkOf(joinsOnce('q1', 10.5), 'q1');
    assert.ok(network, 'q1 should be in a reported network');
    assert.equal(network.members.length, 8);
    assert.equal(network.memberChance.get(aid)?.signal, 'pooled');
  });

  it('judges single signals across a window edge too (windows shifted by half)', async () => {
    // q2 shares the core's story link an hour and a half after it on days 0, 2 and 4. The outlet is
    // popular (forty other accounts link to its other stories in those mornings), so the domain alone
    // makes q2's pooled expectation too large for three meetings to stand out; the link itself, which
    // nobody outside the core shared, carries it, but only in windows shifted by an hour.
    const outlet: FixturePost[] = [];
    for (let d = 0; d < 6; d++) {
      for (let a = 0; a < 40; a++) {
        outlet.push({
          account: `bg${a}`,
          hour: d * 24 + 8 + (a % 20) / 5,
          urls: [`https://state-news.example/${d}/other-${a}`],
        });
      }
    }
    const q2 = [0, 2, 4].map((d) => ({
      account: 'q2',
      hour: d * 24 + 10.5,
      urls: [`https://state-news.example/${d}/story`],
    }));
    const { network, aid } = await networkOf([...outlet, ...q2], 'q2');
    assert.ok(network, 'q2 should be in a reported network');
    assert.equal(network.members.length, 8);
    assert.equal(network.memberChance.get(aid)?.signal, 'colink');
  });
});

describe('a star: accounts that each copy one hub', () => {
  it('reports a hub with the accounts that each copied its own items, beside a network that acts together', async () => {
    // The hub posts a rare tag and link twice a day for six days; each of three others copies it on two of
    // those days only (l0 on days 0-1, l1 on 2-3, l2 on 4-5), so each met the hub four times on items no
    // one else touched and never met each other: the shape of a family of channels that each repost their
    // owner's main channel. Beside them, the morning core of seven accounts that meet every day.
    const star: FixturePost[] = [];
    for (let d = 0; d < 6; d++) {
      for (const h of [7, 19]) {
        const item = { hashtags: [`hub${d}h${h}`], urls: [`https://hub.example/${d}/${h}`] };
        star.push({ account: 'hub', hour: d * 24 + h, ...item });
        star.push({ account: `l${Math.floor(d / 2)}`, hour: d * 24 + h + 0.2, ...item });
      }
    }
    const named = (await namedCandidates([...background(300, 6), ...morningCore(), ...star])).map((c) => ({
      beyondChance: c.beyondChance,
      accounts: [...c.accounts].sort(),
    }));
    const reported = named.filter((c) => c.beyondChance).map((c) => c.accounts);
    assert.deepEqual(reported.sort(), [
      ['hub', 'l0', 'l1', 'l2'],
      Array.from({ length: 7 }, (_, a) => `op${a}`),
    ]);
  });
});

/**
 * A collection of one operation: sixty accounts, each also posting its own words every day, copy thirty
 * templates on two evenings (each template by fifteen of them within ninety minutes), and ten of them also
 * repost the same posts within a minute of each other three times a day; two bystanders post and repost
 * everyday things. With `protest`, the sixty post their own words under three protest tags on three
 * evenings instead of the templates.
 */
function oneOperation(protest: boolean): FixturePost[] {
  const rnd = seededRandom(1);
  const out: FixturePost[] = [];
  const campaign = Array.from({ length: 60 }, (_, a) => `c${a}`);
  for (const a of campaign)
    for (let d = 0; d < 10; d++) out.push({ account: a, hour: d * 24 + rnd() * 24, text: ownWords(rnd, 8) });
  for (let b = 0; b < 2; b++)
    for (let d = 0; d < 10; d++) {
      out.push({ account: `b${b}`, hour: d * 24 + rnd() * 24, text: ownWords(rnd, 8) });
      for (let k = 0; k < 4; k++)
        out.push({
          account: `b${b}`,
          hour: d * 24 + rnd() * 24,
          kind: 'repost',
          repostOf: `pop${Math.floor(rnd() * 30)}`,
        });
    }
  if (protest) {
    ['azadi', 'nan', 'kar'].forEach((tag, d) => {
      for (const a of campaign)
        if (rnd() < 0.9)
          out.push({
            account: a,
            hour: (2 * d + 1) * 24 + 18 + rnd() * 3,
            text: ownWords(rnd, 8),
            hashtags: [tag],
          });
    });
  } else {
    for (let j = 0; j < 30; j++) {
      const text = `template ${j} says the ${j} turkey was poisoned by the company again ${j}`;
      const start = (5 + (j % 2)) * 24 + 18 + (j % 3) * 2;
      const chosen = [...campaign].sort(() => rnd() - 0.5).slice(0, 15);
      for (const a of chosen) out.push({ account: a, hour: start + rnd() * 1.5, text, hashtags: ['hoax'] });
    }
  }
  for (let d = 0; d < 10; d++)
    for (const h of [3, 10, 15])
      for (let k = 0; k < 10; k++)
        out.push({ account: `c${k}`, hour: d * 24 + h + k / 90, kind: 'repost', repostOf: `src-${d}-${h}` });
  return out;
}

/** The reported networks (account names, sorted) with whether each was joined, and the population. */
async function reportedOn(posts: FixturePost[], options: Partial<DetectOptions> = {}) {
  const store = await storeWith(posts);
  try {
    const detection = await detectNetworks(store, options);
    const names = await accountNames(store);
    const networks = detection.candidates
      .filter((c) => c.beyondChance)
      .map((c) => ({
        joined: c.joined === true,
        accounts: c.members.map((aid) => names.get(aid) ?? '').sort(),
      }));
    return { networks, population: detection.population };
  } finally {
    store.close();
  }
}

describe('a collection of one operation: the rest of a campaign the grouping cut in parts', () => {
  const team = Array.from({ length: 10 }, (_, k) => `c${k}`).sort();

  it('judges the rest of the connected part together when the reference is thin, and reports it', async () => {
    const { networks, population } = await reportedOn(oneOperation(false));
    assert.notEqual(population.warning, null, 'nearly all activity is the operation');
    const flagged = networks.flatMap((n) => n.accounts);
    assert.ok(
      flagged.every((a) => a.startsWith('c')),
      `campaign accounts only: ${JSON.stringify(networks)}`,
    );
    // The sixty copy the same templates at the same times: each part of them is explained by the others
    // against a reference of the operation itself, and judged together they are not.
    assert.ok(flagged.length >= 50, `accounts in networks ${flagged.length}`);
    assert.ok(
      team.every((a) => flagged.includes(a)),
      'the reposting ten are in a network',
    );
    assert.ok(networks.some((n) => n.joined));
  });

  it('joins nothing when the sixty are protesters posting their own words under shared tags', async () => {
    // A tag everyone active posts weighs nothing, so the protesters are in no connected part with the ten.
    const { networks } = await reportedOn(oneOperation(true));
    assert.deepEqual(networks, [{ joined: false, accounts: team }]);
  });
});

/**
 * Eight friends who repost and answer each other's posts within the hour, and eight accounts that repost an
 * outside account's posts within minutes of each other, every day for ten days, among everyday users. Reposting or
 * answering an account one has a tie with both ways is what friends do: it is not evidence of
 * coordination, and the circle is not reported; the eight who amplify an account that never answers them
 * are.
 */
function circles(): FixturePost[] {
  const rnd = seededRandom(31);
  const out: FixturePost[] = [];
  for (let d = 0; d < 10; d++) {
    for (let f = 0; f < 8; f++) {
      const hour = d * 24 + 8 + f + rnd();
      out.push({ account: `friend${f}`, hour, text: ownWords(rnd, 12) });
      const id = `p${out.length - 1}`;
      for (let g = 0; g < 8; g++) {
        if (g === f || rnd() < 0.5) continue;
        const answer = rnd() < 0.3;
        out.push({
          account: `friend${g}`,
          hour: hour + rnd() * 0.8,
          kind: answer ? 'reply' : 'repost',
          ...(answer
            ? { replyTo: id, replyToAccount: `friend${f}`, text: ownWords(rnd, 6) }
            : { repostOf: id, repostOfAccount: `friend${f}` }),
        });
      }
    }
    // The amplifiers repost the outlet within three minutes of each other. (Until 2026-12-08 they took half
    // an hour at their own times, which is how the outlet's devoted followers would repost it: under the
    // followings null, eight accounts that each repost most of one outlet's posts are explained by
    // following it, and only their timing can tell a ring from its readers.)
    const hour = d * 24 + 20 + rnd();
    out.push({ account: 'outlet', hour, text: ownWords(rnd, 12) });
    const id = `p${out.length - 1}`;
    const start = hour + rnd() * 0.5;
    for (let a = 0; a < 8; a++)
      if (rnd() < 0.8)
        out.push({
          account: `amp${a}`,
          hour: start + (rnd() * 3) / 60,
          kind: 'repost',
          repostOf: id,
          repostOfAccount: 'outlet',
        });
  }
  return out;
}

describe('ties both ways', () => {
  it('does not report friends who repost and answer each other, and reports those who amplify an outlet', async () => {
    // Everyday users also repost each other's posts now and then (a repost signal with a population).
    const posts = appended(everydayWithReposts(37), circles());
    const store = await storeWith(posts);
    const detection = await detectNetworks(store, {});
    const names = await accountNames(store);
    store.close();
    const reported = detection.candidates
      .filter((c) => c.beyondChance)
      .map((c) => c.members.map((aid) => names.get(aid) ?? ''));
    assert.ok(
      reported.some((n) => n.filter((a) => a.startsWith('amp')).length >= 6),
      JSON.stringify(reported),
    );
    assert.ok(!reported.flat().some((a) => a.startsWith('friend')), JSON.stringify(reported));
  });
});
