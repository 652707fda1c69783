// The report's client script: TypeScript under client/, bundled by esbuild into one IIFE that report.html
// inlines. `npm run build` writes it to dist/report/client.js (scripts/build-client.mjs); when running from
// the sources (tests, tsx) it is built on demand from client/main.ts, so a stale dist is never used.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** The client's entry beside this module (present when running from the sources). */
export const REPORT_CLIENT_ENTRY = join(here, 'client', 'main.ts');
/** Where the build puts the bundle, relative to this module once compiled (dist/report/html/..). */
export const REPORT_CLIENT_BUNDLE = join(here, '..', 'client.js');

let cached: Promise<string> | null = null;

/** The bundled client script, read from the build or built from the sources. */
export function loadReportClient(): Promise<string> {
  cached ??= existsSync(REPORT_CLIENT_ENTRY)
    ? buildReportClient(REPORT_CLIENT_ENTRY)
    : readFile(REPORT_CLIENT_BUNDLE, 'utf8').catch(() => {
        throw new Error(`the report client is missing (${REPORT_CLIENT_BUNDLE}); run npm run build`);
      });
  return cached;
}

/** Bundles `entry` (esbuild, a dev dependency) into a minified IIFE for browsers. */
export async function buildReportClient(entry: string): Promise<string> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    minify: true,
    legalComments: 'eof',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const file = result.outputFiles[0];
  if (file === undefined) throw new Error(`esbuild gave no output for ${entry}`);
  return file.text;
}
