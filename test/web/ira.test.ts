// The web UI over a run on real data: the IRA "Fearmonger" tweets (FiveThirtyEight layout) analysed with
// the defaults, then every JSON route of `lockstep serve` for the first network, one of its accounts and
// the pair of its two most central accounts. Skipped when ../shared is absent (a user's fresh clone).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { describeNetworks, detectNetworks } from '../../src/networks/index.js';
import { loadFiles } from '../../src/normalize/index.js';
import { writeRunFolder } from '../../src/report/index.js';
import { Store } from '../../src/store/index.js';
import {
  type AccountPayload,
  type EvidencePayload,
  type NetworkPayload,
  type NetworksPayload,
  type RunningServer,
  startServer,
} from '../../src/web/index.js';

const FILE = resolve(
  import.meta.dirname,
  '../../../shared/data/real/ira-538-by-author/ira_fearmonger_all.csv',
);
const skip = existsSync(FILE)
  ? false
  : `real data not found at ${FILE} (it sits beside the repository in CI)`;

describe('lockstep serve on ira-538-by-author', { skip }, () => {
  const work = mkdtempSync(join(tmpdir(), 'lockstep-serve-ira-'));
  let server: RunningServer | undefined;
  const api = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${server?.url.replace(/\/$/, '')}${path}`);
    assert.equal(res.status, 200, `${path}: ${res.status}`);
    return (await res.json()) as T;
  };

  before(async () => {
    const store = await Store.open(join(work, 'lockstep.duckdb'));
    try {
      const ingest = await loadFiles(store, [FILE]);
      const detection = await detectNetworks(store);
      const networks = await describeNetworks(store, detection);
      await writeRunFolder(work, { store, detection, networks, ingest, timings: {}, inputs: [FILE] });
    } finally {
      store.close();
    }
    server = await startServer({ runDir: work, port: 0 });
  });

  after(async () => {
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('lists the networks, and serves a network, an account and the evidence of a pair', async () => {
    const list = await api<NetworksPayload>('/api/networks');
    assert.ok(list.networks.length >= 1);
    const first = list.networks[0];
    assert.ok(first);
    const network = await api<NetworkPayload>(`/api/network/${first.id}`);
    assert.equal(network.network.accounts.length, first.size);
    const [a, b] = network.network.accounts;
    assert.ok(a && b);
    const account = await api<AccountPayload>(`/api/account/${encodeURIComponent(a.key)}`);
    assert.ok(account.posts.items.length > 0 && account.posts.total > 0);
    const evidence = await api<EvidencePayload>(
      `/api/evidence/${encodeURIComponent(a.key)}/${encodeURIComponent(b.key)}`,
    );
    assert.ok(evidence.pairs.length > 0, 'the two most central accounts share posts');
  });
});
