// Errors a user can act on (issue 16, point 3): each case exits with its code (2 for bad usage, 1 otherwise),
// names the file or flag and says what to do, and shows no engine message or stack trace unless
// LOCKSTEP_DEBUG=1, which keeps them.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it, mock } from 'node:test';
import { explainError } from '../../src/cli/_errors.js';
import { main } from '../../src/cli/program.js';
import { EngineError, Store } from '../../src/store/index.js';
import { lockstep, lockstepWith } from './_run.js';

const work = mkdtempSync(join(tmpdir(), 'lockstep-errors-'));
after(() => rmSync(work, { recursive: true, force: true }));

const TWEETS = [
  'tweetid,userid,user_screen_name,tweet_text,tweet_time,is_retweet,hashtags',
  '1,u1,alice,hello,2022-09-20 10:00,false,[]',
  '2,u2,bob,hi again,2022-09-20 10:05,false,[]',
].join('\n');
const tweets = join(work, 'tweets.csv');
writeFileSync(tweets, `${TWEETS}\n`);

/** DuckDB's message types as they begin its errors, and a stack frame line. */
const ENGINE_TEXT =
  /(INTERNAL|IO|Invalid Input|Not implemented|Out of Memory|Conversion|Binder|Catalog) Error/;
const STACK = /\n\s+at .+[(:]\d+/;
/** The words a next step starts with. */
const NEXT_STEP = /\b(give|check|add|use|run|copy|create|wait|did you mean|expected one of)\b/i;

function assertClean(stderr: string): void {
  assert.doesNotMatch(stderr, ENGINE_TEXT, stderr);
  assert.doesNotMatch(stderr, STACK, stderr);
  assert.doesNotMatch(stderr, /TypeError|RangeError/, stderr);
}

/** The last line lockstep wrote: its error message (progress lines come before it). */
const lastLine = (stderr: string) => stderr.trim().split('\n').pop() ?? '';

describe('errors a user can act on', () => {
  it('an unknown time zone is a usage error naming the flag, with the zone it may mean', () => {
    const run = lockstep('ingest', tweets, '--db', join(work, 'tz.duckdb'), '--timezone', 'tehran');
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /--timezone: unknown time zone "tehran"; did you mean Asia\/Tehran\?/);
    assertClean(run.stderr);
    const mars = lockstep('analyze', tweets, '--out', join(work, 'tz-run'), '--timezone', 'Mars/Olympus');
    assert.equal(mars.code, 2, mars.stderr);
    assert.match(mars.stderr, /unknown time zone "Mars\/Olympus"; give an IANA zone name such as/);
    assertClean(mars.stderr);
  });

  it('a --map that does not parse is a usage error with an example', () => {
    const run = lockstep('ingest', tweets, '--db', join(work, 'map.duckdb'), '--map', 'author_id');
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /--map: expected field=column, got "author_id"; e\.g\. --map account=/);
    const unknown = lockstep('analyze', tweets, '--out', join(work, 'map-run'), '--map', 'who=author_id');
    assert.equal(unknown.code, 2, unknown.stderr);
    assert.match(unknown.stderr, /--map: unknown field "who"/);
    assertClean(run.stderr + unknown.stderr);
  });

  it('too few posts for generate, and a bad --start, are usage errors naming the flag', () => {
    const few = lockstep('generate', '--out', join(work, 'gen'), '--posts', '5');
    assert.equal(few.code, 2, few.stderr);
    assert.match(
      few.stderr,
      /--posts: the generator needs at least 1,000 posts .* got 5; give --posts 1000 or more/,
    );
    const start = lockstep('generate', '--out', join(work, 'gen'), '--posts', '2000', '--start', 'soon');
    assert.equal(start.code, 2, start.stderr);
    assert.match(start.stderr, /--start expects an ISO 8601 time after 2010, got "soon"; e\.g\. --start /);
    assertClean(few.stderr + start.stderr);
  });

  it('a nonexistent input file, or a folder, is named with what to check (exit 1)', () => {
    const missing = join(work, 'no-such.csv');
    const run = lockstep('analyze', tweets, missing, '--out', join(work, 'missing-run'));
    assert.equal(run.code, 1, run.stderr);
    assert.match(lastLine(run.stderr), /no-such\.csv: no such file; check the path/);
    const folder = lockstep('ingest', work, '--db', join(work, 'folder.duckdb'));
    assert.equal(folder.code, 1, folder.stderr);
    assert.match(folder.stderr, /a folder, not a file; give the files in it/);
    assertClean(run.stderr + folder.stderr);
  });

  it('a file of binary garbage, and damaged gzip, are named with a next step and no engine text', () => {
    const garbage = join(work, 'garbage.csv');
    // Bytes of every value, control characters and invalid UTF-8 among them, as a file of the wrong kind has.
    writeFileSync(garbage, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256)));
    const run = lockstep('ingest', garbage, '--db', join(work, 'garbage.duckdb'));
    assert.equal(run.code, 1, run.stderr);
    const line = lastLine(run.stderr);
    assert.match(line, /garbage\.csv/);
    assert.match(line, NEXT_STEP);
    assert.ok(line.length < 800, `one readable line, not the file's bytes: ${line.length} characters`);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no raw control character reaches the terminal
    assert.doesNotMatch(run.stderr, /[\u0000-\u0008\u000b-\u001f\u007f]/);
    assertClean(run.stderr);

    const gz = join(work, 'tweets.csv.gz');
    writeFileSync(gz, Buffer.from([0x1f, 0x8b, 0x08, 0x00, ...Buffer.from('not really deflate data')]));
    const damaged = lockstep('ingest', gz, '--db', join(work, 'gz.duckdb'));
    assert.equal(damaged.code, 1, damaged.stderr);
    assert.match(lastLine(damaged.stderr), /tweets\.csv\.gz: .*(damaged|cut short|gzip)/);
    assert.match(lastLine(damaged.stderr), NEXT_STEP);
    assertClean(damaged.stderr);
  });

  it("the engine's refusal of a store names the store and what to do; LOCKSTEP_DEBUG=1 keeps the engine's text", () => {
    const notStore = join(work, 'notes.duckdb');
    writeFileSync(notStore, 'my notes, not a database\n');
    const run = lockstep('inspect', '--db', notStore);
    assert.equal(run.code, 1, run.stderr);
    assert.match(
      run.stderr,
      /notes\.duckdb: not a lockstep store \(not a DuckDB database file\); give a store made by lockstep/,
    );
    assertClean(run.stderr);
    const debug = lockstepWith({ LOCKSTEP_DEBUG: '1' }, 'inspect', '--db', notStore);
    assert.equal(debug.code, 1);
    assert.match(debug.stderr, /notes\.duckdb: not a lockstep store/);
    assert.match(debug.stderr, /IO Error: .*not a valid DuckDB database file/);
    assert.match(debug.stderr, STACK);
  });

  it("the engine running out of memory on a file names it and the flag to use, never DuckDB's SET advice", () => {
    const oom =
      'Out of Memory Error: failed to allocate data of size 256.0 MiB (6.2 GiB/6.2 GiB used)\n\n' +
      "Possible solutions:\n* Reducing the number of threads (SET threads=X)\n* Increasing the memory limit (SET memory_limit='...')";
    const plain = explainError(new EngineError('page.json', 'reading it', oom));
    assert.equal(plain.exitCode, 1);
    assert.match(
      plain.message,
      /^page\.json: reading it failed: the database engine ran out of memory; .*--memory-limit/,
    );
    assert.doesNotMatch(plain.message, /SET |Out of Memory Error/);
    const debug = explainError(new EngineError('page.json', 'reading it', oom), true);
    assert.match(debug.message, /Out of Memory Error: failed to allocate/);
    // The same text from a stage that did not know its file still gets the advice, and never the engine's.
    const bare = explainError(new Error(oom));
    assert.match(bare.message, /ran out of memory; .*--memory-limit/);
    assert.doesNotMatch(bare.message, /SET /);
  });

  it('a package missing from the install says how to repair it, and a fault in lockstep is not shown as one', () => {
    const missing = Object.assign(
      new Error("Cannot find package 'graphology' imported from /opt/lockstep/src/networks/graph.ts"),
      { code: 'ERR_MODULE_NOT_FOUND' },
    );
    const m = explainError(missing);
    assert.equal(m.exitCode, 1);
    assert.match(m.message, /^lockstep is not installed completely \("graphology" is missing\); run npm ci/);
    const bug = explainError(new TypeError("Cannot read properties of undefined (reading 'encoding')"));
    assert.equal(bug.exitCode, 1);
    assert.match(
      bug.message,
      /an unexpected failure \(this is a fault in lockstep, not in your data; run again with LOCKSTEP_DEBUG=1/,
    );
    assert.doesNotMatch(bug.message, /encoding|TypeError/);
    assert.match(explainError(new TypeError('x'), true).message, /TypeError: x/);
  });

  it('an engine error while reading a named file names it and says what to do; LOCKSTEP_DEBUG=1 keeps it', async () => {
    // The engine failing inside a read, as one 0x80 byte once made it fail ("INTERNAL Error: Attempted to access
    // index 28 within vector of size 21"): every statement that names the file throws that error.
    const file = join(work, 'engine-fault.csv');
    writeFileSync(file, `${TWEETS}\n`);
    const internal = (sql: string) => {
      if (sql.includes('engine-fault'))
        throw new Error('INTERNAL Error: Attempted to access index 28 within vector of size 21');
    };
    const [originalRun, originalAll] = [Store.prototype.run, Store.prototype.all];
    const run = mock.method(Store.prototype, 'run', function (this: Store, sql: string, params?: never) {
      internal(sql);
      return originalRun.call(this, sql, params);
    });
    const all = mock.method(Store.prototype, 'all', function (this: Store, sql: string, params?: never) {
      internal(sql);
      return originalAll.call(this, sql, params);
    });
    const written: string[] = [];
    const write = mock.method(process.stderr, 'write', (chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const call = async (debug: string) => {
      const before = process.env.LOCKSTEP_DEBUG;
      process.env.LOCKSTEP_DEBUG = debug;
      written.length = 0;
      try {
        return await main(['node', 'lockstep', 'ingest', file, '--db', join(work, `fault-${debug}.duckdb`)]);
      } finally {
        process.env.LOCKSTEP_DEBUG = before ?? '';
      }
    };
    try {
      assert.equal(await call(''), 1);
      const plain = written.join('');
      assert.match(lastLine(plain), /engine-fault\.csv: .*the database engine failed internally/);
      assert.match(lastLine(plain), /LOCKSTEP_DEBUG=1/);
      assertClean(plain);
      assert.equal(await call('1'), 1);
      const detailed = written.join('');
      assert.match(detailed, /engine-fault\.csv: /);
      assert.match(detailed, /INTERNAL Error: Attempted to access index 28/);
      assert.match(detailed, STACK);
    } finally {
      write.mock.restore();
      run.mock.restore();
      all.mock.restore();
    }
  });
});
