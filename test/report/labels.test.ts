// The one module of labels and explanations (src/report/labels.ts): every column lockstep writes to
// accounts.csv and edges.csv has a label and a meaning there, in the files' order; docs/run-folder.md's
// column and signal tables are the ones it makes; accounts are named by handle, else name, else id.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import {
  ACCOUNT_COLUMN_DOCS,
  accountLabel,
  columnDoc,
  columnLabel,
  EDGE_COLUMN_DOCS,
  SIGNAL_DOCS,
  withColumnDocs,
} from '../../src/report/labels.js';
import { ACCOUNT_COLUMNS, edgeColumns } from '../../src/report/run-tables.js';
import { SIGNALS } from '../../src/signals/index.js';

const ROOT = resolve(import.meta.dirname, '../..');

describe('labels and explanations', () => {
  it('documents every accounts.csv column, in the file\u2019s order, with a label that is not its name', () => {
    assert.deepEqual(
      ACCOUNT_COLUMN_DOCS.map((c) => c.name),
      ACCOUNT_COLUMNS.map((c) => c.name),
    );
    for (const c of ACCOUNT_COLUMN_DOCS) {
      assert.ok(c.label !== '' && c.meaning.length > 10, c.name);
      // A readable label, not the column's raw name (`gap_cv`, `handle_pattern`).
      assert.ok(!c.label.includes('_'), `${c.name}: ${c.label}`);
    }
    assert.equal(columnLabel('gap_cv'), 'Irregularity of posting gaps');
    assert.equal(columnLabel('handle_pattern'), 'Sign-up default handle');
    assert.equal(columnDoc('repost_share')?.format, 'share');
  });

  it('documents every edges.csv column, each signal weight under the signal\u2019s name', () => {
    const names = edgeColumns(SIGNALS).map((c) => c.name);
    for (const name of names) assert.ok(columnDoc(name), `edges.csv column ${name} is not documented`);
    const documented = EDGE_COLUMN_DOCS.map((c) => c.name).filter((n) => n !== 'w_<signal>');
    assert.deepEqual(
      documented,
      names.filter((n) => !n.startsWith('w_')),
    );
    assert.equal(columnLabel('w_neardup'), 'Weight from near-duplicate text');
    for (const s of SIGNALS) assert.ok(SIGNAL_DOCS[s]?.label, `signal ${s} has no label`);
  });

  it("docs/run-folder.md's column and signal tables are the ones labels.ts makes (npm run column-docs -- --write)", () => {
    const doc = readFileSync(join(ROOT, 'docs', 'run-folder.md'), 'utf8');
    assert.equal(withColumnDocs(doc), doc);
    assert.ok(doc.includes('| `gap_cv` | Irregularity of posting gaps |'));
  });

  it('names an account by @handle, else its name (a Telegram channel\u2019s title), else its id', () => {
    assert.equal(accountLabel({ account: '12', handle: 'Lou', name: 'Lou G' }), '@Lou');
    assert.equal(accountLabel({ account: 'channel1288489154', handle: null, name: 'ТОПОР' }), 'ТОПОР');
    assert.equal(accountLabel({ account: 'channel1288489154', handle: ' ', name: '' }), 'channel1288489154');
    assert.equal(accountLabel({ account: '7' }), '7');
  });
});
