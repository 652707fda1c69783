// Scores flagged accounts against the blind benchmark's truth.csv.
//
//   npx tsx bench/blind/score.ts DIR/truth.csv FLAGGED.csv [--json]
//
// FLAGGED.csv: a CSV with a header naming the account column `userid` (or `account`, as lockstep's
// accounts.csv does, or `id`); other columns are ignored. lockstep's accounts.csv lists only accounts that
// are members of a reported network (one row per membership), so every row counts; should a `network` column
// be present, rows whose network is empty, 0, none, null or false are skipped.
// Prints account-level precision, recall and F1, recall per planted pattern and per network, and for each
// organic crowd kind how many of its participants were flagged.
import { readFileSync } from 'node:fs';

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

function records(path: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  if (!header) return [];
  const names = header.map((h) => h.trim());
  return rows.map((r) => Object.fromEntries(names.map((h, j) => [h, r[j] ?? ''])));
}

const NOT_IN_NETWORK = new Set(['', '0', 'none', 'null', 'false', 'no', 'na', '-']);

export interface Score {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
  flagged: number;
  unknownIds: number;
  patterns: { pattern: string; found: number; total: number; recall: number }[];
  networks: { network: number; pattern: string; found: number; total: number }[];
  organicEvents: { event: string; flagged: number; total: number; percent: number }[];
  eventParticipants: { flagged: number; total: number; percent: number };
  organicNoEvent: { flagged: number; total: number; percent: number };
  flaggedColumn: string;
}

const round = (x: number, d = 4) => Number(x.toFixed(d));

export function score(truthPath: string, flaggedPath: string): Score {
  const truth = records(truthPath);
  const flaggedRows = records(flaggedPath);
  const first = flaggedRows[0] ?? {};
  const column = ['userid', 'account', 'id'].find((c) => c in first) ?? 'userid';
  const hasNetwork = 'network' in first;
  const flagged = new Set<string>();
  for (const r of flaggedRows) {
    const id = (r[column] ?? '').trim();
    if (id === '') continue;
    if (hasNetwork && NOT_IN_NETWORK.has((r.network ?? '').trim().toLowerCase())) continue;
    flagged.add(id);
  }
  const known = new Set(truth.map((t) => t.userid as string));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const pat = new Map<string, { found: number; total: number }>();
  const nets = new Map<number, { pattern: string; found: number; total: number }>();
  const ev = new Map<string, { flagged: number; total: number }>();
  let partF = 0;
  let partT = 0;
  let noneF = 0;
  let noneT = 0;
  for (const t of truth) {
    const hit = flagged.has(t.userid as string);
    const net = Number(t.network);
    if (net > 0) {
      if (hit) tp++;
      else fn++;
      const p = pat.get(t.pattern as string) ?? { found: 0, total: 0 };
      p.total++;
      if (hit) p.found++;
      pat.set(t.pattern as string, p);
      const n = nets.get(net) ?? { pattern: t.pattern as string, found: 0, total: 0 };
      n.total++;
      if (hit) n.found++;
      nets.set(net, n);
    } else {
      if (hit) fp++;
      const e = (t.event ?? '').trim();
      if (e === '') {
        noneT++;
        if (hit) noneF++;
        continue;
      }
      partT++;
      if (hit) partF++;
      for (const kind of e.split(';')) {
        const x = ev.get(kind) ?? { flagged: 0, total: 0 };
        x.total++;
        if (hit) x.flagged++;
        ev.set(kind, x);
      }
    }
  }
  const unknownIds = [...flagged].filter((u) => !known.has(u)).length;
  fp += unknownIds;
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  const pct = (a: number, b: number) => (b > 0 ? round((100 * a) / b, 2) : 0);
  return {
    precision: round(precision),
    recall: round(recall),
    f1: round(f1),
    tp,
    fp,
    fn,
    flagged: flagged.size,
    unknownIds,
    patterns: [...pat].map(([pattern, p]) => ({
      pattern,
      ...p,
      recall: p.total > 0 ? round(p.found / p.total) : 0,
    })),
    networks: [...nets].sort((a, b) => a[0] - b[0]).map(([network, n]) => ({ network, ...n })),
    organicEvents: [...ev]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([event, x]) => ({ event, ...x, percent: pct(x.flagged, x.total) })),
    eventParticipants: { flagged: partF, total: partT, percent: pct(partF, partT) },
    organicNoEvent: { flagged: noneF, total: noneT, percent: pct(noneF, noneT) },
    flaggedColumn: column,
  };
}

function main(): void {
  const args = process.argv.slice(2).filter((a) => a !== '--json');
  const [truthPath, flaggedPath] = args;
  if (!truthPath || !flaggedPath) {
    console.error('usage: score.ts TRUTH.csv FLAGGED.csv [--json]');
    process.exitCode = 2;
    return;
  }
  const s = score(truthPath, flaggedPath);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(s));
    return;
  }
  console.log(
    `precision=${s.precision.toFixed(4)} recall=${s.recall.toFixed(4)} f1=${s.f1.toFixed(4)} ` +
      `tp=${s.tp} fp=${s.fp} fn=${s.fn} flagged=${s.flagged} unknown=${s.unknownIds} (column: ${s.flaggedColumn})`,
  );
  console.log('recall per planted pattern:');
  for (const p of s.patterns)
    console.log(`  ${p.pattern}: ${p.found}/${p.total} (${(100 * p.recall).toFixed(1)}%)`);
  console.log('recall per network:');
  for (const n of s.networks) console.log(`  ${n.network} ${n.pattern}: ${n.found}/${n.total}`);
  console.log('organic crowd participants flagged:');
  for (const e of s.organicEvents) console.log(`  ${e.event}: ${e.flagged}/${e.total} (${e.percent}%)`);
  const ep = s.eventParticipants;
  const on = s.organicNoEvent;
  console.log(`  all crowd participants: ${ep.flagged}/${ep.total} (${ep.percent}%)`);
  console.log(`  organic accounts in no crowd: ${on.flagged}/${on.total} (${on.percent}%)`);
}

main();
