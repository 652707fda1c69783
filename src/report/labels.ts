// What lockstep's figures are called and what they mean, written once: the readable label, the unit and
// the explanation of every accounts.csv and edges.csv column and of every signal, and how an account is
// named. report.html, the UI (`lockstep serve`) and docs/run-folder.md (whose column tables are made from
// this file by `npm run column-docs`; a test keeps them equal) all read them here. No Node imports: the
// report and UI clients bundle it.

/** How a column's values are shown: shares as percentages, flags as yes/no, times in UTC. */
export type ColumnFormat = 'text' | 'id' | 'integer' | 'number' | 'share' | 'flag' | 'time' | 'date';

export interface ColumnDoc {
  /** The column's name in the CSV and Parquet files and the graph files' attributes. */
  name: string;
  /** What the report and the UI call it. */
  label: string;
  format: ColumnFormat;
  /** The type as docs/run-folder.md states it. */
  type: string;
  /** What it means, in a sentence or two (the docs' Meaning column; a tooltip in the report and the UI). */
  meaning: string;
}

/**
 * Column docs written as a table, one column a line: name | label | format | type | meaning (a meaning holds
 * no `|`). A table reads better here than 30 object literals, and the docs' tables come out of it as written.
 */
function parseDocs(table: string): readonly ColumnDoc[] {
  const docs = table
    .trim()
    .split('\n')
    .map((line) => {
      const [name, label, format, type, meaning, ...rest] = line.split(' | ');
      if (meaning === undefined || rest.length > 0) throw new Error(`labels.ts: malformed line "${line}"`);
      return { name, label, format: format as ColumnFormat, type, meaning } as ColumnDoc;
    });
  return Object.freeze(docs);
}

/** accounts.csv (and accounts.parquet, and the graph files' node attributes), in column order. */
export const ACCOUNT_COLUMN_DOCS: readonly ColumnDoc[] = parseDocs(`
Id | Key | id | text, id | The account's key, as \`source\`/\`target\` in \`edges.csv\` and the node id in the graph files: the account id, or \`platform:account\` when the run mixes platforms.
network | Network | integer | integer | The network's number, as in \`networks.json\` and the report.
account | Account id | id | text, id | The account id as the data has it (a Twitter user id, a hashed id, a Telegram channel id).
platform | Platform | text | text | \`twitter\` or \`telegram\` (or the platform a mapping gave).
handle | Handle | text | text | Screen name (without \`@\`) or channel username; empty if the data has none.
name | Name | text | text | Display name (a Telegram channel's title); empty if the data has none.
role | Role | text | text | \`core\` when \`centrality\` is at least 0.5, else \`member\`.
centrality | Centrality | number | number 0–1 | The account's \`strength\` over the largest strength in its network.
degree | Links to members | integer | integer | Edges to other members of its network. 0 for a member kept for items it shares in a window with other members, too few for an edge: \`memberEvidence\` in \`networks.json\` gives their posts.
strength | Link weight | number | number | Summed weight of those edges.
coordinated_posts | Coordinated posts | integer | integer | The account's posts that are part of its network's coordinated activity.
member_z | Member z | number | number | The member's own co-activity with its network against chance (z-score, its strongest signal); see \`docs/method.md\`.
member_ratio | Member O/E | number | number | The same as observed over expected.
profile | Profile in the data | flag | 1/0 | 1 when the data has a profile row for the account (the profile fields below are empty otherwise).
created | Created | time | time | Account creation time.
created_day | Creation day | date | date | Creation day (UTC, \`YYYY-MM-DD\`): the unit of batch creation.
handle_digits | Digits ending the handle | integer | integer | Length of the digit run that ends the handle (0 without one).
handle_pattern | Sign-up default handle | flag | 1/0 | 1 when the handle is letters then a long digit run, the form of sign-up default handles.
followers | Followers | integer | integer | Followers (subscribers for a channel).
following | Following | integer | integer | Accounts followed.
follower_ratio | Followers per account followed | number | number | \`followers / following\`; empty when either is unknown or \`following\` is 0.
posts | Posts in the data | integer | integer | All the account's posts in the data, timed or not.
reposts | Reposts | integer | integer | Of those, reposts (retweets, forwards).
repost_share | Share of posts that are reposts | share | number 0–1 | \`reposts / posts\`.
first_post | First post | time | time | The account's first timed post.
last_post | Last post | time | time | Its last timed post.
active_hours | Hours of the day with posts | integer | integer 0–24 | Distinct UTC hours of the day with a post: 24 is round-the-clock activity.
gap_cv | Irregularity of posting gaps | number | number | Coefficient of variation of the gaps between its posts: near 0 is clockwork, near 1 Poisson-like.
distinct_clients | Client apps used | integer | integer | Known client apps it posted from.
top_client | Main client app | text | text | Its most-used client app (empty: unknown client).
top_client_share | Share of posts from the main client | share | number 0–1 | Share of its posts from that client.
unknown_client_share | Share of posts with no client recorded | share | number 0–1 | Share of its posts with no client recorded.
`);

