// The SQL normalisers (src/normalize/text.sql.ts) run through a real in-memory store, on the Persian and
// Arabic spellings campaigns mix, plus an oracle test of the NFKC trigger ranges against the running Node.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seededRandom } from '@lockstep/generate';
import { NFKC_TRIGGER_RANGES } from '../../src/normalize/_nfkc-ranges.js';
import { installNormalizers } from '../../src/normalize/index.js';
import { Store } from '../../src/store/index.js';

let store: Store;
before(async () => {
  store = await Store.open(':memory:');
  await installNormalizers(store);
});
after(() => store.close());

/** The value of `expr` with $1 bound to `input` (a VARCHAR, or NULL). */
async function value(expr: string, input: string | null, ...more: (string | null)[]): Promise<unknown> {
  const row = await store.one<{ v: unknown }>(`SELECT ${expr} AS v`, [input, ...more]);
  return row.v;
}
const fold = (s: string | null) => value('ls_fold($1::VARCHAR)', s);
const textNorm = (s: string | null) => value('ls_text_norm($1::VARCHAR)', s);
const tag = (s: string | null) => value('ls_tag($1::VARCHAR)', s);
const url = (s: string | null) => value('ls_url($1::VARCHAR)', s);
const tagsIn = (s: string | null) => value('ls_tags_in_text($1::VARCHAR)', s);
const urlsIn = (s: string | null) => value('ls_urls_in_text($1::VARCHAR)', s);
const mentionsIn = (s: string | null) => value('ls_mentions_in_text($1::VARCHAR)', s);
const listCell = (s: string | null) => value('ls_list_cell($1::VARCHAR)', s);
/** ls_time as an ISO string (milliseconds kept), or null. */
const time = async (s: string | null) => iso(await value('ls_time($1::VARCHAR)', s));
const timeIn = async (s: string | null, tz: string | null) =>
  iso(await value('ls_time_in($1::VARCHAR, $2::VARCHAR)', s, tz));

function iso(v: unknown): string | null {
  if (v === null) return null;
  assert.ok(v instanceof Date, `expected a timestamp, got ${String(v)}`);
  return v.toISOString();
}

const ZWNJ = '\u200c';

describe('ls_fold: Persian/Arabic-aware folding', () => {
  it('maps Arabic yeh, kaf and alef maksura to their Persian forms', async () => {
    // علي / كشور are how Arabic keyboards write علی / کشور.
    assert.equal(await fold('علي'), 'علی');
    assert.equal(await fold('كشور'), 'کشور');
    assert.equal(await fold('مصطفى'), 'مصطفی');
    assert.equal(await fold('يك'), await fold('یک'));
  });

  it('removes tatweel and diacritics (fatha, damma, kasra, shadda, superscript alef)', async () => {
    assert.equal(await fold('آزادیـــ'), 'آزادی');
    assert.equal(await fold('مـــهـسـا'), 'مهسا');
    assert.equal(await fold('آزادِی'), 'آزادی');
    assert.equal(await fold('مُحَمَّد'), 'محمد');
    assert.equal(await fold('رَحمٰن'), 'رحمن');
  });

  it('turns Persian and Arabic-Indic digits into ASCII', async () => {
    assert.equal(await fold('۱۴۰۱'), '1401');
    assert.equal(await fold('١٤٠١'), '1401');
    assert.equal(await fold('شهریور ۱۴۰۱'), 'شهریور 1401');
  });

  it('applies NFKC: Arabic presentation forms, fullwidth and mathematical letters', async () => {
    assert.equal(await fold('ﻣﻬﺴﺎ'), 'مهسا');
    assert.equal(await fold('ﻻ'), 'لا');
    assert.equal(await fold('ＡＢＣ１２３'), 'abc123');
    assert.equal(await fold('𝐇𝐞𝐥𝐥𝐨 𝑾𝒐𝒓𝒍𝒅'), 'hello world');
    assert.equal(await fold('ﬁ'), 'fi');
  });

  it('case-folds Latin and leaves other scripts as they are', async () => {
    assert.equal(await fold('IranRevolution'), 'iranrevolution');
    assert.equal(await fold('ÉLAN'), 'élan');
    assert.equal(await fold('زن زندگی آزادی'), 'زن زندگی آزادی');
  });

  it('removes invisible characters (zero-width space, RLM, BOM, soft hyphen, bidi controls)', async () => {
    assert.equal(await fold('مه\u200bسا'), 'مهسا');
    assert.equal(await fold('\u200fمهسا\u200f'), 'مهسا');
    assert.equal(await fold('\ufeffmahsa'), 'mahsa');
    assert.equal(await fold('ma\u00adhsa'), 'mahsa');
    assert.equal(await fold('\u202bمهسا\u202c'), 'مهسا');
  });

  it('keeps ZWNJ in ls_fold (it is a spelling choice ls_tag and ls_text_norm handle)', async () => {
    assert.equal(await fold(`می${ZWNJ}خواهم`), `می${ZWNJ}خواهم`);
  });

  it('passes NULL through', async () => {
    assert.equal(await fold(null), null);
  });

  it('gives every spelling variant of one slogan the same folded form', async () => {
    const variants = [
      'زن زندگی آزادی ۱۴۰۱',
      'زن زندگي آزادي ١٤٠١',
      'زن زنـدگی آزادی 1401',
      'زن زندگی\u200b آزادی ۱۴۰۱'.replace('\u200b ', ' '),
      'زَن زِندگی آزادی ۱۴۰۱',
    ];
    const folded = new Set(await Promise.all(variants.map(fold)));
    assert.deepEqual([...folded], ['زن زندگی آزادی 1401']);
  });
});

