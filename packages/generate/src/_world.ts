// The state every generator stage shares: clock, account and post tables, the client names, and the
// scale factor that sizes each component from the requested number of posts.
import { Clock } from './_clock.js';
import { ORDINARY_CLIENTS } from './_lexicon-people.js';
import { AccountTable, PostTable } from './_tables.js';
import type { Rng } from './rng.js';

export interface World {
  readonly clock: Clock;
  readonly accounts: AccountTable;
  readonly posts: PostTable;
  /** Client names; a post stores the index. The ordinary clients come first, in `ORDINARY_CLIENTS` order. */
  readonly clients: string[];
  /** Requested posts / 1,000,000: the brief sizes every component at the 1M-post scale. */
  readonly scale: number;
  readonly usedIds: Set<string>;
  readonly usedHandles: Set<string>;
}

export function createWorld(posts: number, startMs: number, days: number, rng: Rng): World {
  return {
    clock: new Clock(startMs, days, rng),
    accounts: new AccountTable(),
    posts: new PostTable(posts),
    clients: [...ORDINARY_CLIENTS],
    scale: posts / 1_000_000,
    usedIds: new Set(),
    usedHandles: new Set(),
  };
}

/** Index of a client name, adding it on first use. */
export function clientIndex(world: World, name: string): number {
  const i = world.clients.indexOf(name);
  if (i >= 0) return i;
  world.clients.push(name);
  return world.clients.length - 1;
}

/** Index of 'Twitter Web App', which bots and seed accounts use for their manual posts. */
export const WEB_APP = 2;
