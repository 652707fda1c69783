// A network's z-score as odds a reader understands: "independent accounts would do this less than once in
// a million datasets". The conversion, stated once (the report's Methods repeat it):
//   p = looks × Q(z), looks = 2.5 × signals run × candidates tested,
// where z is the network's headline z (its strongest signal's binding test) and Q the upper tail of the
// standard normal. The factors are Bonferroni's, over everything the run looked at: a signal binds when any
// of its four tests clears the level, and together they err at most 2.5 times as often as one (docs/method.md,
// the chance model); the network is the best of its signals; and it is one of the candidates tested. Q(z) is
// taken as its upper bound φ(z)/z (Mills' ratio; Gordon 1941), which never understates the tail and is
// within 10% of it from z = 3. The odds are then rounded down to a power of ten, and never stated beyond one
// in a billion (MAX_ODDS_LOG10): that far out the figure rests on the tail of a normal approximation to a
// count, not on anything a reader could check, and an accused party would rightly contest it.

/** The largest odds the report states, as a power of ten: one in a billion. */
export const MAX_ODDS_LOG10 = 9;

const LN10 = Math.log(10);

/** log10 of the bound φ(z)/z on the standard normal's upper tail, or 0 (p = 1) where it says nothing. */
export function log10NormalTailBound(z: number): number {
  if (!(z > 1)) return 0;
  const lnPhi = -(z * z) / 2 - 0.5 * Math.log(2 * Math.PI);
  return Math.min(0, (lnPhi - Math.log(z)) / LN10);
}

export interface ChanceOdds {
  /** log10 of p (at most 0): the chance that independent accounts would show this, all looks counted. */
  log10p: number;
  /** The odds stated: "once in 10^k datasets", k rounded down and capped at MAX_ODDS_LOG10. */
  k: number;
  /** True when the odds are beyond MAX_ODDS_LOG10 and were capped. */
  capped: boolean;
  /** "less than once in a million datasets" (or "about once in 4 datasets" when p is not small). */
  words: string;
}

const POWERS = [
  'one',
  'ten',
  'a hundred',
  'a thousand',
  'ten thousand',
  'a hundred thousand',
  'a million',
  'ten million',
  'a hundred million',
  'a billion',
];

/** The odds for a network of headline `zScore`, judged among `candidates` candidates on `signals` signals. */
export function chanceOdds(zScore: number, signals: number, candidates: number): ChanceOdds {
  const looks = 2.5 * Math.max(1, signals) * Math.max(1, candidates);
  const log10p = Math.min(0, log10NormalTailBound(zScore) + Math.log10(looks));
  const exact = Math.floor(-log10p + 1e-9);
  const k = Math.min(exact, MAX_ODDS_LOG10);
  if (k < 1) {
    const once = Math.max(1, Math.round(10 ** -log10p));
    return {
      log10p,
      k: 0,
      capped: false,
      words: once <= 1 ? 'often' : `about once in ${once} datasets`,
    };
  }
  return { log10p, k, capped: exact > MAX_ODDS_LOG10, words: `less than once in ${POWERS[k]} datasets` };
}
