// Groups of accounts handed to the SQL of the chance model and the detection: `_m(aid, net)`, the groups
// judged; `_xg(aid)`, the accounts left out of every reference but their own group's; `_flag(aid, net)`, a
// working set. Written with DuckDB's appender, not as SQL text.
import type { Store } from '../store/index.js';

/**
 * The accounts left out of every network's reference but their own (`_xg`, read by chance.ts): the accounts of
 * the networks found so far, which are not shown to act independently.
 */
export async function writeAccounts(store: Store, accounts: number[]): Promise<void> {
  await writeGroups(store, '_xg', [[...new Set(accounts)]]);
  await store.run('ALTER TABLE _xg DROP COLUMN net');
}

export async function writeGroups(
  store: Store,
  table: '_m' | '_xg' | '_flag',
  groups: number[][],
): Promise<void> {
  await store.run(`CREATE OR REPLACE TEMP TABLE ${table} (aid INTEGER, net INTEGER)`);
  const appender = await store.con.createAppender(table, 'main', 'temp');
  groups.forEach((group, net) => {
    for (const aid of group) {
      appender.appendInteger(aid);
      appender.appendInteger(net);
      appender.endRow();
    }
  });
  appender.closeSync();
}
