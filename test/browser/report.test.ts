// report.html in Debian's Chromium (playwright-core): on a generated run with hostile text planted in the
// posts and a handle, the page makes no request but for itself, draws the graph (non-blank pixels), lists
// exactly the networks of networks.json, shows evidence posts that exist in the store, runs no planted
// script and has no javascript: link, and breaks no Content-Security-Policy rule. `lockstep report` rebuilds
// the same bytes. Screenshot: a temp dir, or SCREENSHOTS_DIR=DIR keeps it as DIR/report-test.png (the README's
// pictures are scripts/screenshots.mjs's, from the demo run).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { generateDataset } from '@lockstep/generate';
import type { Browser, Page } from 'playwright-core';
import { runReport } from '../../src/cli/report.js';
import { describeNetworks, detectNetworks } from '../../src/networks/index.js';
import { loadFiles } from '../../src/normalize/index.js';
import { parseCsv } from '../../src/report/html/_run-files.js';
import { writeReport, writeRunFolder } from '../../src/report/index.js';
import { Store } from '../../src/store/index.js';
import { chromiumMissing, launchChromium, printedGraphColours, watchedPage } from './_chromium.js';

const SHOTS = process.env.SCREENSHOTS_DIR;
const POSTS = 20_000;
const SEED = 7;
const HOSTILE_TEXT = ' <img src=x onerror=alert(1)></script><!-- javascript:alert(1) \u2028';
// Markup, then a right-to-left override that makes the rest read "google.com" where it is obeyed.
const HOSTILE_HANDLE = '<img src=x onerror=alert(2)>\u202Emoc.elgoog';
const SHOWN_HANDLE = '<img src=x onerror=alert(2)>⟨U+202E⟩moc.elgoog';

const skip = chromiumMissing;
if (skip) process.stderr.write(`report browser test skipped: ${skip}\n`);

const toCsvLine = (cells: string[]) => cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(',');

/** Appends hostile markup to every post of the planted accounts, and gives one of them a hostile handle. */
function plantHostile(tweets: string, users: string, truth: string): void {
  const planted = new Set(
    parseCsv(readFileSync(truth, 'utf8'))
      .slice(1)
      .filter((r) => r[1] !== '0')
      .map((r) => r[0]),
  );
  const [th, ...trows] = parseCsv(readFileSync(tweets, 'utf8'));
  assert.ok(th);
  const [user, text] = [th.indexOf('userid'), th.indexOf('tweet_text')];
  for (const r of trows) if (planted.has(r[user])) r[text] = `${r[text]}${HOSTILE_TEXT}`;
  writeFileSync(tweets, `${[th, ...trows].map(toCsvLine).join('\n')}\n`);
  const [uh, ...urows] = parseCsv(readFileSync(users, 'utf8'));
  assert.ok(uh);
  const [id, handle] = [uh.indexOf('userid'), uh.indexOf('user_screen_name')];
  const victim = urows.find((r) => planted.has(r[id]));
  assert.ok(victim);
  victim[handle] = HOSTILE_HANDLE;
  writeFileSync(users, `${[uh, ...urows].map(toCsvLine).join('\n')}\n`);
}

