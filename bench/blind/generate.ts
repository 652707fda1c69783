// Blind benchmark generator: synthetic Persian/English Twitter data with planted coordinated networks and
// organic hard negatives, written without knowledge of how lockstep detects anything (see README.md).
//
//   npx tsx bench/blind/generate.ts --posts 100000 --seed 1 --out DIR [--layout io|v2|both]
//
// Writes DIR/tweets.csv + DIR/users.csv (Twitter IO archive layout) and/or DIR/tweets.jsonl (Twitter API
// v2), DIR/truth.csv (userid,network,kind,event,pattern) and DIR/plan.json (what was planted, with sizes).
// Exactly --posts posts; the same seed gives the same bytes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AliasTable } from '@lockstep/generate';
import {
  backgroundOriginals,
  backgroundResponses,
  breakingNews,
  chain,
  chant,
  fans,
  friends,
  journalists,
  makeOutlets,
  makePeople,
  matches,
  protestWaves,
  reactors,
  storm,
} from './_organic.js';
import {
  copyPaste,
  hashtagFlood,
  hijackers,
  type Planted,
  rentedFleet,
  replyBrigade,
  sleeperCell,
  stealthCell,
} from './_planted.js';
import { at, DAYS, EVENTS, HOUR, QUOTE, REPLY, RETWEET, World } from './_world.js';
import { writeDataset } from './_write.js';

export interface GenerateOptions {
  posts: number;
  seed: number;
  out: string;
  layout: 'io' | 'v2' | 'both';
}

