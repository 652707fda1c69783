// Any CSV of posts, with a column mapping (`--map account=author_id,time=created_at,...`) or a named
// preset for a public dataset's layout. The mapping names header columns; presets may also use SQL over
// them (to build pseudo-URLs from anonymised link ids, say).
import { sqlIdent } from '../store/index.js';
import { readCsvAsView } from './_csv.js';
import { InputError } from './_files.js';
import {
  RAW_POST_COLUMNS,
  type RawPostColumn,
  type StageContext,
  type StageResult,
  selectList,
} from './raw.js';

/** Fields a user may map, and the raw column each fills. */
export const MAP_FIELDS = {
  id: 'id',
  account: 'account',
  time: 'time_raw',
  text: 'text',
  kind: 'kind',
  repost_of: 'repost_of',
  repost_of_account: 'repost_of_account',
  reply_to: 'reply_to',
  reply_to_account: 'reply_to_account',
  quote_of: 'quote_of',
  hashtags: 'hashtags',
  urls: 'urls',
  mentions: 'mentions',
  lang: 'lang',
  handle: 'handle',
  name: 'name',
  created: 'acct_created',
  followers: 'followers',
  following: 'following',
  client: 'client',
} as const satisfies Record<string, RawPostColumn>;

export type MapField = keyof typeof MAP_FIELDS;
export type ColumnMapping = Partial<Record<MapField, string>>;

export interface GenericCsvOptions {
  /** Field to header column. */
  mapping: ColumnMapping;
  /** SQL expressions over header columns, for presets (take precedence over mapping). */
  expressions?: Partial<Record<RawPostColumn, string>>;
  platform: string;
  /** Cells that mean "missing" (R writes NA). */
  nulls: string[];
}

/** Parses `account=author_id,time=created_at` into a mapping, rejecting unknown fields. */
export function parseMapping(spec: string): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const part of spec.split(',')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    const field = part.slice(0, eq).trim();
    const column = part.slice(eq + 1).trim();
    if (eq < 0 || column === '') throw new InputError(`--map: expected field=column, got "${part.trim()}"`);
    if (!(field in MAP_FIELDS)) {
      throw new InputError(
        `--map: unknown field "${field}"; fields are ${Object.keys(MAP_FIELDS).join(', ')}`,
      );
    }
    mapping[field as MapField] = column;
  }
  if (mapping.account === undefined) throw new InputError('--map: the account field is required');
  return mapping;
}

const LIST_FIELDS = new Set<string>(['hashtags', 'urls', 'mentions']);

export async function stageGenericCsv(
  ctx: StageContext,
  header: string[],
  options: GenericCsvOptions,
): Promise<StageResult> {
  const missing = Object.entries(options.mapping).filter(([, col]) => !header.includes(col));
  if (missing.length > 0) {
    const list = missing.map(([f, col]) => `${f}=${col}`).join(', ');
    throw new InputError(
      `${ctx.file.name}: mapped columns not in the header: ${list} (header: ${header.join(', ')})`,
    );
  }
  const read = await readCsvAsView(ctx, header, options.nulls);
  const exprs: Partial<Record<RawPostColumn, string>> = { rec: 'NULL' };
  for (const [field, column] of Object.entries(options.mapping) as [MapField, string][]) {
    const col = sqlIdent(column);
    const target = MAP_FIELDS[field];
    if (LIST_FIELDS.has(field)) exprs[target] = `ls_list_cell(${col})`;
    else if (field === 'followers' || field === 'following') exprs[target] = `try_cast(${col} AS BIGINT)`;
    else exprs[target] = col;
  }
  Object.assign(exprs, options.expressions);
  await ctx.store.run(`
    CREATE OR REPLACE TEMP VIEW ${ctx.table} AS SELECT ${selectList(RAW_POST_COLUMNS, exprs)}
    FROM ${ctx.table}_src`);
  const hasTime = options.mapping.time !== undefined || options.expressions?.time_raw !== undefined;
  const idExpr = options.expressions?.id;
  const hasIds = idExpr !== undefined ? idExpr !== 'NULL' : options.mapping.id !== undefined;
  return { kind: 'posts', platform: options.platform, table: ctx.table, hasTime, hasIds, ...read };
}
