// SQL behind the report's timelines: posts per time bucket ($1 seconds) over the whole store (net 0), and
// per network the posts of its accounts, read from the temp table _report_members(net, platform, account);
// and the members' account creation days, for each network's creation-date histogram.

export function timelineSql(): string {
  return `
    WITH b AS (
      SELECT platform, account, (epoch(time)::BIGINT // $1) * $1 AS t FROM posts WHERE time IS NOT NULL
    )
    SELECT 0 AS net, t, count(*) AS n FROM b GROUP BY t
    UNION ALL
    SELECT m.net, b.t, count(*) AS n FROM b JOIN _report_members m USING (platform, account) GROUP BY m.net, b.t
    ORDER BY net, t`;
}

export function creationSql(): string {
  return `
    SELECT m.net, strftime(a.created, '%Y-%m-%d') AS day, count(*) AS n
    FROM _report_members m JOIN accounts a ON a.platform = m.platform AND a.id = m.account
    WHERE a.created IS NOT NULL
    GROUP BY ALL ORDER BY m.net, day`;
}
