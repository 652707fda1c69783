// Accuracy benchmark: generate datasets with seeds the detector was never tuned on, detect, and score the
// reported networks against truth.csv (account-level precision/recall/F1, recall of each planted network,
// networks made mostly of organic accounts, share of each organic burst's joiners flagged). Prints figures;
// it never fails on them. Generated data and stores are cached under --cache so reruns skip ingest.
// Usage: node --import tsx bench/accuracy.ts [--posts 100000] [--seeds 1001,1002,1003,1004,1005] [--cache DIR]
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateDataset, NETWORK_NAMES, ORGANIC_BURSTS } from '@lockstep/generate';
import { detectNetworks } from '../src/networks/index.js';
import { loadFiles } from '../src/normalize/index.js';
import { Store } from '../src/store/index.js';

const { values } = parseArgs({
  options: {
    posts: { type: 'string', default: '100000' },
    seeds: { type: 'string', default: '1001,1002,1003,1004,1005' },
    cache: { type: 'string', default: join(tmpdir(), 'lockstep-accuracy') },
    window: { type: 'string' },
    set: { type: 'string', default: '' },
    options: { type: 'string', default: '{}' },
    verbose: { type: 'boolean', default: false },
  },
});
const posts = Number(values.posts);
const seeds = values.seeds.split(',').map(Number);

interface Truth {
  network: number;
  bursts: string[];
}

async function readTruth(path: string): Promise<Map<string, Truth>> {
  const lines = (await readFile(path, 'utf8')).trim().split('\n').slice(1);
  const truth = new Map<string, Truth>();
  for (const line of lines) {
    const [account, network, , burst] = line.split(',');
    truth.set(account as string, {
      network: Number(network),
      bursts: burst ? burst.split(/[;|]/).filter(Boolean) : [],
    });
  }
  return truth;
}

async function prepare(seed: number): Promise<{ db: string; truth: string }> {
  const dir = join(values.cache, `${posts}-${seed}`);
  const db = join(dir, 'store.duckdb');
  const truth = join(dir, 'truth.csv');
  if (existsSync(db) && existsSync(truth)) return { db, truth };
  await mkdir(dir, { recursive: true });
  const generated = await generateDataset({ posts, seed, outDir: dir });
  const store = await Store.open(db);
  await loadFiles(store, [generated.files.tweets, generated.files.users]);
  store.close();
  return { db, truth };
}

const rows: string[] = [];
for (const seed of seeds) {
  const { db, truth: truthPath } = await prepare(seed);
  const truth = await readTruth(truthPath);
  const store = await Store.open(db);
  const began = performance.now();
  const overrides: Record<string, number> = {};
  for (const pair of values.set.split(',').filter(Boolean)) {
    const [key, value] = pair.split('=');
    overrides[key as string] = Number(value);
  }
  if (values.window) overrides.windowSeconds = Number(values.window);
  const detection = await detectNetworks(store, { ...overrides, ...JSON.parse(values.options) });
  const seconds = (performance.now() - began) / 1000;
  const accounts = await store.all<{ aid: number; account: string }>(`SELECT aid, account FROM _acct`);
  store.close();
  const name = new Map(accounts.map((r) => [Number(r.aid), r.account]));
  const flagged = new Set<string>();
  let organicNetworks = 0;
  const reported = detection.candidates.filter((c) => c.beyondChance);
  for (const c of reported) {
    let organic = 0;
    for (const aid of c.members) {
      const id = name.get(aid) as string;
      flagged.add(id);
      if ((truth.get(id)?.network ?? 0) === 0) organic++;
    }
    if (organic * 2 > c.members.length) organicNetworks++;
  }
  let tp = 0;
  let positives = 0;
  const perNetwork = NETWORK_NAMES.map(() => ({ size: 0, found: 0 }));
  const perBurst = ORGANIC_BURSTS.map(() => ({ size: 0, flagged: 0 }));
  for (const [id, t] of truth) {
    if (t.network > 0) {
      positives++;
      const entry = perNetwork[t.network - 1] as { size: number; found: number };
      entry.size++;
      if (flagged.has(id)) {
        tp++;
        entry.found++;
      }
    } else {
      for (const b of t.bursts) {
        const entry = perBurst[ORGANIC_BURSTS.indexOf(b as (typeof ORGANIC_BURSTS)[number])];
        if (!entry) continue;
        entry.size++;
        if (flagged.has(id)) entry.flagged++;
      }
    }
  }
  const precision = flagged.size ? tp / flagged.size : 0;
  const recall = positives ? tp / positives : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  rows.push(
    [
      `seed ${seed}`,
      `F1 ${f1.toFixed(3)} (P ${precision.toFixed(3)} R ${recall.toFixed(3)})`,
      `networks ${reported.length}/${detection.candidates.length}`,
      `organic-majority ${organicNetworks}`,
      NETWORK_NAMES.map(
        (n, k) => `${n} ${pct((perNetwork[k]?.found ?? 0) / Math.max(1, perNetwork[k]?.size ?? 0))}`,
      ).join(' '),
      ORGANIC_BURSTS.map(
        (b, k) => `${b} ${pct((perBurst[k]?.flagged ?? 0) / Math.max(1, perBurst[k]?.size ?? 0))}`,
      ).join(' '),
      `detect ${seconds.toFixed(1)} s`,
    ].join(' | '),
  );
  console.log(rows.at(-1));
  if (values.verbose) {
    for (const c of detection.candidates) {
      const counts = [0, 0, 0, 0, 0];
      for (const aid of c.members) {
        const k = truth.get(name.get(aid) as string)?.network ?? 0;
        counts[k] = (counts[k] ?? 0) + 1;
      }
      console.log(
        `  ${c.beyondChance ? '' : ''}pruned ${c.pruned.length} ${c.beyondChance ? 'REPORTED' : 'set aside'} size ${c.members.length} truth ${counts.join('/')} z ${c.chance.zScore} O/E ${c.chance.ratio} O ${c.chance.observed} E ${c.chance.expected}${c.beyondChance ? ` binding ${c.chance.binding.join('+')} ${JSON.stringify(Object.fromEntries(c.chance.binding.map((b) => [b, c.chance.perSignal[b]])))}` : ''}`,
      );
    }
  }
}
console.log(`posts ${posts.toLocaleString('en-US')}; ${rows.length} seeds`);
