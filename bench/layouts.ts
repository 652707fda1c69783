// Layout equivalence: the same posts written as a Twitter Information Operations archive (tweets.csv +
// users.csv, as `python3 ../shared/bench/gen_io.py --posts 20000 --seed 5 --out DIR` writes them) and as
// Twitter API v2 JSON must give the same store. This rewrites an IO-archive dataset as API v2 JSONL in two
// layouts, loads each into its own store beside the archive's, and compares the posts and accounts tables
// field by field, keyed by id, printing the count of differences per field with examples.
//
// Usage: npx tsx bench/layouts.ts DIR [--out OUTDIR] [--layout tweets|pages|both] [--examples N]
//        [--rt-text api|archive] [--keep]
// DIR holds tweets.csv and (optionally) users.csv; a path ending in .csv is taken as the tweets file alone
// (e.g. ../shared/data/real/twitter-io-archive-sample/ira_2018_10_tweets_hashed_sample.csv). Stores and
// the v2 files are written to OUTDIR, else to a temporary folder removed at the end (kept with --keep).
//
// The v2 files are written as the API (or twarc2) would give the same tweets:
// - created_at is the archive's minute with seconds :00 (the archive has minute resolution);
// - `tweets` layout: one tweet per line, twarc2-flatten style, the author's user object under `author`
//   and each referenced tweet's `author_id` in its referenced_tweets entry;
// - `pages` layout: response pages of 100 tweets, `data` + `includes.users` (authors, mentioned, replied
//   to and retweeted users) + `includes.tweets` (the referenced tweets, as the expansion gives them);
// - a retweet's text is `RT @handle: <original text>` cut at 140 characters with `…`, and its entities are
//   the original's that fit in that text plus the mention of the retweeted account, as the v2 API gives
//   them (`--rt-text archive` keeps the archive's text and lists instead, to isolate reader differences);
// - hashtags, URLs and mentions are the archive's list cells as entities (mention usernames from users).
// Differences are counted per field and broken down by the archive's kind, with examples.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadFiles, Store } from '../src/index.js';
import { sqlString } from '../src/store/index.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string' },
    layout: { type: 'string', default: 'both' },
    examples: { type: 'string', default: '3' },
    'rt-text': { type: 'string', default: 'api' },
    keep: { type: 'boolean', default: false },
  },
});
const dir = positionals[0];
if (dir === undefined) {
  console.error('usage: npx tsx bench/layouts.ts DIR [--out OUTDIR] [--layout tweets|pages|both]');
  process.exit(2);
}
const layouts = values.layout === 'both' ? ['tweets', 'pages'] : [values.layout as string];
const examples = Number(values.examples);
const apiRetweets = values['rt-text'] !== 'archive';
const out = values.out ?? (await mkdtemp(join(tmpdir(), 'lockstep-layouts-')));
await mkdir(out, { recursive: true });
// DIR holds tweets.csv and users.csv; a CSV file path is taken as the tweets file (users.csv optional).
const isFile = dir.endsWith('.csv');
const tweetsCsv = isFile ? resolve(dir) : resolve(dir, 'tweets.csv');
const usersCsv = isFile
  ? undefined
  : existsSync(resolve(dir, 'users.csv'))
    ? resolve(dir, 'users.csv')
    : undefined;

// ---- reading the archive (RFC 4180; records without the header's field count are skipped, as lockstep
// rejects them) ------------------------------------------------------------------------------------------

type Cell = string | null;
type CsvRow = Record<string, Cell>;

function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
      if (ch === '\r') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

async function readCsv(path: string): Promise<CsvRow[]> {
  const [header, ...records] = parseCsv(await readFile(path, 'utf8'));
  if (header === undefined) return [];
  return records
    .filter((r) => r.length === header.length)
    .map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), r[i] === '' ? null : (r[i] ?? null)])));
}

