// SQL behind the description of reported networks. Everything reads the detection's temp tables (_acct, _p,
// _touch, _pi, _edge) joined to the membership table `_dm(aid, net)` this module's caller writes; every
// list has a total order (ties broken by name or id) so the same store gives the same description.

/** ISO 8601 UTC to the second, as the indicators write times. */
const ISO = `'%Y-%m-%dT%H:%M:%SZ'`;

/**
 * Internal edges (_de) and member touches grouped by window (_dct), then the coordinated posts (_dcp): a
 * member's post whose touch (signal, item, window) another member of the same network shares. Windows are
 * those of the pair builder (t // the signal's window); a pair straddling a window boundary links the accounts
 * but its two posts count here only when another member shares their window, so `posts` errs low.
 */
export function coordinatedPostsSql(win: (sig: string) => string): string {
  return `
    CREATE OR REPLACE TEMP TABLE _de AS
      SELECT m1.net, e.* FROM _edge e
      JOIN _dm m1 ON e.a = m1.aid JOIN _dm m2 ON e.c = m2.aid AND m1.net = m2.net;
    CREATE OR REPLACE TEMP TABLE _dct AS
      SELECT m.net, x.sig, x.item, x.t // ${win('x.sig')} AS b, x.aid, x.pid
      FROM _touch x JOIN _dm m USING (aid);
    CREATE OR REPLACE TEMP TABLE _dcp AS
      SELECT DISTINCT net, pid FROM _dct
      SEMI JOIN (SELECT net, sig, item, b FROM _dct GROUP BY ALL HAVING count(DISTINCT aid) >= 2) g
        USING (net, sig, item, b);`;
}

/**
 * Members nothing in the data ties to their network: no internal edge, and no item shared in a window with
 * another member (_dct). The member rule scores a member against its group as found, pruned accounts
 * included, so one whose only co-activity was with pruned accounts can be kept with none left; the reader
 * could open no evidence for it. Returns them (net, aid) and takes them out of _dm.
 */
export const UNBACKED_MEMBERS_SQL = `
  CREATE OR REPLACE TEMP TABLE _dun AS
    SELECT m.net, m.aid FROM _dm m
    ANTI JOIN (SELECT net, a AS aid FROM _de UNION SELECT net, c AS aid FROM _de) e USING (net, aid)
    ANTI JOIN (
      SELECT DISTINCT x.net, x.aid FROM _dct x
      JOIN _dct y ON y.net = x.net AND y.sig = x.sig AND y.item = x.item AND y.b = x.b AND y.aid <> x.aid
    ) s USING (net, aid);
  DELETE FROM _dm WHERE (net, aid) IN (SELECT (net, aid) FROM _dun);`;

/**
 * For each member with no internal edge but items shared with other members in a window (its degree 0;
 * kept for that co-activity, which the member rule counts on every shared item, while an edge needs
 * minSharedItems of them): the member it shares the most item-windows with (ties: the smaller id), how
 * many, and up to `perMember` of their post pairs (member's post, other's post) with each pair's items,
 * named. $1: JSON list of [net, aid].
 */
export function memberCoactivitySql(perMember: number, textChars: number): string {
  return `
    WITH lone AS (SELECT w[1] AS net, w[2] AS aid FROM (SELECT unnest($1::INTEGER[][]) AS w)),
    shared AS (
      SELECT x.net, x.aid, y.aid AS other, x.sig, x.item, min(x.pid) AS pa, min(y.pid) AS pc
      FROM _dct x SEMI JOIN lone USING (net, aid)
      JOIN _dct y ON y.net = x.net AND y.sig = x.sig AND y.item = x.item AND y.b = x.b AND y.aid <> x.aid
      GROUP BY x.net, x.aid, y.aid, x.sig, x.item, x.b
    ),
    best AS (
      SELECT net, aid, arg_max(other, (n, -other)) AS other, max(n) AS n
      FROM (SELECT net, aid, other, count(*) AS n FROM shared GROUP BY ALL) GROUP BY net, aid
    ),
    pairs AS (
      SELECT s.net, s.aid, s.other, b.n AS items, s.pa, s.pc,
        list([s.sig::VARCHAR, coalesce(${itemNameSql(textChars, 's')}, '')] ORDER BY s.sig, s.item) AS shared
      FROM shared s JOIN best b USING (net, aid, other) JOIN _p p ON p.pid = s.pa
      GROUP BY s.net, s.aid, s.other, b.n, s.pa, s.pc
    )
    SELECT net, aid, other, items, pa, pc, shared FROM pairs
    QUALIFY row_number() OVER (PARTITION BY net, aid ORDER BY len(shared) DESC, pa, pc) <= ${perMember}
    ORDER BY net, aid, len(shared) DESC, pa, pc`;
}

