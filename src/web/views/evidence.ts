// The evidence for a pair of accounts (/evidence/:a/:b and its JSON twin): every pair of their posts that
// share an item (the same repost or quote target, post answered, hashtag, URL, site, mention, or
// normalised text) within the run's co-activity window, side by side with their times, those sharing the
// most first, then earliest; capped, with the total counted.
// The edge from edges.csv, when the pair has one, says what detection weighed.
import { accountLabel } from '../../report/labels.js';
import { type AccountRef, HttpError, type ServeContext } from '../_context.js';
import { EVIDENCE_SQL, PROFILE_SQL } from '../queries.sql.js';

export interface EvidencePairPost {
  id: string;
  time: string;
  kind: string;
  text: string | null;
}

export interface EvidencePayload {
  view: 'evidence';
  a: { key: string; label: string; networks: number[] };
  b: { key: string; label: string; networks: number[] };
  windowSeconds: number;
  edge: { network: number; weight: number; items: number; signals: Record<string, number> } | null;
  total: number;
  limit: number;
  pairs: Array<{ shared: string[]; seconds: number; a: EvidencePairPost; b: EvidencePairPost }>;
}

export async function buildEvidenceView(
  ctx: ServeContext,
  keyA: string,
  keyB: string,
): Promise<EvidencePayload> {
  if (keyA === keyB) throw new HttpError(400, 'evidence is for two different accounts');
  const a = await ctx.requireAccount(keyA);
  const b = await ctx.requireAccount(keyB);
  const limit = ctx.limits.maxEvidencePairs;
  const rows = await ctx.db.all<Record<string, unknown>>(EVIDENCE_SQL, [
    a.platform,
    a.account,
    b.platform,
    b.account,
    ctx.run.windowSeconds,
    limit,
    JSON.stringify(ctx.run.platformDomains),
  ]);
  const edge = (ctx.run.edgesByAccount.get(keyA) ?? []).find(
    (e) => (e.source === keyA && e.target === keyB) || (e.source === keyB && e.target === keyA),
  );
  // A member is named as networks.json has it; another account by its profile in the store, if any.
  const side = async (ref: AccountRef) => {
    const m = ctx.run.members.get(ref.key) ?? [];
    const member = m[0]?.account;
    let label = member === undefined ? ref.key : accountLabel(member);
    if (member === undefined) {
      const [p] = await ctx.db.all<{ handle: string | null; name: string | null }>(PROFILE_SQL, [
        ref.platform,
        ref.account,
      ]);
      if (p !== undefined) label = accountLabel({ account: ref.key, handle: p.handle, name: p.name });
    }
    return { key: ref.key, label, networks: m.map((x) => x.network) };
  };
  const post = (r: Record<string, unknown>, p: 'a' | 'b'): EvidencePairPost => ({
    id: String(r[`${p}_id`]),
    time: String(r[`${p}_time`]),
    kind: String(r[`${p}_kind`]),
    text: r[`${p}_text`] == null ? null : String(r[`${p}_text`]),
  });
  return {
    view: 'evidence',
    a: await side(a),
    b: await side(b),
    windowSeconds: ctx.run.windowSeconds,
    edge:
      edge === undefined
        ? null
        : { network: edge.network, weight: edge.weight, items: edge.items, signals: edge.signals },
    total: Number(rows[0]?.total ?? 0),
    limit,
    pairs: rows.map((r) => ({
      shared: Array.isArray(r.shared) ? r.shared.map(String) : [],
      seconds: Number(r.seconds),
      a: post(r, 'a'),
      b: post(r, 'b'),
    })),
  };
}
