// The UI's client script: TypeScript under client/, bundled by esbuild (the report's bundler) into one IIFE
// that the server serves as /static/ui.js. `npm run build` writes it to dist/web/ui.js; from the sources
// (tests, tsx) it is built on first request from client/main.ts, so a stale dist is never served.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildReportClient } from '../report/html/index.js';

const here = dirname(fileURLToPath(import.meta.url));
export const UI_CLIENT_ENTRY = join(here, 'client', 'main.ts');
export const UI_CLIENT_BUNDLE = join(here, 'ui.js');

let cached: Promise<string> | null = null;

export function loadUiClient(): Promise<string> {
  cached ??= existsSync(UI_CLIENT_ENTRY)
    ? buildReportClient(UI_CLIENT_ENTRY)
    : readFile(UI_CLIENT_BUNDLE, 'utf8').catch(() => {
        throw new Error(`the UI client is missing (${UI_CLIENT_BUNDLE}); run npm run build`);
      });
  return cached;
}