describe('ls_text_norm', () => {
  it('drops URLs, treats ZWNJ as a space and collapses whitespace', async () => {
    assert.equal(
      await textNorm(`  می${ZWNJ}خواهم   آزادی\n\nhttps://t.co/AbC123  #مهسا_امینی `),
      'می خواهم آزادی #مهسا_امینی',
    );
  });

  it('gives NULL for text that is only a link or blank', async () => {
    assert.equal(await textNorm('https://t.co/abc'), null);
    assert.equal(await textNorm('   '), null);
    assert.equal(await textNorm(null), null);
  });
});

describe('ls_tag', () => {
  it('treats ZWNJ, underscore and space as the same joiner', async () => {
    const expected = 'مهسا_امینی';
    assert.equal(await tag(`#مهسا${ZWNJ}امینی`), expected);
    assert.equal(await tag('#مهسا_امینی'), expected);
    assert.equal(await tag('مهسا امینی'), expected);
    assert.equal(await tag(`#مهسا${ZWNJ}_امینی`), expected);
  });

  it('folds the tag (Arabic letters, digits, case, fullwidth hash)', async () => {
    assert.equal(await tag('#اعتصابات_سراسري'), 'اعتصابات_سراسری');
    assert.equal(await tag('＃IranRevolution۲۰۲۲'), 'iranrevolution2022');
    assert.equal(await tag('##MahsaAmini'), 'mahsaamini');
  });

  it('gives NULL for an empty tag', async () => {
    assert.equal(await tag('#'), null);
    assert.equal(await tag('#__'), null);
    assert.equal(await tag(''), null);
  });
});

