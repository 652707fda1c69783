// The README's two pictures, from the demo run: `node --import tsx src/cli/main.ts demo` (or `npm start`
// after `npm run build`), then `node --import tsx scripts/screenshots.mjs [RUN_DIR]` (default runs/demo). Drives Debian's Chromium through playwright-core, launched as the browser
// tests launch it (test/browser/_chromium.ts), offline, at 1400x1000, the screen a reader opens first:
// report.html's first screen, each network's quotable sentence beside its strongest evidence pair
// (docs/screenshot-report.png), and `lockstep serve`'s page of network 1, its label, sentence, figures and
// graph (docs/screenshot-ui.png). The server runs from the sources (src/cli/main.ts under tsx, its UI
// bundled on demand), so the picture shows the code in the tree even when dist/ is older; it is started on a
// free port on 127.0.0.1 and stopped after.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../test/browser/_chromium.ts';

const run = resolve(process.argv[2] ?? 'runs/demo');
const docs = resolve('docs');
const viewport = { width: 1400, height: 1000 };

/** `lockstep serve RUN --port 0` from the sources, resolved with its address once it prints it. */
function serve() {
  const cli = ['--import', 'tsx', resolve('src/cli/main.ts'), 'serve', run, '--port', '0'];
  const child = spawn(process.execPath, cli, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((done, fail) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out)?.[0];
      if (url !== undefined) done({ url, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => fail(new Error(`lockstep serve exited (${code}) before listening:\n${out}`)));
  });
}

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(join(run, 'report.html')).href);
  await page.waitForSelector('section.story');
  // The graph further down draws on its own schedule; the first screen is text, ready once laid out.
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(docs, 'screenshot-report.png') });
  console.log(`wrote ${join(docs, 'screenshot-report.png')}`);

  const server = await serve();
  try {
    await page.goto(new URL('network/1', server.url).href);
    await page.waitForSelector('#app[data-ready="network"] canvas');
    // sigma draws the graph on animation frames after its canvas appears: let two pass.
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))),
    );
    await page.screenshot({ path: join(docs, 'screenshot-ui.png') });
    console.log(`wrote ${join(docs, 'screenshot-ui.png')}`);
  } finally {
    server.stop();
  }
} finally {
  await browser.close();
}
