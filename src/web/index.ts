// Public face of the web UI: `lockstep serve`'s server over a run folder and its store.
export { HttpError } from './_context.js';
export { QueryTimeout } from './_timed-store.js';
export { loadUiClient } from './client-bundle.js';
export { SECURITY_HEADERS } from './page.js';
export { isLoopback, type RunningServer, SERVE_DEFAULTS, type ServeOptions, startServer } from './server.js';
export type { AccountPayload } from './views/account.js';
export type { EvidencePayload } from './views/evidence.js';
export type { NetworkPayload } from './views/network.js';
export type { NetworksPayload } from './views/networks.js';