describe('ls_url: canonical URLs', () => {
  it('lower-cases the host, drops www. and the default port, keeps the path case', async () => {
    assert.equal(
      await url('https://WWW.BBC.com/Persian/Iran-62974123'),
      'https://bbc.com/Persian/Iran-62974123',
    );
    assert.equal(await url('https://www2.example.org:443/a'), 'https://example.org/a');
    assert.equal(await url('http://example.org:80/a'), 'https://example.org/a');
  });

  it('makes http and https equal', async () => {
    assert.equal(await url('http://iranintl.com/202209'), await url('https://iranintl.com/202209'));
  });

  it('drops tracking parameters and keeps the others, sorted', async () => {
    assert.equal(
      await url('https://example.com/news?utm_source=twitter&id=42&fbclid=IwAR0x&lang=fa&utm_medium=social'),
      'https://example.com/news?id=42&lang=fa',
    );
    assert.equal(await url('https://example.com/?gclid=abc&UTM_Campaign=x'), 'https://example.com');
    assert.equal(await url('https://example.com/p?b=2&a=1'), 'https://example.com/p?a=1&b=2');
  });

  it('drops trailing slashes and fragments', async () => {
    assert.equal(await url('https://example.com/a/b/'), 'https://example.com/a/b');
    assert.equal(await url('https://example.com/'), 'https://example.com');
    assert.equal(await url('https://example.com/a#comments'), 'https://example.com/a');
    assert.equal(await url('https://example.com/a?x=1#top'), 'https://example.com/a?x=1'); // A '?' inside the fragment does not start a query.
    assert.equal(await url('https://example.com/a#x?b=1'), 'https://example.com/a');
    assert.equal(await url('https://example.com/a?z=1#x?b=1'), 'https://example.com/a?z=1');
  });

  it('drops punctuation that ends a sentence around the link', async () => {
    assert.equal(await url('https://example.com/a.'), 'https://example.com/a');
    assert.equal(await url('https://example.com/a),'), 'https://example.com/a');
    assert.equal(await url('https://example.com/a!?'), 'https://example.com/a');
    assert.equal(await url('https://example.com/a…'), 'https://example.com/a');
  });

  it('gives NULL for what is not a URL', async () => {
    assert.equal(await url('example.com'), null);
    assert.equal(await url('not a url'), null);
    assert.equal(await url('http://'), null);
    assert.equal(await url('mailto:someone@example.com'), null);
    assert.equal(await url(''), null);
    assert.equal(await url(null), null);
  });
});

describe('extraction from text', () => {
  it('finds hashtags, folded, distinct and sorted', async () => {
    assert.deepEqual(await tagsIn(`برای #مهسا${ZWNJ}امینی و #مهسا_امینی #IranRevolution #iranrevolution`), [
      'iranrevolution',
      'مهسا_امینی',
    ]);
  });

  it('does not take URL fragments or a#b for hashtags', async () => {
    assert.deepEqual(await tagsIn('https://example.com/page#section a#b c&#d x_#y'), []);
    assert.deepEqual(await tagsIn('(#آزادی) "#Tag"'), ['tag', 'آزادی']);
  });

  it('finds mentions, lower-cased, but not the local part of an e-mail address', async () => {
    assert.deepEqual(await mentionsIn('@IranIntl و @bbcpersian. write to e@mail.com @BBCPersian'), [
      'bbcpersian',
      'iranintl',
    ]);
    assert.deepEqual(await mentionsIn('https://twitter.com/@someone'), []);
  });

  it('finds URLs in running text, canonical, without trailing punctuation', async () => {
    assert.deepEqual(
      await urlsIn(
        'ببینید: https://www.example.com/news/?utm_source=tg. و (http://Example.com/news) و https://t.co/Ab12"',
      ),
      ['https://example.com/news', 'https://t.co/Ab12'],
    );
    assert.deepEqual(await urlsIn('no link here'), []);
    assert.deepEqual(await urlsIn(null), []);
  });

  it('takes no link cut short in the text for a link (an ellipsis at its end, or a host without a dot)', async () => {
    // From the IRA's election-week tweets: retweets cut at 140 characters, and links cut before a space.
    assert.deepEqual(await urlsIn('#MAGA https://t… #TrumpForPresident'), []);
    assert.deepEqual(await urlsIn('#HillaryRottenClinton https://t.… #TrumpForPresident'), []);
    assert.deepEqual(await urlsIn('read https://t.c… now'), []);
    assert.deepEqual(await urlsIn('--https://w https://t.co/KtqoNhOrfY'), ['https://t.co/KtqoNhOrfY']);
    assert.deepEqual(await urlsIn('vote!http://media. https://t.co/Lv24odJlfd'), ['https://t.co/Lv24odJlfd']);
    assert.deepEqual(await urlsIn('https://example.com/a/long/pa… more'), []);
    // A whole link followed by an ellipsis after a space is kept; so is a listed link to an IPv6 host.
    assert.deepEqual(await urlsIn('see https://example.com/a …'), ['https://example.com/a']);
    assert.equal(await url('http://[2001:db8::1]/x'), 'https://[2001:db8::1]/x');
    assert.equal(await url('https://localhost/x'), null);
  });
});

