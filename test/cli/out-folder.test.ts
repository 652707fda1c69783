// The run folder is the user's evidence: analyze never writes over a folder or a store it did not make
// without --force, two runs never write one folder at once, a run folder is one whole run, and report and
// serve refuse a folder or store that does not match its manifest.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServe } from '../../src/cli/serve.js';
import { lockstep } from './_run.js';

const work = mkdtempSync(join(tmpdir(), 'lockstep-out-'));
after(() => rmSync(work, { recursive: true, force: true }));

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const data = join(work, 'data');
const tweets = join(data, 'tweets.csv');
const users = join(data, 'users.csv');
/** A run folder made once; tests that change theirs copy it. */
const run = join(work, 'run');

before(() => {
  assert.equal(lockstep('generate', '--out', data, '--posts', '3000', '--seed', '5').code, 0);
  const made = lockstep('analyze', tweets, users, '--out', run);
  assert.equal(made.code, 0, made.stderr);
});

const copyRun = (name: string) => {
  const dir = join(work, name);
  cpSync(run, dir, { recursive: true });
  return dir;
};

describe('analyze --out: the folder is the user’s evidence', () => {
  it('a run folder holds one whole run: no lock, staging or partial file is left', () => {
    assert.deepEqual(readdirSync(run).sort(), [
      'accounts.csv',
      'accounts.parquet',
      'accounts.xlsx',
      'edges.csv',
      'edges.parquet',
      'edges.xlsx',
      'lockstep.duckdb',
      'manifest.json',
      'network.gexf',
      'network.graphml',
      'networks.json',
      'report.html',
    ]);
    const manifest = JSON.parse(readFileSync(join(run, 'manifest.json'), 'utf8'));
    assert.equal(manifest.kind, 'lockstep run folder');
    assert.match(manifest.store.runId, /^[0-9a-f-]{36}$/);
    assert.equal(manifest.store.posts, manifest.data.posts ?? manifest.store.posts);
    assert.equal(manifest.store.files.length, 2);
  });

  it('refuses a non-empty folder that is not a run folder, and leaves its files as they were', () => {
    const dir = join(work, 'case');
    mkdirSync(dir);
    const mine = {
      'accounts.csv': 'my,own\n',
      'report.html': '<p>my notes</p>',
      'manifest.json': '{"case":7}',
    };
    for (const [name, text] of Object.entries(mine)) writeFileSync(join(dir, name), text);
    const refused = lockstep('analyze', tweets, users, '--out', dir);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /is not empty and is not a lockstep run folder.*--force/);
    for (const [name, text] of Object.entries(mine))
      assert.equal(readFileSync(join(dir, name), 'utf8'), text);
    assert.deepEqual(readdirSync(dir).sort(), Object.keys(mine).sort());
    const forced = lockstep('analyze', tweets, users, '--out', dir, '--force');
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(readFileSync(join(dir, 'manifest.json'), 'utf8'), /lockstep run folder/);
    const file = lockstep('analyze', tweets, '--out', users);
    assert.equal(file.code, 2);
    assert.match(file.stderr, /users\.csv is a file; give a folder/);
  });

  it('never replaces the run folder’s store without --force', () => {
    const dir = copyRun('store-kept');
    const before = sha(join(dir, 'lockstep.duckdb'));
    const refused = lockstep('analyze', tweets, '--out', dir);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /lockstep\.duckdb exists.*--db .*lockstep\.duckdb --out.*--force/);
    assert.equal(sha(join(dir, 'lockstep.duckdb')), before);
    // Analysing the store as it is stays allowed; --force makes it afresh from the files.
    const again = lockstep('analyze', '--db', join(dir, 'lockstep.duckdb'), '--out', dir);
    assert.equal(again.code, 0, again.stderr);
    const forced = lockstep('analyze', tweets, '--out', dir, '--force');
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).store.files.length, 1);
  });

  it('a lock stops a second run on the same folder; a lock left by a dead process is taken over', () => {
    const dir = copyRun('locked');
    const lock = join(dir, '.lockstep.lock');
    const before = sha(join(dir, 'networks.json'));
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), started: 'now' }));
    const refused = lockstep('analyze', '--db', join(dir, 'lockstep.duckdb'), '--out', dir);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, new RegExp(`is being written by lockstep process ${process.pid}`));
    assert.equal(sha(join(dir, 'networks.json')), before);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(lock, JSON.stringify({ pid: dead, host: hostname(), started: 'then' }));
    const taken = lockstep('analyze', '--db', join(dir, 'lockstep.duckdb'), '--out', dir);
    assert.equal(taken.code, 0, taken.stderr);
    assert.match(taken.stderr, /lock left by process \d+ .* was taken over/);
    assert.ok(!readdirSync(dir).includes('.lockstep.lock'));
  });
});

describe('report and serve refuse a folder or store that does not match', () => {
  it('report RUN --db OTHER is refused, saying what to do', () => {
    const other = join(work, 'other');
    assert.equal(lockstep('analyze', tweets, '--out', other).code, 0);
    const refused = lockstep('report', run, '--db', join(other, 'lockstep.duckdb'));
    assert.equal(refused.code, 2);
    assert.match(
      refused.stderr,
      /is not the store run .* was made from .*give the store the run was made from/,
    );
    const ok = lockstep('report', run);
    assert.equal(ok.code, 0, ok.stderr);
  });

  it('a store changed since the run (another file ingested into it) is refused', () => {
    const dir = copyRun('grown');
    const extra = join(work, 'extra.csv');
    writeFileSync(
      extra,
      'tweetid,userid,user_screen_name,tweet_text,tweet_time,is_retweet\nx1,ux,someone,"new",2022-09-20 10:00,false\n',
    );
    assert.equal(lockstep('ingest', extra, '--db', join(dir, 'lockstep.duckdb')).code, 0);
    const refused = lockstep('report', dir);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /has changed since run .* now \d[\d,]* posts from 3 files/);
  });

  it('a folder mixing two runs (as a kill while moving files in leaves it) is refused', async () => {
    const dir = copyRun('mixed');
    writeFileSync(join(dir, 'edges.csv'), 'source,target\n');
    const refused = lockstep('report', dir);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /is not one whole run: edges\.csv is not the file its manifest\.json lists/);
    await assert.rejects(startServe(dir, { port: 0 }), /is not one whole run/);
  });

  it('serve RUN --db OTHER is refused before anything is served', async () => {
    await assert.rejects(
      startServe(run, { port: 0, db: join(work, 'other', 'lockstep.duckdb') }),
      /is not the store run .* was made from/,
    );
  });
});
