// Telegram: the Telegram Desktop export (result.json of one chat, or a full export with chats.list and
// left_chats.list), and the per-channel message arrays that scrapers write ({message_id, sender_id, text,
// date, channel}). A channel is an account; a forward is a repost; message ids are only unique within their chat. The
// export is framed message by message (_frame-document.ts): one damaged message is rejected alone.
import { readJsonHolders, readJsonRecords } from './_json.js';
import { RAW_POST_COLUMNS, type StageContext, type StageResult, selectList } from './raw.js';

/** Telegram Desktop `text` is a string or an array of strings and entity objects ({type, text, href}). */
const PLAIN_TEXT = `CASE WHEN json_type(m, '$.text') = 'ARRAY'
  THEN array_to_string(list_transform(json_extract(m, '$.text[*]'),
    x -> CASE WHEN json_type(x) = 'VARCHAR' THEN json_extract_string(x, '$') ELSE json_extract_string(x, '$.text') END), '')
  ELSE json_extract_string(m, '$.text') END`;

/** A message as the export writes one (not an entity of its text, nor a chat): an id and a date. */
function isMessage(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    'id' in value &&
    ('date' in value || 'date_unixtime' in value)
  );
}

export async function stageTelegramExport(ctx: StageContext, full: boolean): Promise<StageResult> {
  const t = ctx.table;
  // One source row per message, one holder row per chat (its name, type and id), joined back here.
  const read = await readJsonHolders(ctx, {
    // A full export lists the chats the user has left apart (left_chats); their messages are posts too.
    holders: full
      ? [
          ['chats', 'list', '*'],
          ['left_chats', 'list', '*'],
        ]
      : [[]],
    recordsKey: 'messages',
    isRecord: isMessage,
  });
  await ctx.store.run(`
    CREATE OR REPLACE TEMP TABLE ${t}_msgs AS
    SELECT s.rec, s.line, h.j AS chat, s.j AS m FROM ${t}_src s LEFT JOIN ${t}_holders h USING (holder)`);
  const m = (path: string) => `json_extract_string(m, '${path}')`;
  const chatId = `json_extract_string(chat, '$.id')`;
  await ctx.store.run(`
    CREATE OR REPLACE TEMP TABLE ${t} AS SELECT ${selectList(RAW_POST_COLUMNS, {
      rec: 'rec',
      line: 'line',
      id: m('$.id'),
      id_scope: chatId,
      // In a channel the sender is the channel; in a group, the member who wrote.
      account: `coalesce(${m('$.from_id')}, 'chat' || ${chatId})`,
      name: `coalesce(${m('$.from')}, json_extract_string(chat, '$.name'))`,
      time_raw: `coalesce(${m('$.date_unixtime')}, ${m('$.date')})`,
      kind: `CASE WHEN coalesce(${m('$.type')}, 'message') <> 'message' THEN 'service'
        WHEN ${m('$.forwarded_from')} IS NOT NULL OR json_exists(m, '$.forwarded_from') THEN 'repost'
        WHEN ${m('$.reply_to_message_id')} IS NOT NULL THEN 'reply' ELSE 'post' END`,
      text: PLAIN_TEXT,
      hashtags: `list_transform(list_filter(json_extract(m, '$.text_entities[*]'),
        e -> json_extract_string(e, '$.type') = 'hashtag'), e -> json_extract_string(e, '$.text'))`,
      urls: `list_transform(list_filter(json_extract(m, '$.text_entities[*]'),
        e -> json_extract_string(e, '$.type') IN ('link', 'text_link')),
        e -> coalesce(json_extract_string(e, '$.href'), json_extract_string(e, '$.text')))`,
      mentions: `list_transform(list_filter(json_extract(m, '$.text_entities[*]'),
        e -> json_extract_string(e, '$.type') = 'mention'), e -> json_extract_string(e, '$.text'))`,
      repost_of_account: `coalesce(${m('$.forwarded_from_id')}, ${m('$.forwarded_from')})`,
      reply_to: `CASE WHEN ${m('$.reply_to_message_id')} IS NOT NULL THEN ${chatId} || '/' || ${m('$.reply_to_message_id')} END`,
      client: m('$.via_bot'),
    })} FROM ${t}_msgs ORDER BY rec; DROP TABLE ${t}_src; DROP TABLE ${t}_holders; DROP TABLE ${t}_msgs;`);
  return { kind: 'posts', platform: 'telegram', table: t, ...read };
}

export async function stageTelegramMessages(ctx: StageContext): Promise<StageResult> {
  const read = await readJsonRecords(ctx, 'values');
  const s = (path: string) => `json_extract_string(j, '${path}')`;
  // Channel ids appear as -100<id> (Bot API form); the Desktop export writes channel<id>. Use one form.
  const channel = `'channel' || regexp_replace(${s('$.sender_id')}, '^-100', '')`;
  await ctx.store.run(`
    CREATE OR REPLACE TEMP TABLE ${ctx.table} AS SELECT ${selectList(RAW_POST_COLUMNS, {
      rec: 'rec',
      id: s('$.message_id'),
      id_scope: `regexp_replace(${s('$.sender_id')}, '^-100', '')`,
      account: channel,
      name: s('$.channel'),
      time_raw: `coalesce(${s('$.date_unixtime')}, ${s('$.date')})`,
      kind: `CASE WHEN ${s('$.fwd_from')} IS NOT NULL OR ${s('$.forwarded_from')} IS NOT NULL THEN 'repost' ELSE 'post' END`,
      text: s('$.text'),
      repost_of_account: `coalesce(${s('$.fwd_from')}, ${s('$.forwarded_from')})`,
    })} FROM ${ctx.table}_src; DROP TABLE ${ctx.table}_src;`);
  return { kind: 'posts', platform: 'telegram', table: ctx.table, ...read };
}