describe('ls_list_cell', () => {
  it('reads Python- and JSON-style list cells', async () => {
    assert.deepEqual(await listCell("['SyrianArmy', 'Hama']"), ['SyrianArmy', 'Hama']);
    assert.deepEqual(await listCell('[a, b]'), ['a', 'b']);
    assert.deepEqual(await listCell('["مهسا_امینی"]'), ['مهسا_امینی']);
    assert.deepEqual(await listCell('a'), ['a']);
  });

  it('keeps a quoted item whole when it holds a comma', async () => {
    assert.deepEqual(await listCell("['https://maps.google.com/@35.7,51.4,12z', 'https://t.co/x']"), [
      'https://maps.google.com/@35.7,51.4,12z',
      'https://t.co/x',
    ]);
    assert.deepEqual(await listCell("[\"don't\", 'x']"), ["don't", 'x']);
  });

  it('gives an empty list for [], an empty cell and NULL', async () => {
    assert.deepEqual(await listCell('[]'), []);
    assert.deepEqual(await listCell(''), []);
    assert.deepEqual(await listCell('  '), []);
    assert.deepEqual(await listCell(null), []);
  });
});

describe('ls_time', () => {
  it('reads epoch seconds and milliseconds', async () => {
    assert.equal(await time('1664663672'), '2022-10-01T22:34:32.000Z');
    assert.equal(await time('1664663672.5'), '2022-10-01T22:34:32.500Z');
    assert.equal(await time('1664663672123'), '2022-10-01T22:34:32.123Z');
  });

  it('reads ISO 8601 with Z, with an offset, and without a zone (UTC)', async () => {
    assert.equal(await time('2022-09-21T18:30:05Z'), '2022-09-21T18:30:05.000Z');
    assert.equal(await time('2022-09-21T22:00:05+03:30'), '2022-09-21T18:30:05.000Z');
    assert.equal(await time('2022-09-21T18:30:05.000Z'), '2022-09-21T18:30:05.000Z');
    assert.equal(await time('2024-12-04T08:50:11+00:00'), '2024-12-04T08:50:11.000Z');
    assert.equal(await time('2022-09-21T18:30:05'), '2022-09-21T18:30:05.000Z');
  });

  it('reads the IO archive form YYYY-MM-DD HH:MM', async () => {
    assert.equal(await time('2017-08-06 08:15'), '2017-08-06T08:15:00.000Z');
    assert.equal(await time(' 2017-08-06 08:15 '), '2017-08-06T08:15:00.000Z');
  });

  it('reads the API v1.1 form', async () => {
    assert.equal(await time('Tue Dec 08 18:54:01 +0000 2009'), '2009-12-08T18:54:01.000Z');
    assert.equal(await time('Wed Sep 21 22:00:05 +0330 2022'), '2022-09-21T18:30:05.000Z');
  });

  it('gives NULL for what is not a time', async () => {
    assert.equal(await time('2018-13-01 10:00'), null);
    assert.equal(await time('2018-02-30 10:00'), null);
    assert.equal(await time('garbage'), null);
    assert.equal(await time(''), null);
    assert.equal(await time(null), null);
  });
});

