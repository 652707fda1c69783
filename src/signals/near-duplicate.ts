// Near-duplicate text: posts whose normalised texts share most of their word bigrams, exact copies included.
// MinHash (Broder 1997) estimates the Jaccard similarity of the bigram sets; LSH banding (Indyk & Motwani
// 1998; Leskovec, Rajaraman & Ullman, "Mining of Massive Datasets" ch. 3) puts similar texts in a common
// bucket without comparing all pairs. Texts linked through shared buckets form one text family, which is
// the shared item. A text's family is the smallest text id among the texts it shares a bucket with (one hop):
// following chains further would merge unrelated texts that each overlap the next a little, which is what
// posts composed from common phrases do. Work is per distinct text, so a template posted 10,000 times is
// hashed once.
//
// The texts compared are without their hashtags and mentions, which are signals of their own. Copy-paste
// campaigns vary them to get past exact matching (a tag moved to the front, a second tag, a spelling variant
// of it), and in a short text each changes a good share of the bigrams: six words with a tag before them
// share five of seven bigrams with the same six words and the tag after them (Jaccard 0.71, linked 71% of
// the time by the 6 x 5 banding; with a second tag, 0.63 and 45%); without the tags they are one text. Emoji
// and punctuation stay: taking them out too merged two Telegram channel families that print the same wire
// stories with their own decorations (../shared/data/real/telegram-ru-news, test/real/detection.test.ts).
import type { Store } from '../store/index.js';
import { type SignalOptions, signalCode } from './_common.js';

const PROPAGATION_ROUNDS = 1;

/** A normalised text without its hashtags and mentions, as SQL, its spaces collapsed. */
const withoutTags = (text: string) =>
  `trim(regexp_replace(regexp_replace(${text}, '[#@][^\\s]*', ' ', 'g'), '\\s+', ' ', 'g'))`;

/** The i-th MinHash function's mask: (i + 1) times the 64-bit golden ratio, modulo 2^64. */
const mask = (i: number) => ((BigInt(i + 1) * 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn).toString();

export async function touchNearDuplicates(
  store: Store,
  options: Pick<SignalOptions, 'minWords' | 'minhashBands' | 'minhashRows'>,
): Promise<{ texts: number; families: number }> {
  const { minWords, minhashBands: bands, minhashRows: rows } = options;
  const k = bands * rows;
  // Each function hashes the shingle's hash masked by its own constant. DuckDB's hash(sh, i) is one hash
  // XOR a constant per i (hash(x, 1) XOR hash(x, 2) is the same for every x), so its minima were one
  // permutation seen through k masks, not k independent ones (test/signals/minhash-oracle.test.ts).
  const mins = Array.from({ length: k }, (_, i) => `min(hash(xor(sh, ${mask(i)}::UBIGINT))) AS h${i}`).join(
    ', ',
  );
  const bandKeys = Array.from({ length: bands }, (_, b) => {
    const cols = Array.from({ length: rows }, (_, r) => `h${b * rows + r}`).join(', ');
    return `hash(${b}, ${cols})`;
  }).join(', ');
  await store.run(`
    CREATE OR REPLACE TEMP TABLE _txn AS
      SELECT text_norm, ${withoutTags('text_norm')} AS words
      FROM (SELECT DISTINCT text_norm FROM _p WHERE kind <> 'repost' AND text_norm IS NOT NULL);
    CREATE OR REPLACE TEMP TABLE _tx AS
      SELECT (row_number() OVER (ORDER BY words) - 1)::INTEGER AS tid, words, string_split(words, ' ') AS w
      FROM (SELECT DISTINCT words FROM _txn)
      WHERE len(string_split(words, ' ')) >= ${minWords};
    CREATE OR REPLACE TEMP TABLE _band AS
      SELECT tid, unnest([${bandKeys}]) AS bkey
      FROM (SELECT tid, ${mins}
            FROM (SELECT tid, hash(w[i], w[i + 1]) AS sh FROM (SELECT tid, w, unnest(range(1, len(w))) AS i FROM _tx))
            GROUP BY tid);
    -- Only buckets holding two or more texts link anything.
    CREATE OR REPLACE TEMP TABLE _band2 AS
      SELECT tid, bkey FROM _band WHERE bkey IN (SELECT bkey FROM _band GROUP BY bkey HAVING count(*) > 1);
    CREATE OR REPLACE TEMP TABLE _fam AS SELECT DISTINCT tid, tid AS fam FROM _band2;
  `);
  for (let round = 0; round < PROPAGATION_ROUNDS; round++) {
    await store.run(`
      CREATE OR REPLACE TEMP TABLE _fam AS
        WITH bucket AS (SELECT b.bkey, min(f.fam) AS fam FROM _band2 b JOIN _fam f USING (tid) GROUP BY b.bkey)
        SELECT b.tid, min(bucket.fam) AS fam FROM _band2 b JOIN bucket USING (bkey) GROUP BY b.tid`);
  }
  await store.run(`
    INSERT INTO _touch
    SELECT ${signalCode('neardup')}, hash('t', coalesce(f.fam, x.tid)), p.aid, p.t, p.pid
    FROM _p p JOIN _txn n ON p.text_norm = n.text_norm JOIN _tx x ON x.words = n.words LEFT JOIN _fam f ON f.tid = x.tid
    WHERE p.kind <> 'repost';
    DROP TABLE _band; DROP TABLE _band2; DROP TABLE _txn;
  `);
  const row = await store.one<{ texts: bigint; families: bigint }>(
    `SELECT (SELECT count(*) FROM _tx) AS texts, (SELECT count(DISTINCT fam) FROM _fam) AS families`,
  );
  return { texts: Number(row.texts), families: Number(row.families) };
}
