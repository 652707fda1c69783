// The `lockstep serve` UI in Debian's Chromium (playwright-core) on a generated run: the networks table
// lists what networks.json lists, a click opens the network page whose graph canvas is drawn (non-blank
// pixels), an evidence page shows post pairs that exist in the store, every request goes to the server's
// own origin, no dialog fires and no policy is broken. Screenshot: a temp dir, or SCREENSHOTS_DIR=DIR keeps
// it as DIR/ui-test.png (LOCKSTEP_UI_RUN=runs/demo serves that run folder instead of a generated one). The
// README's pictures are not the tests': scripts/screenshots.mjs takes them from the demo run.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { networkLabel, networkSubject, partsText } from '../../src/report/html/story.js';
import { accountLabel, columnLabel, signalLabel } from '../../src/report/labels.js';
import { Store } from '../../src/store/index.js';
import {
  type AccountPayload,
  type NetworkPayload,
  type RunningServer,
  startServer,
} from '../../src/web/index.js';
import { HOSTILE_KEY, makeRunFolder, SPOOF_HANDLE } from '../web/_fixture.js';
import { chromiumMissing, launchChromium, printedGraphColours, watchedPage } from './_chromium.js';
import { brokenWords, definePageNames } from './_layout.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = process.env.SCREENSHOTS_DIR;
const GIVEN_RUN = process.env.LOCKSTEP_UI_RUN;

const skip = chromiumMissing;
if (skip) process.stderr.write(`serve browser test skipped: ${skip}\n`);