/** Per member: profile, coordinated posts, degree and strength inside its network. */
export const MEMBERS_SQL = `
  WITH ends AS (SELECT net, a AS aid, weight FROM _de UNION ALL SELECT net, c AS aid, weight FROM _de),
  deg AS (SELECT net, aid, count(*)::INTEGER AS degree, sum(weight) AS strength FROM ends GROUP BY ALL),
  cp AS (SELECT d.net, p.aid, count(*)::INTEGER AS posts FROM _dcp d JOIN _p p USING (pid) GROUP BY ALL)
  SELECT m.net, m.aid, a.platform, a.account, ac.handle, ac.name,
    coalesce(deg.degree, 0) AS degree, coalesce(deg.strength, 0) AS strength, coalesce(cp.posts, 0) AS posts
  FROM _dm m JOIN _acct a USING (aid)
  LEFT JOIN accounts ac ON ac.platform = a.platform AND ac.id = a.account
  LEFT JOIN deg USING (net, aid) LEFT JOIN cp USING (net, aid)
  ORDER BY m.net, m.aid`;

/** Per network: coordinated posts and their span, all members' posts, internal edges. */
export const NETWORK_FIGURES_SQL = `
  WITH cp AS (SELECT net, count(*)::INTEGER AS posts, min(p.t) AS t0, max(p.t) AS t1
              FROM _dcp JOIN _p p USING (pid) GROUP BY net),
  mp AS (SELECT m.net, count(*)::INTEGER AS member_posts
         FROM _dm m JOIN _acct a USING (aid) JOIN posts p ON p.platform = a.platform AND p.account = a.account
         GROUP BY m.net),
  ed AS (SELECT net, count(*)::INTEGER AS edges FROM _de GROUP BY net)
  SELECT n.net, coalesce(cp.posts, 0) AS posts, cp.t0, cp.t1, coalesce(mp.member_posts, 0) AS member_posts,
    coalesce(ed.edges, 0) AS edges
  FROM (SELECT DISTINCT net FROM _dm) n LEFT JOIN cp USING (net) LEFT JOIN mp USING (net) LEFT JOIN ed USING (net)
  ORDER BY n.net`;

/** Per network and signal: summed (unmultiplied) weight over internal edges and the edges carrying it. */
export function signalWeightsSql(signals: readonly string[]): string {
  const cols = signals
    .map((s) => `sum(w_${s}) AS w_${s}, (count(*) FILTER (WHERE n_${s} > 0))::INTEGER AS e_${s}`)
    .join(', ');
  return `SELECT net, ${cols} FROM _de GROUP BY net ORDER BY net`;
}

/**
 * The top values of a list column (hashtags, urls, domains) among each network's coordinated posts, with
 * every post in the store holding the value (`total`) and those inside the network's span (`span`). A
 * value counts once per post. The store-wide counts scan the posts once, filtered to the top values.
 */
