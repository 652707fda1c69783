// The command line's one error model: every error that ends a command becomes one message a user can act on
// (the file, the line where there is one, what went wrong, what to do) and an exit code: 2 for bad usage, 1 for
// everything else. No engine message, stack trace or internal error reaches the user; LOCKSTEP_DEBUG=1 adds
// them below the message. Stages throw their own errors (InputError, SettingError, RunFolderError, StoreError,
// EngineError); this is the one place that turns them into what a user reads.
import { CommanderError } from 'commander';
import { EngineError, findEngineMessage, StoreError } from '../store/index.js';

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

export interface ProblemDetails {
  /** The file the problem is in or about. */
  file?: string;
  /** Its 1-based line, where there is one. */
  line?: number;
  /** What to do about it. */
  hint?: string;
  cause?: unknown;
}

/** A mistake in how lockstep was called (flag values, missing arguments, a folder that is not a run): exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly hint: string | undefined;

  constructor(message: string, details: ProblemDetails = {}) {
    super(message, details.cause === undefined ? {} : { cause: details.cause });
    [this.file, this.line, this.hint] = [details.file, details.line, details.hint];
  }
}

/** A problem with the user's data or machine that the user can fix (exit 1). */
export class UserError extends Error {
  override name = 'UserError';
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly hint: string | undefined;

  constructor(message: string, details: ProblemDetails = {}) {
    super(message, details.cause === undefined ? {} : { cause: details.cause });
    [this.file, this.line, this.hint] = [details.file, details.line, details.hint];
  }
}

/** What the user reads and the exit code. */
export interface Explained {
  exitCode: number;
  /** One or more lines, without the "lockstep: " prefix. */
  message: string;
}

const DEBUG_HINT = 'run again with LOCKSTEP_DEBUG=1 to see the details';
const BUG =
  'this is a fault in lockstep, not in your data; ' +
  `${DEBUG_HINT} and report them with the command you ran`;

/** Node's error codes for file system and network failures, in words, with the usual fix. */
const SYSTEM: Record<string, [string, string]> = {
  ENOENT: ['no such file or folder', 'check the path'],
  EACCES: ['permission denied', 'check the permissions of the file and its folder, or choose another path'],
  EPERM: [
    'operation not permitted',
    'check the permissions of the file and its folder, or choose another path',
  ],
  EISDIR: ['is a folder, where a file is needed', 'give a file'],
  ENOTDIR: ['a part of the path is not a folder', 'check the path'],
  ENOSPC: ['no space left on the device', 'free some space, or write to another disk'],
  EDQUOT: ['disk quota exceeded', 'free some space, or write to another disk'],
  EROFS: ['the file system is read-only', 'write to another folder'],
  EMFILE: ['too many open files', 'raise the limit (ulimit -n) or close other programs'],
  EADDRINUSE: ['the address is in use', 'give another --port (0: any free port), or stop the other server'],
  EADDRNOTAVAIL: ['the address is not on this machine', 'give a --host address of this machine'],
};

/** The message and exit code for `err`; `debug` (LOCKSTEP_DEBUG=1) adds the engine's text and the stacks. */
export function explainError(err: unknown, debug = false): Explained {
  const { exitCode, text } = classify(err);
  const lines = [clean(text)];
  if (debug) lines.push(...debugDetail(err));
  return { exitCode, message: lines.join('\n') };
}

function classify(err: unknown): { exitCode: number; text: string } {
  if (err instanceof CommanderError) return { exitCode: err.exitCode === 0 ? EXIT.ok : EXIT.usage, text: '' };
  if (err instanceof UsageError) return { exitCode: EXIT.usage, text: compose(err.message, err) };
  if (err instanceof UserError) return { exitCode: EXIT.failure, text: compose(err.message, err) };
  if (!(err instanceof Error)) return { exitCode: EXIT.failure, text: `an unexpected failure (${BUG})` };
  // Settings and run-folder refusals are the user's to fix by calling differently (SettingError, RunFolderError).
  if (err.name === 'SettingError' || err.name === 'RunFolderError')
    return { exitCode: EXIT.usage, text: withoutEngine(err.message) };
  if (err instanceof EngineError)
    return { exitCode: EXIT.failure, text: engineText(err.file, err.doing, err.kind) };
  if (err instanceof StoreError)
    return { exitCode: EXIT.failure, text: withoutEngine(err.message, err.hint) };
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
    const name = /Cannot find (?:package|module) '([^']+)'/.exec(err.message)?.[1];
    return {
      exitCode: EXIT.failure,
      text:
        `lockstep is not installed completely (${name === undefined ? 'a module' : `"${name}"`} is missing); ` +
        "run npm ci (or npm install) in lockstep's folder, or install it again",
    };
  }
  const system = code === undefined ? undefined : SYSTEM[code];
  if (system !== undefined) {
    const e = err as NodeJS.ErrnoException & { address?: string; port?: number };
    const where =
      e.path ?? (e.syscall === 'listen' && e.address !== undefined ? `${e.address}:${e.port}` : undefined);
    return {
      exitCode: EXIT.failure,
      text: `${where === undefined ? '' : `${where}: `}${system[0]}; ${system[1]}`,
    };
  }
  // lockstep's own messages (InputError and plain Errors) are meant for the user; JavaScript's built-in errors
  // (TypeError, RangeError, ...) are faults in lockstep, and their text means nothing to a user.
  if (['TypeError', 'ReferenceError', 'RangeError', 'SyntaxError', 'AssertionError'].includes(err.name))
    return { exitCode: EXIT.failure, text: `an unexpected failure (${BUG})` };
  const engine = findEngineMessage(err.message);
  if (engine !== null && engine.before === '')
    return { exitCode: EXIT.failure, text: engineText(null, 'working', engine.kind) };
  return { exitCode: EXIT.failure, text: withoutEngine(readable(err.message)) };
}

