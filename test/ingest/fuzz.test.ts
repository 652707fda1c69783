// Issue 16, point 8: property tests (fast-check, fixed seed and run count) over every reader and the
// normaliser: hostile texts and one damaged record per file, judged against what the test wrote (records
// in the file = loaded + rejected + merged; no whole record lost; no engine fault, no file refused). The
// longer run is bench/fuzz.ts; each failure it found is a fixture below, made here, small.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { Store } from '../../src/store/index.js';
import {
  DAMAGE_KINDS,
  type Damage,
  damage,
  FUZZ_FORMATS,
  type FuzzFormat,
  fuzzFolder,
  fuzzPosts,
  judge,
  writeFuzzFile,
} from './_fuzz.js';

const SEED = 16;
const folder = fuzzFolder();
after(() => folder.cleanup());

// Texts as the adversary writes them: separators, quotes, line ends, NUL, bidi and invisible marks, JSON
// and formula look-alikes, Persian, and any other code point (lone surrogates included).
const hostile = fc.constantFrom(
  '"',
  ',',
  ';',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\\',
  '\u0000',
  '\u001f',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\u200c',
  '\ud800',
  '=SUM(A1)',
  '{"id": "9"}',
  '[a, b]',
  'زن زندگی آزادی',
  '#مهسا_امینی',
  'https://www.example.com/?utm_source=x',
);
const text = fc
  .array(fc.oneof(hostile, fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 6 })
  .map((parts) => parts.join(''));

/** A lone surrogate: JSON.stringify writes it as an escape (\ud800) that DuckDB's JSON rejects. */
const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function property(format: FuzzFormat) {
  return fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 7 }), async (texts) => {
    const posts = fuzzPosts(texts);
    const file = writeFuzzFile(format, posts);
    // The count made here: a post per record; a v2 page rejected for a lone surrogate escape counts each
    // of its tweets as rejected (it once counted as one record).
    const records = file.ids.reduce((n, ids) => n + ids.length, 0);
    const verdict = await judge(folder.path(file.name), file, { intact: [], records });
    assert.equal(verdict.outcome, 'ok', `${verdict.outcome}: ${'message' in verdict ? verdict.message : ''}`);
    // In JSON, each post with a lone surrogate escape is rejected (with its page, in v2 pages); the rest
    // load. CSV is written as UTF-8, where a lone surrogate becomes U+FFFD.
    const json = format !== 'io-archive' && format !== 'generic-csv';
    const textOf = (id: string) => posts.find((p) => p.id === id.replace(/^\d+\//, ''))?.text ?? '';
    const lone = file.ids.filter((ids) => ids.some((id) => LONE.test(textOf(id))));
    const rejectedPosts = json ? lone.reduce((n, ids) => n + ids.length, 0) : 0;
    if (verdict.outcome === 'ok' && verdict.report !== null)
      assert.equal(verdict.report.rowsRejected, rejectedPosts);
  });
}

const damages = fc.record({
  kind: fc.constantFrom(...DAMAGE_KINDS),
  record: fc.nat(7),
  at: fc.double({ min: 0, max: 0.999, noNaN: true }),
  mask: fc.integer({ min: 1, max: 255 }),
});

function damaged(format: FuzzFormat) {
  return fc.asyncProperty(damages, fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'), async (d, eol) => {
    const posts = fuzzPosts(Array.from({ length: 8 }, (_, k) => `post ${k} "q", #tag${k}`));
    const mutant = damage(format, posts, d, eol);
    const verdict = await judge(folder.path(mutant.file.name), mutant.file, { intact: mutant.intact });
    assert.ok(
      verdict.outcome === 'ok',
      `${verdict.outcome}: ${'message' in verdict ? verdict.message : 'missing' in verdict ? verdict.missing.join(',') : ''}`,
    );
  });
}

describe('every reader under hostile text: each record read once and accounted for', () => {
  for (const format of FUZZ_FORMATS)
    it(format, async () => {
      await fc.assert(property(format), { seed: SEED, numRuns: 3 });
    });
});

describe('every reader with one damaged record: the others load, nothing escapes', () => {
  for (const format of FUZZ_FORMATS)
    it(format, async () => {
      await fc.assert(damaged(format), { seed: SEED, numRuns: 3 });
    });
});

