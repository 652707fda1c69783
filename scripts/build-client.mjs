// Bundles the browser clients after tsc has compiled the library: the report's (src/report/html/client/)
// into dist/report/client.js, which report.html inlines, and the UI's (src/web/client/) into dist/web/ui.js,
// which `lockstep serve` serves as /static/ui.js. Run by `npm run build`.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildReportClient } from '../dist/report/html/client-bundle.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bundles = [
  [
    'report client',
    join(root, 'src', 'report', 'html', 'client', 'main.ts'),
    join(root, 'dist', 'report', 'client.js'),
  ],
  ['UI client', join(root, 'src', 'web', 'client', 'main.ts'), join(root, 'dist', 'web', 'ui.js')],
];
for (const [name, entry, out] of bundles) {
  const code = await buildReportClient(entry);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, code);
  process.stdout.write(`${name}: ${out} (${(code.length / 1024).toFixed(0)} KB)\n`);
}
