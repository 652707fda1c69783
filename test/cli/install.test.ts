// The README's install for use anywhere: `npm install -g .` from the clone puts a `lockstep` command on the
// PATH that runs from any folder, and the packed tarball (what `files` in package.json ships) installs a
// working command too. Installs go into a temporary prefix, offline, without scripts: the test must not
// rebuild dist/ in a tree others share, nor need the internet. Skipped, saying why, when it cannot run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';

const ROOT = resolve(import.meta.dirname, '../..');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const work = mkdtempSync(join(tmpdir(), 'lockstep-install-'));
after(() => rmSync(work, { recursive: true, force: true }));

const npm = (args: string[], cwd: string) =>
  spawnSync('npm', [...args, '--no-audit', '--no-fund', '--offline', '--ignore-scripts'], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
  });

/** Runs the installed command from a folder outside the clone, with the prefix's bin first on the PATH. */
function runInstalled(prefix: string, ...args: string[]) {
  const bin = join(prefix, 'bin');
  return spawnSync(join(bin, 'lockstep'), args, {
    cwd: work,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` },
  });
}

const why =
  spawnSync('npm', ['--version'], { encoding: 'utf8' }).status !== 0
    ? 'npm is not on the PATH'
    : !existsSync(join(ROOT, 'dist/cli/main.js'))
      ? 'dist/ is not built (run npm run build)'
      : undefined;

describe('install for use anywhere', { skip: why }, () => {
  it('npm install -g . puts lockstep on the PATH, and it runs outside the clone', () => {
    const prefix = join(work, 'global');
    const installed = npm(['install', '-g', '--prefix', prefix, ROOT], work);
    assert.equal(installed.status, 0, installed.stderr);
    const version = runInstalled(prefix, '--version');
    assert.equal(version.status, 0, version.stderr);
    assert.equal(version.stdout.trim(), VERSION);
    const help = runInstalled(prefix, 'analyze', '--help');
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /--out/);
  });

  it('the packed tarball installs a working command', (t) => {
    const packed = npm(['pack', '--pack-destination', work, '--json'], ROOT);
    assert.equal(packed.status, 0, packed.stderr);
    const [{ filename = '' } = {}] = JSON.parse(packed.stdout) as Array<{ filename?: string }>;
    const prefix = join(work, 'tarball');
    const installed = npm(['install', '-g', '--prefix', prefix, join(work, filename)], work);
    // A tarball brings no dependencies: npm must fetch them, and offline it can only when its cache has them.
    if (installed.status !== 0 && /ENOTCACHED/.test(installed.stderr)) {
      t.skip("npm's cache lacks the dependencies, and the test installs offline");
      return;
    }
    assert.equal(installed.status, 0, installed.stderr);
    const version = runInstalled(prefix, '--version');
    assert.equal(version.status, 0, version.stderr);
    assert.equal(version.stdout.trim(), VERSION);
  });
});
