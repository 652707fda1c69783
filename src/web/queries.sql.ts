// SQL behind the UI's views, all with bound parameters: an account's posts (newest first, paged), its
// profile, the whole dataset's and a set of accounts' posts per time bucket, and the post pairs that tie two
// accounts (a shared repost/quote target, hashtag, URL, mention or normalised text within the window).

export const PLATFORMS_SQL = `SELECT DISTINCT platform FROM posts ORDER BY platform`;

/** $1 platform, $2 account: posts and profile rows. */
export const ACCOUNT_EXISTS_SQL = `
  SELECT (SELECT count(*) FROM posts WHERE platform = $1 AND account = $2) AS posts,
    (SELECT count(*) FROM accounts WHERE platform = $1 AND id = $2) AS profiles`;

export const PROFILE_SQL = `
  SELECT handle, name, strftime(created, '%Y-%m-%dT%H:%M:%SZ') AS created, followers, following, lang
  FROM accounts WHERE platform = $1 AND id = $2`;

/** $1 platform, $2 account, $3 limit, $4 offset. */
export const ACCOUNT_POSTS_SQL = `
  SELECT id, strftime(time, '%Y-%m-%dT%H:%M:%SZ') AS time, kind, text, lang, hashtags, urls, mentions,
    repost_of, quote_of, reply_to, client
  FROM posts WHERE platform = $1 AND account = $2
  ORDER BY time DESC NULLS LAST, id DESC LIMIT $3 OFFSET $4`;

/** $1 bucket seconds. */
export const TIMELINE_ALL_SQL = `
  SELECT (epoch(time)::BIGINT // $1) * $1 AS t, count(*) AS n FROM posts WHERE time IS NOT NULL
  GROUP BY t ORDER BY t`;

/** $1 bucket seconds, $2 list of platform || chr(31) || account. */
export const TIMELINE_MEMBERS_SQL = `
  SELECT (epoch(time)::BIGINT // $1) * $1 AS t, count(*) AS n FROM posts
  WHERE time IS NOT NULL AND platform || chr(31) || account IN (SELECT unnest($2::VARCHAR[]))
  GROUP BY t ORDER BY t`;

const items = (side: string) => `
  i${side} AS (
    SELECT id, time, 'post' AS kind, repost_of AS item FROM ${side} WHERE repost_of IS NOT NULL
    UNION ALL SELECT id, time, 'post', quote_of FROM ${side} WHERE quote_of IS NOT NULL
    UNION ALL SELECT id, time, 'reply to', reply_to FROM ${side} WHERE reply_to IS NOT NULL
    UNION ALL SELECT id, time, 'hashtag', unnest(hashtags) FROM ${side}
    UNION ALL SELECT id, time, 'url', unnest(urls) FROM ${side}
    UNION ALL SELECT id, time, 'domain', d FROM (SELECT id, time, unnest(list_distinct(domains)) AS d FROM ${side})
      WHERE NOT list_contains($7::VARCHAR[], d)
    UNION ALL SELECT id, time, 'mention', unnest(mentions) FROM ${side}
    UNION ALL SELECT id, time, 'text', text_norm FROM ${side} WHERE text_norm IS NOT NULL AND text_norm <> ''
  )`;

/**
 * $1/$2 platform and account of A, $3/$4 of B, $5 window seconds, $6 limit, $7 the platforms' own domains
 * (never a shared site, as in co-domain), a JSON list. Every (A post, B post) pair
 * sharing at least one item within the window, with the shared items: those sharing the most first (the
 * same text, tag and answered post within seconds says more than a tag alone), then earliest; `total`
 * counts all.
 */
export const EVIDENCE_SQL = `
  WITH a AS (SELECT * FROM posts WHERE platform = $1 AND account = $2 AND time IS NOT NULL),
  b AS (SELECT * FROM posts WHERE platform = $3 AND account = $4 AND time IS NOT NULL),
  ${items('a')}, ${items('b')},
  pairs AS (
    SELECT ia.id AS a_id, ib.id AS b_id, list(DISTINCT ia.kind || ' ' || ia.item ORDER BY ia.kind || ' ' || ia.item) AS shared
    FROM ia JOIN ib ON ia.kind = ib.kind AND ia.item = ib.item
      AND abs(epoch(ia.time) - epoch(ib.time)) <= $5
    GROUP BY ia.id, ib.id
  )
  SELECT count(*) OVER () AS total, p.shared,
    a.id AS a_id, strftime(a.time, '%Y-%m-%dT%H:%M:%SZ') AS a_time, a.text AS a_text, a.kind AS a_kind,
    b.id AS b_id, strftime(b.time, '%Y-%m-%dT%H:%M:%SZ') AS b_time, b.text AS b_text, b.kind AS b_kind,
    epoch(b.time) - epoch(a.time) AS seconds
  FROM pairs p JOIN a ON a.id = p.a_id JOIN b ON b.id = p.b_id
  ORDER BY len(p.shared) DESC, a.time, b.time, a.id, b.id LIMIT $6`;
