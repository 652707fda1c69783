// Why a candidate group was set aside as within chance, in words: one wording for the report, the UI and
// `lockstep analyze --show-set-aside` (the reasons are networks.json's, src/networks/set-aside.ts).
import type { SetAsideCandidate } from '../../networks/index.js';

export function setAsideReason(
  c: Pick<SetAsideCandidate, 'reason' | 'kept' | 'size' | 'binding'>,
  minAccounts: number,
): string {
  const n = (value: number | null) => (value ?? 0).toLocaleString('en-US');
  if (c.reason === 'not-bound') return 'no signal beyond chance';
  if (c.reason === 'too-few-kept')
    return `the member rule kept ${n(c.kept)} of ${n(c.size)} (fewer than ${n(minAccounts)})`;
  return `its ${n(c.kept)} kept members no longer bound on ${c.binding.join(', ')}`;
}
