// Synthetic accounts: ids that match their creation dates (sequential before 2016, snowflakes after),
// handles, names, bios and follower counts for ordinary users, plus the profiles of each planted network
// (batch-created bots with name + 8 digit handles, aged accounts, news-like seed accounts).
import { formatDate } from './_clock.js';
import { FLOOD_BIOS } from './_lexicon-campaigns.js';
import {
  BIO_PARTS,
  FIRST_NAMES,
  LAST_NAMES,
  NAME_EMOJI,
  NICKNAMES,
  ORDINARY_CLIENT_WEIGHTS,
  PHRASE_NAMES,
  PLACES,
} from './_lexicon-people.js';
import { drawStyle, randomCode } from './_spelling.js';
import type { World } from './_world.js';
import type { Rng } from './rng.js';

export type Profile = 'organic' | 'flood' | 'stealth' | 'seed' | 'ring' | 'link';

const DAY_MS = 86_400_000;
const TWITTER_EPOCH_MS = 1_288_834_974_657;
/** [creation time, user id] anchors of Twitter's sequential ids before 64-bit snowflake user ids. */
const SEQUENTIAL_IDS: ReadonlyArray<readonly [number, number]> = [
  [Date.UTC(2009, 0, 1), 18e6],
  [Date.UTC(2010, 0, 1), 1e8],
  [Date.UTC(2011, 0, 1), 2.3e8],
  [Date.UTC(2012, 0, 1), 4.6e8],
  [Date.UTC(2013, 0, 1), 1.1e9],
  [Date.UTC(2014, 0, 1), 2.3e9],
  [Date.UTC(2015, 0, 1), 2.95e9],
  [Date.UTC(2016, 0, 1), 4.7e9],
];
const SNOWFLAKE_FROM = Date.UTC(2016, 0, 1);

function userIdFor(rng: Rng, createdMs: number): string {
  if (createdMs >= SNOWFLAKE_FROM) {
    const ms = BigInt(Math.floor(createdMs) - TWITTER_EPOCH_MS);
    return ((ms << 22n) | BigInt(rng.int(1 << 22))).toString();
  }
  let lo = SEQUENTIAL_IDS[0] as readonly [number, number];
  for (const anchor of SEQUENTIAL_IDS) {
    if (anchor[0] > createdMs) {
      const f = (createdMs - lo[0]) / (anchor[0] - lo[0]);
      return String(Math.floor(lo[1] + f * (anchor[1] - lo[1]) + rng.int(40_000)));
    }
    lo = anchor;
  }
  return String(Math.floor(lo[1] + rng.int(40_000)));
}

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function digits(rng: Rng, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += String(rng.int(10));
  return out;
}

/** The handle a person picks, from their name in Latin letters. */
function personHandle(rng: Rng, first: string, last: string): string {
  const form = rng.next();
  if (form < 0.25) return `${first}_${last}`;
  if (form < 0.45) return `${first}${last}${digits(rng, rng.between(2, 4))}`;
  if (form < 0.6) return `${capital(first)}${capital(last)}`;
  if (form < 0.75) return `${rng.pick(NICKNAMES)}_${first}`;
  if (form < 0.88) return `${first}_${digits(rng, rng.between(2, 4))}`;
  return `${rng.pick(NICKNAMES)}${digits(rng, rng.between(1, 4))}`;
}

/** Twitter's default handle for a quick sign-up: up to 7 letters of the name and 8 digits. */
function autoHandle(rng: Rng, first: string): string {
  return capital(first).slice(0, 7) + digits(rng, 8);
}

function unique(world: World, rng: Rng, handle: string): string {
  let out = handle.slice(0, 15);
  if (out.length < 4) out += digits(rng, 4 - out.length);
  while (world.usedHandles.has(out.toLowerCase())) out = out.slice(0, 12) + digits(rng, 3);
  world.usedHandles.add(out.toLowerCase());
  return out;
}

function bio(rng: Rng): string {
  if (rng.chance(0.35)) return '';
  const parts = rng.between(1, 3);
  const sep = rng.pick([' | ', ' ', '\n', ' • ', '، ']);
  let out = rng.pick(BIO_PARTS);
  for (let i = 1; i < parts; i++) out += sep + rng.pick(BIO_PARTS);
  return out;
}