describe('ls_time_in', () => {
  it('reads a time without a zone as local time in the zone, across daylight saving', async () => {
    // US Central: CDT (UTC-5) until 2016-11-06, CST (UTC-6) after.
    assert.equal(await timeIn('2016-11-08 20:00', 'America/Chicago'), '2016-11-09T02:00:00.000Z');
    assert.equal(await timeIn('2016-11-08 20:00:00', 'America/Chicago'), '2016-11-09T02:00:00.000Z');
    assert.equal(await timeIn('2016-07-04 12:00', 'America/Chicago'), '2016-07-04T17:00:00.000Z');
  });

  it('leaves times that carry a zone, and epoch times, as they are', async () => {
    assert.equal(await timeIn('2016-11-08T20:00:00Z', 'America/Chicago'), '2016-11-08T20:00:00.000Z');
    assert.equal(await timeIn('2016-11-08T20:00:00+01:00', 'America/Chicago'), '2016-11-08T19:00:00.000Z');
    assert.equal(await timeIn('1478635200', 'America/Chicago'), '2016-11-08T20:00:00.000Z');
    assert.equal(
      await timeIn('Tue Nov 08 20:00:00 +0000 2016', 'America/Chicago'),
      '2016-11-08T20:00:00.000Z',
    );
  });

  it('reads as UTC when the zone is NULL, and gives NULL for unreadable times', async () => {
    assert.equal(await timeIn('2016-11-08 20:00', null), '2016-11-08T20:00:00.000Z');
    assert.equal(await timeIn('garbage', 'America/Chicago'), null);
    assert.equal(await timeIn(null, 'America/Chicago'), null);
  });
});

/** Parses NFKC_TRIGGER_RANGES into a membership table over every code point. */
function triggerTable(): Uint8Array {
  const table = new Uint8Array(0x110000);
  for (const range of NFKC_TRIGGER_RANGES.trim().split(/\s+/)) {
    const [lo, hi = lo] = range.split('-').map((h) => Number.parseInt(h, 16));
    if (lo === undefined || hi === undefined || !(lo <= hi && hi <= 0x10ffff)) {
      assert.fail(`bad range "${range}" in NFKC_TRIGGER_RANGES`);
    }
    table.fill(1, lo, hi + 1);
  }
  return table;
}

const isSurrogate = (cp: number) => cp >= 0xd800 && cp <= 0xdfff;

describe('NFKC trigger ranges (oracle: the running Node)', () => {
  const table = triggerTable();

  it('cover every code point that NFKC changes and every combining mark', () => {
    const missing: string[] = [];
    const mark = /\p{M}/u;
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (isSurrogate(cp) || table[cp] === 1) continue;
      const ch = String.fromCodePoint(cp);
      if (ch.normalize('NFKC') !== ch || mark.test(ch)) missing.push(cp.toString(16));
    }
    assert.deepEqual(missing.slice(0, 20), [], `${missing.length} code points outside the ranges`);
  });

  it('leave strings made only of code points outside them unchanged by NFKC (2,000 seeded strings)', () => {
    const rng = seededRandom(20220916);
    const draw = (): number => {
      for (;;) {
        // Mostly the BMP (where scripts and their compositions live), sometimes any plane.
        const cp = rng() < 0.8 ? Math.floor(rng() * 0x10000) : Math.floor(rng() * 0x110000);
        if (!isSurrogate(cp) && table[cp] === 0) return cp;
      }
    };
    // Also strings drawn from blocks where composition happens (Latin, Arabic, Indic, Hangul jamo).
    const blocks: [number, number][] = [
      [0x0000, 0x024f],
      [0x0600, 0x06ff],
      [0x0900, 0x0dff],
      [0x1100, 0x11ff],
      [0xac00, 0xd7a3],
    ];
    const drawNear = (): number => {
      for (;;) {
        const [lo, hi] = blocks[Math.floor(rng() * blocks.length)] as [number, number];
        const cp = lo + Math.floor(rng() * (hi - lo + 1));
        if (table[cp] === 0) return cp;
      }
    };
    const failures: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const pick = i % 2 === 0 ? draw : drawNear;
      const length = 1 + Math.floor(rng() * 12);
      const s = String.fromCodePoint(...Array.from({ length }, pick));
      if (s.normalize('NFKC') !== s)
        failures.push([...s].map((c) => c.codePointAt(0)?.toString(16)).join(' '));
    }
    assert.deepEqual(failures, []);
  });
});
