// A run's warnings in plain words, each with what the user can do about it, built from the structured
// figures of networks.json (not from detection's own wording, which speaks to the method's reader) so the
// report, the UI and the CLI say the same short thing. Shared by all three; no DOM.

export interface WarningFigures {
  /** networks.json `population`: absent in run folders written before it existed. */
  population: { activityInCandidates: number; warning: string | null } | null;
  /** Posts without a time (left out of detection). */
  untimedPosts: number;
}

/** The run's warnings, most serious first, as plain sentences without a "Warning:" prefix. */
export function runWarnings(f: WarningFigures): string[] {
  const out: string[] = [];
  // Detection decides when the population is thin (its `warning` is set); the words are the reader's.
  if (f.population !== null && f.population.warning !== null) {
    const share = Math.floor(f.population.activityInCandidates * 100);
    out.push(
      `${share}% of all activity is by accounts in suspected groups, leaving few others to compare them ` +
        'with: networks may be missed, or one campaign reported in parts. To fix this, add posts by other ' +
        'accounts active at the same time (for example, everyone who used the same hashtags) and analyse again.',
    );
  }
  if (f.untimedPosts > 0) {
    const n = f.untimedPosts.toLocaleString('en-US');
    out.push(
      `${n} post${f.untimedPosts === 1 ? ' has' : 's have'} no time and took no part in detection, which ` +
        'compares when accounts post. If your CSV has a time column lockstep did not recognise, name it with ' +
        '--map time=COLUMN.',
    );
  }
  return out;
}
