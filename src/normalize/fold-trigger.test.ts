// Oracle test (the running Node's NFKC) for FOLD_INERT_RANGES: a text whose only NFKC triggers are inert
// folds the same whether or not it goes through NFKC, so ls_fold may skip the JS call for it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seededRandom } from '@lockstep/generate';
import { Store } from '../store/index.js';
import {
  ARABIC_MARKS,
  CASED,
  FOLD_INERT_RANGES,
  FOLD_TRIGGER_CLASS,
  INVISIBLES,
  installNormalizers,
  mapLettersAndDigits,
  NFKC_TRIGGER_CLASS,
  nfkcMap,
} from './text.sql.js';

/** An RE2 class written with \x{...} as a JS regular expression. */
const jsRegExp = (re2: string, flags: string) =>
  new RegExp(re2.replace(/\\x\{([0-9a-fA-F]+)\}/g, '\\u{$1}'), `${flags}u`);
const removed = jsRegExp(`${ARABIC_MARKS}|${INVISIBLES}`, 'g');
const trigger = jsRegExp(NFKC_TRIGGER_CLASS, '');
const foldTrigger = jsRegExp(FOLD_TRIGGER_CLASS, '');
/** ls_fold before lower(), the JS way: the NFKC branch, and the translate branch with the same mapping. */
const viaNfkc = (s: string) => nfkcMap(s).replace(removed, '');
const viaMap = (s: string) => mapLettersAndDigits(s).replace(removed, '');

describe('FOLD_INERT_RANGES (oracle: the running Node)', () => {
  const inert = FOLD_INERT_RANGES.flatMap(([lo, hi]) =>
    Array.from({ length: hi - lo + 1 }, (_, i) => lo + i),
  );

  it('holds only triggers, each of which NFKC leaves as it is', () => {
    for (const cp of inert) {
      const ch = String.fromCodePoint(cp);
      assert.ok(trigger.test(ch) && !foldTrigger.test(ch), cp.toString(16));
      assert.equal(ch.normalize('NFKC'), ch, cp.toString(16));
    }
  });

  it('folds texts of inert and non-trigger code points the same with or without NFKC (4,000 seeded strings)', () => {
    const rng = seededRandom(20221008);
    // Arabic letters and digits (which compose with marks), Latin with precomposed letters, emoji, and
    // any BMP code point that is not a trigger.
    const pools: [number, number][] = [
      [0x0600, 0x06ff],
      [0x0041, 0x024f],
      [0x1f300, 0x1f64f],
      [0x0000, 0xffff],
    ];
    const draw = (): string => {
      for (;;) {
        const cp =
          rng() < 0.4
            ? (inert[Math.floor(rng() * inert.length)] as number)
            : (([lo, hi]) => lo + Math.floor(rng() * (hi - lo + 1)))(
                pools[Math.floor(rng() * pools.length)] as [number, number],
              );
        if (cp >= 0xd800 && cp <= 0xdfff) continue;
        const ch = String.fromCodePoint(cp);
        if (!foldTrigger.test(ch)) return ch;
      }
    };
    const failures: string[] = [];
    for (let i = 0; i < 4000; i++) {
      const s = Array.from({ length: 1 + Math.floor(rng() * 10) }, draw).join('');
      if (viaNfkc(s) !== viaMap(s))
        failures.push([...s].map((c) => c.codePointAt(0)?.toString(16)).join(' '));
    }
    assert.deepEqual(failures.slice(0, 10), []);
  });
});

describe('ls_fold on inert triggers', () => {
  let store: Store;
  before(async () => {
    store = await Store.open(':memory:');
    await installNormalizers(store);
  });
  after(() => store.close());

  it('keeps variation selectors and drops harakat in any order, as NFKC would', async () => {
    const fold = async (s: string) =>
      (await store.one<{ v: string }>(`SELECT ls_fold($1::VARCHAR) AS v`, [s])).v;
    assert.equal(await fold('❤\ufe0f آزادی\u064b'), '❤\ufe0f آزادی');
    // Shadda then fatha is out of canonical order (NFKC would swap them); the fold drops both anyway.
    assert.equal(await fold('م\u0651\u064eحمد IRAN'), 'محمد iran');
  });
});

describe('CASED (oracle: the engine)', () => {
  it("holds every code point DuckDB's lower() changes, so ls_fold may skip lower() on texts without one", async () => {
    const store = await Store.open(':memory:');
    try {
      const { changed, missed } = await store.one<{ changed: bigint; missed: number[] }>(`
        WITH c AS (SELECT i, chr(i::INTEGER) AS ch FROM range(1, 1114112) t(i) WHERE i < 55296 OR i > 57343)
        SELECT count(*) FILTER (WHERE lower(ch) <> ch) AS changed,
          coalesce(list(i) FILTER (WHERE lower(ch) <> ch AND NOT regexp_matches(ch, '${CASED}'))[1:10], []) AS missed
        FROM c`);
      assert.ok(changed > 1000n, `lower() changed only ${changed} code points`);
      assert.deepEqual(missed, []);
    } finally {
      store.close();
    }
  });
});
