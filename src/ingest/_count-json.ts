// Counts the posts inside one JSON record that is rejected whole: an API page over --max-record-bytes, or
// one that is not valid JSON, holds tweets (data[*], includes.tweets[*]) that go with it, and the ingest
// report counts each of them (records in the file = loaded + rejected + merged). A streaming pass over the
// record's bytes, fed in pieces: it keeps the path of keys down to where it is, never a value.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** Bytes of a key kept to compare with a path; a longer key matches no path. */
const MAX_KEY_BYTES = 64;

/** Where posts sit inside a record: keys from the record's root, '*' for any element of an array. */
export type ItemPath = readonly string[];

/** Counts the objects found at `paths` in a JSON text fed in pieces; damaged text gives a best effort. */
export class ItemCounter {
  /** Per open container: the key of the value being read (objects) or '*' (arrays); null: not yet known. */
  private readonly segments: (string | null)[] = [];
  private readonly objects: boolean[] = [];
  private inString = false;
  private escape = false;
  /** The bytes of the string being read when it may be a key, else null. */
  private key: number[] | null = null;
  /** The last string read in a key's place, until the ':' after it. */
  private lastKey: string | null = null;
  private expectKey = false;
  private readonly longest: number;
  count = 0;

  constructor(private readonly paths: readonly ItemPath[]) {
    this.longest = Math.max(0, ...paths.map((p) => p.length));
  }

  feed(bytes: Buffer): void {
    const n = bytes.length;
    for (let i = 0; i < n; i++) {
      if (this.inString) {
        if (this.escape) {
          this.escape = false;
          this.key?.push(bytes[i] as number);
          continue;
        }
        if (this.key === null) {
          // A value's string: skip to its next quote or backslash.
          const q = bytes.indexOf(QUOTE, i);
          const s = bytes.indexOf(BACKSLASH, i);
          const stop = q < 0 ? s : s < 0 ? q : Math.min(q, s);
          if (stop < 0) return;
          i = stop;
        }
        const c = bytes[i] as number;
        if (c === BACKSLASH) this.escape = true;
        else if (c === QUOTE) {
          this.inString = false;
          if (this.key !== null)
            this.lastKey = this.key.length > MAX_KEY_BYTES ? null : Buffer.from(this.key).toString('utf8');
          this.key = null;
        } else if (this.key !== null) this.key.push(c);
        continue;
      }
      const b = bytes[i] as number;
      const depth = this.objects.length;
      if (b === QUOTE) {
        this.inString = true;
        this.key = this.expectKey && this.objects[depth - 1] === true ? [] : null;
      } else if (b === 0x3a) {
        if (this.objects[depth - 1] === true) this.segments[depth - 1] = this.lastKey;
        this.expectKey = false;
      } else if (b === 0x2c) {
        if (this.objects[depth - 1] === true) {
          this.segments[depth - 1] = null;
          this.expectKey = true;
        }
      } else if (b === 0x7b || b === 0x5b) {
        if (b === 0x7b && depth <= this.longest && this.matches()) this.count++;
        this.objects.push(b === 0x7b);
        this.segments.push(b === 0x7b ? null : '*');
        this.expectKey = b === 0x7b;
      } else if (b === 0x7d || b === 0x5d) {
        this.objects.pop();
        this.segments.pop();
        this.expectKey = false;
      }
    }
  }

  /** True when the value opening here sits at one of the paths. */
  private matches(): boolean {
    const at = this.segments;
    return this.paths.some((p) => p.length === at.length && p.every((s, k) => s === at[k]));
  }
}

/** Posts inside one record's bytes: those found at `paths`, and at least the record itself. */
export function itemsIn(bytes: Buffer, paths: readonly ItemPath[] | undefined): number {
  if (paths === undefined) return 1;
  const counter = new ItemCounter(paths);
  counter.feed(bytes);
  return Math.max(1, counter.count);
}
