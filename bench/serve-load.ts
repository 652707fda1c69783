// Load test of `lockstep serve`: makes its own run folder (`lockstep generate` + `lockstep analyze`, 20,000 posts
// by default), then for each pool size in --readers starts the server over it and sends the JSON twins of
// network and account pages (one network page to three account pages, the pages drawn with a fixed seed) from
// 1 client and then from --clients concurrent clients, each client waiting for its answer before asking again.
// Prints the median and p95 latency per page kind, the ratio of the concurrent figures to the single client's,
// and the ratio between pool sizes, all measured in the same run. `--readers 1` is the server before the pool
// (one connection, one query at a time); --baseline DIR adds the server of another source tree (a `git archive`
// of an earlier commit, with node_modules linked), measured in the same run. Prints figures; never fails on time
// (it fails if an answer is not 200).
// Usage: node --import tsx bench/serve-load.ts [--posts 20000] [--seed 7] [--clients 20] [--requests 400]
//        [--readers 1,4] [--rounds 3] [--baseline DIR] [--keep]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Store } from '../src/store/index.js';
import { startServer } from '../src/web/index.js';

const { values } = parseArgs({
  options: {
    posts: { type: 'string', default: '20000' },
    seed: { type: 'string', default: '7' },
    clients: { type: 'string', default: '20' },
    requests: { type: 'string', default: '400' },
    readers: { type: 'string', default: '1,4' },
    rounds: { type: 'string', default: '3' },
    baseline: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const clients = Number(values.clients);
const requests = Number(values.requests);
const poolSizes = values.readers.split(',').map(Number);
const rounds = Number(values.rounds);
const single = Math.min(requests, 100);

const ROOT = resolve(import.meta.dirname, '..');
const work = await mkdtemp(join(tmpdir(), 'lockstep-serve-load-'));
const run = join(work, 'run');

function lockstep(...args: string[]): void {
  const began = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`lockstep ${args.join(' ')} exited ${r.status}:\n${r.stderr}`);
  console.log(`lockstep ${args[0]}: ${((performance.now() - began) / 1000).toFixed(1)} s`);
}

lockstep('generate', '--posts', values.posts, '--seed', values.seed, '--out', join(work, 'data'));
lockstep('analyze', join(work, 'data/tweets.csv'), join(work, 'data/users.csv'), '--out', run);

// The pages: every network, its members and as many other accounts from the store (organic ones, whose pages
// the analyst opens to compare).
const doc = JSON.parse(readFileSync(join(run, 'networks.json'), 'utf8')) as {
  networks: Array<{ id: number; accounts: Array<{ key: string }> }>;
};
const networkIds = doc.networks.map((n) => n.id);
const members = [...new Set(doc.networks.flatMap((n) => n.accounts.map((a) => a.key)))];
const store = await Store.open(join(run, 'lockstep.duckdb'), { readOnly: true });
const others = (
  await store.all<{ account: string }>(
    `SELECT account FROM (SELECT DISTINCT account FROM posts) ORDER BY hash(account) LIMIT $1`,
    [Math.max(50, members.length)],
  )
).map((r) => r.account);
store.close();
const accounts = [...members, ...others.filter((a) => !members.includes(a))];
console.log(
  `run folder: ${networkIds.length} networks, ${members.length} member accounts, ${accounts.length} account pages in the mix`,
);

/** A fixed sequence of paths (mulberry32 over the seed), the same for every configuration. */
function paths(count: number, seed: number): Array<{ kind: 'network' | 'account'; path: string }> {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => {
    if (next() < 0.25 && networkIds.length > 0) {
      const id = networkIds[Math.floor(next() * networkIds.length)] as number;
      return { kind: 'network' as const, path: `/api/network/${id}` };
    }
    const key = accounts[Math.floor(next() * accounts.length)] as string;
    return { kind: 'account' as const, path: `/api/account/${encodeURIComponent(key)}` };
  });
}

function get(port: number, path: string): Promise<number> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode === 200) ok(0);
        else fail(new Error(`${path}: ${res.statusCode}`));
      });
    });
    req.on('error', fail);
    req.end();
  });
}

