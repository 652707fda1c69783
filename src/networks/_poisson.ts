// Small-count significance: the upper tail of a Poisson count, expressed as a one-sided z-score so it reads
// on the same scale as the large-count scores. Used where a member met the rest of its network on only a
// few item-windows, where the normal approximation (and any variance floor) would be arbitrary.

/**
 * P(X >= k) for X ~ Poisson(mean), summed in log space from the mode's side of k, so that large means
 * (a network's thousands of expected pairs, where e^-mean underflows) keep their tails: above the mean,
 * the terms from k up; at or below it, one minus the terms below k, summed from k - 1 down.
 */
export function poissonUpperTail(k: number, mean: number): number {
  if (k <= 0) return 1;
  if (mean <= 0) return 0;
  const logTerm = (i: number) => -mean + i * Math.log(mean) - logFactorial(i);
  // Terms fall off like a normal of sd sqrt(mean) away from the mode: 40 sd is far past double precision.
  const reach = Math.ceil(40 * Math.sqrt(mean)) + 50;
  if (k > mean) {
    let term = Math.exp(logTerm(k));
    let tail = 0;
    for (let i = k; i < k + reach && term > tail * 1e-17; i++) {
      tail += term;
      term *= mean / (i + 1);
    }
    return Math.min(1, tail);
  }
  let term = Math.exp(logTerm(k - 1));
  let below = 0;
  for (let i = k - 1; i >= 0 && i > k - 1 - reach && term > below * 1e-17; i--) {
    below += term;
    term *= i / mean;
  }
  return Math.max(0, 1 - below);
}

/** ln n!, summed exactly for small n and by Stirling's series beyond (relative error under 1e-12 there). */
function logFactorial(n: number): number {
  if (n < 64) {
    let sum = 0;
    for (let i = 2; i <= n; i++) sum += Math.log(i);
    return sum;
  }
  return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + 1 / (12 * n) - 1 / (360 * n ** 3);
}

/**
 * P(Z >= z) for a standard normal, from the complementary error function (the Chebyshev fit of Numerical
 * Recipes' erfcc, fractional error under 1.2e-7 everywhere).
 */
export function normalUpperTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const coefficients = [
    -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587,
    -0.82215223, 0.17087277,
  ];
  let poly = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) poly = poly * t + (coefficients[i] as number);
  const erfc = t * Math.exp(-x * x + poly);
  return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}

/** The z with the same upper-tail probability under a standard normal (Acklam's inverse, |error| < 1.2e-9). */
export function zFromUpperTail(p: number): number {
  if (p <= 0) return 40;
  if (p >= 1) return -40;
  return -inverseNormal(p);
}

function inverseNormal(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
      ((((d0 * q + d1) * q + d2) * q + d3) * q + 1)
    );
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return (
      -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
      ((((d0 * q + d1) * q + d2) * q + d3) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
    (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
  );
}

/**
 * P(X >= k) for X the number of successes in independent trials with chances `p` (Poisson-binomial),
 * tracked directly (the mass at k or more is one cell), so that tiny tails keep their precision. O(n k).
 */
export function poissonBinomialUpperTail(k: number, p: readonly number[]): number {
  if (k <= 0) return 1;
  if (k > p.length) return 0;
  const dp = new Float64Array(k + 1);
  dp[0] = 1;
  for (const raw of p) {
    const q = Math.min(1, Math.max(0, raw));
    dp[k] = (dp[k] as number) + (dp[k - 1] as number) * q;
    for (let j = k - 1; j >= 1; j--) dp[j] = (dp[j] as number) * (1 - q) + (dp[j - 1] as number) * q;
    dp[0] = (dp[0] as number) * (1 - q);
  }
  return Math.min(1, dp[k] as number);
}

/**
 * Q(a, x) = P(X >= x) for X ~ Gamma(shape a, scale 1): the regularized upper incomplete gamma function, by its
 * power series below a + 1 and its continued fraction (evaluated by Lentz's method) above, with the common
 * factor x^a e^-x / Gamma(a) taken in log space so that tiny tails keep their precision.
 */
export function gammaUpperTail(a: number, x: number): number {
  if (x <= 0) return 1;
  if (a <= 0) return 0;
  const logFactor = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 100_000 && term > sum * 1e-16; n++) {
      term *= x / (a + n);
      sum += term;
    }
    return Math.min(1, Math.max(0, 1 - Math.exp(logFactor) * sum));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-16) break;
  }
  return Math.min(1, Math.exp(logFactor) * h);
}

/** ln Gamma(a) for a > 0: Stirling's series from 10 up, the recurrence Gamma(a + 1) = a Gamma(a) below. */
function logGamma(a: number): number {
  let shift = 0;
  let y = a;
  while (y < 10) {
    shift += Math.log(y);
    y += 1;
  }
  const series = 1 / (12 * y) - 1 / (360 * y ** 3) + 1 / (1260 * y ** 5);
  return (y - 0.5) * Math.log(y) - y + 0.5 * Math.log(2 * Math.PI) + series - shift;
}