describe('the normaliser keeps what it was given', () => {
  it('API v2 JSON Lines: every post keeps its account, time and raw text; the folded text is set', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 6 }), async (texts) => {
        const posts = fuzzPosts(texts);
        const file = writeFuzzFile('v2-jsonl', posts);
        const path = folder.path(file.name);
        const verdict = await judge(path, file, { intact: [], records: posts.length });
        assert.equal(verdict.outcome, 'ok');
        const store = await Store.open(':memory:');
        try {
          const { loadFiles } = await import('../../src/normalize/index.js');
          await loadFiles(store, [path], file.options);
          const rows = await store.all<{
            id: string;
            account: string;
            time: Date;
            text: string;
            text_norm: string;
          }>('SELECT id, account, time, text, text_norm FROM posts');
          for (const row of rows) {
            const p = posts.find((q) => q.id === row.id);
            assert.ok(p, `post ${row.id} was written`);
            assert.equal(row.account, p.account);
            assert.equal(row.time.getTime(), p.time * 1000);
            assert.equal(row.text, p.text);
            assert.equal(typeof row.text_norm, 'string');
          }
        } finally {
          store.close();
        }
      }),
      { seed: SEED, numRuns: 4 },
    );
  });
});

describe('what bench/fuzz.ts found (each was a failure before its fix)', () => {
  const posts = fuzzPosts(Array.from({ length: 8 }, (_, k) => `post ${k} "q", #tag${k}`));
  const check = async (format: FuzzFormat, d: Damage) => {
    const mutant = damage(format, posts, d);
    const verdict = await judge(folder.path(mutant.file.name), mutant.file, { intact: mutant.intact });
    assert.equal(verdict.outcome, 'ok', JSON.stringify(verdict).slice(0, 400));
    return verdict;
  };

  it('a damaged first line of JSON Lines no longer hides the format (whole file refused before)', async () => {
    await check('v2-jsonl', { kind: 'insert-quote', record: 0, at: 0.295, mask: 1 });
    await check('v1-jsonl', { kind: 'insert-nul', record: 0, at: 0.354, mask: 1 });
    await check('v2-pages', { kind: 'insert-lf', record: 0, at: 0.747, mask: 1 });
  });

  it('a damaged first element of a JSON array no longer hides the format (whole file refused before)', async () => {
    await check('scraper-json', { kind: 'insert-cr', record: 0, at: 0.723, mask: 1 });
  });

  it('a backslash before a raw line end in a JSON document rejects that record (the framed copy broke before)', async () => {
    await check('v2-document', { kind: 'insert-backslash-lf', record: 2, at: 0.901, mask: 1 });
    await check('telegram-messages', { kind: 'insert-backslash-lf', record: 4, at: 0.674, mask: 1 });
  });

  it('a stray quote or brace in one element of a JSON document loses none of the elements after it', async () => {
    await check('v2-document', { kind: 'insert-quote', record: 3, at: 0.438, mask: 1 });
    await check('scraper-json', { kind: 'insert-quote', record: 1, at: 0.016, mask: 1 });
    await check('scraper-json', { kind: 'insert-brace', record: 3, at: 0.682, mask: 1 });
  });

  it('a stray quote that cuts the next element in two: that element is framed again, not lost', async () => {
    // bench/fuzz.ts --only 348: the quote's string ran to the end of the file, cutting element 1006.
    const texts = [
      '=HYPERLINK("http://x.y") a "quoted" word',
      'https://www.example.com/a?utm_source=x',
      'plain text zw\u200cnj',
      'plain text comma, semicolon; tab\there',
      'bare\rCR زن زندگی آزادی',
      'plain text https://www.example.com/a?utm_source=x',
      'plain text نان کار آزادی #مهسا_امینی',
      '\u202emoc.elgoog \u202emoc.elgoog',
    ];
    const d: Damage = { kind: 'insert-quote', record: 5, at: 0.6746916947886348, mask: 1 };
    const mutant = damage('scraper-json', fuzzPosts(texts, 348), d);
    const verdict = await judge(folder.path(mutant.file.name), mutant.file, { intact: mutant.intact });
    assert.equal(verdict.outcome, 'ok', JSON.stringify(verdict).slice(0, 400));
  });

  it('a first JSON line whose key was damaged (still JSON): the next lines give the format', async () => {
    await check('v2-jsonl', { kind: 'insert-utf16-bom', record: 0, at: 0.179, mask: 1 });
  });

  it('a first JSON array element whose keys were damaged (still JSON): the next elements give the format', async () => {
    // bench/fuzz.ts --only 492: the quote made the first element parse without its UserID.
    const texts = [
      '[a, b] plain text',
      '{"not": "json"} https://www.example.com/a?utm_source=x',
      'zw\u200cnj https://www.example.com/a?utm_source=x',
      'زن زندگی آزادی bare\rCR',
      '@someone \\ backslash',
      '',
      'https://www.example.com/a?utm_source=x \u202emoc.elgoog',
      'two\nlines bare\rCR',
    ];
    const d: Damage = { kind: 'insert-quote', record: 0, at: 0.5965113439597189, mask: 1 };
    const mutant = damage('scraper-json', fuzzPosts(texts, 492), d);
    const verdict = await judge(folder.path(mutant.file.name), mutant.file, { intact: mutant.intact });
    assert.equal(verdict.outcome, 'ok', JSON.stringify(verdict).slice(0, 400));
  });

  it('a flipped closing brace that is also not UTF-8: the elements after it are framed again, not lost', async () => {
    // bench/fuzz.ts --seed 1 --only 9 (540 mutants): '}' ^ 250 is 0x87; the record ran to the array's end and
    // was rejected whole as invalid UTF-8, its seven neighbours with it.
    const verdict = await check('telegram-messages', { kind: 'flip', record: 0, at: 0.998, mask: 250 });
    assert.ok(verdict.outcome === 'ok' && verdict.report !== null);
    assert.deepEqual(
      [verdict.report.rowsRead, verdict.report.rowsLoaded, verdict.report.rejections[0]?.reason],
      [8, 7, 'invalid UTF-8'],
    );
  });

  it('stray bytes before the last message of a chat: the array does not end at an inner bracket of that message', async () => {
    // bench/fuzz.ts --seed 7 --only 438 (1,000 mutants): a UTF-16 mark before '{' made the message a bare
    // value, ended by the ']' of its text_entities, which was then read as the end of the chat's messages.
    const verdict = await check('telegram-full-export', {
      kind: 'insert-utf16-bom',
      record: 2,
      at: 0.002,
      mask: 1,
    });
    assert.ok(verdict.outcome === 'ok' && verdict.report !== null);
    assert.deepEqual([verdict.report.rowsRead, verdict.report.rowsLoaded], [8, 7]);
  });

  it('a damaged message of a Telegram export is rejected alone, with its line (the file was refused before)', async () => {
    const d: Damage = { kind: 'insert-0x80', record: 4, at: 0.52, mask: 1 };
    const verdict = await check('telegram-export', d);
    assert.ok(verdict.outcome === 'ok' && verdict.report !== null);
    const mutant = damage('telegram-export', posts, d);
    const [start] = mutant.file.spans[4] as [number, number];
    const line = mutant.file.bytes.subarray(0, start).toString('latin1').split('\n').length;
    assert.deepEqual(
      verdict.report.rejections.map((r) => [r.reason, r.count, r.examples[0]?.line]),
      [['invalid UTF-8', 1, line]],
    );
  });

  it('a stray quote in the last message of a chat (full export): the chats after it load as themselves', async () => {
    // bench/fuzz.ts --seed 1 --only 68: the string ran past the chat's end; the messages of the two chats
    // after it were framed as the first chat's (or lost).
    const texts = [
      'نان کار آزادی #مهسا_امینی zw\u200cnj',
      'نان کار آزادی #مهسا_امینی نان کار آزادی #مهسا_امینی',
      'نان کار آزادی #مهسا_امینی a "quoted" word',
      'zw\u200cnj [a, b]',
      'https://www.example.com/a?utm_source=x',
      'plain text نان کار آزادی #مهسا_امینی',
      'bare\rCR https://www.example.com/a?utm_source=x',
      'bare\rCR comma, semicolon; tab\there',
    ];
    const d: Damage = { kind: 'insert-quote', record: 2, at: 0.900521679315716, mask: 1 };
    const mutant = damage('telegram-full-export', fuzzPosts(texts, 68), d);
    const verdict = await judge(folder.path(mutant.file.name), mutant.file, { intact: mutant.intact });
    assert.equal(verdict.outcome, 'ok', JSON.stringify(verdict).slice(0, 400));
  });

  it('a stray quote in a middle message of a chat (full export): the chat after it is not lost', async () => {
    // bench/fuzz.ts --seed 2 --only 548: the good record found after the damage closed the array, and what
    // the damaged record had read past it (the next chat) was dropped.
    const texts = [
      'zw\u200cnj {"not": "json"}',
      'زن زندگی آزادی two\nlines',
      'plain text a "quoted" word',
      'comma, semicolon; tab\there',
      'bare\rCR زن زندگی آزادی',
      'zw\u200cnj [a, b]',
      '@someone \\ backslash =HYPERLINK("http://x.y")',
      'bare\rCR {"not": "json"}',
    ];
    const d: Damage = { kind: 'insert-quote', record: 4, at: 0.09563534217886627, mask: 113 };
    const mutant = damage('telegram-full-export', fuzzPosts(texts, 548), d);
    const verdict = await judge(folder.path(mutant.file.name), mutant.file, { intact: mutant.intact });
    assert.equal(verdict.outcome, 'ok', JSON.stringify(verdict).slice(0, 400));
  });
});