function createdFor(rng: Rng, profile: Profile, startMs: number, batchMs: number): number {
  switch (profile) {
    case 'flood':
      return batchMs + rng.uniform(0, 4) * DAY_MS;
    case 'stealth':
      return rng.uniform(Date.UTC(2011, 0, 1), Math.min(Date.UTC(2019, 0, 1), startMs - 400 * DAY_MS));
    case 'seed':
      return rng.uniform(Date.UTC(2013, 0, 1), Math.min(Date.UTC(2020, 0, 1), startMs - 400 * DAY_MS));
    case 'ring':
      return startMs - rng.uniform(60, 2500) * DAY_MS;
    case 'link':
      return startMs - rng.uniform(30, 1500) * DAY_MS;
    default: {
      // A fifth of the users joined in the last year, as many Iranians did in 2022.
      if (rng.chance(0.22)) return startMs - rng.uniform(2, 300) * DAY_MS;
      const oldest = Math.max(400, (startMs - Date.UTC(2009, 0, 1)) / DAY_MS);
      return startMs - rng.uniform(300, oldest) * DAY_MS;
    }
  }
}

export interface AccountOptions {
  /** Creation time of the batch, for the flood's accounts. */
  batchMs?: number;
  /** A fixed client index (the flood's automation app). */
  client?: number;
}

export function createAccount(
  world: World,
  rng: Rng,
  profile: Profile,
  options: AccountOptions = {},
): number {
  const startMs = world.clock.startMs;
  const createdMs = createdFor(rng, profile, startMs, options.batchMs ?? startMs - 30 * DAY_MS);
  let id = userIdFor(rng, createdMs);
  while (world.usedIds.has(id)) id = userIdFor(rng, createdMs);
  world.usedIds.add(id);

  const [firstFa, first] = rng.pick(FIRST_NAMES);
  const [lastFa, last] = rng.pick(LAST_NAMES);
  const nameForm = rng.next();
  let name: string;
  if (profile === 'seed')
    name = rng.pick(['خبر فوری', 'رسانه مردمی', 'اخبار لحظه‌ای', 'صدای ملت', 'پایگاه خبری']);
  else if (profile === 'flood') name = nameForm < 0.7 ? `${firstFa} ${lastFa}` : `${firstFa} 🇮🇷`;
  else if (nameForm < 0.55) name = `${firstFa} ${lastFa}`;
  else if (nameForm < 0.7) name = `${firstFa} ${rng.pick(NAME_EMOJI)}`;
  else if (nameForm < 0.82) name = `${capital(first)} ${capital(last)}`;
  else if (nameForm < 0.92) name = rng.pick(PHRASE_NAMES);
  else name = firstFa;

  const auto = profile === 'flood' || rng.chance(profile === 'ring' ? 0.3 : profile === 'organic' ? 0.08 : 0);
  const handle = unique(world, rng, auto ? autoHandle(rng, first) : personHandle(rng, first, last));

  let followers: number;
  let following: number;
  if (profile === 'flood') {
    followers = Math.floor(rng.lognormal(1.2, 1));
    following = rng.between(150, 1800);
  } else if (profile === 'seed') {
    followers = Math.floor(rng.uniform(5000, 60_000));
    following = rng.between(100, 900);
  } else {
    followers = Math.floor(rng.lognormal(profile === 'organic' ? 4.8 : 5.5, 1.6));
    following = Math.min(5000, Math.floor(rng.lognormal(5.5, 1)));
  }

  const place = rng.chance(0.4) ? undefined : rng.pick(PLACES);
  const client = options.client ?? rng.weighted(ORDINARY_CLIENT_WEIGHTS);
  return world.accounts.add({
    id,
    handle,
    name,
    location:
      profile === 'flood'
        ? rng.pick(['', '', 'ایران', 'Iran'])
        : place
          ? place[rng.chance(0.55) ? 0 : 1]
          : '',
    description: profile === 'flood' ? (rng.chance(0.5) ? '' : rng.pick(FLOOD_BIOS)) : bio(rng),
    url: rng.chance(profile === 'seed' ? 0.8 : 0.08) ? `https://t.co/${randomCode(rng, 10)}` : '',
    followers,
    following,
    created: formatDate(createdMs),
    lang: profile === 'flood' ? 'fa' : rng.pick(['fa', 'fa', 'fa', 'fa', 'en', 'en', 'fa', 'en', 'ar', 'de']),
    client,
    altClient: rng.weighted(ORDINARY_CLIENT_WEIGHTS),
    style: drawStyle(rng, profile === 'flood'),
    network: 0,
  });
}

/** The client of one post: the account's own, now and then its second device. */
export function clientOf(world: World, account: number, rng: Rng): number {
  const row = world.accounts.get(account);
  return rng.chance(0.1) ? row.altClient : row.client;
}
