// Guarding `analyze --out DIR`, which is the user's evidence: what the folder holds (nothing, a lockstep run
// folder, or someone else's files), a lock file so two runs never write one folder at once, and the staging
// folder inside DIR where a run is written whole before its files are moved into place, manifest.json last.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { readRunManifest } from '../report/index.js';
import { UsageError } from './_io.js';

export const LOCK_FILE = '.lockstep.lock';
const STAGING_PREFIX = '.lockstep-staging-';
/** Entries that do not make a folder someone's: lockstep's own lock and staging, and the desktop's litter. */
const IGNORED = (name: string) =>
  name === LOCK_FILE || name.startsWith(STAGING_PREFIX) || name === '.DS_Store' || name === 'Thumbs.db';

export type OutFolderState = 'empty' | 'run' | 'other';

/** 'empty' also for a folder that does not exist yet. */
export async function outFolderState(dir: string): Promise<OutFolderState> {
  if (!existsSync(dir)) return 'empty';
  const names = (await readdir(dir)).filter((name) => !IGNORED(name));
  if (names.length === 0) return 'empty';
  return (await readRunManifest(dir)) === null ? 'other' : 'run';
}

interface LockHolder {
  pid: number;
  host: string;
  started: string;
}

/**
 * Takes DIR's lock, or throws a UsageError naming the run that holds it. A lock left by a run that no longer
 * exists (killed, on this machine) is taken over; one from another machine is never guessed about.
 * Returns the release function.
 */
export async function lockOutFolder(dir: string, note: (line: string) => void): Promise<() => Promise<void>> {
  const path = join(dir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${JSON.stringify(me)}\n`);
      await handle.close();
      return () => rm(path, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = await readHolder(path);
    if (holder !== null && holder.host === me.host && !alive(holder.pid)) {
      note(
        `a run folder lock left by process ${holder.pid} (started ${holder.started}, no longer running) was taken over`,
      );
      await rm(path, { force: true });
      continue;
    }
    const who =
      holder === null
        ? 'another lockstep run'
        : `lockstep process ${holder.pid} on ${holder.host} (started ${holder.started})`;
    throw new UsageError(
      `${dir} is being written by ${who}; wait for it to finish, or give another --out folder ` +
        `(if no such run is going on, delete ${path})`,
    );
  }
  throw new UsageError(`cannot lock ${dir}: ${path} keeps reappearing`);
}

async function readHolder(path: string): Promise<LockHolder | null> {
  try {
    const holder = JSON.parse(await readFile(path, 'utf8')) as LockHolder;
    return typeof holder.pid === 'number' && typeof holder.host === 'string' ? holder : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A fresh staging folder inside DIR (same file system, so the moves are renames); old ones are removed. */
export async function makeStaging(dir: string): Promise<string> {
  // Only called while holding the lock: a staging folder left now is a killed run's, and lockstep's own.
  for (const name of await readdir(dir)) {
    if (name.startsWith(STAGING_PREFIX)) await rm(join(dir, name), { recursive: true, force: true });
  }
  const staging = join(dir, `${STAGING_PREFIX}${randomUUID()}`);
  await mkdir(staging);
  return staging;
}

/**
 * Moves the staged run into DIR: the store first (its old write-ahead log removed, or DuckDB would replay it
 * into the new file), then the outputs, manifest.json last. A kill between two moves leaves a manifest whose
 * hashes or store identity do not match, which report and serve refuse, never a mix they accept.
 */
export async function moveIntoPlace(staging: string, dir: string, names: string[]): Promise<void> {
  const last: string[] = names.filter((name) => name === 'manifest.json');
  const store = names.filter((name) => name.endsWith('.duckdb'));
  const rest = names.filter((name) => !last.includes(name) && !store.includes(name));
  for (const name of store) {
    await rm(join(dir, `${name}.wal`), { force: true });
    if (existsSync(join(staging, `${name}.wal`)))
      await rename(join(staging, `${name}.wal`), join(dir, `${name}.wal`));
    await rename(join(staging, name), join(dir, name));
  }
  for (const name of [...rest, ...last]) await rename(join(staging, name), join(dir, name));
  await rm(staging, { recursive: true, force: true });
}