describe('lockstep serve in Chromium', { skip }, () => {
  const work = mkdtempSync(join(tmpdir(), 'lockstep-ui-'));
  const dir = GIVEN_RUN === undefined ? join(work, 'run') : resolve(ROOT, GIVEN_RUN);
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let origin = '';
  const requests: string[] = [];
  const dialogs: string[] = [];
  const problems: string[] = [];

  before(async () => {
    if (GIVEN_RUN === undefined) await makeRunFolder(work, dir);
    server = await startServer({ runDir: dir, port: 0 });
    origin = `http://127.0.0.1:${server.port}`;
    browser = await launchChromium();
    page = await watchedPage(browser, 1200, { requests, dialogs, problems });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  const doc = () =>
    JSON.parse(readFileSync(join(dir, 'networks.json'), 'utf8')) as {
      networks: Array<{ id: number; size: number }>;
    };

  it('lists exactly the networks of networks.json, sortable and filterable', async () => {
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    await page.waitForSelector('#app[data-ready="networks"]');
    const rows = () =>
      page.$$eval('#networks-table tbody tr', (trs) =>
        trs.map((tr) => ({
          id: Number(tr.getAttribute('data-network')),
          size: Number(tr.getAttribute('data-size')),
        })),
      );
    const expected = doc().networks.map((n) => ({ id: n.id, size: n.size }));
    assert.ok(expected.length > 0);
    assert.deepEqual(await rows(), expected);
    await page.click('#networks-table th[data-col="1"]');
    const bySize = (await rows()).map((r) => r.size);
    assert.deepEqual(
      bySize,
      [...bySize].sort((a, b) => b - a),
    );
    await page.fill('input[type="search"]', 'no-such-network-filter');
    assert.equal((await rows()).length, 0);
    await page.fill('input[type="search"]', '');
    assert.equal((await rows()).length, expected.length);
    // Labelled as in the report (#tag · N accounts), with the run's warnings in plain words if any.
    const label = await page.$eval('#networks-table tbody tr a', (a) => a.textContent ?? '');
    assert.match(label, /^Network \d+: .+ · \d+ accounts?$/);
    await definePageNames(page);
    assert.deepEqual(await brokenWords(page), []);
  });

  it('lists the set-aside candidates, each member linked to its account page', async () => {
    const aside = JSON.parse(readFileSync(join(dir, 'networks.json'), 'utf8')).setAside as {
      candidates: Array<{ id: number; members: Array<{ key: string }> }>;
      pruned: Array<{ key: string }>;
    };
    assert.ok(aside.candidates.length > 0, 'the fixture has set-aside candidates');
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    await page.waitForSelector('#app[data-ready="networks"]');
    const rows = await page.$$eval('#set-aside-table > tbody > tr', (trs) =>
      trs.map((tr) => ({
        id: Number((tr as HTMLElement).dataset.candidate),
        links: [...tr.querySelectorAll('.members a')].map((a) => a.getAttribute('href')),
      })),
    );
    assert.deepEqual(
      rows.map((r) => r.id),
      aside.candidates.slice(0, 500).map((c) => c.id),
    );
    for (const [i, r] of rows.entries())
      assert.deepEqual(
        r.links,
        (aside.candidates[i]?.members ?? [])
          .slice(0, 200)
          .map((m) => `/account/${encodeURIComponent(m.key)}`),
      );
    assert.equal(
      await page.$$eval('#pruned-table > tbody > tr', (trs) => trs.length),
      Math.min(aside.pruned.length, 2000),
    );
    // A member's link opens its account page (the members of a collapsed list too).
    const first = rows[0]?.links[0];
    assert.ok(first);
    await page.goto(`${origin}${first}`, { waitUntil: 'load' });
    await page.waitForSelector('#app[data-ready="account"]');
    // The next tests start from the networks list.
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    await page.waitForSelector('#app[data-ready="networks"]');
  });

  it('opens a network page whose graph is drawn (non-blank pixels)', async () => {
    const first = doc().networks[0]?.id as number;
    await page.click(`#networks-table tr[data-network="${first}"] a`);
    await page.waitForSelector('#app[data-ready="network"]');
    assert.equal(new URL(page.url()).pathname, `/network/${first}`);
    await page.waitForSelector('.graph canvas');
    await page.waitForTimeout(500);
    const colours = await printedGraphColours(page);
    assert.ok(colours.distinct > 5, `graph has ${colours.distinct} colours`);
    assert.ok(colours.inked > 500, `graph has ${colours.inked} drawn pixels`);
    assert.ok((await page.$$('.plot svg')).length >= 2, 'the timeline is drawn');
    assert.ok((await page.$$('table.accounts tbody tr')).length > 0);
  });

  it('shows on the network page everything its JSON twin holds, under the report’s labels', async () => {
    const first = doc().networks[0]?.id as number;
    const p = await page.evaluate(
      async (id) => (await (await fetch(`/api/network/${id}`)).json()) as NetworkPayload,
      first,
    );
    const n = p.network;
    // The heading is the network's descriptive label, as the report's; the title says it too.
    const label = networkLabel(networkSubject(n), n.id, n.size);
    assert.equal(await page.$eval('h1', (h) => h.textContent ?? ''), `Network ${n.id}: ${partsText(label)}`);
    assert.ok((await page.title()).includes(`${n.size} accounts`));
    const story = await page.$eval('#network-story', (x) => x.textContent ?? '');
    assert.match(story, new RegExp(`^${n.size} accounts`));
    assert.ok(story.includes('Independent accounts, each as active as these'), story);
    // Signals and chance: a row per signal, under its readable name with its code beside it.
    const signals = await page.$$eval('table.chance tbody tr td:first-child code', (xs) =>
      xs.map((x) => x.textContent ?? ''),
    );
    assert.deepEqual([...new Set(signals)], Object.keys(n.signals));
    const firstCell = await page.$eval('table.chance tbody tr td:first-child', (x) => x.textContent ?? '');
    assert.ok(firstCell.startsWith(signalLabel(Object.keys(n.signals)[0] as string)), firstCell);
    // Hashtag shares, links and sites, repeated texts: every one networks.json lists.
    const tags = await page.$$eval('table.shares tbody tr td:first-child', (xs) =>
      xs.map((x) => x.textContent ?? ''),
    );
    assert.deepEqual(
      tags,
      n.topHashtags.map((h) => `#${h.hashtag}`),
    );
    const links = await page.$$eval('table.links tbody tr td:first-child', (xs) =>
      xs.map((x) => x.textContent ?? ''),
    );
    assert.deepEqual(links, [...n.topLinks.map((l) => l.url), ...n.topDomains.map((d) => d.domain)]);
    assert.equal((await page.$$('table.texts tbody tr')).length, n.topTexts.length);
    const indicators = await page.$eval('div.indicators', (x) => x.textContent ?? '');
    for (const part of ['Creation dates:', 'Handles:', 'Client apps:', 'Activity:', 'Profiles:'])
      assert.ok(indicators.includes(part), part);
    // Accounts: column heads are the labels, each explained in its tooltip.
    const heads = await page.$$eval('table.accounts thead th', (xs) =>
      xs.map((x) => ({ text: x.textContent ?? '', title: x.getAttribute('title') ?? '' })),
    );
    assert.ok(heads.some((h) => h.text === columnLabel('member_z') && h.title.length > 20));
    assert.ok(!heads.some((h) => /_/.test(h.text)), JSON.stringify(heads));
    assert.equal((await page.$$('#evidence-list h3')).length, n.evidence.length);
  });

  it('opens an evidence page with real post pairs from the store', async () => {
    const href = await page.$eval('#evidence-list a.pair-link', (a) => a.getAttribute('href') ?? '');
    await page.click('#evidence-list a.pair-link');
    await page.waitForSelector('#app[data-ready="evidence"]');
    assert.equal(new URL(page.url()).pathname, href);
    const ids = await page.$$eval('#evidence-pairs .post-id', (xs) => xs.map((x) => x.textContent ?? ''));
    assert.ok(ids.length >= 2, 'post pairs are shown');
    const store = await Store.open(join(dir, 'lockstep.duckdb'), { readOnly: true });
    try {
      const unique = [...new Set(ids)];
      const found = await store.one<{ n: bigint }>(
        `SELECT count(DISTINCT id) AS n FROM posts WHERE id IN (SELECT unnest($1::VARCHAR[]))`,
        [`[${unique.join(',')}]`],
      );
      assert.equal(Number(found.n), unique.length);
    } finally {
      store.close();
    }
    // Each post's time without its zone; the page names the zone once, above the pairs.
    const metas = await page.$$eval('#evidence-pairs .post .meta', (ms) =>
      ms.map((m) => m.textContent ?? ''),
    );
    for (const meta of metas) {
      assert.match(meta, /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);
      assert.doesNotMatch(meta, /UTC/);
    }
    assert.match(await page.$eval('#evidence-count', (p) => p.textContent ?? ''), /Times are UTC\.$/);
    // No label or meta line breaks inside a word ("s haring", "rep ost"), wide or narrow.
    await definePageNames(page);
    assert.deepEqual(await brokenWords(page), []);
    await page.setViewportSize({ width: 700, height: 900 });
    assert.deepEqual(await brokenWords(page), []);
    await page.setViewportSize({ width: 1200, height: 900 });
  });

  it('opens an account page from the evidence page', async () => {
    await page.click('h1 a');
    await page.waitForSelector('#app[data-ready="account"]');
    assert.ok((await page.$$('table.posts tbody tr')).length > 0);
  });

  it('names the time zone once per page or section, never "UTC+00:00" after each time', async () => {
    const first = doc().networks[0]?.id as number;
    const account = new URL(page.url()).pathname;
    try {
      for (const path of ['/', `/network/${first}`, account]) {
        await page.goto(`${origin}${path}`, { waitUntil: 'load' });
        await page.waitForSelector('#app[data-ready]');
        const text = await page.$eval('#app', (a) => (a as HTMLElement).innerText);
        assert.doesNotMatch(text, /UTC\+00:00/, path);
        // The times shown, and how often the zone is named: once per page or section (a span, a table head,
        // the note above the evidence), not once per time.
        const times = text.match(/\d{4}-\d\d-\d\d \d\d:\d\d/g) ?? [];
        const zones = text.match(/\bUTC\b/g) ?? [];
        assert.ok(times.length > 0, `${path} shows times`);
        assert.ok(
          zones.length >= 1 && zones.length <= 5,
          `${path}: ${times.length} times, UTC named ${zones.length} times`,
        );
      }
    } finally {
      // The next test starts from the account page.
      await page.goto(`${origin}${account}`, { waitUntil: 'load' });
      await page.waitForSelector('#app[data-ready="account"]');
    }
  });

  it('names the accounts it is linked with by handle or name, and its indicators by their labels', async () => {
    const key = new URL(page.url()).pathname.split('/')[2] as string;
    const p = await page.evaluate(
      async (k) => (await (await fetch(`/api/account/${k}`)).json()) as AccountPayload,
      key,
    );
    const members = new Map(
      (
        JSON.parse(readFileSync(join(dir, 'networks.json'), 'utf8')) as {
          networks: Array<{
            accounts: Array<{ key: string; account: string; handle: string | null; name: string | null }>;
          }>;
        }
      ).networks.flatMap((n) => n.accounts.map((a) => [a.key, a])),
    );
    const withs = await page.$$eval('table.edges tbody tr td:first-child', (xs) =>
      xs.map((x) => x.textContent ?? ''),
    );
    assert.ok(withs.length > 0);
    assert.deepEqual(
      withs,
      p.edges.map((e) => accountLabel(members.get(e.other) ?? { account: e.other })),
    );
    assert.ok(
      withs.every((w) => w.startsWith('@')),
      'the generated accounts all have handles',
    );
    const rows = await page.$$eval('table.indicators tbody tr td:first-child .indicator', (xs) =>
      xs.map((x) => ({
        label: x.firstChild?.textContent ?? '',
        column: x.querySelector('code')?.textContent ?? '',
      })),
    );
    assert.ok(rows.length > 20);
    for (const r of rows) assert.equal(r.label, columnLabel(r.column), r.column);
    assert.ok(rows.some((r) => r.column === 'gap_cv' && r.label === 'Irregularity of posting gaps'));
    // Shares as percentages and flags as yes/no, not raw cells.
    const cells = await page.$$eval('table.indicators tbody tr', (trs) =>
      trs.map((tr) => [tr.querySelector('code')?.textContent ?? '', tr.children[1]?.textContent ?? '']),
    );
    const cell = new Map(cells as Array<[string, string]>);
    assert.match(cell.get('repost_share') ?? '', /^(\d+(\.\d)?%|–)$/);
    assert.match(cell.get('handle_pattern') ?? '', /^(yes|no)$/);
    // Each post with its client, and the post it reposts, quotes or answers.
    const posts = await page.$$eval('table.posts tbody tr', (trs) =>
      trs.map((tr) => ({
        kind: tr.children[1]?.textContent ?? '',
        client: tr.children[4]?.textContent ?? '',
      })),
    );
    p.posts.items.forEach((x, i) => {
      assert.equal(posts[i]?.client, x.client ?? 'unknown');
      const target = x.repostOf ?? x.quoteOf ?? x.replyTo;
      if (target !== null) assert.ok(posts[i]?.kind.includes(target), posts[i]?.kind);
    });
  });

  it('shows a handle\u2019s right-to-left override as a mark, isolated in the page and the title', async () => {
    if (GIVEN_RUN !== undefined) return;
    const shown = '⟨U+202E⟩moc.elgoog';
    await page.goto(`${origin}/account/${encodeURIComponent(HOSTILE_KEY)}`, { waitUntil: 'load' });
    await page.waitForSelector('#app[data-ready="account"]');
    // Named by its handle, as everywhere: `@` and the handle, its override shown as a mark.
    assert.equal(await page.title(), `lockstep: account \u2068@${shown}\u2069`);
    const h1 = await page.$eval('h1 .data[dir]', (x) => ({
      text: x.textContent ?? '',
      mark: x.querySelector('.cf-mark')?.textContent ?? '',
      bidi: getComputedStyle(x).unicodeBidi,
    }));
    assert.deepEqual(h1, { text: `@${shown}`, mark: '⟨U+202E⟩', bidi: 'isolate' });
    const pageText = await page.evaluate(() => document.body.innerText);
    assert.ok(!pageText.includes(SPOOF_HANDLE), 'the raw override never reaches the page');
    // The evidence page names both accounts side by side: each is its own isolate, in the page and the title.
    await page.click('a[href^="/evidence/"]');
    await page.waitForSelector('#app[data-ready="evidence"]');
    const title = await page.title();
    assert.match(title, /^lockstep: evidence \u2068[^\u2068\u2069]+\u2069 and \u2068[^\u2068\u2069]+\u2069$/);
    assert.ok(title.includes(`\u2068@${shown}\u2069`), title);
    assert.ok(!/[\u202A-\u202E]/.test(title));
    const names = await page.$$eval('h1 a.data[dir]', (xs) =>
      xs.map((x) => ({ text: x.textContent ?? '', bidi: getComputedStyle(x).unicodeBidi })),
    );
    assert.equal(names.length, 2);
    assert.ok(
      names.some((n) => n.text === `@${shown}`),
      JSON.stringify(names),
    );
    for (const n of names) assert.equal(n.bidi, 'isolate');
    const path = join(work, 'screenshot-ui-spoof.png');
    await page.screenshot({ path, clip: { x: 0, y: 0, width: 1100, height: 300 } });
    // The JSON twin keeps the raw handle.
    const api = await page.evaluate(
      async (key) => (await (await fetch(`/api/account/${encodeURIComponent(key)}`)).json()) as unknown,
      HOSTILE_KEY,
    );
    assert.ok(JSON.stringify(api).includes(SPOOF_HANDLE));
  });

  it('requests only its own origin, fires no dialog and breaks no policy', () => {
    const foreign = requests.filter((r) => !r.startsWith(`${origin}/`));
    assert.deepEqual(foreign, []);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(problems, []);
  });

  it('saves a screenshot of a network page', async () => {
    const path = join(SHOTS === undefined ? work : resolve(SHOTS), 'ui-test.png');
    const first = doc().networks[0]?.id as number;
    // 1100 x 740: the headline figures and the graph, and a PNG under 300 KB.
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.goto(`${origin}/network/${first}`, { waitUntil: 'load' });
    await page.waitForSelector('#app[data-ready="network"]');
    await page.waitForTimeout(800);
    await page.screenshot({ path, clip: { x: 0, y: 0, width: 1100, height: 740 } });
    assert.ok(existsSync(path));
  });
});
