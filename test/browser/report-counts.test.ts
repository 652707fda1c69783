// report.html in Debian's Chromium says plainly what took no part in detection: posts without a time are a
// warning above the cards (not only "left out of the timelines"), and rows repeating a post id are a merged
// count, not rejected rows. The run: an untimed generic CSV, and API v2 pages whose one repeat is merged.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { parseMapping } from '../../src/ingest/index.js';
import { describeNetworks, detectNetworks } from '../../src/networks/index.js';
import { loadFiles } from '../../src/normalize/index.js';
import { writeReport, writeRunFolder } from '../../src/report/index.js';
import { Store } from '../../src/store/index.js';
import { chromiumMissing, launchChromium, watchedPage } from './_chromium.js';

const PAGES = resolve(import.meta.dirname, '../fixtures/twitter-v2/pages.jsonl');

describe('report.html counts in Chromium', { skip: chromiumMissing }, () => {
  const work = mkdtempSync(join(tmpdir(), 'lockstep-report-counts-'));
  const dir = join(work, 'run');
  let browser: Browser;
  let text = '';

  before(async () => {
    const untimed = join(work, 'untimed.csv');
    writeFileSync(
      untimed,
      ['user,rt', ...Array.from({ length: 12 }, (_, i) => `u${i % 4},o${i % 3}`)].join('\n'),
    );
    mkdirSync(dir, { recursive: true });
    const store = await Store.open(join(dir, 'lockstep.duckdb'));
    try {
      const ingest = await loadFiles(store, [PAGES]);
      const more = await loadFiles(store, [untimed], { mapping: parseMapping('account=user,repost_of=rt') });
      ingest.files.push(...more.files);
      const detection = await detectNetworks(store);
      const networks = await describeNetworks(store, detection);
      await writeRunFolder(dir, { store, detection, networks, ingest, timings: {}, inputs: [] });
      await writeReport(dir, store);
    } finally {
      store.close();
    }
    browser = await launchChromium();
    const page = await watchedPage(browser, 1280, { requests: [], dialogs: [], problems: [] });
    await page.goto(pathToFileURL(join(dir, 'report.html')).href, { waitUntil: 'load' });
    text = await page.innerText('body');
  });

  after(async () => {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('warns that posts without a time took no part in detection', () => {
    assert.match(text, /Warning: 12 posts have no time and took no part in detection/);
  });

  it('counts the repeated post id as merged, not rejected', () => {
    assert.match(text, /0\s+rejected rows/);
    assert.match(text, /1\s+merged rows \(repeated post ids\)/);
  });
});
