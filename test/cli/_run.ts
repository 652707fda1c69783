// The command line as a user runs it, for the CLI tests: a child process per call (src/cli/main.ts under
// tsx, from the repository's root, in a fixed time zone), with its exit code and outputs.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export function lockstep(...args: string[]) {
  return lockstepWith({}, ...args);
}

/** As lockstep(), with extra environment variables (e.g. LOCKSTEP_DEBUG). */
export function lockstepWith(env: Record<string, string>, ...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LOCKSTEP_DEBUG: '', TZ: 'America/New_York', ...env },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
