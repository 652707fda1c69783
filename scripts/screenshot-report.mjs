// Screenshot of the demo run's report for the README: run `npm start` first, then
// `node scripts/screenshot-report.mjs [runs/demo/report.html] [docs/screenshot-report.png]`. Drives Debian's
// Chromium through playwright-core, offline, and captures the first screen at 1400x1000: each network's
// quotable sentence beside its strongest evidence pair.
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
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`file://${report}`);
  await page.waitForSelector('section.story');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
