// Debian's Chromium driven by playwright-core, as both browser tests use it: the binary, the skip message
// when it is absent, the launch flags, and a page that records every request, dialog and page error.
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** false when Chromium is there, else why the browser tests are skipped. */
export const chromiumMissing: false | string = existsSync(CHROMIUM)
  ? false
  : `${CHROMIUM} is missing (apt-get install -y chromium)`;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

export interface PageLog {
  requests: string[];
  dialogs: string[];
  /** Page errors, console errors, and any console message about the Content-Security-Policy. */
  problems: string[];
}

/** A page whose requests, dialogs (dismissed) and problems are appended to `log`. */
export async function watchedPage(browser: Browser, width: number, log: PageLog): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('dialog', (d) => {
    log.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => log.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // Errors (a CSP violation is one); warnings only about the policy (WebGL's ReadPixels stalls are noise).
    if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text()))
      log.problems.push(`console ${m.type()}: ${m.text()}`);
  });
  return page;
}

/**
 * The graph as the page prints it (the image swapped in on beforeprint): its distinct colours and the
 * pixels that differ from the background, so a test can tell a drawn graph from a blank one.
 */
export async function printedGraphColours(page: Page): Promise<{ distinct: number; inked: number }> {
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const colours = await page.evaluate(async () => {
    const img = document.querySelector('img.graph-print') as HTMLImageElement;
    if (!img.complete) await new Promise((r) => img.addEventListener('load', r, { once: true }));
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext('2d') as CanvasRenderingContext2D;
    ctx.drawImage(img, 0, 0);
    const px = ctx.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    let inked = 0;
    for (let i = 0; i < px.length; i += 4) {
      const rgb = ((px[i] as number) << 16) | ((px[i + 1] as number) << 8) | (px[i + 2] as number);
      seen.add(rgb);
      if (rgb !== 0xfcfcfd) inked++;
    }
    return { distinct: seen.size, inked };
  });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  return colours;
}