export function generate(o: GenerateOptions) {
  const began = performance.now();
  const w = new World(o.posts, o.seed);
  const next = () => w.rng.fork();
  // Small patterns and crowds get more instances as the data grows: 1 up to 200k posts, 3 at 1M.
  const inst = o.posts <= 200_000 ? 1 : Math.max(1, Math.round(Math.sqrt(w.s)));

  makePeople(w, next(), Math.round(o.posts / 23.5));
  const outlets = makeOutlets(w, next());
  fans(w, next());
  const js = journalists(w, next(), inst);
  const waves = protestWaves(w, next(), inst);
  chant(w, next());
  matches(w, next());
  breakingNews(w, next(), outlets, inst);
  chain(w, next(), 'fa', Math.max(40, Math.round(0.03 * w.people.length)));
  if (inst > 1) chain(w, next(), 'en', Math.max(20, Math.round(0.01 * w.people.length)));
  const stormRng = next();
  const stormDays =
    inst > 1 ? [stormRng.between(12, 22), stormRng.between(27, 38)] : [stormRng.between(12, 36)];
  stormDays.forEach((d, k) => {
    storm(w, stormRng, k, d);
  });

  const planted: Planted[] = [];
  let net = 1;
  for (let k = 0; k < inst; k++) {
    planted.push(stealthCell(w, next(), net++, k));
    planted.push(rentedFleet(w, next(), net++));
    planted.push(replyBrigade(w, next(), net++, at(js, k)));
    planted.push(sleeperCell(w, next(), net++, outlets));
    const wave = at(waves, k);
    const hj = hijackers(w, next(), net++, wave);
    planted.push(hj);
    reactors(
      w,
      next(),
      `hijack:${wave.tag}`,
      [String(hj.info.counterTag), wave.tag],
      wave.onset,
      wave.onset + 10 * HOUR,
      Math.round(hj.members.length * 0.6) + 3,
      hj.posts,
    );
    planted.push(copyPaste(w, next(), net++));
  }
  const targets = [...js.map((j) => j.acct), ...outlets.news.values()];
  const fl = hashtagFlood(
    w,
    next(),
    net++,
    targets,
    js.flatMap((j) => j.posts),
  );
  planted.push(fl);
  const flStart = Date.parse(String(fl.info.start));
  reactors(
    w,
    next(),
    'flood',
    fl.info.tags as string[],
    flStart,
    flStart + 60 * HOUR,
    Math.round(fl.members.length * 0.35),
    fl.posts,
  );

  // The rest of the budget: everyday posting by everyone (cover for the planted accounts).
  const coverOrig = w.cover.reduce((x, c) => x + c.orig, 0);
  const coverResp = w.cover.reduce((x, c) => x + c.resp, 0);
  const left = o.posts - w.posts.length - coverOrig - coverResp;
  if (left < 0.25 * o.posts) {
    throw new RangeError(`--posts ${o.posts} is too small for the scenarios (need at least about 20,000)`);
  }
  const coverRng = next();
  for (const c of w.cover) for (let k = 0; k < c.orig; k++) w.ordinaryOriginal(coverRng, c.a, c.from, c.to);
  const table = new AliasTable(w.people.map((i) => w.acct(i).activity));
  const bg = next();
  backgroundOriginals(w, bg, Math.round(left * 0.44), table);
  friends(w, next(), Math.round(left * 0.08));
  for (const c of w.cover) {
    for (let k = 0; k < c.resp; k++) {
      const r = coverRng.next();
      w.ordinaryResponse(coverRng, c.a, r < 0.75 ? RETWEET : r < 0.95 ? REPLY : QUOTE);
    }
  }
  backgroundResponses(w, bg, o.posts, table);
  while (w.posts.length < o.posts) w.ordinaryOriginal(bg, w.acct(at(w.people, table.draw(bg))));
  const built = performance.now();

  const written = writeDataset(w, o.out, o.layout);

  // Summary: the plan file and the counts the report quotes.
  const active = w.accounts.filter((a) => a.posts > 0);
  const events: Record<string, number> = {};
  for (const a of active) {
    if (a.network !== 0 || a.events === 0) continue;
    const e = EVENTS.find((_, b) => a.events & (1 << b)) as string;
    events[e] = (events[e] ?? 0) + 1;
  }
  const networks = planted.map((p) => ({
    network: p.net,
    pattern: p.pattern,
    accounts: p.members.length,
    coordinatedPosts: p.posts.length,
    allPosts: p.members.reduce((x, a) => x + a.posts, 0),
    ...p.info,
  }));
  const summary = {
    posts: written.posts,
    accounts: written.accounts,
    organicAccounts: active.filter((a) => a.network === 0).length,
    coordinatedAccounts: active.filter((a) => a.network > 0).length,
    window: { start: '2022-10-01T00:00:00Z', days: DAYS },
    seed: o.seed,
    layout: o.layout,
    networks,
    organicEventAccounts: events,
    crowds: w.plan,
  };
  writeFileSync(join(o.out, 'plan.json'), `${JSON.stringify(summary, null, 2)}\n`);
  const seconds = {
    build: Number(((built - began) / 1000).toFixed(2)),
    write: Number(((performance.now() - built) / 1000).toFixed(2)),
  };
  return { ...summary, seconds };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      posts: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      layout: { type: 'string', default: 'io' },
      quiet: { type: 'boolean', default: false },
    },
  });
  const posts = Number(values.posts);
  const seed = Number(values.seed);
  const layout = values.layout;
  if (!values.out) throw new Error('--out DIR is required');
  if (!Number.isInteger(posts) || posts < 20_000)
    throw new Error('--posts must be a whole number of at least 20000');
  if (!Number.isInteger(seed) || seed < 0) throw new Error('--seed must be a non-negative whole number');
  if (layout !== 'io' && layout !== 'v2' && layout !== 'both')
    throw new Error('--layout must be io, v2 or both');
  const s = generate({ posts, seed, out: values.out, layout });
  if (values.quiet) return;
  console.log(
    `posts=${s.posts} accounts=${s.accounts} (organic ${s.organicAccounts}, coordinated ${s.coordinatedAccounts}) ` +
      `build=${s.seconds.build}s write=${s.seconds.write}s`,
  );
  for (const n of s.networks) {
    console.log(
      `  network ${n.network}: ${n.pattern}, ${n.accounts} accounts, ${n.coordinatedPosts} coordinated of ${n.allPosts} posts`,
    );
  }
  console.log(`  organic event accounts: ${JSON.stringify(s.organicEventAccounts)}`);
}

main();
