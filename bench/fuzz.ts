// The long fuzz run of issue 16: damages one record of small files in every input format (byte flips,
// deletions, cuts, inserted CR/LF/quotes/NUL/0x80/byte-order marks/lone surrogates/braces, oversized
// fields, repeated ids), loads each, and counts internal errors, lost records (a whole record not loaded),
// miscounts (read != loaded + rejected + merged) and whole-file refusals. Prints the counts per format and
// per kind of damage, and the first failures with what reproduces them.
//   npx tsx bench/fuzz.ts [--mutants 600] [--seed 1] [--posts 8] [--only N (one mutant, printed whole)]
//     [--format telegram-export (judge only that format's mutants; the others are drawn, not loaded)]
import { parseArgs } from 'node:util';
import { seededRandom } from '@lockstep/generate';
import {
  DAMAGE_KINDS,
  type Damage,
  damage,
  FUZZ_FORMATS,
  fuzzFolder,
  fuzzPosts,
  judge,
} from '../test/ingest/_fuzz.js';

const { values } = parseArgs({
  options: {
    mutants: { type: 'string', default: '600' },
    seed: { type: 'string', default: '1' },
    posts: { type: 'string', default: '8' },
    only: { type: 'string' },
    format: { type: 'string' },
  },
});
const mutants = Number(values.mutants);
const seed = Number(values.seed);
const postsPerFile = Number(values.posts);
const only = values.only === undefined ? null : Number(values.only);

// Texts as posts have them: Persian, quotes, separators, line ends, bidi and invisible characters.
const PIECES = [
  'زن زندگی آزادی',
  'نان کار آزادی #مهسا_امینی',
  'plain text',
  'a "quoted" word',
  'comma, semicolon; tab\there',
  'two\nlines',
  'bare\rCR',
  '\u202emoc.elgoog',
  'zw\u200cnj',
  '=HYPERLINK("http://x.y")',
  'https://www.example.com/a?utm_source=x',
  '@someone \\ backslash',
  '{"not": "json"}',
  '[a, b]',
  '',
];

const random = seededRandom(seed);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
const folder = fuzzFolder();
const counts = { ok: 0, 'internal error': 0, lost: 0, refused: 0, miscounted: 0 };
const byFormat = new Map<string, Record<string, number>>();
const byKind = new Map<string, Record<string, number>>();
const failures: string[] = [];
let readMore = 0;
let readFewer = 0;
const started = performance.now();
try {
  for (let m = 0; m < mutants; m++) {
    const format = FUZZ_FORMATS[m % FUZZ_FORMATS.length] as (typeof FUZZ_FORMATS)[number];
    const kind = DAMAGE_KINDS[Math.floor(m / FUZZ_FORMATS.length) % DAMAGE_KINDS.length] as Damage['kind'];
    const texts = Array.from({ length: postsPerFile }, () => `${pick(PIECES)} ${pick(PIECES)}`.trim());
    const posts = fuzzPosts(texts, m);
    const d: Damage = {
      kind,
      record: Math.floor(random() * postsPerFile),
      at: random(),
      mask: 1 + Math.floor(random() * 255),
    };
    const lineEnd = random() < 0.3 ? '\r\n' : '\n';
    const mutant = damage(format, posts, d, lineEnd);
    if (only !== null && m !== only) continue;
    if (values.format !== undefined && format !== values.format) continue;
    if (only !== null)
      console.log(JSON.stringify({ format, damage: d, lineEnd, texts }), `\n${mutant.file.bytes}`);
    const verdict = await judge(folder.path(mutant.file.name), mutant.file, {
      intact: mutant.intact,
      removed: mutant.removed,
    });
    counts[verdict.outcome]++;
    let drift: 'read more' | 'read fewer' | null = null;
    if (verdict.outcome === 'ok' && verdict.report !== null) {
      // Records read against records written (a cut removes the records after it): more when the damage
      // split a record in two (an inserted line end in JSON Lines) or left junk between records; fewer when
      // a page cut short counts only the tweets still in it.
      const written = mutant.file.ids.reduce(
        (n, ids, k) => n + (mutant.removed.includes(k) ? 0 : ids.length),
        0,
      );
      const diff = verdict.report.rowsRead - written;
      if (diff > 0) drift = 'read more';
      if (diff < 0) drift = 'read fewer';
    }
    if (drift === 'read more') readMore++;
    if (drift === 'read fewer') readFewer++;
    for (const [map, key] of [
      [byFormat, format],
      [byKind, kind],
    ] as const) {
      const row = map.get(key) ?? {
        mutants: 0,
        ok: 0,
        'internal error': 0,
        lost: 0,
        refused: 0,
        miscounted: 0,
        'read more': 0,
        'read fewer': 0,
      };
      row.mutants = (row.mutants ?? 0) + 1;
      row[verdict.outcome] = (row[verdict.outcome] ?? 0) + 1;
      if (drift !== null) row[drift] = (row[drift] ?? 0) + 1;
      map.set(key, row);
    }
    if (verdict.outcome !== 'ok' && failures.length < 40) {
      const why =
        verdict.outcome === 'lost'
          ? `missing ${verdict.missing.join(', ')}`
          : 'message' in verdict
            ? verdict.message.split('\n')[0]
            : '';
      failures.push(
        `#${m} ${format} ${kind} record ${d.record} at ${d.at.toFixed(3)} mask ${d.mask} eol ${JSON.stringify(lineEnd)}: ${verdict.outcome}: ${why}`,
      );
    }
  }
} finally {
  folder.cleanup();
}
const seconds = (performance.now() - started) / 1000;
const judged = Object.values(counts).reduce((a, b) => a + b, 0);
console.log(
  `fuzz: ${judged} of ${mutants} mutants (seed ${seed}, ${postsPerFile} posts a file${values.format === undefined ? '' : `, ${values.format} only`}), ${seconds.toFixed(1)} s`,
);
console.log(
  `  internal errors ${counts['internal error']}, lost records (files) ${counts.lost}, whole-file refusals ${counts.refused}, miscounts ${counts.miscounted}, ok ${counts.ok}`,
);
const table = (title: string, map: Map<string, Record<string, number>>) => {
  console.log(`\n${title.padEnd(24)} mutants  ok  internal  lost  refused  miscounted  read+  read-`);
  for (const [key, r] of map)
    console.log(
      `${key.padEnd(24)} ${String(r.mutants).padStart(7)} ${String(r.ok ?? 0).padStart(3)} ${String(r['internal error'] ?? 0).padStart(9)} ${String(r.lost ?? 0).padStart(5)} ${String(r.refused ?? 0).padStart(8)} ${String(r.miscounted ?? 0).padStart(11)} ${String(r['read more'] ?? 0).padStart(6)} ${String(r['read fewer'] ?? 0).padStart(6)}`,
    );
};
console.log(
  `  of the files judged ok: ${readMore} read more records than were written (read+), ${readFewer} fewer (read-; see the loop)`,
);
table('format', byFormat);
table('damage', byKind);
if (failures.length > 0) console.log(`\nfirst failures:\n  ${failures.join('\n  ')}`);