/** The per-signal weight columns of edges.csv, one per signal that ran. */
export const SIGNAL_WEIGHT_PREFIX = 'w_';

/** edges.csv (and edges.parquet, and the graph files' edge attributes); `w_<signal>` stands for all signals. */
export const EDGE_COLUMN_DOCS: readonly ColumnDoc[] = parseDocs(`
Id | Edge | integer | integer | The edge's number, from 0.
source | Account | id | text, id | One account's key (\`Id\` in \`accounts.csv\`).
target | Other account | id | text, id | The other account's key. The edge is undirected: which end is \`source\` carries no meaning.
network | Network | integer | integer | The network both accounts are in.
weight | Weight | number | number | The fused coordination weight of the pair (all signals).
items | Shared items | integer | integer | Distinct items (reposted posts, hashtags in a window, links, texts, targets) the pair shares.
w_<signal> | Weight from <signal> | number | number | The weight each signal gave the pair, one column per signal that ran (\`w_corepost\`, \`w_cohashtag\`, \`w_colink\`, \`w_codomain\`, \`w_neardup\`, \`w_comention\`, \`w_coreply\`); 0 when that signal did not link them. Always a number with decimals, whatever the run.
evidence | Evidence post pairs | text | text | Distinct post pairs that tie the two, \`a>b\` (the source's post, then the target's), separated by \`;\`, the pair whose shared items weigh most first; at most \`evidencePerEdge\` of them. \`networks.json\` has the posts themselves for each network's strongest edges, with every item each pair shares.
evidence_items | What each pair shares | text | text (JSON) | For each pair in \`evidence\`, in the same order, the item it shares that weighs most, as a JSON array of \`[signal, item]\`: \`#tag\`, a URL, a site, \`@account\`, the id of the post both repost or answer, or for near-duplicates one text of the family, normalised and cut to 60 characters. JSON because a shared text may hold any separator.
evidence_total | Evidence post pairs in all | integer | integer | How many distinct post pairs tie the two in all (one per shared item, fewer when two posts share several), of which \`evidence\` lists the first.
`);

export interface SignalDoc {
  /** Short readable name, for tables and chips. */
  label: string;
  /** What one of its evidence pairs shows, in words. */
  evidence: string;
  /** What links two accounts, for the methods. */
  meaning: string;
}

export const SIGNAL_DOCS: Readonly<Record<string, SignalDoc>> = Object.freeze({
  corepost: {
    label: 'Co-repost',
    evidence: 'Same post reposted',
    meaning: 'reposting or quoting the same original post within the window',
  },
  cohashtag: {
    label: 'Co-hashtag',
    evidence: 'Same hashtag',
    meaning:
      'posting the same hashtag within the window, weighted by how rare the tag is that day (a trending protest tag weighs almost nothing)',
  },
  colink: {
    label: 'Co-link',
    evidence: 'Same link',
    meaning: 'posting the same canonical URL (tracking parameters and www. removed) within the window',
  },
  codomain: {
    label: 'Co-site',
    evidence: 'Same site linked',
    meaning: 'linking to the same site (the platforms\u2019 own domains excluded) within the window',
  },
  neardup: {
    label: 'Near-duplicate text',
    evidence: 'Near-identical text',
    meaning:
      'posting near-duplicate text (MinHash/LSH over word bigrams, exact copies included) within the window',
  },
  comention: {
    label: 'Co-mention',
    evidence: 'Same account mentioned',
    meaning: 'mentioning the same account within the window',
  },
  coreply: {
    label: 'Co-reply',
    evidence: 'Replies to the same post',
    meaning: 'replying to the same post within the window',
  },
});

