// The command line as a user runs it: a child process per call, exit codes, --json outputs, and a
// check that the README documents every command and option that --help lists.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { buildProgram } from '../../src/cli/program.js';
import { lockstep, ROOT } from './_run.js';

const work = mkdtempSync(join(tmpdir(), 'lockstep-cli-'));
after(() => rmSync(work, { recursive: true, force: true }));

const TWEETS = [
  'tweetid,userid,user_screen_name,tweet_text,tweet_time,is_retweet,hashtags',
  '1,u1,alice,"سلام #مهسا_امینی",2022-09-20 10:00,false,[\'مهسا_امینی\']',
  '2,u2,bob,"hi again",2022-09-20 10:05,false,[]',
  '3,u2,bob,"bad time",2022-13-40 10:05,false,[]',
].join('\n');

const BIN = join(ROOT, 'dist/cli/main.js');

describe('lockstep CLI', () => {
  it('npx lockstep runs the built command, as the README shows', {
    skip: existsSync(BIN) ? false : `${BIN} is not built (npm ci builds it; or npm run build)`,
  }, () => {
    const run = spawnSync('npx', ['--no-install', 'lockstep', '--version'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^\d+\.\d+\.\d+/);
  });

  it('ingest --json reports each file and the totals; inspect --json summarises the store', () => {
    const file = join(work, 'tweets.csv');
    writeFileSync(file, `${TWEETS}\n`);
    const db = join(work, 'a.duckdb');
    const ingest = lockstep('ingest', file, '--db', db, '--json');
    assert.equal(ingest.code, 0, ingest.stderr);
    const report = JSON.parse(ingest.stdout);
    assert.equal(report.files[0].format, 'io-archive-tweets');
    assert.equal(report.files[0].rowsRead, 3);
    assert.equal(report.files[0].rowsLoaded, 2);
    assert.equal(report.files[0].rowsRejected, 1);
    assert.equal(report.files[0].rejections[0].reason, 'unreadable time');
    assert.equal(report.files[0].rejections[0].examples[0].line, 4);
    assert.match(report.files[0].sha256, /^[0-9a-f]{64}$/);
    assert.deepEqual(
      { posts: report.totals.posts, accounts: report.totals.accounts },
      { posts: 2, accounts: 2 },
    );
    const inspect = lockstep('inspect', '--db', db, '--json');
    assert.equal(inspect.code, 0, inspect.stderr);
    const summary = JSON.parse(inspect.stdout);
    assert.equal(summary.posts, 2);
    assert.equal(summary.start, '2022-09-20T10:00:00Z');
    assert.deepEqual(summary.topHashtags[0], { hashtag: 'مهسا_امینی', posts: 1, accounts: 1 });
  });

  it('the text report names the file and line of a rejected row', () => {
    const file = join(work, 'tweets2.csv');
    writeFileSync(file, `${TWEETS}\n`);
    const run = lockstep('ingest', file, '--db', join(work, 'b.duckdb'));
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /tweets2\.csv line 4: cannot read time "2022-13-40 10:05"/);
  });

  it('exit codes: 2 for bad usage, 1 for a file lockstep cannot read, with the file named', () => {
    assert.equal(lockstep('ingest', '--db', 'x.duckdb').code, 2);
    assert.equal(lockstep('frobnicate').code, 2);
    assert.equal(lockstep('generate', '--out', join(work, 'g'), '--posts', 'many').code, 2);
    assert.equal(lockstep('inspect', '--db', join(work, 'missing.duckdb')).code, 2);
    const odd = join(work, 'odd.csv');
    writeFileSync(odd, 'foo,bar\n1,2\n');
    const run = lockstep('ingest', odd, '--db', join(work, 'c.duckdb'));
    assert.equal(run.code, 1);
    assert.match(run.stderr, /odd\.csv: CSV with columns foo, bar is not a layout lockstep knows/);
    const missing = lockstep('ingest', join(work, 'nope.json'), '--db', join(work, 'c.duckdb'));
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /nope\.json: no such file/);
  });

  it('--help works for every command and exits 0', () => {
    for (const command of buildProgram().commands.map((c) => c.name())) {
      const run = lockstep(command, '--help');
      assert.equal(run.code, 0);
      assert.match(run.stdout, new RegExp(`Usage: lockstep ${command}`));
    }
  });

  it('analyze ingests, detects and writes the run folder; --db alone re-analyses the store', () => {
    const data = join(work, 'gen');
    assert.equal(lockstep('generate', '--out', data, '--posts', '5000', '--seed', '3').code, 0);
    const out = join(work, 'run');
    const files = [join(data, 'tweets.csv'), join(data, 'users.csv')];
    const run = lockstep('analyze', ...files, '--out', out, '--min-z', '5', '--signals', 'corepost,neardup');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /beyond chance/);
    assert.match(run.stdout, /run folder: /);
    const doc = JSON.parse(readFileSync(join(out, 'networks.json'), 'utf8'));
    assert.equal(doc.schemaVersion, 1);
    assert.deepEqual(doc.parameters.signals, ['corepost', 'neardup']);
    const again = lockstep('analyze', '--db', join(out, 'lockstep.duckdb'), '--out', join(work, 'run2'));
    assert.equal(again.code, 0, again.stderr);
    // A second analyze with files into the same folder makes the default store afresh (asked for with
    // --force, test/cli/out-folder.test.ts), never appending.
    const twice = lockstep('analyze', ...files, '--out', out, '--signals', 'corepost,neardup', '--force');
    assert.equal(twice.code, 0, twice.stderr);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    assert.equal(manifest.inputs.length, 2);
  });

  it('analyze: bad usage exits 2 with the reason', () => {
    const bad = lockstep(
      'analyze',
      '--db',
      join(work, 'missing.duckdb'),
      '--out',
      join(work, 'x'),
      '--signals',
      'corepost,telepathy',
    );
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown signal "telepathy"/);
    assert.equal(lockstep('analyze', '--out', join(work, 'x')).code, 2);
    assert.equal(lockstep('analyze', '--db', join(work, 'missing.duckdb'), '--out', join(work, 'x')).code, 2);
    assert.equal(lockstep('analyze', '--db', 'x.duckdb', '--out', join(work, 'x'), '--window', '0').code, 2);
  });

  it('analyze says so when some posts have no time (they cannot be placed in a window)', () => {
    const file = join(work, 'untimed.csv');
    writeFileSync(
      file,
      ['user,rt', ...Array.from({ length: 12 }, (_, i) => `u${i % 4},orig${i % 3}`)].join('\n'),
    );
    const timed = join(work, 'timed.csv');
    writeFileSync(timed, `${TWEETS}\n`);
    const run = lockstep(
      'analyze',
      file,
      timed,
      '--map',
      'account=user,repost_of=rt',
      '--out',
      join(work, 'untimed-run'),
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /warning: 12 posts have no time and took no part in detection.*--map time=COLUMN/,
    );
  });

  it('nothing analysed is not "no network": no loaded post, or no timed post, fails with the reason', () => {
    const header = join(work, 'header-only.csv');
    writeFileSync(header, `${TWEETS.split('\n')[0]}\n`);
    const out = join(work, 'nothing-run');
    const empty = lockstep('analyze', header, '--out', out);
    assert.equal(empty.code, 1);
    assert.match(empty.stderr, /nothing to analyse: no post was loaded from the file given \(0 rows read/);
    assert.doesNotMatch(empty.stdout, /beyond chance/);
    assert.ok(!existsSync(join(out, 'manifest.json')), 'no run folder is written');
    const bad = join(work, 'all-rejected.csv');
    writeFileSync(bad, `${TWEETS.split('\n')[0]}\n1,u1,a,"x",2022-13-40 10:00,false,[]\n`);
    const rejected = lockstep('analyze', bad, '--out', out);
    assert.equal(rejected.code, 1);
    assert.match(rejected.stderr, /no post was loaded .*1 rows read, 1 rejected: 1 unreadable time/);
    const untimed = join(work, 'all-untimed.csv');
    writeFileSync(
      untimed,
      ['user,rt', ...Array.from({ length: 12 }, (_, i) => `u${i % 4},o${i % 3}`)].join('\n'),
    );
    const none = lockstep('analyze', untimed, '--map', 'account=user,repost_of=rt', '--out', out);
    assert.equal(none.code, 1);
    assert.match(none.stderr, /nothing to analyse: none of the 12 posts has a time.*--map time=COLUMN/);
    assert.ok(!existsSync(join(out, 'manifest.json')), 'no run folder is written');
  });

  it('ingest reports merged post ids as merged, and a file already loaded as such', () => {
    const pages = join(ROOT, 'test/fixtures/twitter-v2/pages.jsonl');
    const db = join(work, 'merged.duckdb');
    const first = lockstep('ingest', pages, '--db', db);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /loaded 6 posts, rejected 0, merged 1 into posts already loaded/);
    assert.match(first.stdout, /merged 1 \(nothing lost\): repeated post id/);
    const again = lockstep('ingest', pages, '--db', db);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /already loaded \(same SHA-256 as pages\.jsonl\): not loaded again/);
    assert.doesNotMatch(again.stdout, /rejected [1-9]|duplicate post id/);
  });

  it('analyze warns when the collection looks like one campaign (no independent population)', () => {
    // Twelve accounts post the same new tag and link within minutes every day; one bystander posts its own.
    const rows = ['tweetid,userid,user_screen_name,tweet_text,tweet_time,is_retweet,hashtags,urls'];
    for (let d = 0; d < 6; d++) {
      for (let a = 0; a < 12; a++) {
        rows.push(
          `${d * 100 + a},u${a},op${a},"day ${d} story https://x.example/${d}",2022-09-${10 + d} 09:${10 + a},false,` +
            `['smear${d}'],['https://x.example/${d}']`,
        );
      }
      rows.push(
        `${d * 100 + 99},by,bystander,"my day ${d} https://y.example/${d}",2022-09-${10 + d} 12:00,false,` +
          `['diary${d}'],['https://y.example/${d}']`,
      );
    }
    const file = join(work, 'one-campaign.csv');
    writeFileSync(file, rows.join('\n'));
    const run = lockstep('analyze', file, '--out', join(work, 'one-campaign-run'));
    assert.equal(run.code, 0, run.stderr);
    // Plain words with the fix (src/report/html/warnings.ts), as in report.html and the UI.
    assert.match(
      run.stdout,
      /warning: \d+% of all activity is by accounts in suspected groups.*To fix this, add posts/,
    );
    assert.match(run.stdout, /1 network beyond chance/);
    const doc = JSON.parse(readFileSync(join(work, 'one-campaign-run', 'networks.json'), 'utf8'));
    assert.ok(doc.population.activityInCandidates >= 0.9);
    assert.match(doc.population.warning, /a collection of one operation looks like this/);
  });

  it('the README documents every command and every option', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const command of buildProgram().commands) {
      assert.ok(readme.includes(`lockstep ${command.name()}`), `README lacks the ${command.name()} command`);
      for (const option of command.options) {
        assert.ok(readme.includes(option.long ?? ''), `README lacks ${command.name()} ${option.long}`);
      }
    }
  });
});
