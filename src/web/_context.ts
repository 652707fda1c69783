// What every view shares: the run folder in memory, the store behind a time limit, the store's platforms,
// per-network layouts and timelines and the whole dataset's timeline (each computed once, on first use, and
// kept), and the mapping from an account key (as edges.csv and networks.json write it) to its platform and id.
import { listValue } from '@duckdb/node-api';
import { layoutNetworks } from '../report/html/index.js';
import type { ServedRun } from './_run.js';
import type { TimedStore } from './_timed-store.js';
import { ACCOUNT_EXISTS_SQL, PLATFORMS_SQL, TIMELINE_ALL_SQL, TIMELINE_MEMBERS_SQL } from './queries.sql.js';

export class HttpError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message);
  }
}

export interface ServeLimits {
  /** Posts per page on an account page. */
  postsPerPage: number;
  /** Post pairs listed on an evidence page (all are counted). */
  maxEvidencePairs: number;
  /** Accounts listed on a network page, most central first. */
  maxAccounts: number;
  /** Strongest edges drawn per network graph (all shape the layout). */
  maxDrawnEdges: number;
  /** Edges listed on an account page, strongest first. */
  maxAccountEdges: number;
  /** ForceAtlas2 iterations, as the report uses. */
  layoutIterations: number;
  /** Timeline buckets at most (1 h, 6 h, 1 day or 1 week, the smallest that fits). */
  maxBuckets: number;
}

export interface GraphLayout {
  nodes: Array<{ key: string; label: string; x: number; y: number; centrality: number }>;
}

export interface Timeline {
  bucketSeconds: number;
  all: Array<[number, number]>;
}

export interface AccountRef {
  key: string;
  platform: string;
  account: string;
}

const BUCKETS = [3600, 6 * 3600, 86_400, 7 * 86_400];

export class ServeContext {
  private readonly layouts = new Map<number, Promise<GraphLayout>>();
  private readonly timelines = new Map<number, Promise<Array<[number, number]>>>();
  private timeline: Promise<Timeline> | null = null;
  private platforms: Promise<string[]> | null = null;

  constructor(
    readonly run: ServedRun,
    readonly db: TimedStore,
    readonly limits: ServeLimits,
  ) {}

  network(id: number) {
    return this.run.files.networks.networks.find((n) => n.id === id);
  }

  /** The network's own ForceAtlas2 layout, computed once (startServer does it for all at start) and kept. */
  layout(id: number): Promise<GraphLayout> {
    let cached = this.layouts.get(id);
    if (cached === undefined) {
      const n = this.network(id);
      const accounts = n?.accounts ?? [];
      const memberEvidence = n?.memberEvidence ?? [];
      cached = Promise.resolve().then(() => {
        const { nodes } = layoutNetworks(
          [{ id, accounts, memberEvidence }],
          this.run.layoutEdges,
          this.limits.layoutIterations,
        );
        return { nodes: nodes.map(({ network: _n, ...rest }) => rest) };
      });
      this.layouts.set(id, cached);
    }
    return cached;
  }

  bucketSeconds(): number {
    const { start, end } = this.run.files.networks.data;
    const span = start !== null && end !== null ? (Date.parse(end) - Date.parse(start)) / 1000 : 0;
    return (
      BUCKETS.find((b) => span / b <= this.limits.maxBuckets) ??
      Math.ceil(span / this.limits.maxBuckets / 86_400) * 86_400
    );
  }

  wholeTimeline(): Promise<Timeline> {
    const bucketSeconds = this.bucketSeconds();
    this.timeline ??= this.db
      .all<{ t: bigint; n: bigint }>(TIMELINE_ALL_SQL, [bucketSeconds])
      .then((rows) => ({
        bucketSeconds,
        all: rows.map((r): [number, number] => [Number(r.t), Number(r.n)]),
      }));
    this.timeline.catch(() => {
      this.timeline = null;
    });
    return this.timeline;
  }

  /**
   * A network's posts per bucket of the whole timeline, computed once and kept (the run does not change, and
   * the query scans every post: with 20 readers, repeating it was most of a network page's wait).
   */
  networkTimeline(id: number, bucketSeconds: number): Promise<Array<[number, number]>> {
    let cached = this.timelines.get(id);
    if (cached === undefined) {
      const members = (this.network(id)?.accounts ?? []).map((a) => `${a.platform}\u001f${a.account}`);
      cached = this.db
        .all<{ t: bigint; n: bigint }>(TIMELINE_MEMBERS_SQL, [bucketSeconds, listValue(members)])
        .then((rows) => rows.map((r): [number, number] => [Number(r.t), Number(r.n)]));
      cached.catch(() => this.timelines.delete(id));
      this.timelines.set(id, cached);
    }
    return cached;
  }

  /**
   * An account key to its platform and id: a network member's from networks.json; otherwise, with one
   * platform in the store, the key is the id, and with several it is `platform:id`. Null when the store
   * has neither a post nor a profile for it.
   */
  async resolveAccount(key: string): Promise<AccountRef | null> {
    const member = this.run.members.get(key)?.[0];
    if (member !== undefined)
      return { key, platform: member.account.platform, account: member.account.account };
    this.platforms ??= this.db.all<{ platform: string }>(PLATFORMS_SQL).then((r) => r.map((x) => x.platform));
    const platforms = await this.platforms;
    let ref: AccountRef | null = null;
    if (platforms.length === 1) ref = { key, platform: platforms[0] as string, account: key };
    else {
      const at = key.indexOf(':');
      const platform = key.slice(0, at);
      if (at > 0 && platforms.includes(platform)) ref = { key, platform, account: key.slice(at + 1) };
    }
    if (ref === null) return null;
    const found = await this.db.all<{ posts: bigint; profiles: bigint }>(ACCOUNT_EXISTS_SQL, [
      ref.platform,
      ref.account,
    ]);
    const row = found[0];
    return row !== undefined && Number(row.posts) + Number(row.profiles) > 0 ? ref : null;
  }

  async requireAccount(key: string): Promise<AccountRef> {
    const ref = await this.resolveAccount(key);
    if (ref === null) throw new HttpError(404, 'no such account in this run or its store');
    return ref;
  }
}