/** A signal's readable name (the code itself for one this file does not know). */
export const signalLabel = (signal: string): string => SIGNAL_DOCS[signal]?.label ?? signal;

const byName = new Map([...ACCOUNT_COLUMN_DOCS, ...EDGE_COLUMN_DOCS].map((c) => [c.name, c]));

/** A column's documentation: accounts.csv's first, then edges.csv's; `w_<signal>` for any signal weight. */
export function columnDoc(name: string): ColumnDoc | undefined {
  const doc = byName.get(name);
  if (doc !== undefined) return doc;
  if (!name.startsWith(SIGNAL_WEIGHT_PREFIX)) return undefined;
  const signal = name.slice(SIGNAL_WEIGHT_PREFIX.length);
  return {
    ...(byName.get(`${SIGNAL_WEIGHT_PREFIX}<signal>`) as ColumnDoc),
    name,
    label: `Weight from ${signalLabel(signal).toLowerCase()}`,
  };
}

/** A column's readable label (the name itself for a column this file does not know). */
export const columnLabel = (name: string): string => columnDoc(name)?.label ?? name;

/** The parts of an account a label is made from. */
export interface Nameable {
  account: string;
  handle?: string | null;
  name?: string | null;
}

/**
 * How an account is named wherever lockstep shows it: `@handle`, else its display name (a Telegram channel's
 * title, where the data has no username), else its id. Never empty: an empty handle or name is skipped.
 */
export function accountLabel(a: Nameable): string {
  if (a.handle != null && a.handle.trim() !== '') return `@${a.handle}`;
  if (a.name != null && a.name.trim() !== '') return a.name;
  return a.account;
}

/** A column table for docs/run-folder.md: name, label, type and meaning, one row per column. */
export function columnDocsTable(docs: readonly ColumnDoc[]): string {
  const cell = (s: string) => s.replaceAll('|', '\\|');
  return [
    '| Column | Shown as | Type | Meaning |',
    '| --- | --- | --- | --- |',
    ...docs.map((c) => `| \`${c.name}\` | ${cell(c.label)} | ${c.type} | ${cell(c.meaning)} |`),
  ].join('\n');
}

/** docs/run-folder.md's signal table. */
export function signalDocsTable(): string {
  return [
    '| Signal | Shown as | Its evidence pairs show | Two accounts are linked by |',
    '| --- | --- | --- | --- |',
    ...Object.entries(SIGNAL_DOCS).map(
      ([s, d]) => `| \`${s}\` | ${d.label} | ${d.evidence} | ${d.meaning} |`,
    ),
  ].join('\n');
}

const TABLES = {
  'accounts.csv columns': () => columnDocsTable(ACCOUNT_COLUMN_DOCS),
  'edges.csv columns': () => columnDocsTable(EDGE_COLUMN_DOCS),
  signals: signalDocsTable,
} as const;

const begin = (what: string) =>
  `<!-- ${what}: made from src/report/labels.ts by npm run column-docs; a test keeps them equal -->`;
const end = (what: string) => `<!-- end of ${what} -->`;

/** `markdown` with every table between its marker comments replaced by the one made from this file. */
export function withColumnDocs(markdown: string): string {
  let out = markdown;
  for (const [what, make] of Object.entries(TABLES)) {
    const from = out.indexOf(begin(what));
    const to = out.indexOf(end(what));
    if (from < 0 || to < from)
      throw new Error(`no ${what} table: add the lines\n${begin(what)}\n${end(what)}`);
    out = `${out.slice(0, from)}${begin(what)}\n\n${make()}\n\n${out.slice(to)}`;
  }
  return out;
}
