// What makes a folder a lockstep run folder, and whether it is one whole run over a given store: its
// manifest.json carries the marker RUN_FOLDER_KIND, the SHA-256 of every output, and the identity of the store
// it was made from (a run id recorded in the store's meta table, its post count and its files' SHA-256).
// `report` and `serve` check both before they show anything: a folder left half written by a killed run, or a
// store other than the run's, would otherwise give a good-looking report of the wrong evidence.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Store } from '../store/index.js';

/** manifest.json's `kind`: the marker that a folder was written by lockstep analyze. */
export const RUN_FOLDER_KIND = 'lockstep run folder';

/** Which store a run was made from. */
export interface StoreIdentity {
  /** Recorded in the store's meta table as `run:<id>` when the run folder was written. */
  runId: string;
  posts: number;
  /** SHA-256 of the files the store was loaded from, in load order. */
  files: string[];
}

export interface RunManifest {
  kind?: string;
  tool?: { name?: string; version?: string };
  outputs?: Record<string, { bytes: number; sha256: string }>;
  store?: StoreIdentity;
}

/** A run folder that is not whole, or a store that is not the run's: the message says what to do. */
export class RunFolderError extends Error {
  override name = 'RunFolderError';
}

/** Records a new run in the store and returns the store's identity as the manifest keeps it. */
export async function recordRun(store: Store, runId: string = randomUUID()): Promise<StoreIdentity> {
  await store.run(`INSERT INTO meta VALUES ($1, $2)`, [`run:${runId}`, new Date().toISOString()]);
  return { runId, ...(await storeContents(store)) };
}

async function storeContents(store: Store): Promise<Omit<StoreIdentity, 'runId'>> {
  const posts = await store.one<{ n: bigint }>(`SELECT count(*) AS n FROM posts`);
  const files = await store.all<{ sha256: string }>(`SELECT sha256 FROM files ORDER BY file_id`);
  return { posts: Number(posts.n), files: files.map((f) => f.sha256) };
}

/**
 * The folder's manifest when it was written by lockstep analyze (the marker, or, for run folders made before
 * the marker, the tool name and the outputs' hashes); null when there is none or it is someone else's.
 */
export async function readRunManifest(dir: string): Promise<RunManifest | null> {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) return null;
  let manifest: RunManifest;
  try {
    manifest = JSON.parse(await readFile(path, 'utf8')) as RunManifest;
  } catch {
    return null;
  }
  if (manifest === null || typeof manifest !== 'object') return null;
  if (manifest.kind === RUN_FOLDER_KIND) return manifest;
  const legacy = manifest.tool?.name === 'lockstep' && typeof manifest.outputs === 'object';
  return legacy ? manifest : null;
}

/** Checks that every output is the one manifest.json lists (a whole run, not a mix left by a killed one). */
export async function checkRunFolder(dir: string): Promise<RunManifest> {
  const manifest = await readRunManifest(dir);
  if (manifest === null)
    throw new RunFolderError(
      `${dir} has no manifest.json written by lockstep analyze; give a run folder written by lockstep analyze`,
    );
  for (const [name, expected] of Object.entries(manifest.outputs ?? {})) {
    const path = join(dir, name);
    const bytes = existsSync(path) ? await readFile(path) : null;
    const sha256 = bytes === null ? null : createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== expected.sha256)
      throw new RunFolderError(
        `${dir} is not one whole run: ${name} ${bytes === null ? 'is missing' : 'is not the file its manifest.json lists'} ` +
          '(an analyze run was interrupted, or the file was changed since); run lockstep analyze again to write a whole run folder',
      );
  }
  return manifest;
}

/**
 * Checks that `store` (opened from `db`) is the one the run was made from. A run folder made before stores
 * were recorded has no identity to check; null is returned then, so the caller can say so.
 */
export async function checkRunStore(
  dir: string,
  manifest: RunManifest,
  store: Store,
  db: string,
): Promise<StoreIdentity | null> {
  const expected = manifest.store;
  if (expected === undefined) return null;
  const recorded = await store.all(`SELECT value FROM meta WHERE key = $1`, [`run:${expected.runId}`]);
  const found = await storeContents(store);
  const what = `${n(expected.posts)} posts from ${n(expected.files.length)} file${expected.files.length === 1 ? '' : 's'}`;
  const todo =
    `give the store the run was made from with --db PATH, or analyse this store in a new run folder: ` +
    `lockstep analyze --db ${db} --out NEW_DIR`;
  if (recorded.length === 0)
    throw new RunFolderError(
      `${db} is not the store run ${dir} was made from (run ${expected.runId}, ${what}); ${todo}`,
    );
  if (found.posts !== expected.posts || found.files.join() !== expected.files.join())
    throw new RunFolderError(
      `${db} has changed since run ${dir} was made from it (then ${what}, now ${n(found.posts)} posts from ` +
        `${n(found.files.length)} file${found.files.length === 1 ? '' : 's'}); ${todo}`,
    );
  return expected;
}

const n = (value: number) => value.toLocaleString('en-US');
