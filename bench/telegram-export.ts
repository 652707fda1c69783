// Telegram Desktop export benchmark (issue 16): writes a full export (result.json, chats.list) of N
// messages, seeded, streamed to disk as the app lays it out, then loads it into a fresh store and prints
// the time, the messages loaded and the process's peak memory. The export is framed message by message
// (src/ingest/_frame-document.ts), so the peak should not grow with the file.
// Usage: node --import tsx bench/telegram-export.ts [--messages 1000000] [--chats 50] [--seed 1] [--keep DIR]
//   [--memory-limit 1GiB (DuckDB's, as --memory-limit gives it; default: half the machine's memory)]
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { seededRandom } from '@lockstep/generate';
import { loadFiles } from '../src/normalize/index.js';
import { Store } from '../src/store/index.js';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '1000000' },
    chats: { type: 'string', default: '50' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'string' },
    'memory-limit': { type: 'string' },
  },
});
const messages = Number(values.messages);
const chats = Number(values.chats);
const random = seededRandom(Number(values.seed));
const dir = values.keep ?? (await mkdtemp(join(tmpdir(), 'lockstep-bench-tg-')));
const path = join(dir, 'result.json');

const WORDS = ['زن', 'زندگی', 'آزادی', 'نان', 'کار', 'خبر', 'فوری', 'تجمع', 'امشب', 'news', 'video', 'link'];
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

let t = performance.now();
const out = createWriteStream(path);
const write = async (text: string) => {
  if (!out.write(text)) await new Promise<void>((ok) => out.once('drain', ok));
};
await write(
  '{\n "about": "Here is the data you requested.",\n "chats": {\n  "about": "All chats.",\n  "list": [\n',
);
let id = 0;
for (let c = 0; c < chats; c++) {
  const chat = 1600000000 + c;
  const n = Math.floor(messages / chats) + (c < messages % chats ? 1 : 0);
  await write(
    `${c > 0 ? ',\n' : ''}   {\n    "name": "کانال ${c}",\n    "type": "public_channel",\n    "id": ${chat},\n    "messages": [\n`,
  );
  for (let k = 0; k < n; k++) {
    id++;
    const words = Array.from({ length: 5 + Math.floor(random() * 20) }, () => pick(WORDS)).join(' ');
    const tag = `#${pick(WORDS)}`;
    const message = {
      id,
      type: 'message',
      date: new Date(Date.UTC(2022, 8, 16) + id * 1000).toISOString().slice(0, 19),
      date_unixtime: String(1663286400 + id),
      from: `کانال ${c}`,
      from_id: `channel${chat}`,
      ...(random() < 0.2 ? { forwarded_from: `کانال ${Math.floor(random() * chats)}` } : {}),
      text: [`${words} `, { type: 'hashtag', text: tag }],
      text_entities: [
        { type: 'plain', text: `${words} ` },
        { type: 'hashtag', text: tag },
      ],
    };
    const pretty = JSON.stringify(message, null, 1).replaceAll('\n', '\n     ');
    await write(`${k > 0 ? ',\n' : ''}     ${pretty}`);
  }
  await write('\n    ]\n   }');
}
await write('\n  ]\n }\n}\n');
await new Promise<void>((ok) => out.end(ok));
const writeSeconds = (performance.now() - t) / 1000;
const bytes = (await stat(path)).size;

const db = join(dir, 'bench.duckdb');
await rm(db, { force: true });
const memory = values['memory-limit'];
const store = await Store.open(db, memory === undefined ? {} : { memoryLimit: memory });
t = performance.now();
const report = await loadFiles(store, [path]);
const loadSeconds = (performance.now() - t) / 1000;
store.close();
const f = report.files[0];
const peak = process.resourceUsage().maxRSS / 1024;
console.log(
  `telegram export: ${messages.toLocaleString('en-US')} messages in ${chats} chats, ${(bytes / 2 ** 20).toFixed(0)} MiB (written in ${writeSeconds.toFixed(1)} s)`,
);
console.log(
  `  loaded ${f?.rowsLoaded.toLocaleString('en-US')} of ${f?.rowsRead.toLocaleString('en-US')} read, rejected ${f?.rowsRejected} in ${loadSeconds.toFixed(1)} s; peak RSS ${peak.toFixed(0)} MiB (memory limit ${memory ?? 'default'})`,
);
if (values.keep === undefined) await rm(dir, { recursive: true, force: true });
