// `lockstep serve` without a browser: every JSON route against the run folder and the store, 404 and 400
// answers, security headers, the loopback-only default (and its Host check), the access token on a
// non-loopback bind, and a hostile account key that round-trips as data and is never reflected as HTML.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { main } from '../../src/cli/program.js';
import { parseCsv } from '../../src/report/html/index.js';
import { accountLabel } from '../../src/report/labels.js';
import { Store } from '../../src/store/index.js';
import {
  type AccountPayload,
  type EvidencePayload,
  isLoopback,
  type NetworkPayload,
  type NetworksPayload,
  type RunningServer,
  startServer,
} from '../../src/web/index.js';
import { HOSTILE_KEY, makeRunFolder } from './_fixture.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A GET to 127.0.0.1:port with raw path and headers (fetch would normalise both). */
function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, headers, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        body += d;
      });
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

const json = <T>(a: Answer): T => {
  assert.equal(a.status, 200, a.body.slice(0, 200));
  assert.match(String(a.headers['content-type']), /^application\/json/);
  return JSON.parse(a.body) as T;
};

describe('lockstep serve', () => {
  const work = mkdtempSync(join(tmpdir(), 'lockstep-serve-'));
  const dir = join(work, 'run');
  let server: RunningServer;
  let port = 0;
  let doc: {
    networks: Array<{
      id: number;
      size: number;
      accounts: Array<{ key: string; account: string; handle: string | null; name: string | null }>;
    }>;
  };
  let run: { candidates: { tested: number }; parameters: Record<string, unknown> };
  let accounts: Array<Record<string, string>>;
  let edges: string[][];
  let header: string[];

  before(async () => {
    await makeRunFolder(work, dir);
    doc = JSON.parse(readFileSync(join(dir, 'networks.json'), 'utf8'));
    run = JSON.parse(readFileSync(join(dir, 'networks.json'), 'utf8'));
    const [ah, ...ar] = parseCsv(readFileSync(join(dir, 'accounts.csv'), 'utf8'));
    accounts = ar.map((r) => Object.fromEntries((ah ?? []).map((h, i) => [h, r[i] ?? ''])));
    const [h, ...rows] = parseCsv(readFileSync(join(dir, 'edges.csv'), 'utf8'));
    assert.ok(h);
    header = h;
    edges = rows;
    server = await startServer({ runDir: dir, port: 0 });
    port = server.port;
  });

  after(async () => {
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('binds loopback by default, needs no token there, and refuses foreign Host headers', async () => {
    assert.equal(server.host, '127.0.0.1');
    assert.equal(server.token, null);
    assert.ok(isLoopback('127.0.0.1') && isLoopback('::1') && !isLoopback('0.0.0.0'));
    assert.equal((await get(port, '/')).status, 200);
    assert.equal((await get(port, '/api/networks', { Host: 'attacker.example' })).status, 403);
  });

  it('/api/networks lists exactly the networks of networks.json with their sizes', async () => {
    const p = json<NetworksPayload>(await get(port, '/api/networks'));
    assert.ok(doc.networks.length > 0);
    assert.deepEqual(
      p.networks.map((n) => [n.id, n.size]),
      doc.networks.map((n) => [n.id, n.size]),
    );
  });

  it('/api/network/:id has the layout of every member and the edges of edges.csv', async () => {
    const col = header.indexOf('network');
    for (const n of doc.networks) {
      const p = json<NetworkPayload>(await get(port, `/api/network/${n.id}`));
      assert.equal(p.network.id, n.id);
      assert.deepEqual(p.graph.nodes.map((x) => x.key).sort(), n.accounts.map((a) => a.key).sort());
      assert.ok(p.graph.nodes.every((x) => Number.isFinite(x.x) && Number.isFinite(x.y)));
      assert.equal(p.graph.edgesTotal, edges.filter((r) => Number(r[col]) === n.id).length);
      assert.ok(p.timeline.network.length > 0 && p.timeline.all.length > 0);
      // What the page's sentence, creation histogram and evidence need, beside networks.json's own fields.
      assert.equal(p.candidatesTested, run.candidates.tested);
      assert.equal(p.signalsRun, (run.parameters.signals as string[]).length);
      const created = accounts.filter((r) => r.network === String(n.id) && r.created_day !== '');
      assert.equal(
        p.creation.counts.reduce((sum, [, k]) => sum + k, 0),
        created.length,
      );
      const members = new Map(n.accounts.map((a) => [a.key, a]));
      for (const e of p.network.evidence)
        for (const key of [e.source, e.target]) {
          const m = members.get(key);
          assert.ok(m, key);
          assert.equal(p.labels[key], accountLabel(m));
        }
    }
    // The layout is cached: the same positions come back.
    const id = doc.networks[0]?.id;
    const a = json<NetworkPayload>(await get(port, `/api/network/${id}`));
    const b = json<NetworkPayload>(await get(port, `/api/network/${id}`));
    assert.deepEqual(a.graph.nodes, b.graph.nodes);
  });

  it('/api/account/:key gives posts newest first, edges from edges.csv and indicators', async () => {
    const key = doc.networks[0]?.accounts[0]?.key as string;
    const p = json<AccountPayload>(await get(port, `/api/account/${encodeURIComponent(key)}`));
    assert.equal(p.key, key);
    assert.ok(p.posts.items.length > 0 && p.posts.items.length <= p.posts.pageSize);
    const times = p.posts.items.map((x) => x.time ?? '');
    assert.deepEqual(times, [...times].sort().reverse());
    const [s, t] = [header.indexOf('source'), header.indexOf('target')];
    assert.equal(p.edgesTotal, edges.filter((r) => r[s] === key || r[t] === key).length);
    assert.ok(p.indicators.length > 0 && p.networks.length > 0);
    // accounts.csv rows by column name (its byte order mark is not part of the first name).
    assert.equal(p.indicators[0]?.Id, key);
    // The other end of each edge is named as networks.json names it (handle, else name), not by its key.
    const members = new Map(doc.networks.flatMap((n) => n.accounts.map((a) => [a.key, a])));
    assert.ok(p.edges.length > 0);
    for (const e of p.edges) {
      const m = members.get(e.other);
      assert.ok(m, e.other);
      assert.equal(e.otherLabel, accountLabel(m));
      if (m.handle) assert.equal(e.otherLabel, `@${m.handle}`);
    }
    const page2 = await get(port, `/api/account/${encodeURIComponent(key)}?page=2`);
    assert.equal(page2.status, 200);
    assert.equal((await get(port, `/api/account/${encodeURIComponent(key)}?page=0`)).status, 400);
  });

  it('/api/evidence/:a/:b returns real post pairs of the two accounts within the window', async () => {
    const [s, t] = [header.indexOf('source'), header.indexOf('target')];
    const row = edges[0] as string[];
    const [a, b] = [row[s] as string, row[t] as string];
    const p = json<EvidencePayload>(
      await get(port, `/api/evidence/${encodeURIComponent(a)}/${encodeURIComponent(b)}`),
    );
    assert.ok(p.total > 0 && p.pairs.length > 0 && p.pairs.length <= p.limit);
    assert.ok(p.edge !== null);
    for (const pair of p.pairs) {
      assert.ok(pair.shared.length > 0);
      assert.ok(Math.abs(pair.seconds) <= p.windowSeconds);
    }
    // Those sharing the most items first.
    const sizes = p.pairs.map((x) => x.shared.length);
    assert.deepEqual(
      sizes,
      [...sizes].sort((x, y) => y - x),
    );
    const store = await Store.open(join(dir, 'lockstep.duckdb'), { readOnly: true });
    try {
      for (const [side, account] of [
        ['a', a],
        ['b', b],
      ] as const) {
        const ids = [...new Set(p.pairs.map((x) => x[side].id))];
        const found = await store.one<{ n: bigint }>(
          `SELECT count(DISTINCT id) AS n FROM posts WHERE account = $1 AND id IN (SELECT unnest($2::VARCHAR[]))`,
          [account, `[${ids.join(',')}]`],
        );
        assert.equal(Number(found.n), ids.length, `every ${side} post is ${account}'s`);
      }
    } finally {
      store.close();
    }
  });

  it('the evidence of co-domain and co-reply edges names the shared site or the post both answered', async () => {
    // The page lists the first pairs by time (500), so a flood's pairs may all be on its hashtag: some edge
    // resting on each signal must show the item, not every one.
    const [s, t] = [header.indexOf('source'), header.indexOf('target')];
    for (const [signal, kind] of [
      ['codomain', 'domain '],
      ['coreply', 'reply to '],
    ] as const) {
      const col = header.indexOf(`w_${signal}`);
      const rows = edges.filter((r) => Number(r[col]) > 0).slice(0, 30);
      assert.ok(rows.length > 0, `edges resting on ${signal}`);
      let shown = false;
      for (const row of rows) {
        const [a, b] = [encodeURIComponent(row[s] as string), encodeURIComponent(row[t] as string)];
        const p = json<EvidencePayload>(await get(port, `/api/evidence/${a}/${b}`));
        shown ||= p.pairs.some((x) => x.shared.some((item) => item.startsWith(kind)));
        if (shown) break;
      }
      assert.ok(shown, `a pair sharing a ${kind.trim()} item`);
    }
  });

  it('answers many concurrent requests each with the same body as when asked alone', async () => {
    // Every network, the members of the first network (two pages of posts each), the evidence of the first
    // edges and an unknown account: asked one at a time, then all at once, three times over in a shuffled order,
    // so requests of every kind share the store's connections (more than the pool has).
    const [s, t] = [header.indexOf('source'), header.indexOf('target')];
    const keys = (doc.networks[0]?.accounts ?? []).slice(0, 12).map((a) => encodeURIComponent(a.key));
    const paths = [
      '/api/networks',
      ...doc.networks.map((n) => `/api/network/${n.id}`),
      ...keys.flatMap((k) => [`/api/account/${k}`, `/api/account/${k}?page=2`]),
      ...edges
        .slice(0, 6)
        .map((r) => `/api/evidence/${encodeURIComponent(r[s] ?? '')}/${encodeURIComponent(r[t] ?? '')}`),
      '/api/account/no-such-account',
    ];
    const alone = new Map<string, [number, string]>();
    for (const path of paths) {
      const a = await get(port, path);
      alone.set(path, [a.status, a.body]);
    }
    assert.ok(paths.length >= 20, `${paths.length} pages`);
    const order = [...paths, ...paths, ...paths].map((p, i) => ({ p, k: (i * 7919) % 101 }));
    order.sort((x, y) => x.k - y.k);
    const together = await Promise.all(order.map(({ p }) => get(port, p).then((a) => [p, a] as const)));
    for (const [path, answer] of together) {
      const [status, body] = alone.get(path) as [number, string];
      assert.equal(answer.status, status, path);
      assert.equal(answer.body, body, path);
    }
  });

  it('answers 404 for unknown ids and 400 for malformed ones, on pages and their twins', async () => {
    assert.equal((await get(port, '/api/network/9999')).status, 404);
    assert.equal((await get(port, '/network/9999')).status, 404);
    assert.equal((await get(port, '/api/network/abc')).status, 400);
    assert.equal((await get(port, '/network/1.5')).status, 400);
    assert.equal((await get(port, '/api/account/no-such-account')).status, 404);
    assert.equal((await get(port, '/api/account/%E0%A4%A')).status, 400);
    assert.equal((await get(port, '/api/evidence/only-one')).status, 400);
    assert.equal((await get(port, '/nothing/here')).status, 404);
    const missing = await get(port, '/api/network/9999');
    assert.equal(JSON.parse(missing.body).status, 404);
  });

  it('sends the security headers and a same-origin-only policy on every answer', async () => {
    for (const path of ['/', '/api/networks', '/static/ui.js', '/static/ui.css', '/api/network/9999']) {
      const a = await get(port, path);
      const csp = String(a.headers['content-security-policy']);
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(a.headers['x-content-type-options'], 'nosniff');
      assert.equal(a.headers['referrer-policy'], 'no-referrer');
    }
    const shell = await get(port, '/');
    assert.doesNotMatch(shell.body, /<script>|\son\w+=|https?:\/\//i);
    assert.match(shell.body, /<script src="\/static\/ui\.js" defer><\/script>/);
    const js = await get(port, '/static/ui.js');
    assert.match(String(js.headers['content-type']), /^text\/javascript/);
    assert.ok(js.body.length > 10_000);
  });

  it('round-trips a hostile account key as data and never reflects it as HTML', async () => {
    const encoded = encodeURIComponent(HOSTILE_KEY);
    const p = json<AccountPayload>(await get(port, `/api/account/${encoded}`));
    assert.equal(p.key, HOSTILE_KEY);
    assert.ok(p.posts.total > 0);
    const page = await get(port, `/account/${encoded}`);
    assert.equal(page.status, 200);
    assert.ok(!page.body.includes('<script>alert') && !page.body.includes('کاربر'));
    const unknown = await get(port, `/account/${encodeURIComponent(`${HOSTILE_KEY}x`)}`);
    assert.equal(unknown.status, 404);
    assert.ok(!unknown.body.includes('<script>alert') && !unknown.body.includes('کاربر'));
    const api404 = await get(port, `/api/account/${encodeURIComponent(`${HOSTILE_KEY}x`)}`);
    assert.ok(!api404.body.includes('<script>'));
  });

  it('on a non-loopback bind requires the token: header, or ?token= once and then the cookie', async () => {
    const open = await startServer({ runDir: dir, port: 0, host: '0.0.0.0', token: 'test-token-0123456789' });
    try {
      assert.equal(open.token, 'test-token-0123456789');
      assert.equal((await get(open.port, '/api/networks')).status, 401);
      assert.equal((await get(open.port, '/')).status, 401);
      assert.equal((await get(open.port, '/api/networks', { Authorization: 'Bearer wrong' })).status, 401);
      assert.equal(
        (await get(open.port, '/api/networks', { Authorization: 'Bearer test-token-0123456789' })).status,
        200,
      );
      const first = await get(open.port, '/?token=test-token-0123456789');
      assert.equal(first.status, 303);
      assert.equal(first.headers.location, '/');
      const cookie = String(first.headers['set-cookie']);
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Strict/);
      const pair = cookie.split(';')[0] as string;
      assert.equal((await get(open.port, '/api/networks', { Cookie: pair })).status, 200);
      assert.equal((await get(open.port, '/', { Cookie: pair })).status, 200);
      // The redirect that drops ?token= never points at another site.
      const odd = await get(open.port, '/.//evil.example/x?token=test-token-0123456789');
      assert.equal(odd.status, 303);
      assert.equal(odd.headers.location, '/evil.example/x');
    } finally {
      await open.close();
    }
    const generated = await startServer({ runDir: dir, port: 0, host: '0.0.0.0' });
    try {
      assert.ok(generated.token !== null && generated.token.length >= 24);
    } finally {
      await generated.close();
    }
  });

  it('the serve command rejects a missing run folder and a bad port with exit code 2', async () => {
    const err = process.stderr.write;
    process.stderr.write = () => true;
    try {
      assert.equal(await main(['node', 'lockstep', 'serve', join(work, 'missing')]), 2);
      assert.equal(await main(['node', 'lockstep', 'serve', dir, '--port', '70000']), 2);
      assert.equal(await main(['node', 'lockstep', 'serve', dir, '--port', 'x']), 2);
    } finally {
      process.stderr.write = err;
    }
  });
});
