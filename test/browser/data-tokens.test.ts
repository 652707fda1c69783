// Hashtags, mentions and links inside data strings, as the report and the UI lay them out (both use
// dataText, src/report/html/client/_dom.ts), in Debian's Chromium. A `#` or `@` has no direction of its own:
// in a Persian text, "#MahsaAmini" came out as "MahsaAmini#", and in an English text "#مهسا_امینی" had its
// `#` at the far end of the Persian word. Here every hashtag's and mention's sign must sit against the first
// letter of its word, on the side where the word starts (left of a Latin word, right of a Persian one), a
// link must read left to right, and a retweet's "RT @handle:" must still start a Persian line at the right.
// Glyph positions come from the page (a Range per character); the expected sides from this test's own
// reading of each word's script, not from the page's code. Skipped, with a message, without Chromium.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { buildReportClient, REPORT_CSS } from '../../src/report/html/index.js';
import { chromiumMissing, launchChromium, watchedPage } from './_chromium.js';
import { definePageNames } from './_layout.js';

if (chromiumMissing) process.stderr.write(`data tokens browser test skipped: ${chromiumMissing}\n`);

const CASES = [
  // Persian with a Latin hashtag in the middle, and the shape of the real Baraye posts: tags on lines of their own.
  'نان کار آزادی #MahsaAmini برای همه',
  'برای آزادی\n#mahsaamini\n#مهسا_امینی',
  // English with a Persian hashtag.
  'Protests grow #مهسا_امینی in Tehran',
  // A mention and a link in Persian text.
  'سلام @nytimes دنیا',
  'خبر https://t.co/abc?x=1 سلام',
  // A Persian retweet with a Latin hashtag.
  'RT @user_1: سلام #IranRevolution دنیا',
];

interface Placed {
  text: string;
  textContent: string;
  direction: string;
  /** Each hashtag or mention: its sign's box and its first letter's, and whether the word is right to left. */
  signs: Array<{
    word: string;
    rtl: boolean;
    sign: [number, number, number];
    letter: [number, number, number];
  }>;
  /** The left edges of a link's characters, in the link's order. */
  link: number[];
  /** For "RT @handle:" texts: the right edge of the framing and of the first Persian word after it. */
  retweet: { prefixRight: number; restRight: number } | null;
}

const place = (page: Page, texts: string[]): Promise<Placed[]> =>
  page.evaluate((texts) => {
    const rtl = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;
    const out = document.getElementById('out') as HTMLElement;
    const render = (
      globalThis as unknown as { dataText: (tag: string, text: string, c: string) => HTMLElement }
    ).dataText;
    return texts.map((text) => {
      const x = render('div', text, 'text');
      out.append(x);
      // Character index in the element's text -> its box [left, right, top] (whatever nodes hold it).
      const boxes: Array<[number, number, number]> = [];
      const walker = document.createTreeWalker(x, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const t = node.textContent ?? '';
        for (let i = 0; i < t.length; i++) {
          const r = document.createRange();
          r.setStart(node, i);
          r.setEnd(node, i + 1);
          const box = r.getClientRects()[0];
          boxes.push(box === undefined ? [0, 0, 0] : [box.left, box.right, box.top]);
        }
      }
      const signs = [...text.matchAll(/[#@]([\p{L}\p{N}_]+)/gu)].map((m) => ({
        word: m[0],
        rtl: rtl.test(m[1] ?? ''),
        sign: boxes[m.index ?? 0] ?? [0, 0, 0],
        letter: boxes[(m.index ?? 0) + 1] ?? [0, 0, 0],
      }));
      const url = /https:\S+/.exec(text);
      const link = url === null ? [] : [...url[0]].map((_, i) => boxes[(url.index ?? 0) + i]?.[0] ?? 0);
      const rt = /^RT @\w+:/.exec(text);
      const word = rt === null ? null : /\p{L}+/u.exec(text.slice(rt[0].length));
      const from = rt === null || word === null ? 0 : rt[0].length + (word.index ?? 0);
      const retweet =
        rt === null || word === null
          ? null
          : {
              prefixRight: Math.max(...[...rt[0]].map((_, i) => boxes[i]?.[1] ?? 0)),
              restRight: Math.max(...[...word[0]].map((_, i) => boxes[from + i]?.[1] ?? 0)),
            };
      return {
        text,
        textContent: x.textContent ?? '',
        direction: getComputedStyle(x).direction,
        signs,
        link,
        retweet,
      };
    });
  }, texts);

describe('hashtags, mentions and links inside data strings', { skip: chromiumMissing }, () => {
  let browser: Browser;
  let page: Page;
  const log = { requests: [] as string[], dialogs: [] as string[], problems: [] as string[] };
  let placed: Placed[] = [];

  before(async () => {
    const script = await buildReportClient(resolve(import.meta.dirname, '_data-text-page.ts'));
    browser = await launchChromium();
    page = await watchedPage(browser, 1400, log);
    await page.setContent(
      `<!doctype html><meta charset="utf-8"><style>${REPORT_CSS}</style><div id="out"></div>`,
    );
    await page.addScriptTag({ content: script });
    await definePageNames(page);
    placed = await place(page, CASES);
  });
  after(async () => {
    await browser?.close();
  });

  it('keeps every data string whole, in the direction of its content', () => {
    assert.deepEqual(
      placed.map((p) => p.textContent),
      CASES,
    );
    assert.deepEqual(
      placed.map((p) => p.direction),
      ['rtl', 'rtl', 'ltr', 'rtl', 'rtl', 'rtl'],
    );
    assert.deepEqual(log.problems, []);
  });

  it("puts each hashtag's # and each mention's @ against the first letter of its word, where the word starts", () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const p of placed)
      for (const s of p.signs) {
        checked++;
        const [signLeft, signRight, signTop] = s.sign;
        const [letterLeft, letterRight, letterTop] = s.letter;
        const sameLine = Math.abs(signTop - letterTop) < 2;
        // A Latin word starts at its left: the sign ends where its first letter begins; a Persian word starts
        // at its right: the sign begins where its first letter ends.
        const touching = s.rtl ? Math.abs(signLeft - letterRight) < 1 : Math.abs(letterLeft - signRight) < 1;
        if (!sameLine || !touching)
          wrong.push(
            `${s.word} in ${JSON.stringify(p.text)}: sign at ${signLeft.toFixed(1)}–${signRight.toFixed(1)}, ` +
              `first letter at ${letterLeft.toFixed(1)}–${letterRight.toFixed(1)}`,
          );
      }
    assert.equal(checked, 7, 'every case has its hashtags and mentions measured');
    assert.deepEqual(wrong, []);
  });

  it('lays a link out left to right inside Persian text', () => {
    const link = placed.find((p) => p.link.length > 0)?.link ?? [];
    assert.ok(link.length > 10);
    const backwards = link.filter((left, i) => i > 0 && left < (link[i - 1] ?? 0));
    assert.deepEqual(backwards, [], 'each character of the link to the right of the one before');
  });

  it('still starts a Persian retweet with its "RT @handle:" at the right', () => {
    const retweet = placed.find((p) => p.retweet !== null)?.retweet;
    assert.ok(retweet);
    assert.ok(
      retweet.prefixRight > retweet.restRight,
      `RT prefix ends at ${retweet.prefixRight}, Persian at ${retweet.restRight}`,
    );
  });
});
