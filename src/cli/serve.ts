// `lockstep serve RUN_DIR [--db PATH] [--port N] [--host H] [--token T]`: the local web UI over a run folder
// and its store (opened read-only). Loopback only unless --host is given; then every request needs the
// access token (given or generated, printed once). Runs until SIGINT/SIGTERM, then closes the store. A folder
// that is not one whole run, or a store that is not the run's, is refused before anything is served.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkRunFolder, checkRunStore } from '../report/index.js';
import { onFile, Store } from '../store/index.js';
import { type RunningServer, startServer } from '../web/index.js';
import { UsageError } from './_io.js';
import { usage } from './report.js';

export interface ServeCommandOptions {
  db?: string;
  port: number;
  /** Set only when the user gave --host. */
  host?: string;
  token?: string;
}

export function parsePort(value: string): number {
  const n = Number(value);
  if (!/^[0-9]+$/.test(value) || !Number.isInteger(n) || n > 65_535)
    throw new UsageError(`--port expects a port number from 0 to 65535 (0: any free port), got "${value}"`);
  return n;
}

/** Starts the server and returns it (the command then waits for a signal). */
export async function startServe(runDir: string, options: ServeCommandOptions): Promise<RunningServer> {
  const dir = resolve(runDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`no run folder at ${dir}`);
  for (const file of ['networks.json', 'manifest.json', 'edges.csv', 'accounts.csv']) {
    if (!existsSync(join(dir, file)))
      throw new UsageError(`${dir} has no ${file}; give a run folder written by lockstep analyze`);
  }
  const db = options.db ?? join(dir, 'lockstep.duckdb');
  if (!existsSync(db))
    throw new UsageError(`no store at ${db}; give the store the run was made from with --db PATH`);
  if (options.token !== undefined && options.token.length < 16)
    throw new UsageError('--token must be at least 16 characters');
  const manifest = await checkRunFolder(dir).catch(usage);
  const store = await Store.open(db, { readOnly: true });
  try {
    await onFile(db, 'checking the store against the run', () =>
      checkRunStore(dir, manifest, store, db),
    ).catch(usage);
  } finally {
    store.close();
  }
  return onFile(db, 'preparing the UI', () =>
    startServer({
      runDir: dir,
      db,
      port: options.port,
      ...(options.host !== undefined ? { host: options.host } : {}),
      ...(options.token !== undefined ? { token: options.token } : {}),
    }),
  );
}

export async function runServe(runDir: string, options: ServeCommandOptions): Promise<void> {
  const server = await startServe(runDir, options);
  if (server.token === null) process.stdout.write(`lockstep serve: ${server.url}\n`);
  else {
    process.stdout.write(
      `lockstep serve: ${server.url} (bound to ${server.host}, reachable from other machines)\n` +
        `access token: ${server.token}\nopen: ${server.url}?token=${server.token}\n`,
    );
  }
  process.stdout.write('press Ctrl+C to stop\n');
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
