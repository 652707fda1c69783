// The `lockstep serve` HTTP server (node:http): HTML shells and their JSON twins under /api/, the UI script
// and stylesheet under /static/, security headers on every answer. Bound to 127.0.0.1 by default; on any
// other address every request must carry the access token (`?token=` once, which sets an HttpOnly
// SameSite=Strict cookie, or `Authorization: Bearer`). On loopback, a Host header other than the loopback
// names is refused, so a web page cannot reach the server through DNS rebinding.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { findEngineMessage, Store } from '../store/index.js';
import { HttpError, ServeContext, type ServeLimits } from './_context.js';
import { readServedRun } from './_run.js';
import { QueryTimeout, TimedStore } from './_timed-store.js';
import { loadUiClient } from './client-bundle.js';
import { renderErrorPage, renderShell, SECURITY_HEADERS, UI_CSS } from './page.js';
import { buildAccountView } from './views/account.js';
import { buildEvidenceView } from './views/evidence.js';
import { buildNetworkView, parseNetworkId } from './views/network.js';
import { buildNetworksView } from './views/networks.js';

export const SERVE_DEFAULTS = {
  host: '127.0.0.1',
  port: 8787,
  /** Longest a store query may run before it is interrupted and the request answered 503. */
  queryTimeoutMs: 10_000,
  /**
   * Store connections serving requests at once (a DuckDB connection runs one query at a time); more requests
   * wait for a free one. Four on two cores: with 20 concurrent readers, account pages came 1.4x (median) and
   * 1.8x (p95) faster than on one connection (docs/notebook/2026-12-07-benchmarks.md, "serve under several
   * readers"); more connections only share the same cores, and each holds little memory of its own.
   */
  readers: 4,
  postsPerPage: 200,
  maxEvidencePairs: 500,
  maxAccounts: 2000,
  maxDrawnEdges: 3000,
  maxAccountEdges: 500,
  layoutIterations: 200,
  maxBuckets: 2000,
};

export interface ServeOptions extends Partial<Omit<typeof SERVE_DEFAULTS, 'host'>> {
  /** Run folder written by lockstep analyze. */
  runDir: string;
  /** Store the run was made from (default RUN_DIR/lockstep.duckdb). */
  db?: string;
  host?: string;
  /** Access token for a non-loopback bind; generated when left out there. Ignored on loopback. */
  token?: string;
}

export interface RunningServer {
  url: string;
  host: string;
  port: number;
  /** The access token required on a non-loopback bind, or null on loopback. */
  token: string | null;
  server: Server;
  close(): Promise<void>;
}

const TOKEN_COOKIE = 'lockstep_token';

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const o = { ...SERVE_DEFAULTS, ...options };
  const dir = resolve(o.runDir);
  const run = await readServedRun(dir);
  const store = await Store.open(o.db ?? join(dir, 'lockstep.duckdb'), { readOnly: true });
  const limits: ServeLimits = {
    postsPerPage: o.postsPerPage,
    maxEvidencePairs: o.maxEvidencePairs,
    maxAccounts: o.maxAccounts,
    maxDrawnEdges: o.maxDrawnEdges,
    maxAccountEdges: o.maxAccountEdges,
    layoutIterations: o.layoutIterations,
    maxBuckets: o.maxBuckets,
  };
  const db = new TimedStore(store, o.queryTimeoutMs, o.readers);
  const ctx = new ServeContext(run, db, limits);
  // Every network's layout is computed before the first request (about 6 s for a 10,000-account network
  // with 50,000 edges), so no page ever waits on ForceAtlas2 and large graphs open at once.
  for (const n of run.files.networks.networks) await ctx.layout(n.id);
  const loopback = isLoopback(o.host);
  const token = loopback ? null : (o.token ?? randomBytes(24).toString('base64url'));
  let port = o.port;
  const server = createServer((req, res) => {
    handle(ctx, req, res, { token, loopback, port: () => port }).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error\n');
      else res.end();
      process.stderr.write(`lockstep serve: ${describeFailure(req, err, store.path)}\n`);
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(o.port, o.host, () => {
      server.off('error', fail);
      ok();
    });
  });
  port = (server.address() as AddressInfo).port;
  const shown = o.host.includes(':') ? `[${o.host}]` : o.host;
  let closed = false;
  return {
    url: `http://${shown}:${port}/`,
    host: o.host,
    port,
    token,
    server,
    async close() {
      if (closed) return;
      closed = true;
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      db.close();
      store.close();
    },
  };
}

/**
 * The server's own log line for a request that failed: the address, and the engine's text and stack only with
 * LOCKSTEP_DEBUG=1 (the request's own answer is a bare 500, never the error).
 */