describe('report.html in Chromium', { skip }, () => {
  const work = mkdtempSync(join(tmpdir(), 'lockstep-report-'));
  const dir = join(work, 'run');
  const db = join(dir, 'lockstep.duckdb');
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const dialogs: string[] = [];
  const problems: string[] = [];
  let url = '';

  before(async () => {
    const g = await generateDataset({ posts: POSTS, seed: SEED, outDir: join(work, 'data') });
    plantHostile(g.files.tweets, g.files.users, g.files.truth);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    const store = await Store.open(db);
    try {
      const ingest = await loadFiles(store, [g.files.tweets, g.files.users]);
      const detection = await detectNetworks(store);
      const networks = await describeNetworks(store, detection);
      await writeRunFolder(dir, { store, detection, networks, ingest, timings: {}, inputs: [] });
      await writeReport(dir, store);
    } finally {
      store.close();
    }
    browser = await launchChromium();
    page = await watchedPage(browser, 1280, { requests, dialogs, problems });
    url = pathToFileURL(join(dir, 'report.html')).href;
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('.graph canvas');
    await page.waitForTimeout(500);
  });

  after(async () => {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  });

  const doc = () =>
    JSON.parse(readFileSync(join(dir, 'networks.json'), 'utf8')) as {
      networks: Array<{ id: number; size: number }>;
    };

  it('requests nothing but the file itself, and breaks no CSP rule', () => {
    assert.deepEqual(
      requests.filter((r) => !r.startsWith('data:')),
      [url],
    );
    assert.deepEqual(problems, []);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    assert.match(
      html,
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-/,
    );
    // The markup around the data and the script loads nothing: no src, href, link, import or url().
    const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
    assert.equal((html.match(/<script\b/g) ?? []).length, 2, 'the data block and the client, nothing else');
    assert.doesNotMatch(markup, /\s(src|href|action|srcset)=|<link\b|@import|url\(/i);
  });

  it('lists exactly the networks of networks.json, with their sizes', async () => {
    const rows = await page.$$eval('#networks-table tbody tr', (trs) =>
      trs.map((tr) => ({
        id: Number(tr.getAttribute('data-network')),
        size: Number(tr.getAttribute('data-size')),
      })),
    );
    const expected = doc().networks.map((n) => ({ id: n.id, size: n.size }));
    assert.ok(expected.length > 0, 'the generated run has networks');
    assert.deepEqual(rows, expected);
    const sections = await page.$$eval('section.network', (s) =>
      s.map((x) => Number(x.getAttribute('data-network'))),
    );
    assert.deepEqual(
      sections,
      expected.map((n) => n.id),
    );
  });

  it('lists the candidates set aside as within chance, with their members, and the pruned members', async () => {
    const aside = JSON.parse(readFileSync(join(dir, 'networks.json'), 'utf8')).setAside as {
      candidates: Array<{ id: number; size: number; members: Array<{ key: string }> }>;
      pruned: Array<{ network: number; key: string }>;
    };
    assert.ok(aside.candidates.length > 0, 'the fixture has set-aside candidates');
    const rows = await page.$$eval('#set-aside-table > tbody > tr', (trs) =>
      trs.map((tr) => ({
        id: Number((tr as HTMLElement).dataset.candidate),
        size: Number((tr as HTMLElement).dataset.size),
        members: [...tr.querySelectorAll('.members [title]')].map((m) => m.getAttribute('title')),
      })),
    );
    const shown = aside.candidates.slice(0, 50);
    assert.deepEqual(
      rows.map((r) => [r.id, r.size]),
      shown.map((c) => [c.id, c.size]),
    );
    for (const [i, r] of rows.entries())
      assert.deepEqual(
        r.members,
        (shown[i]?.members ?? []).slice(0, 200).map((m) => m.key),
      );
    const pruned = await page.$$eval('#pruned-table > tbody > tr', (trs) => trs.length);
    assert.equal(pruned, Math.min(aside.pruned.length, 500));
    // The section comes after the networks and before the methods.
    const order = await page.evaluate(() =>
      [...document.querySelectorAll('h2[id]')]
        .map((h) => h.id)
        .filter((id) => id === 'set-aside' || id.startsWith('network-')),
    );
    assert.equal(order.at(-1), 'set-aside');
  });

  it('draws the graph: the canvases hold non-blank pixels', async () => {
    const colours = await printedGraphColours(page);
    assert.ok(colours.distinct > 5, `graph has ${colours.distinct} colours`);
    assert.ok(colours.inked > 500, `graph has ${colours.inked} drawn pixels`);
  });

  it('shows evidence posts that exist in the store, with times in UTC', async () => {
    const ids = await page.$$eval('.evidence .post-id', (xs) => xs.map((x) => x.textContent ?? ''));
    assert.ok(ids.length > 0, 'evidence posts are shown');
    const store = await Store.open(db);
    try {
      const found = await store.one<{ n: bigint }>(
        `SELECT count(DISTINCT id) AS n FROM posts WHERE id IN (SELECT unnest($1::VARCHAR[]))`,
        [JSON.stringify([...new Set(ids)])],
      );
      assert.equal(Number(found.n), new Set(ids).size);
    } finally {
      store.close();
    }
    const meta = await page.$eval('.evidence .post .meta', (m) => m.textContent ?? '');
    assert.match(meta, /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC(?!\+)/);
  });

  it('runs no planted script, makes no javascript: link, and shows the hostile text as text', async () => {
    assert.deepEqual(dialogs, []);
    assert.equal(await page.$$eval('a[href^="javascript:" i]', (a) => a.length), 0);
    assert.equal(await page.$$eval('img[src="x"], img[onerror]', (a) => a.length), 0);
    assert.equal(await page.$$eval('script', (s) => s.length), 2);
    const text = await page.evaluate(() => document.body.innerText);
    assert.ok(text.includes('<img src=x onerror=alert(1)>'), 'the planted post text is shown as text');
    assert.ok(text.includes(SHOWN_HANDLE), 'the planted handle is shown as text');
    const dirless = await page.$$eval(
      '.text, .post-id, table.accounts td:first-child span:not(.cf-mark)',
      (xs) => xs.filter((x) => !['ltr', 'rtl', 'auto'].includes(x.getAttribute('dir') ?? '')).length,
    );
    assert.equal(dirless, 0, 'every element holding data text has its own direction');
  });

  it('shows the handle\u2019s override as a visible mark in an isolated element; the outputs keep it raw', async () => {
    const text = await page.evaluate(() => document.body.innerText);
    assert.ok(!/[\u202A-\u202E\u2066-\u2069]/.test(text), 'no bidi control from the data reaches the page');
    const shown = await page.$$eval('.data[dir]', (xs) =>
      xs
        .filter((x) => (x.textContent ?? '').includes('moc.elgoog'))
        .map((x) => ({
          text: x.textContent ?? '',
          mark: x.querySelector('.cf-mark')?.textContent ?? '',
          bidi: getComputedStyle(x).unicodeBidi,
        })),
    );
    assert.ok(shown.length > 0, 'the spoofed handle is shown');
    for (const s of shown) {
      assert.ok(s.text.endsWith('⟨U+202E⟩moc.elgoog'), s.text);
      assert.equal(s.mark, '⟨U+202E⟩');
      assert.equal(s.bidi, 'isolate');
    }
    assert.ok(
      readFileSync(join(dir, 'accounts.csv'), 'utf8').includes(HOSTILE_HANDLE),
      'accounts.csv is raw',
    );
    const json = JSON.stringify(JSON.parse(readFileSync(join(dir, 'networks.json'), 'utf8')));
    assert.ok(json.includes(HOSTILE_HANDLE), 'networks.json is raw');
  });

  it('saves a screenshot', async () => {
    // The summary, the networks table and the graph of the hostile run, to look at when a test fails.
    const path = join(SHOTS === undefined ? work : resolve(SHOTS), 'report-test.png');
    // 1100 px wide and cut below the graph, to keep the PNG under 300 KB.
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.waitForTimeout(300);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path, fullPage: true, clip: { x: 0, y: 0, width: 1100, height: 1400 } });
    assert.ok(existsSync(path));
  });

  it('lockstep report rebuilds the same report.html from the run folder and store', async () => {
    const before = readFileSync(join(dir, 'report.html'), 'utf8');
    const out = process.stdout.write;
    process.stdout.write = () => true;
    try {
      await runReport(dir);
    } finally {
      process.stdout.write = out;
    }
    assert.equal(readFileSync(join(dir, 'report.html'), 'utf8'), before);
  });
});
