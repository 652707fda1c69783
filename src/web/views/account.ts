// One account (/account/:key and its JSON twin): its profile and posts from the store (newest first, a page
// at a time), its networks, its edges by signal from edges.csv (strongest first) and its indicators from
// accounts.csv. The key is any string (URL-encoded in the path); it is looked up, never interpreted.
import type { NetworkAccount } from '../../networks/index.js';
import { accountLabel } from '../../report/labels.js';
import { HttpError, type ServeContext } from '../_context.js';
import { ACCOUNT_POSTS_SQL, PROFILE_SQL } from '../queries.sql.js';

export interface AccountPost {
  id: string;
  time: string | null;
  kind: string;
  text: string | null;
  lang: string | null;
  hashtags: string[];
  urls: string[];
  mentions: string[];
  repostOf: string | null;
  quoteOf: string | null;
  replyTo: string | null;
  client: string | null;
}

export interface AccountEdge {
  other: string;
  /** How the other account is shown: `@handle`, else its name, else its id (accountLabel). */
  otherLabel: string;
  network: number;
  weight: number;
  items: number;
  signals: Record<string, number>;
}

export interface AccountPayload {
  view: 'account';
  key: string;
  platform: string;
  account: string;
  profile: {
    handle: string | null;
    name: string | null;
    created: string | null;
    followers: number | null;
    following: number | null;
  } | null;
  /**
   * Its networks; `tiedBy` for a member with no edge there: the member it shares the most item-windows with
   * (whose evidence page shows them), by key and as shown, and how many.
   */
  networks: Array<{
    id: number;
    member: NetworkAccount;
    tiedBy?: { key: string; label: string; items: number };
  }>;
  /** accounts.csv rows for the account (one per network), column -> cell. */
  indicators: Array<Record<string, string>>;
  signals: string[];
  /** Per signal: the account's edges with weight on it, and their summed weight. */
  bySignal: Record<string, { edges: number; weight: number }>;
  edges: AccountEdge[];
  edgesTotal: number;
  posts: { page: number; pageSize: number; total: number; items: AccountPost[] };
}

export function parsePage(raw: string | null): number {
  if (raw === null || raw === '') return 1;
  if (!/^[0-9]{1,6}$/.test(raw) || Number(raw) < 1) throw new HttpError(400, 'page is a whole number from 1');
  return Number(raw);
}

export async function buildAccountView(
  ctx: ServeContext,
  key: string,
  rawPage: string | null,
): Promise<AccountPayload> {
  const page = parsePage(rawPage);
  const ref = await ctx.requireAccount(key);
  const size = ctx.limits.postsPerPage;
  // Three reads side by side: the store serves several connections at once (src/web/_timed-store.ts).
  const [profiles, counted, posts] = await Promise.all([
    ctx.db.all<Record<string, unknown>>(PROFILE_SQL, [ref.platform, ref.account]),
    ctx.db.all<{ n: bigint }>(`SELECT count(*) AS n FROM posts WHERE platform = $1 AND account = $2`, [
      ref.platform,
      ref.account,
    ]),
    ctx.db.all<Record<string, unknown>>(ACCOUNT_POSTS_SQL, [
      ref.platform,
      ref.account,
      size,
      (page - 1) * size,
    ]),
  ]);
  const profile = profiles[0];
  const own = [...(ctx.run.edgesByAccount.get(key) ?? [])].sort((x, y) => y.weight - x.weight);
  const bySignal: AccountPayload['bySignal'] = {};
  for (const e of own) {
    for (const [s, w] of Object.entries(e.signals)) {
      const entry = bySignal[s] ?? { edges: 0, weight: 0 };
      entry.edges++;
      entry.weight = Math.round((entry.weight + w) * 1000) / 1000;
      bySignal[s] = entry;
    }
  }
  return {
    view: 'account',
    key,
    platform: ref.platform,
    account: ref.account,
    profile:
      profile === undefined
        ? null
        : {
            handle: str(profile.handle),
            name: str(profile.name),
            created: str(profile.created),
            followers: num(profile.followers),
            following: num(profile.following),
          },
    networks: (ctx.run.members.get(key) ?? []).map((m) => {
      const n = ctx.network(m.network);
      const e = (n?.memberEvidence ?? []).find((x) => x.account === key);
      const other = e === undefined ? undefined : n?.accounts.find((a) => a.key === e.with);
      return {
        id: m.network,
        member: m.account,
        ...(e === undefined
          ? {}
          : {
              tiedBy: {
                key: e.with,
                label: other === undefined ? e.with : accountLabel(other),
                items: e.items,
              },
            }),
      };
    }),
    indicators: ctx.run.indicators.get(key) ?? [],
    signals: ctx.run.signals,
    bySignal,
    edges: own.slice(0, ctx.limits.maxAccountEdges).map((e) => {
      const other = e.source === key ? e.target : e.source;
      const member = ctx.run.members.get(other)?.[0]?.account;
      return {
        other,
        otherLabel: member === undefined ? other : accountLabel(member),
        network: e.network,
        weight: e.weight,
        items: e.items,
        signals: e.signals,
      };
    }),
    edgesTotal: own.length,
    posts: {
      page,
      pageSize: size,
      total: Number(counted[0]?.n ?? 0),
      items: posts.map((p) => ({
        id: String(p.id),
        time: str(p.time),
        kind: String(p.kind),
        text: str(p.text),
        lang: str(p.lang),
        hashtags: list(p.hashtags),
        urls: list(p.urls),
        mentions: list(p.mentions),
        repostOf: str(p.repost_of),
        quoteOf: str(p.quote_of),
        replyTo: str(p.reply_to),
        client: str(p.client),
      })),
    },
  };
}

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
