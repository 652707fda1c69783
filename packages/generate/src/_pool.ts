// A time-ordered set of posts that later posts can repost, reply to or quote, so a reference always
// points back in time. Picks favour recent posts, as timelines do.

import type { PostTable } from './_tables.js';
import type { Rng } from './rng.js';

export class TimedPool {
  private items: number[] = [];
  private times: number[] = [];
  private sorted = true;

  constructor(private readonly posts: PostTable) {}

  add(post: number): void {
    const t = this.posts.time[post] as number;
    if (this.times.length > 0 && t < (this.times[this.times.length - 1] as number)) this.sorted = false;
    this.items.push(post);
    this.times.push(t);
  }

  private order(): void {
    if (this.sorted) return;
    const idx = this.items
      .map((_, i) => i)
      .sort((a, b) => (this.times[a] as number) - (this.times[b] as number));
    this.items = idx.map((i) => this.items[i] as number);
    this.times = idx.map((i) => this.times[i] as number);
    this.sorted = true;
  }

  /** A post strictly before `t`, mostly among the ~`recent` latest ones; -1 if there is none. */
  pickBefore(rng: Rng, t: number, recent = 300): number {
    this.order();
    let lo = 0;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.times[mid] as number) < t) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return -1;
    const back = Math.min(lo - 1, Math.floor(rng.exponential(recent)));
    return this.items[lo - 1 - back] as number;
  }
}