/** zlib's messages for damaged gzip data, as ingest passes them on ("x.csv.gz: cannot read: <zlib>"). */
const ZLIB =
  /: (unexpected end of file|incorrect header check|invalid (?:block type|code lengths set|distance too far back|distance code|literal\/lengths set|stored block lengths|code -- missing end-of-block)|too many length or distance symbols)$/;

/** lockstep's own message, with what to do where the message leaves it out. */
function readable(message: string): string {
  if (ZLIB.test(message))
    return message.replace(
      ZLIB,
      ': the gzip data is damaged or cut short; copy or download the file again, or check it with gzip -t',
    );
  // A header of binary bytes read as text (a file that is not CSV or JSON at all) is shown as one mark.
  const junk = [...message.matchAll(JUNK)];
  if (junk.length >= 8) {
    const first = junk[0]?.index ?? 0;
    const last = (junk[junk.length - 1]?.index ?? 0) + 1;
    return (
      `${message.slice(0, first)}⟨binary data, not shown⟩${message.slice(last)}; ` +
      'the file looks like binary data, not text: check that it is the export you meant (CSV or JSON, or gzip of either)'
    );
  }
  return message;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters that make a header unreadable
const JUNK = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffd]/g;

/** "FILE line N: message; hint", leaving out what the message already says. */
function compose(
  message: string,
  e: { file: string | undefined; line: number | undefined; hint: string | undefined },
) {
  const where =
    e.file === undefined || message.startsWith(e.file)
      ? ''
      : `${e.file}${e.line === undefined ? '' : ` line ${e.line}`}: `;
  return `${where}${message}${e.hint === undefined ? '' : `; ${e.hint}`}`;
}

/** A message that embeds the engine's ("x.csv: cannot read as CSV: Invalid Input Error: ..."), cut before it. */
function withoutEngine(message: string, hint?: string): string {
  const engine = findEngineMessage(message);
  if (engine === null) return hint === undefined ? message : `${message}; ${hint}`;
  const before = engine.before.replace(/[:;,\s]+$/, '');
  return `${before === '' ? 'the database engine failed' : before} (${ENGINE_WORDS[engine.kind]}); ${hint ?? engineHint(engine.kind)}`;
}

const ENGINE_WORDS: Record<EngineError['kind'], string> = {
  memory: 'the database engine ran out of memory',
  interrupted: 'the database engine was interrupted',
  io: 'the database engine could not read or write a file',
  input: 'the database engine could not read the data',
  internal: 'the database engine failed internally',
  other: 'the database engine failed',
};

function engineHint(kind: EngineError['kind']): string {
  switch (kind) {
    case 'memory':
      return (
        'give the engine more room with --memory-limit (ingest and analyze; default half the memory) if the ' +
        'machine has it, close other programs, or split the input into smaller files'
      );
    case 'interrupted':
      return 'run the command again';
    case 'io':
      return 'check that the file is complete and readable and that its disk has free space';
    case 'input':
      return `check that the file is a complete export in a format lockstep reads (a damaged or truncated file often is the cause); ${DEBUG_HINT}`;
    case 'internal':
      return `the file may be damaged; ${DEBUG_HINT}, and report them with the command you ran`;
    case 'other':
      return `${DEBUG_HINT}, and report them with the command you ran`;
  }
}

function engineText(file: string | null, doing: string, kind: EngineError['kind']): string {
  return `${file === null ? '' : `${file}: `}${doing} failed: ${ENGINE_WORDS[kind]}; ${engineHint(kind)}`;
}

/** The engine's messages and the stacks of `err` and its causes, for LOCKSTEP_DEBUG=1. */
function debugDetail(err: unknown): string[] {
  const out: string[] = [];
  for (let e: unknown = err, depth = 0; e !== undefined && depth < 5; depth++) {
    if (e instanceof Error) {
      out.push(`debug: ${e.name}: ${e.message}`);
      if (e.stack !== undefined) out.push(e.stack.split('\n').slice(1).join('\n'));
      e = e.cause;
    } else {
      out.push(`debug: ${String(e)}`);
      e = undefined;
    }
  }
  return out;
}

/**
 * A message as the terminal shows it: control characters (a file's bytes can carry escape sequences) and
 * direction overrides shown as marks, and no line past a few hundred characters (a garbage header is one line).
 */
export function clean(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const shown = line.replace(
        // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters it neutralises
        /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
        (c) => `⟨U+${c.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}⟩`,
      );
      // Cut in the middle: the end says what to do.
      return shown.length > MAX_LINE
        ? `${shown.slice(0, MAX_LINE / 2)} … ${shown.slice(-MAX_LINE / 2)}`
        : shown;
    })
    .join('\n');
}

const MAX_LINE = 600;
