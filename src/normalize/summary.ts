// What a store holds: counts, time span, formats, kinds, top hashtags and domains, and the ingest
// report of every file loaded into it. `lockstep inspect` prints this.
import type { Store } from '../store/index.js';
import { type FileReport, formatBytes } from './report.js';

export interface StoreSummary {
  store: string;
  posts: number;
  accounts: number;
  postsWithoutTime: number;
  start: string | null;
  end: string | null;
  platforms: Record<string, number>;
  kinds: Record<string, number>;
  formats: Record<string, number>;
  topHashtags: { hashtag: string; posts: number; accounts: number }[];
  topDomains: { domain: string; posts: number }[];
  files: FileReport[];
}

export async function summarizeStore(store: Store, top = 10): Promise<StoreSummary> {
  const counts = await store.one<{
    posts: bigint;
    accounts: bigint;
    untimed: bigint;
    t0: string | null;
    t1: string | null;
  }>(`
    SELECT (SELECT count(*) FROM posts) AS posts, (SELECT count(*) FROM accounts) AS accounts,
      (SELECT count(*) FROM posts WHERE time IS NULL) AS untimed,
      (SELECT strftime(min(time), '%Y-%m-%dT%H:%M:%SZ') FROM posts) AS t0,
      (SELECT strftime(max(time), '%Y-%m-%dT%H:%M:%SZ') FROM posts) AS t1`);
  const grouped = async (sql: string) =>
    Object.fromEntries(
      (await store.all<{ k: string; n: bigint }>(sql)).map((r) => [r.k, Number(r.n)] as [string, number]),
    );
  const hashtags = await store.all<{ hashtag: string; posts: bigint; accounts: bigint }>(`
    SELECT tag AS hashtag, count(*) AS posts, count(DISTINCT account) AS accounts
    FROM (SELECT unnest(hashtags) AS tag, account FROM posts) GROUP BY tag ORDER BY posts DESC, tag LIMIT ${top}`);
  const domains = await store.all<{ domain: string; posts: bigint }>(`
    SELECT d AS domain, count(*) AS posts FROM (SELECT unnest(domains) AS d FROM posts)
    GROUP BY d ORDER BY posts DESC, d LIMIT ${top}`);
  const files = await store.all<{ report: string }>(`SELECT report FROM files ORDER BY file_id`);
  return {
    store: store.path,
    posts: Number(counts.posts),
    accounts: Number(counts.accounts),
    postsWithoutTime: Number(counts.untimed),
    start: counts.t0,
    end: counts.t1,
    platforms: await grouped(`SELECT platform AS k, count(*) AS n FROM posts GROUP BY 1 ORDER BY 2 DESC, 1`),
    kinds: await grouped(`SELECT kind AS k, count(*) AS n FROM posts GROUP BY 1 ORDER BY 2 DESC, 1`),
    formats: await grouped(`SELECT format AS k, count(*) AS n FROM files GROUP BY 1 ORDER BY 2 DESC, 1`),
    topHashtags: hashtags.map((h) => ({
      hashtag: h.hashtag,
      posts: Number(h.posts),
      accounts: Number(h.accounts),
    })),
    topDomains: domains.map((d) => ({ domain: d.domain, posts: Number(d.posts) })),
    files: files.map((f) => JSON.parse(f.report) as FileReport),
  };
}

export function formatSummary(s: StoreSummary): string {
  const n = (v: number) => v.toLocaleString('en-US');
  const pairs = (o: Record<string, number>) =>
    Object.entries(o)
      .map(([k, v]) => `${k} ${n(v)}`)
      .join(', ') || 'none';
  const out = [
    `store ${s.store}`,
    `  ${n(s.posts)} posts by ${n(s.accounts)} accounts`,
    `  time span ${s.start ?? '-'} to ${s.end ?? '-'} (UTC)` +
      (s.postsWithoutTime > 0 ? `; ${n(s.postsWithoutTime)} posts without a time` : ''),
    `  platforms: ${pairs(s.platforms)}`,
    `  kinds: ${pairs(s.kinds)}`,
    `  files: ${s.files.length} (${pairs(s.formats)})`,
  ];
  for (const f of s.files) {
    out.push(
      `    ${f.file}: ${f.format}, ${formatBytes(f.bytes)}, read ${n(f.rowsRead)}, loaded ${n(f.rowsLoaded)}, rejected ${n(f.rowsRejected)}` +
        ((f.rowsMerged ?? 0) > 0 ? `, merged ${n(f.rowsMerged)}` : ''),
    );
  }
  if (s.topHashtags.length > 0) {
    out.push('  top hashtags (posts / accounts):');
    for (const h of s.topHashtags) out.push(`    #${h.hashtag}  ${n(h.posts)} / ${n(h.accounts)}`);
  }
  if (s.topDomains.length > 0) {
    out.push('  top link domains (posts):');
    for (const d of s.topDomains) out.push(`    ${d.domain}  ${n(d.posts)}`);
  }
  return out.join('\n');
}
