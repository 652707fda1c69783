// Prints the README's options table for `lockstep analyze`, made from the settings registry (src/settings);
// with --write, puts it into README.md between its two marker comments. A test fails when they differ.
// Run: npm run options-table (prints) or npm run options-table -- --write.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { optionsTable, withOptionsTable } from '../src/settings/index.ts';

const readme = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'README.md');
if (process.argv.includes('--write')) {
  const before = readFileSync(readme, 'utf8');
  const after = withOptionsTable(before, 'analyze');
  if (after !== before) writeFileSync(readme, after);
  process.stdout.write(
    `${readme}: analyze options table ${after === before ? 'already current' : 'written'}\n`,
  );
} else {
  process.stdout.write(`${optionsTable('analyze')}\n`);
}
