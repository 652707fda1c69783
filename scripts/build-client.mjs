// Bundles the report's client (src/report/html/client/) into dist/report/client.js after tsc has compiled
// the library; report.html inlines that file. Run by `npm run build`.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildReportClient } from '../dist/report/html/client-bundle.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'report', 'client.js');
const code = await buildReportClient(join(root, 'src', 'report', 'html', 'client', 'main.ts'));
await mkdir(dirname(out), { recursive: true });
await writeFile(out, code);
process.stdout.write(`report client: ${out} (${(code.length / 1024).toFixed(0)} KB)\n`);
