// report.html's first screen in Debian's Chromium at 1400x1000, on the demo's generator and seed (20,000
// posts, to keep the test small) and on the IRA "Fearmonger" tweets (skipped when ../shared is absent):
// the first network's quotable sentence and its strongest evidence pair lie within the first 1000 px; its
// label names its top tag and size; every data string is laid out in the direction of its content after
// any "RT @handle:" (a Persian retweet right to left, in the generated run); no data-derived label, nor the
// lockstep words beside it, breaks inside a word, at 1400 px nor at 900 px.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { DEMO_DEFAULTS } from '../../src/cli/demo.js';
import { generateDataset } from '../../src/generate/index.js';
import { describeNetworks, detectNetworks } from '../../src/networks/index.js';
import { loadFiles } from '../../src/normalize/index.js';
import { writeReport, writeRunFolder } from '../../src/report/index.js';
import { Store } from '../../src/store/index.js';
import { chromiumMissing, launchChromium, watchedPage } from './_chromium.js';
import { brokenWords, definePageNames } from './_layout.js';

const IRA = resolve(
  import.meta.dirname,
  '../../../shared/data/real/ira-538-by-author/ira_fearmonger_all.csv',
);
const iraMissing = existsSync(IRA)
  ? false
  : `real data not found at ${IRA} (it sits beside the repository in CI)`;
if (chromiumMissing) process.stderr.write(`report story browser test skipped: ${chromiumMissing}\n`);
else if (iraMissing) process.stderr.write(`report story test on ira-538-by-author skipped: ${iraMissing}\n`);

/** Analyses `files` into a run folder under `work` and returns its report.html. */
async function runOf(work: string, files: string[]): Promise<string> {
  const dir = join(work, 'run');
  mkdirSync(dir, { recursive: true });
  const store = await Store.open(join(dir, 'lockstep.duckdb'));
  try {
    const ingest = await loadFiles(store, files);
    const detection = await detectNetworks(store);
    const networks = await describeNetworks(store, detection);
    await writeRunFolder(dir, { store, detection, networks, ingest, timings: {}, inputs: files });
    await writeReport(dir, store);
  } finally {
    store.close();
  }
  return join(dir, 'report.html');
}

interface FirstStory {
  network: string | null;
  label: string;
  quote: string;
  quoteBottom: number;
  evidenceBottom: number;
  evidencePosts: number;
}

/** Network 1's story on the first screen: its label, sentence and where the sentence and evidence end. */
const firstStory = (page: Page): Promise<FirstStory> =>
  page.$eval('section.story', (s) => ({
    network: s.getAttribute('data-network'),
    label: s.querySelector('h3')?.textContent ?? '',
    quote: (s.querySelector('.quote') as HTMLElement | null)?.innerText ?? '',
    quoteBottom: s.querySelector('.quote')?.getBoundingClientRect().bottom ?? Number.POSITIVE_INFINITY,
    evidenceBottom:
      s.querySelector('.story-evidence')?.getBoundingClientRect().bottom ?? Number.POSITIVE_INFINITY,
    evidencePosts: s.querySelectorAll('.story-evidence .post').length,
  }));

/**
 * Data strings whose layout direction is not that of their first letter after "RT @handle:" and leading
 * @mentions (computed here independently of the page's code), and the right-to-left retweets found.
 */
const directions = (page: Page) =>
  page.evaluate(() => {
    const rtl = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u;
    const expected = (text: string) => {
      const rest = text.replace(/^(\s*RT\s*@\w+\s*:?)*(\s*@\w+[:,]?)*\s*/i, '');
      const letter = /\p{L}/u.exec(rest)?.[0] ?? /\p{L}/u.exec(text)?.[0];
      return letter === undefined ? null : rtl.test(letter) ? 'rtl' : 'ltr';
    };
    const wrong: string[] = [];
    const retweets: Array<{ text: string; direction: string; prefixRight: number; restRight: number }> = [];
    for (const x of document.querySelectorAll<HTMLElement>('.data[dir]')) {
      const text = x.textContent ?? '';
      const want = expected(text);
      const style = getComputedStyle(x);
      if (want !== null && style.direction !== want) wrong.push(`${style.direction}: ${text.slice(0, 60)}`);
      if (style.unicodeBidi !== 'isolate') wrong.push(`not isolated: ${text.slice(0, 60)}`);
      const rt = /^RT @\w+:/.exec(text);
      if (rt === null || !x.classList.contains('text') || want !== 'rtl') continue;
      const node = x.firstChild;
      if (node === null || node.nodeType !== Node.TEXT_NODE || x.getClientRects().length === 0) continue;
      // Where the "RT @handle:" prefix and the first word of the Persian after it sit on the line.
      const at = (start: number, end: number) => {
        const r = document.createRange();
        r.setStart(node, start);
        r.setEnd(node, end);
        return r.getClientRects()[0]?.right ?? 0;
      };
      const word = /\p{L}+/u.exec(text.slice(rt[0].length));
      if (word === null) continue;
      const from = rt[0].length + (word.index ?? 0);
      retweets.push({
        text: text.slice(0, 60),
        direction: style.direction,
        prefixRight: at(0, rt[0].length),
        restRight: at(from, from + word[0].length),
      });
    }
    return { wrong, retweets };
  });

