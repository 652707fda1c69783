// A detection with a member that has no edge and an account that shares nothing with its network, for the
// tests of "no member without evidence" (issue 17, point 6). Detection gives neither on the data at hand
// (its member rule keeps members for their co-activity), so the generated dataset's (20,000 posts, seed 7)
// detection is handed on with two more accounts in its first network: `lone` shares items in a window with
// its members but has no edge to any, `stranger` shares no item-window with any of them (nor with `lone`).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { generateDataset } from '@lockstep/generate';
import { type Detection, detectNetworks } from '../../src/networks/index.js';
import { type IngestReport, loadFiles } from '../../src/normalize/index.js';
import { windowSql } from '../../src/signals/index.js';
import { Store } from '../../src/store/index.js';

export interface LoneFixture {
  store: Store;
  detection: Detection;
  ingest: IngestReport;
  files: string[];
  lone: { aid: number; account: string };
  stranger: { aid: number; account: string };
}

/** `storePath`: where the store goes (`:memory:` unless a run folder needs it on disk). */
export async function loneMemberDetection(work: string, storePath = ':memory:'): Promise<LoneFixture> {
  const g = await generateDataset({ posts: 20_000, seed: 7, outDir: join(work, 'data') });
  const files = [g.files.tweets, g.files.users];
  const store = await Store.open(storePath);
  const ingest = await loadFiles(store, files);
  const detection = await detectNetworks(store);
  const inAny = new Set(detection.candidates.flatMap((c) => [...c.members, ...c.pruned]));
  const target = detection.candidates.find((c) => c.beyondChance && c.members.length > 0);
  assert.ok(target, 'the generated data has a network');
  await store.run(`CREATE OR REPLACE TEMP TABLE _t_members AS SELECT unnest($1::INTEGER[]) AS aid`, [
    JSON.stringify(target.members),
  ]);
  await store.run(`CREATE OR REPLACE TEMP TABLE _t_taken AS SELECT unnest($1::INTEGER[]) AS aid`, [
    JSON.stringify([...inAny]),
  ]);
  const win = windowSql(detection.parameters);
  const windows = `WITH x AS (SELECT sig, item, t // ${win('sig')} AS b, aid FROM _touch),
    m AS (SELECT DISTINCT sig, item, b FROM x SEMI JOIN _t_members USING (aid))`;
  // The outside account sharing the most item-windows with the members, yet with no edge to any.
  const [near] = await store.all<{ aid: number; account: string }>(`${windows}
    SELECT x.aid, a.account FROM x SEMI JOIN m USING (sig, item, b) JOIN _acct a USING (aid)
    WHERE x.aid NOT IN (SELECT aid FROM _t_taken)
      AND x.aid NOT IN (SELECT a FROM _edge WHERE c IN (SELECT aid FROM _t_members))
      AND x.aid NOT IN (SELECT c FROM _edge WHERE a IN (SELECT aid FROM _t_members))
    GROUP BY x.aid, a.account ORDER BY count(*) DESC, a.account LIMIT 1`);
  assert.ok(near, 'an account shares item-windows with the members');
  await store.run(`INSERT INTO _t_members VALUES ($1)`, [Number(near.aid)]);
  const [far] = await store.all<{ aid: number; account: string }>(`${windows},
    touching AS (SELECT DISTINCT aid FROM x SEMI JOIN m USING (sig, item, b))
    SELECT a.aid, a.account FROM _acct a
    WHERE a.aid NOT IN (SELECT aid FROM touching) AND a.aid NOT IN (SELECT aid FROM _t_taken)
    ORDER BY a.account LIMIT 1`);
  assert.ok(far, 'an account shares nothing with them');
  await store.run(`DROP TABLE _t_members; DROP TABLE _t_taken`);
  const lone = { aid: Number(near.aid), account: near.account };
  const stranger = { aid: Number(far.aid), account: far.account };
  target.members = [...target.members, lone.aid, stranger.aid].sort((x, y) => x - y);
  return { store, detection, ingest, files, lone, stranger };
}
