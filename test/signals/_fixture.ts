// Hand-built posts for signal and chance-model tests: rows go straight into an in-memory store's posts
// table (already normalised), so each test states exactly which accounts did what, and when.
import type { ScenarioPost } from '@lockstep/generate';
import { Store } from '../../src/store/index.js';

/** A scenario's post (`@lockstep/generate`), with the accounts that wrote the posts reposted or answered. */
export interface FixturePost extends ScenarioPost {
  /** The account that wrote the post reposted. */
  repostOfAccount?: string;
  /** The account that wrote the post answered. */
  replyToAccount?: string;
}

const T0 = Date.UTC(2024, 0, 1);
const list = (xs: string[] | undefined) =>
  `[${(xs ?? []).map((x) => `'${x.replaceAll("'", "''")}'`).join(', ')}]::VARCHAR[]`;
const str = (x: string | undefined) => (x === undefined ? 'NULL' : `'${x.replaceAll("'", "''")}'`);

export async function storeWith(posts: FixturePost[]): Promise<Store> {
  const store = await Store.open();
  const values = posts.map((p, i) => {
    const time = new Date(T0 + p.hour * 3_600_000).toISOString();
    const domains = (p.urls ?? []).map((u) => new URL(u).hostname);
    return `('test', 'p${i}', ${str(p.account)}, TIMESTAMP '${time.slice(0, 19).replace('T', ' ')}', '${p.kind ?? 'post'}',
      ${str(p.text)}, ${str(p.text?.toLowerCase())}, NULL, ${list(p.hashtags)}, ${list(p.urls)}, ${list(domains)},
      ${list(p.mentions)}, ${str(p.repostOf)}, ${str(p.repostOfAccount)}, ${str(p.replyTo)}, ${str(p.replyToAccount)}, NULL, NULL, 1, ${i + 1})`;
  });
  for (let i = 0; i < values.length; i += 500) {
    await store.run(`INSERT INTO posts VALUES ${values.slice(i, i + 500).join(',\n')}`);
  }
  return store;
}

/** Unrelated everyday activity, so that rarity and the chance model have a population to compare with. */
export function background(accounts: number, days: number, seed = 1): FixturePost[] {
  let s = seed;
  const rnd = () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
  const out: FixturePost[] = [];
  for (let a = 0; a < accounts; a++) {
    for (let d = 0; d < days; d++) {
      const hour = d * 24 + Math.floor(rnd() * 24);
      out.push({
        account: `bg${a}`,
        hour,
        text: `ordinary day number ${d} thought ${a} about ${Math.floor(rnd() * 1e6)} things`,
        hashtags: [`daily${Math.floor(rnd() * 40)}`],
      });
    }
  }
  return out;
}

/** The account pairs of the _edge table, as 'x|y' with the two account names sorted. */
export async function edgePairs(store: Store): Promise<Map<string, Record<string, number>>> {
  const rows = await store.all<Record<string, unknown>>(`
    SELECT x.account AS a, y.account AS c, e.* EXCLUDE (a, c)
    FROM _edge e JOIN _acct x ON x.aid = e.a JOIN _acct y ON y.aid = e.c`);
  return new Map(
    rows.map((r) => {
      const key = [String(r.a), String(r.c)].sort().join('|');
      const figures: Record<string, number> = {};
      for (const [k, v] of Object.entries(r)) if (k !== 'a' && k !== 'c') figures[k] = Number(v);
      return [key, figures];
    }),
  );
}

/** Account names by working-set id (aid), once detection has built the working set. */
export async function accountNames(store: Store): Promise<Map<number, string>> {
  const rows = await store.all<{ aid: number; account: string }>(`SELECT aid, account FROM _acct`);
  return new Map(rows.map((r) => [Number(r.aid), r.account]));
}