interface Figures {
  network: number[];
  account: number[];
}

/** `count` requests shared by `n` clients, each sending its next one when the last is answered. */
async function load(port: number, n: number, count: number, seed: number): Promise<Figures> {
  const todo = paths(count, seed);
  const figures: Figures = { network: [], account: [] };
  let at = 0;
  const client = async () => {
    for (let job = todo[at++]; job !== undefined; job = todo[at++]) {
      const began = performance.now();
      await get(port, job.path);
      figures[job.kind].push(performance.now() - began);
    }
  };
  await Promise.all(Array.from({ length: n }, client));
  return figures;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length === 0 ? Number.NaN : (s[Math.min(s.length - 1, Math.floor(q * s.length))] as number);
};
const ms = (v: number) => `${v.toFixed(0).padStart(6)} ms`;

// The configurations: each pool size, and with --baseline the server of another source tree (e.g. a
// `git archive` of the commit before the pool) over the same run folder.
type Start = (o: { runDir: string; port: number; readers?: number }) => ReturnType<typeof startServer>;
const configs: Array<{ name: string; start: () => ReturnType<typeof startServer> }> = [];
if (values.baseline !== undefined) {
  const base = (await import(join(resolve(values.baseline), 'src/web/index.ts'))) as { startServer: Start };
  configs.push({ name: 'baseline', start: () => base.startServer({ runDir: run, port: 0 }) });
}
for (const readers of poolSizes)
  configs.push({
    name: `${readers} reader${readers === 1 ? '' : 's'}`,
    start: () => startServer({ runDir: run, port: 0, readers }),
  });

// The configurations take turns, round after round, so a busy spell of the (shared) machine falls on all.
const results = new Map<string, Figures>();
for (let round = 0; round < rounds; round++) {
  for (const { name: readers, start } of configs) {
    const server = await start();
    try {
      await load(server.port, 1, 20, 1); // warm: the timelines and DuckDB's caches
      for (const n of [1, clients]) {
        const figures = await load(server.port, n, n === 1 ? single : requests, 2 + round);
        const all = results.get(`${readers}/${n}`) ?? { network: [], account: [] };
        all.network.push(...figures.network);
        all.account.push(...figures.account);
        results.set(`${readers}/${n}`, all);
      }
    } finally {
      await server.close();
    }
  }
}

console.log(
  `\n${values.posts} posts, ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)}; per round and pool size ` +
    `${requests} requests from ${clients} clients and ${single} from 1; ${rounds} rounds`,
);
console.log('server        clients  page        n   median      p95   median vs 1 client');
for (const { name } of configs) {
  const single = results.get(`${name}/1`) as Figures;
  for (const n of [1, clients]) {
    const f = results.get(`${name}/${n}`) as Figures;
    for (const kind of ['network', 'account'] as const) {
      const ratio = quantile(f[kind], 0.5) / quantile(single[kind], 0.5);
      console.log(
        `${name.padEnd(12)} ${String(n).padStart(8)}  ${kind.padEnd(8)} ${String(f[kind].length).padStart(4)} ${ms(quantile(f[kind], 0.5))} ${ms(quantile(f[kind], 0.95))}   ${ratio.toFixed(1)}x`,
      );
    }
  }
}
const last = configs[configs.length - 1]?.name as string;
for (const { name } of configs.slice(0, -1)) {
  for (const kind of ['network', 'account'] as const) {
    const before = results.get(`${name}/${clients}`) as Figures;
    const after = results.get(`${last}/${clients}`) as Figures;
    console.log(
      `${kind} pages, ${clients} clients, ${last} against ${name}: median ${(quantile(before[kind], 0.5) / quantile(after[kind], 0.5)).toFixed(1)}x ` +
        `and p95 ${(quantile(before[kind], 0.95) / quantile(after[kind], 0.95)).toFixed(1)}x faster`,
    );
  }
}
if (values.keep) console.log(`run folder kept: ${run}`);
else await rm(work, { recursive: true, force: true });