function describeFailure(req: IncomingMessage, err: unknown, storePath: string): string {
  const debug = !['', '0', 'false'].includes((process.env.LOCKSTEP_DEBUG ?? '').trim().toLowerCase());
  const path = (req.url ?? '/').split('?')[0];
  if (debug) return `${path} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
  const engine = err instanceof Error ? findEngineMessage(err.message) : null;
  return (
    `${path} failed${engine === null ? '' : ' in the database engine'} (store ${storePath}); ` +
    'run lockstep serve with LOCKSTEP_DEBUG=1 to see the details'
  );
}

interface Guard {
  token: string | null;
  loopback: boolean;
  port: () => number;
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  extra: Record<string, string> = {},
) {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

const sameToken = (given: string, token: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
};

function cookieToken(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === TOKEN_COOKIE) return v.join('=');
  }
  return null;
}

async function handle(
  ctx: ServeContext,
  req: IncomingMessage,
  res: ServerResponse,
  guard: Guard,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (guard.loopback) {
    const host = (req.headers.host ?? '').toLowerCase();
    const p = guard.port();
    if (
      ![`127.0.0.1:${p}`, `localhost:${p}`, `[::1]:${p}`].includes(host) &&
      !/^127\.[0-9.]+:\d+$/.test(host)
    )
      return send(
        res,
        403,
        'text/plain; charset=utf-8',
        'this server answers only to its loopback address\n',
      );
  }
  const extra: Record<string, string> = {};
  if (guard.token !== null) {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const query = url.searchParams.get('token');
    const ok = [bearer, query, cookieToken(req)].some(
      (t) => t != null && sameToken(t, guard.token as string),
    );
    if (!ok)
      return send(
        res,
        401,
        'text/plain; charset=utf-8',
        'access token required (?token= or Authorization: Bearer)\n',
      );
    if (query !== null) {
      extra['Set-Cookie'] = `${TOKEN_COOKIE}=${guard.token}; HttpOnly; SameSite=Strict; Path=/`;
      // Pages drop the token from the address bar (and from history) once the cookie carries it.
      if (!url.pathname.startsWith('/api/') && req.method === 'GET') {
        url.searchParams.delete('token');
        return send(res, 303, 'text/plain; charset=utf-8', '', {
          ...extra,
          // One leading slash only: '//host' would be read as another site.
          Location: `${url.pathname.replace(/^\/+/, '/')}${url.search}`,
        });
      }
    }
  }
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return send(res, 405, 'text/plain; charset=utf-8', 'only GET\n', { ...extra, Allow: 'GET, HEAD' });

  if (url.pathname === '/static/ui.js')
    return send(res, 200, 'text/javascript; charset=utf-8', await loadUiClient(), extra);
  if (url.pathname === '/favicon.ico') return send(res, 204, 'image/x-icon', '', extra);
  if (url.pathname === '/static/ui.css') return send(res, 200, 'text/css; charset=utf-8', UI_CSS, extra);

  const api = url.pathname.startsWith('/api/');
  const raw = (api ? url.pathname.slice(4) : url.pathname).split('/').slice(1);
  let parts: string[];
  try {
    parts = raw.map((p) => decodeURIComponent(p));
  } catch {
    return fail(res, api, new HttpError(400, 'malformed percent-encoding in the path'), extra);
  }
  try {
    const [view, ...args] = parts;
    let payload: unknown;
    if (api && view === 'networks' && args.length === 0) payload = buildNetworksView(ctx);
    else if (!api && view === '' && args.length === 0) payload = null;
    else if (view === 'network' && args.length === 1) {
      if (api) payload = await buildNetworkView(ctx, args[0] as string);
      else if (ctx.network(parseNetworkId(args[0] as string)) === undefined)
        throw new HttpError(404, 'no such network in this run');
    } else if (view === 'account' && args.length === 1 && validKey(args[0])) {
      if (api) payload = await buildAccountView(ctx, args[0], url.searchParams.get('page'));
      else await ctx.requireAccount(args[0]);
    } else if (view === 'evidence' && args.length === 2 && validKey(args[0]) && validKey(args[1])) {
      if (api) payload = await buildEvidenceView(ctx, args[0], args[1]);
      else {
        await ctx.requireAccount(args[0]);
        await ctx.requireAccount(args[1]);
      }
    } else if (['network', 'account', 'evidence'].includes(view ?? ''))
      throw new HttpError(400, 'malformed address for this view');
    else throw new HttpError(404, 'no such page');
    if (api)
      return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(payload, jsonSafe), extra);
    return send(res, 200, 'text/html; charset=utf-8', renderShell(), extra);
  } catch (err) {
    return fail(res, api, err, extra);
  }
}

const validKey = (key: string | undefined): key is string =>
  key !== undefined && key !== '' && key.length <= 1000;

/** BigInts (DuckDB counts) as numbers. */
const jsonSafe = (_key: string, value: unknown) => (typeof value === 'bigint' ? Number(value) : value);

function fail(res: ServerResponse, api: boolean, err: unknown, extra: Record<string, string>): void {
  let status: number;
  let message: string;
  if (err instanceof HttpError) [status, message] = [err.status, err.message];
  else if (err instanceof QueryTimeout) [status, message] = [503, `${err.message}: the query took too long`];
  else throw err;
  if (api)
    send(res, status, 'application/json; charset=utf-8', JSON.stringify({ error: message, status }), extra);
  else send(res, status, 'text/html; charset=utf-8', renderErrorPage(status, message), extra);
}