/** A list cell as the archive writes it: "['a', 'b']", "[a, b]", '[]' or empty. */
function listCell(cell: Cell | undefined): string[] {
  const c = (cell ?? '').trim();
  if (c === '' || c === '[]') return [];
  if (/^\[\s*['"]/.test(c)) {
    return [...c.matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => (m[1] ?? m[2] ?? '').trim()).filter(Boolean);
  }
  return c
    .replace(/^\[|\]$/g, '')
    .split(',')
    .map((x) => x.trim().replace(/^['"]|['"]$/g, ''))
    .filter(Boolean);
}

/** 'YYYY-MM-DD HH:MM' (or a date) as the API's ISO form, seconds :00. */
function isoTime(cell: Cell | undefined): string | undefined {
  const c = (cell ?? '').trim();
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2})(?::(\d{2}))?)?/.exec(c);
  if (!m) return undefined;
  return `${m[1]}T${m[2] ?? '00:00'}:${m[3] ?? '00'}.000Z`;
}

const nonEmpty = (c: Cell | undefined): c is string => typeof c === 'string' && c.trim() !== '';

interface V2User {
  id: string;
  username: string;
  name: string;
  created_at?: string;
  public_metrics: {
    followers_count?: number;
    following_count?: number;
    tweet_count: number;
    listed_count: number;
  };
}

function v2User(row: CsvRow): V2User {
  const id = row.userid as string;
  const created = isoTime(row.account_creation_date);
  const num = (c: Cell | undefined) => (nonEmpty(c) ? Number(c) : undefined);
  const followers = num(row.follower_count);
  const following = num(row.following_count);
  return {
    id,
    username: row.user_screen_name ?? id,
    name: row.user_display_name ?? row.user_screen_name ?? id,
    ...(created ? { created_at: created } : {}),
    public_metrics: {
      ...(followers !== undefined ? { followers_count: followers } : {}),
      ...(following !== undefined ? { following_count: following } : {}),
      tweet_count: 0,
      listed_count: 0,
    },
  };
}

// ---- writing API v2 -----------------------------------------------------------------------------------

interface Entity {
  start: number;
  end: number;
}
interface V2Tweet {
  id: string;
  author_id: string;
  created_at?: string;
  text: string;
  lang?: string;
  source?: string;
  in_reply_to_user_id?: string;
  referenced_tweets?: { type: string; id: string; author_id?: string }[];
  entities?: {
    hashtags?: (Entity & { tag: string })[];
    urls?: (Entity & { url: string; expanded_url: string; display_url: string; media_key?: string })[];
    mentions?: (Entity & { username: string; id: string })[];
  };
  author?: V2User;
}

const [tweetRows, userRows] = await Promise.all([
  readCsv(tweetsCsv),
  usersCsv === undefined ? Promise.resolve([]) : readCsv(usersCsv),
]);
const users = new Map<string, V2User>();
for (const r of userRows) if (nonEmpty(r.userid)) users.set(r.userid, v2User(r));
// Accounts the users file lacks still have their fields on their tweets.
for (const r of tweetRows) if (nonEmpty(r.userid) && !users.has(r.userid)) users.set(r.userid, v2User(r));
const rowById = new Map(tweetRows.map((r) => [r.tweetid as string, r]));
// A retweeted account outside the users file is known by the handle its retweets' text names.
const rtHandles = new Map<string, string>();
for (const r of tweetRows) {
  const m = /^RT @(\w+):/.exec(r.tweet_text ?? '');
  if (m?.[1] && nonEmpty(r.retweet_userid)) rtHandles.set(r.retweet_userid as string, m[1]);
}
const handleOf = (id: string) => users.get(id)?.username ?? rtHandles.get(id) ?? id;

/**
 * Entities of a text: each item placed where it occurs (0,0 when the text does not hold it). The text's
 * t.co links are the archive's URLs in order; any left over are attached media, which the API lists among
 * the URLs with a media_key (the archive's urls leave them out).
 */
function entitiesOf(
  text: string,
  tags: string[],
  urls: string[],
  mentionIds: string[],
  media?: { id: string; handle: string },
): V2Tweet['entities'] {
  const at = (needle: string) => {
    const i = text.indexOf(needle);
    return i < 0 ? { start: 0, end: 0 } : { start: i, end: i + needle.length };
  };
  const tco = text.match(/https?:\/\/t\.co\/\w+/g) ?? [];
  const e: NonNullable<V2Tweet['entities']> = {};
  if (tags.length) e.hashtags = tags.map((tag) => ({ ...at(`#${tag}`), tag }));
  const entries: NonNullable<NonNullable<V2Tweet['entities']>['urls']> = urls.map((u, i) => ({
    ...at(tco[i] ?? u),
    url: tco[i] ?? `https://t.co/x${i}`,
    expanded_url: u,
    display_url: u.replace(/^https?:\/\//, ''),
  }));
  if (media)
    for (const [k, t] of tco.slice(urls.length).entries()) {
      const expanded = `https://twitter.com/${media.handle}/status/${media.id}/photo/${k + 1}`;
      entries.push({
        ...at(t),
        url: t,
        expanded_url: expanded,
        display_url: 'pic.twitter.com/x',
        media_key: `3_${media.id}${k}`,
      });
    }
  if (entries.length) e.urls = entries;
  if (mentionIds.length)
    e.mentions = mentionIds.map((id) => ({ ...at(`@${handleOf(id)}`), username: handleOf(id), id }));
  return Object.keys(e).length ? e : undefined;
}

function toV2(r: CsvRow): V2Tweet {
  const id = r.tweetid as string;
  const author = r.userid as string;
  let text = r.tweet_text ?? '';
  const media = { id, handle: handleOf(author) };
  let entities = entitiesOf(text, listCell(r.hashtags), listCell(r.urls), listCell(r.user_mentions), media);
  const refs: { type: string; id: string; author_id?: string }[] = [];
  const ref = (type: string, target: Cell | undefined, targetAuthor: Cell | undefined) => {
    if (!nonEmpty(target)) return;
    const t = target as string;
    const a = nonEmpty(targetAuthor) ? (targetAuthor as string) : rowById.get(t)?.userid;
    refs.push({ type, id: t, ...(a ? { author_id: a } : {}) });
  };
  const isRetweet =
    ['true', 't', '1', 'yes'].includes((r.is_retweet ?? '').toLowerCase()) || nonEmpty(r.retweet_tweetid);
  if (isRetweet) {
    ref('retweeted', r.retweet_tweetid, r.retweet_userid);
    const original = nonEmpty(r.retweet_tweetid) ? rowById.get(r.retweet_tweetid as string) : undefined;
    const rtAuthor = r.retweet_userid ?? original?.userid ?? null;
    if (apiRetweets && original) {
      // The API's retweet: "RT @handle: " + the original's text, cut at 140 characters; the original's
      // entities that fit, and the retweeted account's mention.
      const full = `RT @${handleOf(original.userid as string)}: ${original.tweet_text ?? ''}`;
      const chars = [...full];
      text = chars.length > 140 ? `${chars.slice(0, 139).join('')}…` : full;
      const fits = (s: string) => text.includes(s);
      entities = entitiesOf(
        text,
        listCell(original.hashtags).filter((t) => fits(`#${t}`)),
        // An original's URL is in the text as its t.co link (the k-th link for the k-th URL), or as itself.
        listCell(original.urls).filter(
          (u, k) => fits(u) || fits((original.tweet_text ?? '').match(/https?:\/\/t\.co\/\w+/g)?.[k] ?? u),
        ),
        [
          original.userid as string,
          ...listCell(original.user_mentions).filter((m) => fits(`@${handleOf(m)}`)),
        ],
      );
    } else if (nonEmpty(rtAuthor)) {
      // The API lists the retweeted account among a retweet's mentions, whatever its text.
      entities = entitiesOf(
        text,
        listCell(r.hashtags),
        listCell(r.urls),
        [rtAuthor, ...listCell(r.user_mentions).filter((m) => m !== rtAuthor)],
        media,
      );
    }
  } else {
    ref('quoted', r.quoted_tweet_tweetid, null);
    ref('replied_to', r.in_reply_to_tweetid, r.in_reply_to_userid);
  }
  const created = isoTime(r.tweet_time);
  return {
    id,
    author_id: author,
    ...(created ? { created_at: created } : {}),
    text,
    ...(nonEmpty(r.tweet_language) ? { lang: r.tweet_language as string } : {}),
    ...(nonEmpty(r.tweet_client_name) ? { source: r.tweet_client_name as string } : {}),
    ...(nonEmpty(r.in_reply_to_userid) ? { in_reply_to_user_id: r.in_reply_to_userid as string } : {}),
    ...(refs.length ? { referenced_tweets: refs } : {}),
    ...(entities ? { entities } : {}),
  };
}

const v2 = tweetRows.filter((r) => nonEmpty(r.tweetid)).map(toV2);
const v2ById = new Map(v2.map((t) => [t.id, t]));

/** twarc2 flatten: the author's user object inline; referenced tweets carry their author_id. */
function flattened(t: V2Tweet): V2Tweet {
  const author = users.get(t.author_id);
  return { ...t, ...(author ? { author } : {}) };
}

/** API response pages of `size` tweets with their expansions. */
function pages(size: number): object[] {
  const out: object[] = [];
  for (let i = 0; i < v2.length; i += size) {
    const data = v2.slice(i, i + size).map(({ referenced_tweets, ...t }) => ({
      ...t,
      ...(referenced_tweets
        ? { referenced_tweets: referenced_tweets.map(({ type, id }) => ({ type, id })) }
        : {}),
    }));
    const userIds = new Set<string>();
    const included = new Map<string, V2Tweet>();
    for (const t of v2.slice(i, i + size)) {
      userIds.add(t.author_id);
      if (t.in_reply_to_user_id) userIds.add(t.in_reply_to_user_id);
      for (const m of t.entities?.mentions ?? []) userIds.add(m.id);
      for (const r of t.referenced_tweets ?? []) {
        const ref = v2ById.get(r.id);
        if (ref) {
          const { referenced_tweets, ...rest } = ref;
          included.set(r.id, {
            ...rest,
            ...(referenced_tweets
              ? { referenced_tweets: referenced_tweets.map(({ type, id }) => ({ type, id })) }
              : {}),
          });
          userIds.add(ref.author_id);
        } else if (r.author_id) userIds.add(r.author_id);
      }
    }
    const includesUsers = [...userIds].map((id) => users.get(id)).filter((u) => u !== undefined);
    out.push({
      data,
      includes: { users: includesUsers, ...(included.size ? { tweets: [...included.values()] } : {}) },
      meta: { result_count: data.length },
    });
  }
  return out;
}

// ---- loading and comparing ----------------------------------------------------------------------------

const POST_FIELDS = [
  'account',
  'time',
  'kind',
  'text',
  'text_norm',
  'lang',
  'hashtags',
  'urls',
  'domains',
  'mentions',
  'repost_of',
  'repost_of_account',
  'reply_to',
  'reply_to_account',
  'quote_of',
  'client',
] as const;
const ACCOUNT_FIELDS = ['handle', 'name', 'created', 'followers', 'following', 'lang'] as const;

async function loadInto(name: string, files: string[]) {
  const path = join(out, `${name}.duckdb`);
  await rm(path, { force: true });
  const store = await Store.open(path);
  const report = await loadFiles(store, files);
  store.close();
  for (const f of report.files) {
    const why = f.rejections.map((g) => `${g.reason} ${g.count}`).join(', ');
    console.log(
      `  ${name.padEnd(8)} ${f.file.replace(`${out}/`, '').padEnd(14)} ${f.format.padEnd(18)} read ${f.rowsRead}, loaded ${f.rowsLoaded}, rejected ${f.rowsRejected}${why ? ` (${why})` : ''}`,
    );
  }
  return path;
}

const show = (v: unknown) => {
  const s =
    typeof v === 'string'
      ? JSON.stringify(v)
      : JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? Number(x) : x));
  return s === undefined ? 'null' : s.length > 110 ? `${s.slice(0, 107)}...` : s;
};

async function compare(io: string, other: string, label: string): Promise<number> {
  const db = await Store.open();
  await db.run(`ATTACH ${sqlString(io)} AS a (READ_ONLY); ATTACH ${sqlString(other)} AS b (READ_ONLY)`);
  let total = 0;
  const only = await db.one<{ a: bigint; b: bigint; both: bigint; aa: bigint; ba: bigint; both_a: bigint }>(`
    SELECT (SELECT count(*) FROM a.posts WHERE id NOT IN (SELECT id FROM b.posts)) AS a,
      (SELECT count(*) FROM b.posts WHERE id NOT IN (SELECT id FROM a.posts)) AS b,
      (SELECT count(*) FROM a.posts JOIN b.posts USING (platform, id)) AS both,
      (SELECT count(*) FROM a.accounts WHERE id NOT IN (SELECT id FROM b.accounts)) AS aa,
      (SELECT count(*) FROM b.accounts WHERE id NOT IN (SELECT id FROM a.accounts)) AS ba,
      (SELECT count(*) FROM a.accounts JOIN b.accounts USING (platform, id)) AS both_a`);
  console.log(`\n== archive vs v2 ${label}`);
  console.log(
    `posts: ${only.both} in both, ${only.a} only in the archive's store, ${only.b} only in v2's; ` +
      `accounts: ${only.both_a} in both, ${only.aa} only in the archive's, ${only.ba} only in v2's`,
  );
  total += Number(only.a) + Number(only.b) + Number(only.aa) + Number(only.ba);
  for (const [ids, table] of [
    [
      `SELECT id FROM a.posts WHERE id NOT IN (SELECT id FROM b.posts) ORDER BY id LIMIT ${examples}`,
      'posts only in archive',
    ],
    [
      `SELECT id FROM b.posts WHERE id NOT IN (SELECT id FROM a.posts) ORDER BY id LIMIT ${examples}`,
      'posts only in v2',
    ],
    [
      `SELECT id FROM a.accounts WHERE id NOT IN (SELECT id FROM b.accounts) ORDER BY id LIMIT ${examples}`,
      'accounts only in archive',
    ],
    [
      `SELECT id FROM b.accounts WHERE id NOT IN (SELECT id FROM a.accounts) ORDER BY id LIMIT ${examples}`,
      'accounts only in v2',
    ],
  ] as const) {
    const rows = await db.all<{ id: string }>(ids);
    if (rows.length) console.log(`  ${table}: ${rows.map((r) => r.id).join(', ')}`);
  }
  console.log('\nposts, field by field (differing / compared; by the archive post kind):');
  for (const field of POST_FIELDS) {
    const diff = `x.${field} IS DISTINCT FROM y.${field}`;
    const byKind = await db.all<{ kind: string; n: bigint; d: bigint }>(`
      SELECT x.kind, count(*) AS n, count(*) FILTER (WHERE ${diff}) AS d
      FROM a.posts x JOIN b.posts y USING (platform, id) GROUP BY x.kind ORDER BY x.kind`);
    const d = byKind.reduce((s, r) => s + Number(r.d), 0);
    const n = byKind.reduce((s, r) => s + Number(r.n), 0);
    total += d;
    const kinds = byKind
      .filter((r) => r.d > 0n)
      .map((r) => `${r.kind} ${r.d}/${r.n}`)
      .join(', ');
    console.log(`  ${field.padEnd(18)} ${String(d).padStart(6)} / ${n}${kinds ? `   (${kinds})` : ''}`);
    if (d === 0) continue;
    const ex = await db.all<{ id: string; kind: string; av: unknown; bv: unknown }>(`
      SELECT id, x.kind, x.${field} AS av, y.${field} AS bv FROM a.posts x JOIN b.posts y USING (platform, id)
      WHERE ${diff} QUALIFY row_number() OVER (PARTITION BY x.kind ORDER BY id) <= ${examples} ORDER BY x.kind, id`);
    for (const e of ex)
      console.log(
        `      ${e.kind} ${e.id}: archive ${show(e.av)}\n${' '.repeat(e.kind.length + e.id.length + 9)}v2 ${show(e.bv)}`,
      );
  }
  console.log('\naccounts, field by field (differing / compared):');
  for (const field of ACCOUNT_FIELDS) {
    const diff = `x.${field} IS DISTINCT FROM y.${field}`;
    const { n, d } = await db.one<{ n: bigint; d: bigint }>(`
      SELECT count(*) AS n, count(*) FILTER (WHERE ${diff}) AS d FROM a.accounts x JOIN b.accounts y USING (platform, id)`);
    total += Number(d);
    console.log(`  ${field.padEnd(18)} ${String(d).padStart(6)} / ${n}`);
    if (d === 0n) continue;
    const ex = await db.all<{ id: string; av: unknown; bv: unknown }>(`
      SELECT id, x.${field} AS av, y.${field} AS bv FROM a.accounts x JOIN b.accounts y USING (platform, id)
      WHERE ${diff} ORDER BY id LIMIT ${examples}`);
    for (const e of ex) console.log(`      ${e.id}: archive ${show(e.av)}  v2 ${show(e.bv)}`);
  }
  db.close();
  console.log(`\ndifferences (archive vs v2 ${label}): ${total}`);
  return total;
}

console.log(`dataset ${dir}: ${tweetRows.length} tweets, ${userRows.length} users; stores in ${out}`);
console.log(
  `v2 retweets: ${apiRetweets ? 'as the API writes them (RT @handle: original text, its entities)' : "the archive's text and lists"}`,
);
console.log('\nloads:');
const ioStore = await loadInto('archive', usersCsv === undefined ? [tweetsCsv] : [tweetsCsv, usersCsv]);
const totals: [string, number][] = [];
for (const layout of layouts) {
  const file = join(out, `${layout}.jsonl`);
  const lines = layout === 'pages' ? pages(100) : v2.map(flattened);
  await writeFile(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
  const v2Store = await loadInto(layout, [file]);
  totals.push([layout, await compare(ioStore, v2Store, `${layout} layout`)]);
}
console.log(`\ntotal differences: ${totals.map(([l, n]) => `${l} ${n}`).join(', ')}`);
if (values.out === undefined && !values.keep) await rm(out, { recursive: true, force: true });
