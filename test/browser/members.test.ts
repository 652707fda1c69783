// No member without evidence, as a reader sees it (issue 17, point 6), in Debian's Chromium: on a run whose
// network holds a member with no edge and an account that shares nothing with it (test/networks/
// _lone-fixture.ts), report.html and the UI's network page show the member's posts beside those of the member
// it shares the most with, and name the other account as not listed; the member's UI page links to the
// evidence page of the two, which lists their post pairs from the store.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { describeNetworks, type NetworkDescription } from '../../src/networks/index.js';
import { writeReport, writeRunFolder } from '../../src/report/index.js';
import { accountLabel } from '../../src/report/labels.js';
import { type RunningServer, startServer } from '../../src/web/index.js';
import { loneMemberDetection } from '../networks/_lone-fixture.js';
import { chromiumMissing, launchChromium, type PageLog, watchedPage } from './_chromium.js';

const skip = chromiumMissing;
if (skip) process.stderr.write(`members browser test skipped: ${skip}\n`);

describe('members with no edge, in the report and the UI', { skip }, () => {
  const work = mkdtempSync(join(tmpdir(), 'lockstep-lone-'));
  const dir = join(work, 'run');
  let browser: Browser;
  let page: Page;
  let server: RunningServer;
  let network: Pick<NetworkDescription, 'id' | 'accounts' | 'memberEvidence' | 'unbacked'>;
  const log: PageLog = { requests: [], dialogs: [], problems: [] };

  before(async () => {
    mkdirSync(dir, { recursive: true });
    const f = await loneMemberDetection(work, join(dir, 'lockstep.duckdb'));
    try {
      const networks = await describeNetworks(f.store, f.detection);
      await writeRunFolder(dir, {
        store: f.store,
        detection: f.detection,
        networks,
        ingest: f.ingest,
        timings: {},
        inputs: f.files,
      });
      await writeReport(dir, f.store);
    } finally {
      f.store.close();
    }
    const doc = JSON.parse(readFileSync(join(dir, 'networks.json'), 'utf8')) as {
      networks: Array<typeof network>;
    };
    const found = doc.networks.find((n) => n.memberEvidence.length > 0);
    assert.ok(found, 'networks.json gives the member evidence');
    network = found;
    browser = await launchChromium();
    page = await watchedPage(browser, 1200, log);
    server = await startServer({ runDir: dir, port: 0 });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  const name = (key: string) => {
    const a = network.accounts.find((x) => x.key === key);
    return a === undefined ? key : accountLabel(a);
  };

  /** The member-evidence paragraphs and the pairs after them, and the not-listed note, on the page. */
  const shown = () =>
    page.evaluate(() => ({
      members: [...document.querySelectorAll('.member-evidence')].map((p) => {
        const pairs: string[][] = [];
        for (let x = p.nextElementSibling; x?.classList.contains('evidence'); x = x.nextElementSibling)
          pairs.push(
            [...x.querySelectorAll('.post')].map((q) => q.querySelector('.post-id')?.textContent ?? ''),
          );
        return { key: p.getAttribute('data-member') ?? '', text: p.textContent ?? '', pairs };
      }),
      unbacked: document.querySelector('.unbacked')?.textContent ?? '',
    }));

  const check = async () => {
    const { members, unbacked } = await shown();
    const e = network.memberEvidence[0];
    assert.ok(e);
    const m = members.find((x) => x.key === e.account);
    assert.ok(m, JSON.stringify(members));
    assert.ok(m.text.includes(name(e.account)) && m.text.includes(name(e.with)), m.text);
    assert.ok(m.text.includes('has no edge in this network'), m.text);
    assert.deepEqual(
      m.pairs,
      e.pairs.map((p) => [p.a.id, p.b.id]),
    );
    const stranger = network.unbacked[0];
    assert.ok(stranger);
    assert.ok(
      unbacked.includes(accountLabel(stranger)) && unbacked.includes('not listed as members'),
      unbacked,
    );
  };

  it('report.html shows the member\u2019s posts and names the account it does not list', async () => {
    await page.goto(pathToFileURL(join(dir, 'report.html')).href, { waitUntil: 'load' });
    await page.waitForSelector(`#network-${network.id}`);
    await check();
    assert.ok(
      !(await page.evaluate(() => document.body.innerText)).includes(`${network.unbacked[0]?.key} ·`),
    );
  });

  it('the UI\u2019s network page shows them too', async () => {
    await page.goto(`http://127.0.0.1:${server.port}/network/${network.id}`, { waitUntil: 'load' });
    await page.waitForSelector('#app[data-ready="network"]');
    await check();
  });

  it('the member\u2019s page links to the evidence of the two, which lists their post pairs', async () => {
    const e = network.memberEvidence[0];
    assert.ok(e);
    await page.goto(`http://127.0.0.1:${server.port}/account/${encodeURIComponent(e.account)}`, {
      waitUntil: 'load',
    });
    await page.waitForSelector('#app[data-ready="account"]');
    const note = await page.$eval('#tied-by', (x) => x.textContent ?? '');
    assert.ok(note.includes(name(e.with)) && note.includes(`${e.items} item-windows`), note);
    await page.click('#tied-by a[href^="/evidence/"]');
    await page.waitForSelector('#app[data-ready="evidence"]');
    const ids = await page.$$eval('#evidence-pairs .post-id', (xs) => xs.map((x) => x.textContent ?? ''));
    assert.ok(ids.length >= 2, 'post pairs are listed');
    for (const p of e.pairs.slice(0, 1)) assert.ok(ids.includes(p.a.id) && ids.includes(p.b.id), p.a.id);
    assert.deepEqual(log.problems, []);
  });
});
