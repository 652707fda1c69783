// Progress on stderr: plain lines off a terminal (no carriage return, no escape code), one live line rewritten
// in place on a terminal, nothing with --quiet; counts, percentage and time left where a stage has a count.
// The clock is a fake one: no assertion depends on how long anything takes. Then the command line: analyze
// with --quiet prints nothing on stderr, without it plain stage lines (the tests' stderr is a pipe), and
// --show-set-aside lists the candidates set aside as networks.json has them.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { describeStage, Progress } from '../../src/cli/_progress.js';
import { terminalText } from '../../src/cli/_set-aside.js';
import { lockstep } from './_run.js';

const CLEAR = '\r\x1b[2K';
/** A carriage return or an escape: a terminal's control, never in plain output. */
const hasControl = (text: string) => text.includes('\r') || text.includes('\x1b');

function recorder(tty: boolean, quiet = false) {
  let out = '';
  let t = 0;
  const progress = new Progress({ tty, quiet, write: (s) => (out += s), now: () => t });
  return {
    progress,
    output: () => out,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

describe('progress', () => {
  it('off a terminal: one plain line per stage, counts at most every few seconds, no control codes', () => {
    const r = recorder(false);
    r.progress.stage('generating', { done: 0, total: 1000, unit: 'posts' });
    r.advance(200);
    r.progress.stage('generating', { done: 100, total: 1000, unit: 'posts' });
    r.advance(20_000);
    r.progress.stage('generating', { done: 500, total: 1000, unit: 'posts' });
    r.progress.line('generated 1,000 posts');
    r.progress.stage('detecting chance', { doing: 'step 11 of 11' });
    r.progress.end();
    const lines = r.output().split('\n');
    assert.equal(lines.at(-1), '', 'ends with a newline');
    assert.deepEqual(lines.slice(0, -1), [
      'generating, 0 posts of 1,000 posts, 0%',
      'generating, 500 posts of 1,000 posts, 50%, 20 s, about 20 s left',
      'generated 1,000 posts',
      'detecting chance: step 11 of 11',
    ]);
    assert.ok(!hasControl(r.output()));
  });

  it('on a terminal: the live line is rewritten in place, and a stage over a second leaves its time', () => {
    const r = recorder(true);
    r.progress.stage('ingest', { doing: 'reading a.csv', done: 0, total: 2 ** 21, unit: 'bytes' });
    r.advance(1500);
    r.progress.stage('ingest', { doing: 'reading b.csv', done: 2 ** 20, total: 2 ** 21, unit: 'bytes' });
    r.progress.stage('detecting prepare');
    r.progress.end();
    const out = r.output();
    assert.ok(out.includes(`${CLEAR}ingest: reading a.csv, 0 MB of 2 MB, 0%`), out);
    assert.ok(out.includes(`${CLEAR}ingest: reading b.csv, 1 MB of 2 MB, 50%, 1.5 s, about 1.5 s left`), out);
    assert.ok(out.includes(`${CLEAR}ingest: 2 MB (1.5 s)\n`), out);
    // A stage under a second leaves no line.
    assert.doesNotMatch(out, /detecting prepare[^\r]*\n/);
  });

  it('--quiet prints nothing, on a terminal or not', () => {
    for (const tty of [true, false]) {
      const r = recorder(tty, true);
      r.progress.stage('ingest', { done: 1, total: 2 });
      r.progress.line('loaded');
      r.progress.update('generating: 5 / 10 posts');
      r.progress.end();
      assert.equal(r.output(), '');
    }
  });

  it('shows time left only once a tenth is done, and elapsed time without a count', () => {
    assert.equal(describeStage('x', { done: 5, total: 100 }, 5000), 'x, 5 of 100, 5%, 5.0 s');
    assert.equal(describeStage('x', { doing: 'round 2, 340 groups' }, 0), 'x: round 2, 340 groups');
    assert.equal(describeStage('x', {}, 125_000), 'x, 2 min 05 s');
  });

  it('shows control and invisible characters of account names as marks in the terminal', () => {
    assert.equal(terminalText('a\x1b[31mb\u202Ec'), 'a⟨U+001B⟩[31mb⟨U+202E⟩c');
  });
});

describe('lockstep analyze: progress and --show-set-aside', () => {
  const work = mkdtempSync(join(tmpdir(), 'lockstep-progress-'));
  const files = [join(work, 'data', 'tweets.csv'), join(work, 'data', 'users.csv')];
  before(() => {
    assert.equal(lockstep('generate', '--out', join(work, 'data'), '--posts', '5000', '--seed', '3').code, 0);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('--quiet prints nothing on stderr for a successful run', () => {
    const run = lockstep('analyze', ...files, '--out', join(work, 'quiet'), '--quiet');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.match(run.stdout, /beyond chance/);
  });

  it('off a terminal, every stage is a plain line; --show-set-aside lists what chance explained', () => {
    const out = join(work, 'shown');
    const run = lockstep('analyze', ...files, '--out', out, '--show-set-aside');
    assert.equal(run.code, 0, run.stderr);
    assert.ok(!hasControl(run.stderr), run.stderr);
    for (const stage of [
      'ingest: ',
      'detecting prepare: step 1 of ',
      'detecting chance: ',
      'describing networks',
    ])
      assert.ok(
        run.stderr.split('\n').some((l) => l.startsWith(stage)),
        `a line for ${stage}`,
      );
    const doc = JSON.parse(readFileSync(join(out, 'networks.json'), 'utf8'));
    const aside = doc.setAside as { candidates: Array<{ id: number; size: number }>; pruned: unknown[] };
    assert.equal(aside.candidates.length, doc.candidates.setAside);
    assert.equal(aside.pruned.length, doc.candidates.prunedAccounts);
    assert.match(
      run.stdout,
      new RegExp(`set aside as within chance: ${aside.candidates.length} candidate group`),
    );
    for (const c of aside.candidates.slice(0, 20))
      assert.match(run.stdout, new RegExp(`\\n  group ${c.id}: ${c.size} accounts, `));
    const plain = lockstep(
      'analyze',
      '--db',
      join(out, 'lockstep.duckdb'),
      '--out',
      join(work, 'plain'),
      '--quiet',
    );
    assert.doesNotMatch(plain.stdout, /set aside as within chance:/);
  });
});