export function topValuesSql(column: 'hashtags' | 'urls' | 'domains', limit: number): string {
  return `
    WITH cv AS (
      SELECT d.net, d.pid, unnest(list_distinct(p.${column})) AS v FROM _dcp d JOIN _p p USING (pid)
    ),
    top AS (
      SELECT net, v, count(*)::INTEGER AS posts FROM cv GROUP BY net, v
      QUALIFY row_number() OVER (PARTITION BY net ORDER BY count(*) DESC, v) <= ${limit}
    ),
    span AS (SELECT net, min(p.t) AS t0, max(p.t) AS t1 FROM _dcp JOIN _p p USING (pid) GROUP BY net),
    wanted AS (SELECT list(DISTINCT v) AS vs FROM top),
    allp AS (
      SELECT v, t FROM (
        SELECT unnest(list_distinct(${column})) AS v, epoch(time)::BIGINT AS t FROM posts, wanted
        WHERE list_has_any(${column}, wanted.vs)
      ) SEMI JOIN top USING (v)
    ),
    tot AS (SELECT v, count(*)::INTEGER AS total FROM allp GROUP BY v),
    sp AS (
      SELECT top.net, top.v, count(allp.v)::INTEGER AS span
      FROM top JOIN span USING (net) LEFT JOIN allp ON allp.v = top.v AND allp.t BETWEEN span.t0 AND span.t1
      GROUP BY top.net, top.v
    )
    SELECT top.net, top.v AS value, top.posts, tot.total, sp.span
    FROM top JOIN tot USING (v) JOIN sp USING (net, v)
    ORDER BY top.net, top.posts DESC, top.v`;
}

/**
 * The most frequent normalised texts among coordinated posts that two members or more posted, with the
 * earliest post's original text. A text only one account posted, once or many times (a channel's own
 * signature line), is not repeated across the network and is left out.
 */
export function topTextsSql(limit: number, exampleChars: number): string {
  return `
    WITH ct AS (
      SELECT d.net, p.text_norm AS text, count(*)::INTEGER AS posts, count(DISTINCT p.aid)::INTEGER AS accounts,
        min({'t': p.t, 'pid': p.pid}).pid AS example_pid
      FROM _dcp d JOIN _p p USING (pid)
      WHERE p.text_norm IS NOT NULL AND p.text_norm <> ''
      GROUP BY d.net, p.text_norm
      HAVING count(DISTINCT p.aid) >= 2
      QUALIFY row_number() OVER (PARTITION BY d.net ORDER BY count(*) DESC, p.text_norm) <= ${limit}
    )
    SELECT ct.net, ct.text, ct.posts, ct.accounts, left(po.text, ${exampleChars}) AS example
    FROM ct JOIN _p p ON p.pid = ct.example_pid JOIN posts po ON po.platform = p.platform AND po.id = p.id
    ORDER BY ct.net, ct.posts DESC, ct.text`;
}

/** Internal edges with their (unmultiplied) per-signal weights. */
export function edgesSql(signals: readonly string[]): string {
  return `SELECT net, a, c, weight, items, ${signals.map((s) => `w_${s}`).join(', ')} FROM _de ORDER BY net, a, c`;
}

/**
 * The item a post shares with the other of its pair, named as a reader knows it, from the post's own lists
 * (`p`, the working-set post; `${x}.sig`, `${x}.item`: the signal and the touch's item hash, as the signals wrote
 * them in src/signals): the reposted post's id (the reposted text, for a repost the data gives no id for),
 * `#tag`, the URL, the site, the normalised text (cut to `textChars`), `@account`, the answered post's id.
 */
function itemNameSql(textChars: number, x = 'i'): string {
  return `CASE ${x}.sig
      WHEN 0 THEN CASE WHEN starts_with(coalesce(p.repost_of, p.quote_of), 'text:') THEN left(p.text_norm, ${textChars})
        ELSE coalesce(p.repost_of, p.quote_of) END
      WHEN 1 THEN '#' || list_filter(p.hashtags, v -> hash('#', v) = ${x}.item)[1]
      WHEN 2 THEN list_filter(p.urls, v -> hash('u', v) = ${x}.item)[1]
      WHEN 3 THEN list_filter(p.domains, v -> hash('d', v) = ${x}.item)[1]
      WHEN 4 THEN left(p.text_norm, ${textChars})
      WHEN 5 THEN '@' || list_filter(p.mentions, v -> hash(p.platform, v) = ${x}.item)[1]
      WHEN 6 THEN p.reply_to
    END`;
}

