// Screenshot of the demo run's report for the README: run `npm start` first, then
// `node scripts/screenshot-report.mjs [runs/demo/report.html] [docs/screenshot-report.png]`. Drives Debian's
// Chromium through playwright-core, offline, and captures the first network's section (signals and chance,
// timeline, share of each hashtag's volume).
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const report = resolve(process.argv[2] ?? 'runs/demo/report.html');
const out = resolve(process.argv[3] ?? 'docs/screenshot-report.png');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
  await page.goto(`file://${report}`);
  await page.waitForSelector('#network-1');
  await page.waitForTimeout(1500);
  const top = await page.evaluate(
    () => (document.querySelector('#network-1')?.getBoundingClientRect().top ?? 0) + window.scrollY,
  );
  await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y: top, width: 1200, height: 1300 } });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
