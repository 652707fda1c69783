// The independent scenario generator of bench/scenarios.ts (written apart from the dataset generator of
// this package): an organic background, a protest on three evenings, a tweetstorm, and five planted
// networks (A copy-paste ring, B retweet ring around three seed accounts, C slow link-sharing network, D
// amplifiers of viral posts in step, E a reply brigade in step on a minister everyone answers). It returns
// posts, not files: the tests and benchmarks load them into a store (test/signals/_fixture.ts).
import { seededRandom } from './rng.js';

/** One post of a scenario; test/signals/_fixture.ts's FixturePost adds the accounts reposted and answered. */
export interface ScenarioPost {
  account: string;
  /** Hours after 2024-01-01T00:00Z. */
  hour: number;
  kind?: 'post' | 'repost' | 'reply' | 'quote';
  text?: string;
  hashtags?: string[];
  urls?: string[];
  mentions?: string[];
  /** The id of the post reposted: `p` and its index in the scenario's posts. */
  repostOf?: string;
  /** The id of the post answered (a reply). */
  replyTo?: string;
}

const DAYS = 14;

export function scenario(seed: number, accountCount: number) {
  const rnd = seededRandom(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  /** Index in [0, n) with probability falling off about as 1/(i+1). */
  const zipf = (n: number) => Math.min(n - 1, Math.floor(n ** rnd()) - 1);
  const poisson = (mean: number) => {
    let k = 0;
    let p = Math.exp(-mean);
    let s = p;
    const u = rnd();
    while (u > s) {
      k++;
      p *= mean / k;
      s += p;
    }
    return k;
  };
  const words = Array.from({ length: 2000 }, (_, i) => `w${i.toString(36)}`);
  const soup = (k: number) => Array.from({ length: k }, () => words[zipf(2000)]).join(' ');
  const hourOfDay = () => (rnd() < 0.6 ? 8 + rnd() * 16 : rnd() * 24);
  const posts: ScenarioPost[] = [];
  /** Adds a post and returns its id (the fixture store names posts p0, p1, ... in order). */
  const add = (p: ScenarioPost) => `p${posts.push(p) - 1}`;
  const role = new Map<string, string>();

  const virals = Array.from({ length: 300 }, (_, v) => {
    const hour = int(DAYS) * 24 + hourOfDay();
    const account = `celeb${v % 30}`;
    role.set(account, 'organic');
    return {
      hour,
      id: add({ account, hour, text: soup(12), hashtags: rnd() < 0.5 ? [`t${zipf(500)}`] : [] }),
    };
  });
  const organic = (account: string, perDay: number) => {
    for (let d = 0; d < DAYS; d++) {
      for (let i = poisson(perDay); i > 0; i--) {
        const hour = d * 24 + hourOfDay();
        if (rnd() < 0.2) {
          const v = virals[zipf(300)] as { hour: number; id: string };
          if (v.hour < hour)
            add({ account, hour: Math.min(hour, v.hour + rnd() * 6), kind: 'repost', repostOf: v.id });
          continue;
        }
        add({
          account,
          hour,
          text: soup(8 + int(8)),
          hashtags: rnd() < 0.4 ? Array.from({ length: 1 + int(2) }, () => `t${zipf(500)}`) : [],
          urls: rnd() < 0.15 ? [`https://site${zipf(50)}.example/a${zipf(2000)}`] : [],
        });
      }
    }
  };
  const accounts = Array.from({ length: accountCount }, (_, i) => `u${i}`);
  for (const a of accounts) {
    organic(a, Math.min(20, Math.exp(rnd() * 2.5 - 1)));
    role.set(a, 'organic');
  }
  const slogans = [
    'bread work freedom for all of us now',
    'we will not be silent any more tonight',
    'justice for the victims of the crackdown now',
    'the people want an end to this now',
    'women life freedom today and every day',
  ];
  const protesters = new Set<string>();
  for (const [i, d] of [3, 5, 9].entries()) {
    for (const a of accounts) {
      if (rnd() > 0.35) continue;
      protesters.add(a);
      const text = rnd() < 0.5 ? (slogans[int(5)] as string) : soup(10);
      add({ account: a, hour: d * 24 + 18 + rnd() * 4, hashtags: [`protest${i}`, 'freedom'], text });
    }
  }
  const stormers = new Set<string>();
  for (const a of accounts) {
    if (rnd() > 0.2) continue;
    stormers.add(a);
    const text = 'release the prisoners now we demand justice for all of them';
    add({ account: a, hour: 7 * 24 + 20 + rnd() * 0.25, hashtags: ['storm'], mentions: ['target'], text });
  }
  // A: twelve accounts post one of thirty templates within ten minutes, three times a day for ten days.
  const A = Array.from({ length: 12 }, (_, i) => `a${i}`);
  const templates = Array.from({ length: 30 }, (_, i) => `${soup(6)} official truth number ${i} ${soup(6)}`);
  for (const a of A) {
    organic(a, 1);
    role.set(a, 'A');
  }
  for (let d = 2; d < 12; d++) {
    for (const h of [9, 14, 21]) {
      const text = templates[int(30)] as string;
      for (const a of A) {
        if (rnd() < 0.8) {
          const hashtags = rnd() < 0.5 ? ['campaigna'] : [`t${zipf(500)}`];
          add({ account: a, hour: d * 24 + h + rnd() / 6, text, hashtags });
        }
      }
    }
  }
  // B: twenty accounts repost three seed accounts' posts within two to five minutes, forty times.
  const B = Array.from({ length: 20 }, (_, i) => `b${i}`);
  const seeds = ['s0', 's1', 's2'];
  for (const a of [...B, ...seeds]) {
    organic(a, 1);
    role.set(a, 'B');
  }
  for (let k = 0; k < 40; k++) {
    const hour = int(DAYS) * 24 + hourOfDay();
    const id = add({ account: seeds[int(3)] as string, hour, text: soup(10) });
    for (const b of B) {
      if (rnd() < 0.7) add({ account: b, hour: hour + (2 + rnd() * 3) / 60, kind: 'repost', repostOf: id });
    }
  }
  // C: ten accounts share the same article of a fringe site within 45 minutes of each other, fifteen times.
  const C = Array.from({ length: 10 }, (_, i) => `c${i}`);
  for (const a of C) {
    organic(a, 1.5);
    role.set(a, 'C');
  }
  for (let e = 0; e < 15; e++) {
    const hour = int(DAYS) * 24 + hourOfDay();
    for (const c of C) {
      if (rnd() < 0.6)
        add({
          account: c,
          hour: hour + (rnd() - 0.5) * 1.5,
          urls: [`https://fringe.example/story${e}`],
          text: soup(9),
        });
    }
  }
  // D: fifteen accounts repost one of the ten most reposted viral posts within half a minute of each other,
  // forty times: amplification of content that the crowd reposts anyway, told apart only by its timing.
  const D = Array.from({ length: 15 }, (_, i) => `d${i}`);
  for (const a of D) {
    organic(a, 1);
    role.set(a, 'D');
  }
  for (let e = 0; e < 40; e++) {
    const v = virals[zipf(10)] as { hour: number; id: string };
    const hour = v.hour + rnd() * 3;
    for (const d of D) {
      if (rnd() < 0.7) add({ account: d, hour: hour + rnd() / 120, kind: 'repost', repostOf: v.id });
    }
  }
  // E: ten accounts answer a minister, each time within ninety seconds of each other, on thirty of the
  // forty-two posts that draw sixty other users' answers over the next three hours (own words each time).
  const E = Array.from({ length: 10 }, (_, i) => `e${i}`);
  for (const a of [...E, 'minister']) {
    organic(a, 1);
    role.set(a, a === 'minister' ? 'organic' : 'E');
  }
  for (let k = 0; k < 42; k++) {
    const hour = Math.floor(k / 3) * 24 + 8 + (k % 3) * 5 + rnd();
    const post = add({ account: 'minister', hour, text: soup(10) });
    for (let i = 0; i < 60; i++) {
      const account = accounts[int(accounts.length)] as string;
      add({
        account,
        hour: hour + rnd() * 3,
        kind: 'reply',
        replyTo: post,
        mentions: ['minister'],
        text: soup(8),
      });
    }
    if (k % 7 >= 5) continue;
    const at = hour + rnd() * 2.9;
    for (const e of E) {
      if (rnd() < 0.8)
        add({
          account: e,
          hour: at + rnd() / 40,
          kind: 'reply',
          replyTo: post,
          mentions: ['minister'],
          text: soup(8),
        });
    }
  }
  return { posts, role, protesters, stormers };
}
