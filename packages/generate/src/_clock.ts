// Time for the generator: seconds since the dataset's start, drawn with the day/night rhythm of Iranian
// users (Tehran, UTC+03:30) and a daily volume curve that swells with the protests, and formatted the way
// the IO archive writes them.
import { AliasTable, type Rng } from './rng.js';

/**
 * Fixed +03:30. Iran dropped daylight saving in 2023; the few DST days left in September 2022 are ignored,
 * since an hour's shift of the rhythm does not matter to any detector.
 */
export const TEHRAN_OFFSET_SECONDS = 12_600;

/** Relative posting volume by Tehran hour: quiet 02:00-07:00, evening peak 20:00-23:00. */
const HOUR_WEIGHTS = [
  0.9, 0.6, 0.35, 0.2, 0.12, 0.1, 0.15, 0.3, 0.5, 0.65, 0.75, 0.8, 0.8, 0.8, 0.78, 0.8, 0.85, 0.9, 0.95, 1.0,
  1.05, 1.1, 1.15, 1.05,
];
const MAX_HOUR_WEIGHT = Math.max(...HOUR_WEIGHTS);
const CELL_SECONDS = 1800;

export class Clock {
  readonly startMs: number;
  readonly spanSeconds: number;
  readonly days: number;
  private readonly cells: AliasTable;
  private readonly minutes: Array<string | undefined>;
  private readonly firstMinute: number;

  constructor(startMs: number, days: number, rng: Rng) {
    this.startMs = startMs;
    this.days = days;
    this.spanSeconds = days * 86_400;
    this.firstMinute = Math.floor(startMs / 60_000);
    this.minutes = new Array<string | undefined>(Math.ceil(this.spanSeconds / 60) + 2);
    const peak = days * 0.3;
    const width = Math.max(1, days * 0.2);
    const dayWeights = Array.from(
      { length: days },
      (_, d) => (0.55 + 0.9 * Math.exp(-0.5 * ((d - peak) / width) ** 2)) * rng.uniform(0.9, 1.1),
    );
    const weights = new Float64Array(this.spanSeconds / CELL_SECONDS);
    for (let i = 0; i < weights.length; i++) {
      const mid = i * CELL_SECONDS + CELL_SECONDS / 2;
      weights[i] = (dayWeights[Math.floor(mid / 86_400)] as number) * this.rhythm(mid);
    }
    this.cells = new AliasTable(weights);
  }

  /** Hour-of-day weight at `t` on the Tehran clock, 1 at the busiest hour. */
  rhythm(t: number): number {
    const local = this.startMs / 1000 + t + TEHRAN_OFFSET_SECONDS;
    const hour = Math.floor((((local % 86_400) + 86_400) % 86_400) / 3600);
    return (HOUR_WEIGHTS[hour] as number) / MAX_HOUR_WEIGHT;
  }

  /** A whole second in the span, following the daily volume curve and the Tehran rhythm. */
  draw(rng: Rng): number {
    return this.cells.draw(rng) * CELL_SECONDS + rng.int(CELL_SECONDS);
  }

  /** A whole second in [from, to) (clipped to the span) following the Tehran rhythm. */
  drawIn(rng: Rng, from: number, to: number): number {
    const lo = Math.max(0, Math.floor(from));
    const hi = Math.min(this.spanSeconds, Math.ceil(to));
    if (hi - lo <= 1) return Math.min(lo, this.spanSeconds - 1);
    for (let tries = 0; tries < 20; tries++) {
      const t = lo + rng.int(hi - lo);
      if (rng.next() < this.rhythm(t)) return t;
    }
    return lo + rng.int(hi - lo);
  }

  /** Seconds since start of `hour:minute` Tehran time on the dataset's `day`-th local day (may fall outside). */
  atLocal(day: number, hour: number, minute = 0): number {
    const localStart = this.startMs / 1000 + TEHRAN_OFFSET_SECONDS;
    const localMidnight = Math.floor(localStart / 86_400) * 86_400;
    return localMidnight + day * 86_400 + hour * 3600 + minute * 60 - localStart;
  }

  /** `HH:MM` on the Tehran clock, for texts that mention the time. */
  localClock(t: number): string {
    const local = Math.floor(this.startMs / 1000 + t + TEHRAN_OFFSET_SECONDS);
    const minutes = Math.floor((((local % 86_400) + 86_400) % 86_400) / 60);
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  }

  /** Clips a time into the span (whole seconds). */
  clip(t: number): number {
    return Math.min(this.spanSeconds - 1, Math.max(0, Math.floor(t)));
  }

  /** `YYYY-MM-DD HH:MM` UTC, as the archive's tweet_time. */
  format(t: number): string {
    const minute = Math.floor((this.startMs / 1000 + t) / 60) - this.firstMinute;
    let text = this.minutes[minute];
    if (text === undefined) {
      text = new Date((this.firstMinute + minute) * 60_000).toISOString().slice(0, 16).replace('T', ' ');
      this.minutes[minute] = text;
    }
    return text;
  }
}

/** `YYYY-MM-DD` of a UTC epoch-millisecond time. */
export function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
