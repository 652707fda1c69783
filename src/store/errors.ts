// DuckDB's own messages ("IO Error: ...", "INTERNAL Error: ...", "Out of Memory Error: ... SET memory_limit")
// told apart from lockstep's, and EngineError, which names the file an engine failure happened on. The code that
// knows the file wraps (onFile); the command line then says what went wrong with that file and what to do, and
// keeps the engine's text for LOCKSTEP_DEBUG=1 (src/cli/_errors.ts).

/** DuckDB's exception types, as its messages begin ("<type> Error: "). */
const ENGINE_TYPES = [
  'INTERNAL',
  'FATAL',
  'INTERRUPT',
  'IO',
  'HTTP',
  'Out of Memory',
  'Invalid Input',
  'Invalid Configuration',
  'Invalid type',
  'Invalid',
  'Out of Range',
  'Conversion',
  'Not implemented',
  'Binder',
  'Parser',
  'Catalog',
  'Constraint',
  'Serialization',
  'TransactionContext',
  'Transaction',
  'Permission',
  'Dependency',
  'Mismatch Type',
  'Syntax',
  'Settings',
  'Unknown',
  'Executor',
  'Scheduler',
  'Planner',
  'Optimizer',
  'Expression',
  'Decimal',
  'Divide by Zero',
  'Object Size',
  'Index',
  'Stat',
  'Connection',
  'Network',
  'Sequence',
  'Missing Extension',
  'Auto-load Extension',
  'Parameter Not Resolved',
  'Parameter Not Allowed',
];
const ENGINE_AT = new RegExp(`(?:^|: )((${ENGINE_TYPES.join('|')}) Error: )`);

/** What an engine failure means for the user: each kind has its own advice. */
export type EngineKind = 'memory' | 'interrupted' | 'io' | 'input' | 'internal' | 'other';

export interface EngineMessage {
  /** lockstep's words before the engine's (e.g. "tweets.csv: cannot read as CSV"), or ''. */
  before: string;
  /** The engine's message, from its type on. */
  engine: string;
  kind: EngineKind;
}

/** The engine's message inside `message` (at its start, or after lockstep's "...: "), or null. */
export function findEngineMessage(message: string): EngineMessage | null {
  const m = ENGINE_AT.exec(message);
  if (m === null) return null;
  const at = m.index + (m[0].startsWith(': ') ? 2 : 0);
  const type = m[2] ?? '';
  const kind: EngineKind =
    type === 'Out of Memory'
      ? 'memory'
      : type === 'INTERRUPT'
        ? 'interrupted'
        : type === 'IO' || type === 'HTTP' || type === 'Permission'
          ? 'io'
          : type === 'INTERNAL' || type === 'FATAL'
            ? 'internal'
            : type === 'Invalid Input' || type === 'Conversion' || type === 'Invalid'
              ? 'input'
              : 'other';
  return { before: message.slice(0, m.index).trim(), engine: message.slice(at), kind };
}

/** An engine failure on a named file: the file, what lockstep was doing with it, the engine's message. */
export class EngineError extends Error {
  override name = 'EngineError';
  readonly kind: EngineKind;

  constructor(
    readonly file: string,
    readonly doing: string,
    readonly engine: string,
    options: { cause?: unknown } = {},
  ) {
    super(`${file}: ${doing}: ${engine}`, options);
    this.kind = findEngineMessage(engine)?.kind ?? 'other';
  }
}

/**
 * Runs `work`; an engine failure in it is rethrown as an EngineError naming `file`. Anything else (lockstep's
 * own errors, an EngineError already naming its file) passes through unchanged.
 */
export async function onFile<T>(file: string, doing: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw withFile(err, file, doing);
  }
}

/** `err` as an EngineError naming `file` when it is the engine's own; otherwise `err` itself. */
export function withFile(err: unknown, file: string, doing: string): unknown {
  if (!(err instanceof Error) || err instanceof EngineError) return err;
  const found = findEngineMessage(err.message);
  if (found === null || found.before !== '') return err;
  return new EngineError(file, doing, found.engine, { cause: err });
}

/** A store that cannot be used: the file, what is wrong with it, what to do, and the engine's error as cause. */
export class StoreError extends Error {
  override name = 'StoreError';
  readonly file: string | undefined;
  readonly hint: string | undefined;

  constructor(message: string, details: { file?: string; hint?: string; cause?: unknown } = {}) {
    super(message, details.cause === undefined ? {} : { cause: details.cause });
    this.file = details.file;
    this.hint = details.hint;
  }
}
