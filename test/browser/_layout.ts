// Layout checks shared by the browser tests: words a label breaks over two lines.
import type { Page } from 'playwright-core';

/** Data strings but post bodies, and the lines and labels around them, in the report and the UI. */
export const LABELS =
  '.data:not(.text), .post .meta, .evidence .head, .story h3, #networks-table td, .graph-bar button, section.network > h2';

/** tsx names the functions declared inside evaluated callbacks with a helper the page lacks: define it. */
export const definePageNames = (page: Page) => page.evaluate('window.__name = (f) => f');

/**
 * Words laid out over two lines: every word (a run without spaces, slashes, ? or & in one text node) in
 * the places `selector` names whose glyphs sit on more than one line. Call definePageNames first.
 */
export const brokenWords = (page: Page, selector = LABELS): Promise<string[]> =>
  page.evaluate((selector) => {
    const broken: string[] = [];
    const places = document.querySelectorAll(selector);
    for (const place of places) {
      const walker = document.createTreeWalker(place, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        // A path or link may wrap after a slash, or a link after its query's ? and &; anything else is one word.
        for (const m of (node.textContent ?? '').matchAll(/[^\s/?&]+[/?&]?/g)) {
          const range = document.createRange();
          range.setStart(node, m.index ?? 0);
          range.setEnd(node, (m.index ?? 0) + m[0].length);
          const tops: number[] = [];
          for (const r of range.getClientRects()) {
            if (r.width === 0 || r.height === 0) continue;
            if (!tops.some((t) => Math.abs(t - r.top) < r.height / 2)) tops.push(r.top);
          }
          if (tops.length > 1) broken.push(m[0]);
        }
      }
    }
    return [...new Set(broken)];
  }, selector);
