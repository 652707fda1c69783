// The run folder end to end on a small generated dataset: networks.json parses, is schema-versioned and
// byte-identical across runs; accounts.csv and edges.csv agree with it and with the store, and their xlsx
// copies with them (ids as text cells); hostile handles and names come out neutralised; and a golden summary (ids, sizes, binding signals, top hashtags; no floats) pins
// the findings. To accept a deliberate change:
//   UPDATE_GOLDEN=1 node --import tsx --test test/report/run.test.ts
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateDataset } from '@lockstep/generate';
import { describeNetworks, detectNetworks } from '../../src/networks/index.js';
import { loadFiles } from '../../src/normalize/index.js';
import { restoreCsvCell } from '../../src/report/csv.js';
import { parseCsv } from '../../src/report/html/index.js';
import { buildReportData, RUN_FILES, writeRunFolder } from '../../src/report/index.js';
import { GRAPH_POSITION_SCALE } from '../../src/report/run.js';
import { Store } from '../../src/store/index.js';
import { readXlsx, sheetTable } from './_xlsx.js';

const GOLDEN = resolve(import.meta.dirname, '../golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const POSTS = 20_000;
const SEED = 7;
const HOSTILE = '=1+2_';
// Display names the planted accounts get in turn: each starts with a character a spreadsheet takes as a formula.
const HOSTILE_NAMES = ["=cmd|' /C calc'!A0 ", '+1+2 ', '-1+2 ', '@SUM(1) '];

const work = mkdtempSync(join(tmpdir(), 'lockstep-run-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** A run-folder CSV as header and rows, cells restored; it must start with the UTF-8 BOM. */
function readRunCsv(path: string): { header: string[]; rows: string[][] } {
  const text = readFileSync(path, 'utf8');
  assert.ok(text.startsWith('\uFEFF'), `${path} starts with a BOM`);
  const [header = [], ...rows] = parseCsv(text.slice(1));
  return { header, rows: rows.map((r) => r.map(restoreCsvCell)) };
}

const toCsvLine = (cells: string[]) => cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(',');

let tweets = '';
let users = '';

/** Gives every planted network account a handle and name a spreadsheet would run as a formula. */
function makeHostile(usersPath: string, truthPath: string): void {
  const planted = new Set(
    parseCsv(readFileSync(truthPath, 'utf8'))
      .slice(1)
      .filter((r) => r[1] !== '0')
      .map((r) => r[0]),
  );
  const [header, ...rows] = parseCsv(readFileSync(usersPath, 'utf8'));
  assert.ok(header);
  const id = header.indexOf('userid');
  const handle = header.indexOf('user_screen_name');
  const name = header.indexOf('user_display_name');
  let turn = 0;
  for (const r of rows) {
    if (!planted.has(r[id] as string)) continue;
    r[handle] = `${HOSTILE}${r[handle]}`;
    r[name] = `${HOSTILE_NAMES[turn++ % HOSTILE_NAMES.length]}${r[name]}`;
  }
  writeFileSync(usersPath, `${[header, ...rows].map(toCsvLine).join('\n')}\n`);
}

async function analyse(dir: string): Promise<Store> {
  const store = await Store.open(':memory:');
  const ingest = await loadFiles(store, [tweets, users]);
  const detection = await detectNetworks(store);
  const networks = await describeNetworks(store, detection);
  await writeRunFolder(dir, { store, detection, networks, ingest, timings: {}, inputs: [tweets, users] });
  return store;
}

describe('run folder', () => {
  const dir = join(work, 'run');
  let store: Store;
  before(async () => {
    const generated = await generateDataset({ posts: POSTS, seed: SEED, outDir: join(work, 'data') });
    tweets = generated.files.tweets;
    users = generated.files.users;
    makeHostile(users, generated.files.truth);
    store = await analyse(dir);
  });
  after(() => store?.close());

  const json = () => JSON.parse(readFileSync(join(dir, 'networks.json'), 'utf8'));

  it('writes every file, and networks.json is schema-versioned with networks of >= 3 accounts', () => {
    for (const f of RUN_FILES) assert.ok(existsSync(join(dir, f)), `${f} missing`);
    const doc = json();
    assert.equal(doc.schemaVersion, 1);
    assert.equal(doc.tool.name, 'lockstep');
    assert.ok(doc.networks.length > 0, 'the planted networks give at least one network');
    assert.equal(doc.candidates.reported, doc.networks.length);
    doc.networks.forEach((n: { id: number; size: number; accounts: unknown[] }, i: number) => {
      assert.equal(n.id, i + 1);
      assert.ok(n.size >= 3);
      assert.equal(n.accounts.length, n.size);
    });
    const text = readFileSync(join(dir, 'networks.json'), 'utf8');
    assert.ok(!text.includes(work), 'no absolute paths in networks.json');
  });

  it('accounts.csv starts with Id,network,account and lists every member of every network', () => {
    const { header, rows } = readRunCsv(join(dir, 'accounts.csv'));
    assert.deepEqual(header.slice(0, 3), ['Id', 'network', 'account']);
    const listed = new Set(rows.map((r) => `${r[1]}/${r[2]}`));
    let members = 0;
    for (const n of json().networks as Array<{ id: number; accounts: Array<{ account: string }> }>) {
      for (const a of n.accounts) {
        members++;
        assert.ok(listed.has(`${n.id}/${a.account}`), `account ${a.account} of network ${n.id}`);
      }
    }
    assert.equal(rows.length, members);
  });

  it('neutralises handles and names a spreadsheet would run as formulas', () => {
    const [header, ...rows] = parseCsv(readFileSync(join(dir, 'accounts.csv'), 'utf8').slice(1));
    const handle = header?.indexOf('handle') ?? -1;
    assert.ok(
      rows.some((r) => r[handle]?.startsWith(`'${HOSTILE}`)),
      'a hostile handle reached accounts.csv',
    );
    for (const r of rows) for (const cell of r) assert.doesNotMatch(cell, /^\t?[=+@]/);
  });

  it('evidence posts name the post they answer or share, as the store has it, the same for both of a pair', async () => {
    type Post = { id: string; replyTo: string | null; shares: string | null };
    const pairs: Array<{ signal: string; a: Post; b: Post }> = json().networks.flatMap(
      (n: { evidence: Array<{ pairs: Array<{ signal: string; a: Post; b: Post }> }> }) =>
        n.evidence.flatMap((e) => e.pairs),
    );
    const posts = pairs.flatMap((p) => [p.a, p.b]);
    const stored = new Map(
      (
        await store.all<{ id: string; reply_to: string | null; shares: string | null }>(
          `SELECT id, reply_to, coalesce(repost_of, quote_of) AS shares FROM posts
           WHERE id IN (SELECT unnest($1::VARCHAR[]))`,
          [JSON.stringify(posts.map((p) => p.id))],
        )
      ).map((r) => [r.id, r]),
    );
    for (const p of posts) {
      assert.equal(p.replyTo, stored.get(p.id)?.reply_to ?? null, `post ${p.id}`);
      assert.equal(p.shares, stored.get(p.id)?.shares ?? null, `post ${p.id}`);
    }
    const corepost = pairs.filter((p) => p.signal === 'corepost');
    assert.ok(corepost.length > 0, 'the ring reposts the same originals');
    for (const p of corepost) assert.ok(p.a.shares !== null && p.a.shares === p.b.shares);
    for (const p of pairs.filter((x) => x.signal === 'coreply'))
      assert.ok(p.a.replyTo !== null && p.a.replyTo === p.b.replyTo);
  });

  it('lists as most repeated only texts two members or more posted, as the store has them', async () => {
    type Text = { text: string; posts: number; accounts: number };
    const networks: Array<{ id: number; accounts: Array<{ account: string }>; topTexts: Text[] }> =
      json().networks;
    assert.ok(networks.some((n) => n.topTexts.length > 0));
    for (const n of networks) {
      const members = JSON.stringify(n.accounts.map((a) => a.account));
      for (const t of n.topTexts) {
        assert.ok(t.accounts >= 2 && t.posts >= t.accounts, JSON.stringify(t));
        const row = await store.one<{ n: bigint }>(
          `SELECT count(DISTINCT account) AS n FROM posts
           WHERE text_norm = $1 AND account IN (SELECT unnest($2::VARCHAR[]))`,
          [t.text, members],
        );
        assert.ok(Number(row.n) >= t.accounts, `network ${n.id}: "${t.text}"`);
      }
    }
  });

  it('edges.csv evidence post ids exist in the store, and edges join accounts of one network', async () => {
    const { header, rows } = readRunCsv(join(dir, 'edges.csv'));
    assert.deepEqual(header.slice(0, 6), ['Id', 'source', 'target', 'network', 'weight', 'items']);
    assert.deepEqual(header.slice(-3), ['evidence', 'evidence_items', 'evidence_total']);
    assert.ok(rows.length > 0);
    const evidence = header?.indexOf('evidence') ?? -1;
    const ids = new Set<string>();
    for (const r of rows) {
      const pairs = (r[evidence] as string).split(';').filter(Boolean);
      assert.ok(pairs.length > 0, 'every edge has evidence');
      for (const p of pairs) for (const id of p.split('>')) ids.add(id);
    }
    const found = await store.all<{ n: bigint }>(
      `SELECT count(DISTINCT id) AS n FROM posts WHERE id IN (SELECT unnest($1::VARCHAR[]))`,
      [JSON.stringify([...ids])],
    );
    assert.equal(Number(found[0]?.n), ids.size);
    const accounts = readRunCsv(join(dir, 'accounts.csv')).rows;
    const networkOf = new Map(accounts.map((r) => [r[0], r[1]]));
    for (const r of rows) {
      assert.equal(networkOf.get(r[1]), r[3]);
      assert.equal(networkOf.get(r[2]), r[3]);
    }
  });

  it('edges.csv evidence: distinct post pairs, each with the item it shares, which both posts hold', async () => {
    const { header, rows } = readRunCsv(join(dir, 'edges.csv'));
    const [evidence, items, total] = [
      header.indexOf('evidence'),
      header.indexOf('evidence_items'),
      header.indexOf('evidence_total'),
    ];
    const pairs: Array<{ a: string; b: string; signal: string; item: string }> = [];
    for (const r of rows) {
      const cell = (r[evidence] as string).split(';').filter(Boolean);
      assert.equal(new Set(cell).size, cell.length, `a post pair repeats in ${r[evidence]}`);
      const named = JSON.parse(r[items] as string) as Array<[string, string]>;
      assert.equal(named.length, cell.length);
      assert.ok(Number(r[total]) >= cell.length && Number(r[total]) <= Number(r[5]));
      cell.forEach((p, i) => {
        const [a, b] = p.split('>') as [string, string];
        const [signal, item] = named[i] as [string, string];
        pairs.push({ a, b, signal, item });
      });
    }
    const post = new Map(
      (
        await store.all<Record<string, unknown> & { id: string }>(
          `SELECT id, hashtags, urls, domains, mentions, coalesce(repost_of, quote_of) AS shares, reply_to, text_norm
           FROM posts WHERE id IN (SELECT unnest($1::VARCHAR[]))`,
          [JSON.stringify(pairs.flatMap((p) => [p.a, p.b]))],
        )
      ).map((r) => [r.id, r]),
    );
    const has = (id: string, column: string, value: string) =>
      (post.get(id)?.[column] as string[] | undefined)?.includes(value) ?? false;
    const seen = new Set<string>();
    const texts = new Set<string>();
    for (const { a, b, signal, item } of pairs) {
      seen.add(signal);
      assert.ok(item !== '', `${a}>${b}: ${signal} names no item`);
      const both = (test: (id: string) => boolean) =>
        assert.ok(test(a) && test(b), `${a}>${b}: ${signal} ${item}`);
      if (signal === 'cohashtag') both((id) => has(id, 'hashtags', item.slice(1)));
      else if (signal === 'colink') both((id) => has(id, 'urls', item));
      else if (signal === 'codomain') both((id) => has(id, 'domains', item));
      else if (signal === 'comention') both((id) => has(id, 'mentions', item.slice(1)));
      else if (signal === 'corepost') both((id) => post.get(id)?.shares === item);
      else if (signal === 'coreply') both((id) => post.get(id)?.reply_to === item);
      else if (signal === 'neardup') texts.add(item);
    }
    // A near-duplicate family is named by one of its texts (its first evidence post's, cut).
    const named = await store.all<{ n: bigint }>(
      `SELECT count(DISTINCT t) AS n FROM (SELECT unnest($1::VARCHAR[]) AS t) SEMI JOIN posts ON starts_with(text_norm, t)`,
      [JSON.stringify([...texts])],
    );
    assert.equal(Number(named[0]?.n), texts.size);
    assert.ok(seen.size >= 3, `items of ${[...seen].join(', ')}`);
    // networks.json names the same items, with what else each pair shares.
    for (const n of json().networks as Array<{
      evidence: Array<{ pairs: Array<{ item: string; alsoShared: unknown[] }> }>;
    }>)
      for (const e of n.evidence)
        for (const p of e.pairs) assert.ok(p.item !== '' && Array.isArray(p.alsoShared));
  });

  it('CSV ids are the keys and ids of networks.json, written plain for pandas and R', () => {
    const keys = new Map<string, string>();
    for (const n of json().networks as Array<{ accounts: Array<{ key: string; account: string }> }>)
      for (const a of n.accounts) keys.set(a.key, a.account);
    const raw = (name: string) => parseCsv(readFileSync(join(dir, name), 'utf8').slice(1)).slice(1);
    const idCells = [
      ...raw('accounts.csv').flatMap((r) => [r[0], r[2]]),
      ...raw('edges.csv').flatMap((r) => [r[1], r[2]]),
    ] as string[];
    assert.ok(idCells.length > 0);
    for (const id of idCells)
      assert.ok(
        keys.has(id) || [...keys.values()].includes(id),
        `${JSON.stringify(id)} is a key or account id`,
      );
    // The generated ids are 19 digits, the case a spreadsheet rounds in a CSV.
    assert.ok(
      [...keys.keys()].some((k) => /^\d{19}$/.test(k)),
      'the fixture has 19-digit ids',
    );
  });

  it('accounts.xlsx and edges.xlsx hold the CSVs cell for cell, ids as text cells with all 19 digits', () => {
    const keys = new Set(
      (json().networks as Array<{ accounts: Array<{ key: string; account: string }> }>).flatMap((n) =>
        n.accounts.flatMap((a) => [a.key, a.account]),
      ),
    );
    for (const [name, idColumns, numberColumns] of [
      ['accounts', ['Id', 'account'], ['network', 'centrality', 'degree']],
      ['edges', ['source', 'target'], ['Id', 'network', 'weight', 'items']],
    ] as const) {
      const csv = parseCsv(readFileSync(join(dir, `${name}.csv`), 'utf8').slice(1));
      const sheets = readXlsx(join(dir, `${name}.xlsx`));
      assert.deepEqual(
        sheets.map((s) => s.name),
        [name],
      );
      const { header, rows } = sheetTable(sheets[0] as (typeof sheets)[0]);
      assert.deepEqual(header, csv[0], `${name}.xlsx has the CSV's columns`);
      assert.equal(rows.length, csv.length - 1, `${name}.xlsx has the CSV's rows`);
      rows.forEach((cells, r) => {
        const line = csv[r + 1] ?? [];
        cells.forEach((cell, i) => {
          const column = header[i] ?? '';
          // Numbers as JavaScript prints them in both; text as the CSV has it, defused alike.
          assert.equal(cell.text, line[i], `${name}.xlsx row ${r + 2} ${column}`);
          assert.equal(cell.formula, false);
          if ((idColumns as readonly string[]).includes(column)) {
            assert.ok(keys.has(cell.text), `${name} ${column} ${cell.text} is a key or account id`);
            assert.equal(cell.type, 'inlineStr', `${name} ${column} ${cell.text} is a text cell`);
            assert.equal(cell.numFmt, 49, `${name} ${column} ${cell.text} is in the Text format`);
          }
          if ((numberColumns as readonly string[]).includes(column) && cell.text !== '')
            assert.equal(cell.type, 'n', `${name} ${column} is a number`);
        });
      });
      const ids = rows.flatMap((cells) =>
        cells.filter((_, i) => (idColumns as readonly string[]).includes(header[i] ?? '')),
      );
      assert.ok(
        ids.some((c) => /^\d{19}$/.test(c.text)),
        `${name}.xlsx has 19-digit ids, kept whole`,
      );
    }
  });

  it('hostile handles and names are defused text in accounts.xlsx, never formulas', () => {
    const [sheet] = readXlsx(join(dir, 'accounts.xlsx'));
    assert.ok(sheet);
    assert.doesNotMatch(sheet.xml, /<f\b/, 'no formula element in the sheet');
    const { header, rows } = sheetTable(sheet);
    const handles = rows.map((r) => r[header.indexOf('handle')]);
    const names = rows.map((r) => r[header.indexOf('name')]);
    assert.ok(
      handles.some((c) => c?.text.startsWith(`'${HOSTILE}`)),
      'a hostile handle reached accounts.xlsx',
    );
    for (const hostile of HOSTILE_NAMES)
      assert.ok(
        names.some((c) => c?.text.startsWith(`'${hostile}`)),
        `a name starting ${JSON.stringify(hostile)} reached accounts.xlsx, defused`,
      );
    for (const cell of [...handles, ...names]) {
      if (cell === undefined || cell.type === 'empty') continue;
      assert.equal(cell.type, 'inlineStr');
      assert.equal(cell.numFmt, 49);
      assert.doesNotMatch(cell.text, /^[=+\-@\t\r]/, `${JSON.stringify(cell.text)} would run`);
    }
  });

  it("the Parquet copies read back with the CSVs' columns and row counts, ids as plain strings", async () => {
    for (const name of ['accounts', 'edges']) {
      const { header, rows } = readRunCsv(join(dir, `${name}.csv`));
      const path = join(dir, `${name}.parquet`).replaceAll("'", "''");
      const described = await store.all<{ column_name: string; column_type: string }>(
        `DESCRIBE SELECT * FROM read_parquet('${path}')`,
      );
      assert.deepEqual(
        described.map((c) => c.column_name),
        header,
      );
      const count = await store.one<{ n: bigint }>(`SELECT count(*) AS n FROM read_parquet('${path}')`);
      assert.equal(Number(count.n), rows.length, name);
      const first = await store.all<Record<string, unknown>>(`SELECT * FROM read_parquet('${path}') LIMIT 1`);
      assert.equal(first[0]?.Id === undefined ? undefined : String(first[0].Id), rows[0]?.[0], name);
      const types = Object.fromEntries(described.map((c) => [c.column_name, c.column_type]));
      assert.equal(types.network, 'INTEGER');
      if (name === 'edges') {
        assert.equal(types.source, 'VARCHAR');
        assert.equal(types.weight, 'DOUBLE');
        for (const c of header.filter((h) => h.startsWith('w_'))) assert.equal(types[c], 'DOUBLE', c);
      } else {
        assert.equal(types.account, 'VARCHAR');
        assert.equal(types.centrality, 'DOUBLE');
      }
    }
  });

  it("network.gexf puts the report's position, its network colour and its figures on every node", async () => {
    const gexf = readFileSync(join(dir, 'network.gexf'), 'utf8');
    const report = await buildReportData(dir, store);
    const drawn = new Map(report.graph.nodes.map((n) => [n.key, n]));
    const nodes = [...gexf.matchAll(/<node id="([^"]*)"[^>]*>([\s\S]*?)<\/node>/g)];
    const members = (json().networks as Array<{ size: number }>).reduce((s, n) => s + n.size, 0);
    assert.equal(nodes.length, members);
    const colours = new Map<number, string>();
    for (const [, id = '', body = ''] of nodes) {
      const position = /<viz:position x="([^"]+)" y="([^"]+)" z="0"\/>/.exec(body);
      const colour = /<viz:color r="(\d+)" g="(\d+)" b="(\d+)"\/>/.exec(body);
      assert.ok(position && colour && /<viz:size value="[\d.]+"\/>/.test(body), `node ${id}`);
      const mine = drawn.get(id);
      assert.ok(mine, `node ${id} is in the report's graph`);
      assert.ok(Math.abs(Number(position[1]) - mine.x * GRAPH_POSITION_SCALE) < 1e-6, `x of ${id}`);
      assert.ok(Math.abs(Number(position[2]) - mine.y * GRAPH_POSITION_SCALE) < 1e-6, `y of ${id}`);
      const rgb = colour.slice(1, 4).join(',');
      assert.equal(colours.get(mine.network) ?? rgb, rgb, 'one colour per network');
      colours.set(mine.network, rgb);
      for (const attr of ['network', 'centrality', 'coordinated_posts', 'gap_cv'])
        assert.match(gexf, new RegExp(`<attribute id="\\d+" title="${attr}" type="`), attr);
    }
    assert.equal(new Set(colours.values()).size, Math.min(colours.size, 10), 'networks differ in colour');
    const graphml = readFileSync(join(dir, 'network.graphml'), 'utf8');
    assert.equal(graphml.match(/<data key="x">/g)?.length, members);
    assert.equal(graphml.match(/<data key="r">/g)?.length, members);
  });

  it('gives a byte-identical networks.json on a second run', async () => {
    const again = join(work, 'again');
    const second = await analyse(again);
    second.close();
    assert.equal(
      readFileSync(join(again, 'networks.json'), 'utf8'),
      readFileSync(join(dir, 'networks.json'), 'utf8'),
    );
  });

  it('manifest.json records inputs with SHA-256, parameters and timings', () => {
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    assert.equal(m.inputs.length, 2);
    for (const input of m.inputs) assert.match(input.sha256, /^[0-9a-f]{64}$/);
    assert.equal(m.inputs[0].rowsRead, POSTS);
    assert.equal(m.parameters.windowSeconds, json().parameters.windowSeconds);
    for (const stage of ['ingest', 'signals', 'communities', 'chance', 'write'])
      assert.equal(typeof m.timings[stage], 'number', stage);
  });

  it('matches the golden summary', () => {
    const summary = {
      posts: POSTS,
      seed: SEED,
      candidates: { tested: json().candidates.tested, reported: json().candidates.reported },
      networks: (
        json().networks as Array<{
          id: number;
          size: number;
          binding: string[];
          topHashtags: Array<{ hashtag: string }>;
        }>
      ).map((n) => ({
        id: n.id,
        size: n.size,
        binding: n.binding,
        topHashtags: n.topHashtags.slice(0, 3).map((h) => h.hashtag),
      })),
    };
    const path = join(GOLDEN, 'networks-generated.json');
    if (UPDATE) {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(path, `${JSON.stringify(summary, null, 2)}\n`);
      return;
    }
    assert.ok(existsSync(path), `${path} is missing; run with UPDATE_GOLDEN=1 to create it`);
    assert.deepEqual(summary, JSON.parse(readFileSync(path, 'utf8')));
  });
});