/**
 * The evidence of every internal edge, in the temp table _dev: up to `perEdge` distinct post pairs, each with
 * the item it shares that weighs most (`iid`, a number per distinct item for evidenceItemNamesSql), and the
 * edge's count of distinct post pairs in all. Each of _pi's rows is one shared item with the post pair of the
 * window where it weighed most; two posts that share several items (a link, a tag and a text) are one pair,
 * ranked by the summed weight of its items (ties by post). Listing one pair per item repeated a pair once
 * for each item it shared (43% of the Fearmonger run's evidence cells).
 */
export function evidencePairsSql(perEdge: number): string {
  return `
    CREATE OR REPLACE TEMP TABLE _dev AS
    WITH pp AS (
      SELECT i.a, i.c, i.pa, i.pc, sum(i.w) AS w, arg_max({'sig': i.sig, 'item': i.item}, (i.w, -i.sig, i.item)) AS top
      FROM _pi i SEMI JOIN _de d USING (a, c)
      GROUP BY i.a, i.c, i.pa, i.pc
    )
    SELECT a, c, pa, pc, top.sig AS sig, top.item AS item, count(*) OVER (PARTITION BY a, c) AS total,
      row_number() OVER (PARTITION BY a, c ORDER BY w DESC, pa, pc) AS k
    FROM pp
    QUALIFY k <= ${perEdge};
    CREATE OR REPLACE TEMP TABLE _devi AS
      SELECT sig, item, (row_number() OVER (ORDER BY sig, item) - 1)::INTEGER AS iid, pa
      FROM (SELECT sig, item, min(pa) AS pa FROM _dev GROUP BY sig, item);`;
}

/**
 * _dev per edge, one row per edge with its pairs as JSON text `[pa, pc, a id, b id, iid]` (a flood's tens of
 * thousands of edges times ten pairs would otherwise cross into JavaScript as hundreds of thousands of row
 * objects; the items' names, long for a text and shared by thousands of pairs, come once each from
 * evidenceItemNamesSql).
 */
export const EVIDENCE_PAIRS_SQL = `
  SELECT e.a, e.c, any_value(e.total)::INTEGER AS total,
    to_json(list([e.pa::VARCHAR, e.pc::VARCHAR, pa.id, pc.id, n.iid::VARCHAR] ORDER BY e.k))::VARCHAR AS pairs
  FROM _dev e JOIN _devi n USING (sig, item) JOIN _p pa ON pa.pid = e.pa JOIN _p pc ON pc.pid = e.pc
  GROUP BY e.a, e.c`;

/** The name of each item of _devi, once, read from one post holding it. */
export function evidenceItemNamesSql(textChars: number): string {
  return `
    SELECT i.iid, i.sig, coalesce(${itemNameSql(textChars)}, '') AS name
    FROM _devi i JOIN _p p ON p.pid = i.pa ORDER BY i.iid`;
}

/**
 * Every item (at most `itemsPerPair`, heaviest first) each of the post pairs bound in $1 shares, named: a JSON
 * list of [a, c, pa, pc] (working-set ids), for the evidence that networks.json gives with its posts.
 */
export function evidenceSharedSql(itemsPerPair: number, textChars: number): string {
  return `
    WITH wanted AS (
      SELECT w[1] AS a, w[2] AS c, w[3] AS pa, w[4] AS pc FROM (SELECT unnest($1::INTEGER[][]) AS w)
    )
    SELECT i.pa, i.pc, list([i.sig::VARCHAR, coalesce(${itemNameSql(textChars)}, '')] ORDER BY i.w DESC, i.sig, i.item DESC)[1:${itemsPerPair}] AS items
    FROM _pi i SEMI JOIN wanted USING (a, c, pa, pc) JOIN _p p ON p.pid = i.pa
    GROUP BY i.pa, i.pc`;
}

/** Time and original text (cut) of the posts whose pid is in the bound JSON list $1. */
export function evidencePostsSql(textChars: number): string {
  return `
    SELECT p.pid, p.id, strftime(to_timestamp(p.t), ${ISO}) AS time, left(po.text, ${textChars}) AS text,
      po.reply_to, coalesce(po.repost_of, po.quote_of) AS shares
    FROM _p p JOIN posts po ON po.platform = p.platform AND po.id = p.id
    WHERE p.pid IN (SELECT unnest($1::INTEGER[]))`;
}
