// Sizes and schedules of every component, derived from the requested post count and span. The brief sizes
// things at 1M posts; counts scale linearly with floors, so a 2,000-post dataset still holds every part.

import { STORMS } from './_lexicon-campaigns.js';
import type { World } from './_world.js';
import type { Rng } from './rng.js';

const HOUR = 3600;

export interface Window {
  start: number;
  end: number;
}

export interface Plan {
  organicAccounts: number;
  protest: Window & { peak: number; accounts: number };
  sloganAccounts: number;
  storm: { time: number; accounts: number; story: number };
  counterAccounts: number;
  viral: { posts: number; minRetweets: number; maxRetweets: number };
  flood: Window & { accounts: number; posts: number };
  stealth: { accounts: number; talkingPoints: number };
  ring: { seeds: number; accounts: number; seedPosts: number };
  link: { accounts: number; events: number };
}

export function makePlan(world: World, posts: number, rng: Rng): Plan {
  const { clock, scale } = world;
  const span = clock.spanSeconds;
  const days = clock.days;
  const organicAccounts = Math.max(150, Math.round(posts * 0.165));

  // The protest evening: 17:00-23:00 Tehran, peaking at 20:30, about a fifth into the span.
  const protestDay = Math.round(days * 0.2);
  const protestStart = clock.clip(Math.min(clock.atLocal(protestDay, 17), span - 7 * HOUR));
  const protestEnd = Math.min(span - 1, protestStart + 6 * HOUR);

  // The flood: 60 hours from a morning about 45% into the span (shorter only if the span is).
  const floodSeconds = Math.min(60 * HOUR, Math.floor(span * 0.8));
  let floodStart = clock.clip(clock.atLocal(Math.round(days * 0.45), 10));
  if (floodStart + floodSeconds > span - HOUR) floodStart = Math.max(0, span - floodSeconds - HOUR);

  const stormTime = clock.clip(Math.min(clock.atLocal(Math.round(days * 0.65), 20), span - 2 * HOUR));

  const ringAccounts = Math.max(8, Math.round(100 * scale));
  const linkAccounts = Math.max(8, Math.round(60 * scale));
  return {
    organicAccounts,
    protest: {
      start: protestStart,
      end: protestEnd,
      peak: protestStart + 3.5 * HOUR,
      accounts: Math.round(organicAccounts / 3),
    },
    sloganAccounts: Math.max(20, Math.round(organicAccounts * 0.08)),
    storm: {
      time: stormTime,
      accounts: Math.max(30, Math.round(organicAccounts * 0.055)),
      story: rng.int(STORMS.length),
    },
    counterAccounts: Math.max(10, Math.round(organicAccounts * 0.03)),
    viral: {
      posts: 5,
      minRetweets: Math.max(12, Math.round(2000 * scale)),
      maxRetweets: Math.max(25, Math.round(10_000 * scale)),
    },
    flood: {
      start: floodStart,
      end: floodStart + floodSeconds,
      accounts: Math.max(8, Math.round(350 * scale)),
      posts: Math.max(120, Math.round(posts * 0.112)),
    },
    stealth: {
      accounts: Math.max(8, Math.round(55 * scale)),
      talkingPoints: Math.min(40, Math.max(6, Math.round(36 * Math.sqrt(scale)))),
    },
    ring: {
      seeds: 4,
      accounts: ringAccounts,
      seedPosts: Math.max(6, Math.round((posts * 0.018) / (ringAccounts * 0.8))),
    },
    link: {
      accounts: linkAccounts,
      events: Math.max(6, Math.round((posts * 0.01) / (linkAccounts * 0.7))),
    },
  };
}
