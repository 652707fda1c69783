// The member rule's multiple-testing control: Holm's step-down procedure at a family-wise error of 5% over a
// group's members (src/networks/detect.ts, `holm`), checked against the procedure worked by hand and against
// Bonferroni's single level, which it must never keep fewer than.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { normalUpperTail, zFromUpperTail } from '../../src/networks/_poisson.js';
import type { MemberChance } from '../../src/networks/chance.js';
import { holm } from '../../src/networks/judge.js';

const member = (tail: number, beyondChance = true): MemberChance => ({
  zScore: zFromUpperTail(tail),
  ratio: 10,
  signal: 'corepost',
  beyondChance,
});

describe('holm', () => {
  it('steps down: 0.001, 0.01, 0.02 pass their levels 0.05/4, 0.05/3, 0.05/2 and 0.3 fails 0.05', () => {
    const scores = new Map([
      [1, member(0.02)],
      [2, member(0.001)],
      [3, member(0.3)],
      [4, member(0.01)],
    ]);
    // Bonferroni (0.0125 for each) would keep 2 and 4 only.
    assert.deepEqual(holm([1, 2, 3, 4], scores).sort(), [1, 2, 4]);
  });

  it('stops at the first tail over its level, whatever comes after', () => {
    const scores = new Map([
      [1, member(0.001)],
      [2, member(0.03)],
      [3, member(0.031)],
    ]);
    // 0.001 <= 0.05/3; 0.03 > 0.05/2, so 0.031 (<= 0.05) is not reached.
    assert.deepEqual(holm([1, 2, 3], scores), [1]);
  });

  it('counts every member of the group, those without a score or failing the other levels among them', () => {
    const scores = new Map([
      [1, member(0.01)],
      [2, member(1e-9, false)],
    ]);
    // n = 5: 0.01 against 0.05/5 passes; member 2 failed its ratio or item-window level and is not kept.
    assert.deepEqual(holm([1, 2, 3, 4, 5], scores), [1]);
    assert.deepEqual(holm([1, 2, 3, 4, 5, 6], scores), []);
  });

  it('keeps every member Bonferroni keeps, and none unless the smallest tail is within its level', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e-12, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (tails) => {
          // The tails as the member rule sees them, through the z they are stored as.
          const seen = tails.map((t) => normalUpperTail(zFromUpperTail(t)));
          const group = tails.map((_, i) => i);
          const scores = new Map(tails.map((t, i) => [i, member(t)]));
          const kept = new Set(holm(group, scores));
          for (const [i, t] of seen.entries()) if (t <= 0.05 / tails.length) assert.ok(kept.has(i));
          if (kept.size > 0)
            assert.ok(Math.min(...[...kept].map((i) => seen[i] as number)) <= 0.05 / tails.length + 1e-15);
        },
      ),
    );
  });
});