for (const run of [
  { name: 'the demo run (its generator and seed, 20,000 posts)', ira: false, skip: chromiumMissing },
  { name: 'ira-538-by-author (Fearmonger)', ira: true, skip: chromiumMissing || iraMissing },
]) {
  describe(`report.html first screen: ${run.name}`, { skip: run.skip }, () => {
    const work = mkdtempSync(join(tmpdir(), 'lockstep-story-'));
    let browser: Browser;
    let page: Page;
    let networks: Array<{ id: number; size: number; topHashtags: Array<{ hashtag: string }> }> = [];
    const problems: string[] = [];

    before(async () => {
      let files = [IRA];
      if (!run.ira) {
        const g = await generateDataset({
          posts: 20_000,
          seed: DEMO_DEFAULTS.seed,
          outDir: join(work, 'data'),
        });
        files = [g.files.tweets, g.files.users];
      }
      const report = await runOf(work, files);
      networks = JSON.parse(readFileSync(join(work, 'run', 'networks.json'), 'utf8')).networks;
      browser = await launchChromium();
      page = await watchedPage(browser, 1400, { requests: [], dialogs: [], problems });
      await page.setViewportSize({ width: 1400, height: 1000 });
      await page.goto(pathToFileURL(report).href, { waitUntil: 'load' });
      await page.waitForSelector('section.story');
      await definePageNames(page);
    });

    after(async () => {
      await browser?.close();
      rmSync(work, { recursive: true, force: true });
    });

    it('shows network 1\u2019s quotable sentence and its strongest evidence pair within the first 1000 px', async () => {
      const first = networks[0];
      assert.ok(first, 'the run has a network');
      const story = await firstStory(page);
      assert.equal(story.network, String(first.id));
      assert.ok(story.quoteBottom <= 1000, `the sentence ends at ${story.quoteBottom} px`);
      assert.ok(story.evidenceBottom <= 1000, `the evidence ends at ${story.evidenceBottom} px`);
      assert.equal(story.evidencePosts, 2);
      // Who, how many, what share of which tag, when, how sure.
      assert.match(story.quote, new RegExp(`^${first.size} accounts, among them @`));
      const tag = first.topHashtags[0]?.hashtag;
      if (tag !== undefined) {
        assert.ok(story.quote.includes(`% of the `) && story.quote.includes(`#${tag}`), story.quote);
        assert.ok(story.label.includes(`#${tag} · ${first.size} accounts`), story.label);
      }
      assert.match(story.quote, / (on|between) \d{1,2} [A-Z][a-z]{2} \d{4}/);
      assert.match(
        story.quote,
        /would act this much together (less than once in [a-z ]+|about once in \d+) datasets\.$/,
      );
      assert.deepEqual(problems, []);
    });

    it('lays out each data string in the direction of its content after any "RT @handle:"', async () => {
      const { wrong, retweets } = await directions(page);
      assert.deepEqual(wrong, []);
      if (run.ira) return; // The Fearmonger tweets are in English: no right-to-left retweet to look at.
      assert.ok(retweets.length > 0, 'the generated run shows Persian retweets among its evidence');
      for (const r of retweets) {
        assert.equal(r.direction, 'rtl', r.text);
        // Right to left: the retweet's framing starts the line at the right, the Persian follows to its left.
        assert.ok(
          r.prefixRight > r.restRight,
          `${r.text}: RT prefix ends at ${r.prefixRight}, Persian at ${r.restRight}`,
        );
      }
    });

    it('breaks no data-derived label inside a word, at 1400 px nor at 900 px', async () => {
      assert.deepEqual(await brokenWords(page), []);
      await page.setViewportSize({ width: 900, height: 1000 });
      await page.waitForTimeout(200);
      assert.deepEqual(await brokenWords(page), []);
      await page.setViewportSize({ width: 1400, height: 1000 });
    });
  });
}
