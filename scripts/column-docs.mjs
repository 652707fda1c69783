// Prints docs/run-folder.md with its column and signal tables made from src/report/labels.ts (the labels
// and meanings the report and the UI show); with --write, puts them into the file. A test fails when they
// differ. Run: npm run column-docs (prints) or npm run column-docs -- --write.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withColumnDocs } from '../src/report/labels.ts';

const doc = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'docs', 'run-folder.md');
const before = readFileSync(doc, 'utf8');
const after = withColumnDocs(before);
if (process.argv.includes('--write')) {
  if (after !== before) writeFileSync(doc, after);
  process.stdout.write(`${doc}: column tables ${after === before ? 'already current' : 'written'}\n`);
} else {
  process.stdout.write(after);
}
