// Progress on stderr (stdout stays clean for --json and the summary). A command runs in stages; each shows
// its name, what it is working on, its elapsed time, and, where it has a natural count (posts written, bytes
// of the input files read), its count, percentage and time left. On a terminal one live line is rewritten in
// place once a second, and a stage that took a second or more leaves a line with its time; elsewhere (a log,
// a pipe) every stage is one plain line, with a count line at most every PLAIN_EVERY_MS. --quiet prints nothing.

/** What a stage is at: a count done of a total (in `unit`), and/or what it is working on. */
export interface StageDetail {
  done?: number;
  total?: number;
  /** What `done` and `total` count: 'posts', 'bytes' (shown as MB), 'files'. */
  unit?: string;
  /** e.g. "tweets.csv", "round 2, 340 groups". */
  doing?: string;
}

/**
 * What the CLI passes as detection's onStage: detectNetworks calls it with the stage's name; the optional
 * detail is read when it is given (so a stage that reports its round and groups shows them).
 */
export type StageCallback = (stage: string, detail?: StageDetail) => void;

export interface ProgressOptions {
  quiet?: boolean;
  /** Default: whether stderr is a terminal. */
  tty?: boolean;
  write?: (text: string) => void;
  /** Milliseconds, for tests (default performance.now). */
  now?: () => number;
}

/** Off a terminal, count lines of one stage at most this often. */
const PLAIN_EVERY_MS = 10_000;
/** A stage this long or longer leaves a line with its time on a terminal. */
const KEEP_AFTER_MS = 1000;
const CLEAR = '\r\x1b[2K';

export class Progress {
  private readonly quiet: boolean;
  private readonly tty: boolean;
  private readonly write: (text: string) => void;
  private readonly now: () => number;
  private live = false;
  private lastPlain = -Infinity;
  private current: { name: string; detail: StageDetail; began: number } | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(quiet: boolean | ProgressOptions = false) {
    const o: ProgressOptions = typeof quiet === 'boolean' ? { quiet } : quiet;
    this.quiet = o.quiet === true;
    this.tty = o.tty ?? process.stderr.isTTY === true;
    this.write = o.write ?? ((text) => process.stderr.write(text));
    this.now = o.now ?? (() => performance.now());
  }

  /**
   * Starts stage `name`, or updates it when it is the current one (same name): its detail replaces the last.
   * Starting a stage ends the one before.
   */
  stage(name: string, detail: StageDetail = {}): void {
    if (this.quiet) return;
    if (this.current?.name !== name) {
      this.end();
      this.current = { name, detail, began: this.now() };
      if (this.tty) this.timer ??= unref(setInterval(() => this.draw(), 1000));
      else {
        this.write(`${describeStage(name, detail, 0)}\n`);
        this.lastPlain = this.now();
      }
    } else {
      this.current.detail = detail;
      if (!this.tty && this.now() - this.lastPlain >= PLAIN_EVERY_MS) {
        this.write(`${describeStage(name, detail, this.now() - this.current.began)}\n`);
        this.lastPlain = this.now();
      }
    }
    if (this.tty) this.draw();
  }

  /** Ends the current stage: on a terminal, one that took a second or more leaves a line with its time. */
  end(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    const c = this.current;
    this.current = null;
    if (this.quiet || c === null || !this.tty) return;
    const ms = this.now() - c.began;
    this.clear();
    // The stage's total, not its last step (`ingest: 8 MB (3.4 s)`).
    const total = c.detail.total === undefined ? '' : `: ${count(c.detail.total, c.detail.unit)}`;
    if (ms >= KEEP_AFTER_MS) this.write(`${c.name}${total} (${seconds(ms)})\n`);
  }

  /** A line that always shows; on a terminal, the current stage's live line is drawn again below it. */
  line(message: string): void {
    if (this.quiet) return;
    this.clear();
    this.write(`${message}\n`);
    if (this.tty) this.draw();
  }

  /** An update of the current task: a stage named by the message's text up to its first colon. */
  update(message: string): void {
    const at = message.indexOf(':');
    this.stage(
      at > 0 ? message.slice(0, at) : message,
      at > 0 ? { doing: message.slice(at + 1).trim() } : {},
    );
  }

  private draw(): void {
    const c = this.current;
    if (c === null) return;
    this.write(`${CLEAR}${describeStage(c.name, c.detail, this.now() - c.began)}`);
    this.live = true;
  }

  private clear(): void {
    if (this.live) this.write(CLEAR);
    this.live = false;
  }
}

/**
 * `detecting: cohashtag (step 4 of 11), 3.2 s` or `ingest: tweets.csv, 120 of 260 MB, 46%, 12 s, about 14 s
 * left`: the time left only once a tenth of the count is done and a second has passed (earlier guesses swing).
 */
export function describeStage(name: string, d: StageDetail, ms: number): string {
  const parts = [d.doing ? `${name}: ${d.doing}` : name];
  if (d.total !== undefined && d.total > 0 && d.done !== undefined) {
    const share = Math.min(1, d.done / d.total);
    parts.push(`${count(d.done, d.unit)} of ${count(d.total, d.unit)}`, `${Math.floor(share * 100)}%`);
    if (ms >= 1000) parts.push(seconds(ms));
    if (ms >= 1000 && share >= 0.1 && share < 1)
      parts.push(`about ${seconds((ms * (1 - share)) / share)} left`);
  } else if (ms >= 1000) parts.push(seconds(ms));
  return parts.join(', ');
}

const count = (n: number, unit = '') =>
  unit === 'bytes'
    ? `${(n / 2 ** 20).toLocaleString('en-US', { maximumFractionDigits: n < 10 * 2 ** 20 ? 1 : 0 })} MB`
    : `${Math.round(n).toLocaleString('en-US')}${unit === '' ? '' : ` ${unit}`}`;

function seconds(ms: number): string {
  const s = ms / 1000;
  if (s < 59.5) return `${s.toFixed(s < 9.95 ? 1 : 0)} s`;
  return `${Math.floor(s / 60)} min ${String(Math.floor(s % 60)).padStart(2, '0')} s`;
}

/** A timer that does not keep the process alive. */
function unref<T extends { unref?: () => unknown }>(t: T): T {
  t.unref?.();
  return t;
}
