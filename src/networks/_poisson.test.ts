// The small-count and normal tails against values from standard tables, and the z conversion's round trip.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  gammaUpperTail,
  normalUpperTail,
  poissonBinomialUpperTail,
  poissonUpperTail,
  zFromUpperTail,
} from './_poisson.js';

const close = (actual: number, expected: number, relative: number) =>
  assert.ok(Math.abs(actual - expected) <= relative * expected, `${actual} vs ${expected}`);

describe('tails', () => {
  it('normal upper tail matches tabulated values', () => {
    close(normalUpperTail(0), 0.5, 1e-6);
    close(normalUpperTail(1.959964), 0.025, 1e-5);
    close(normalUpperTail(3), 1.349898e-3, 1e-5);
    close(normalUpperTail(5), 2.866516e-7, 1e-5);
    close(normalUpperTail(-1), 0.8413447, 1e-6);
  });

  it('z from a tail inverts the normal tail', () => {
    for (const z of [-2, 0.5, 2, 4, 6])
      assert.ok(Math.abs(zFromUpperTail(normalUpperTail(z)) - z) < 1e-4, String(z));
  });

  it('Poisson upper tail matches direct sums', () => {
    // P(X >= 3 | mean 0.5) = 1 - e^-0.5 (1 + 0.5 + 0.125)
    close(poissonUpperTail(3, 0.5), 1 - Math.exp(-0.5) * 1.625, 1e-9);
    // P(X >= 2 | mean 3) = 1 - e^-3 (1 + 3)
    close(poissonUpperTail(2, 3), 1 - Math.exp(-3) * 4, 1e-9);
    // Tiny tails far above the mean: P(X >= 20 | mean 1) is dominated by its first term, 1/(e 20!).
    close(poissonUpperTail(20, 1), (1 / (Math.E * 2432902008176640000)) * (1 + 1 / 21 + 1 / (21 * 22)), 1e-3);
    // Means where e^-mean underflows: a Poisson of mean 1650 is close to a normal of sd 40.6, so 1 sd up
    // leaves about 16% (the continuity-corrected normal, within a skew of about 1/sqrt(mean)), and the
    // far tail is tiny but not zero; 1 sd down leaves about 84%.
    close(poissonUpperTail(1691, 1650), normalUpperTail((1690.5 - 1650) / Math.sqrt(1650)), 0.03);
    close(poissonUpperTail(1609, 1650), normalUpperTail((1608.5 - 1650) / Math.sqrt(1650)), 0.01);
    const far = poissonUpperTail(2442, 1650);
    assert.ok(far > 0 && far < 1e-60, String(far));
    assert.equal(poissonUpperTail(0, 2), 1);
    assert.equal(poissonUpperTail(2, 0), 0);
  });

  it('Poisson-binomial upper tail matches the binomial and direct enumeration', () => {
    // Binomial(10, 0.2): P(X >= 3) = 1 - sum_{j<3} C(10, j) 0.2^j 0.8^(10-j)
    const below = 0.8 ** 10 + 10 * 0.2 * 0.8 ** 9 + 45 * 0.04 * 0.8 ** 8;
    close(poissonBinomialUpperTail(3, Array(10).fill(0.2)), 1 - below, 1e-9);
    // Unequal chances, by enumeration: P(all three) and P(at least two).
    close(poissonBinomialUpperTail(3, [0.1, 0.5, 0.9]), 0.045, 1e-9);
    close(poissonBinomialUpperTail(2, [0.1, 0.5, 0.9]), 0.1 * 0.5 + 0.1 * 0.9 + 0.5 * 0.9 - 2 * 0.045, 1e-9);
    // Tiny tails keep their precision: twelve of twelve at 0.01.
    close(poissonBinomialUpperTail(12, Array(12).fill(0.01)), 1e-24, 1e-6);
    assert.equal(poissonBinomialUpperTail(0, [0.5]), 1);
    assert.equal(poissonBinomialUpperTail(2, [0.5]), 0);
  });

  it('gamma upper tail matches the regularized incomplete gamma function', () => {
    // Q(a, x) from SciPy's gammaincc; Q(1, x) is e^-x, and Q(200, 560) is far beyond the normal's reach.
    close(gammaUpperTail(1, 3), 0.04978706836786395, 1e-10);
    close(gammaUpperTail(5, 12), 0.007600390681066992, 1e-10);
    close(gammaUpperTail(20, 40), 0.0001763028977385677, 1e-10);
    close(gammaUpperTail(200, 560), 1.899645791571886e-69, 1e-8);
    close(gammaUpperTail(0.5, 0.1), 0.6547208460185768, 1e-10);
    close(gammaUpperTail(3.3, 1.2), 0.9157848655703087, 1e-10);
    close(gammaUpperTail(100, 80), 0.9828916869648668, 1e-10);
  });
});
