// The input flags that ingest and analyze share, checked before any file is read or store made: a --map that
// does not parse and a --timezone the engine does not know are usage errors (exit 2) that say what to give,
// not an engine message after the first file was half loaded.
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { InputError, parseMapping } from '../ingest/index.js';
import { Store } from '../store/index.js';
import { UsageError, UserError } from './_errors.js';

const MAP_EXAMPLE = 'e.g. --map account=author_id,time=created_at,text=body';

export async function checkInputOptions(options: { map?: string; timezone?: string }): Promise<void> {
  if (options.map !== undefined) {
    try {
      parseMapping(options.map);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      throw new UsageError(err.message, { hint: MAP_EXAMPLE });
    }
  }
  if (options.timezone !== undefined) await checkTimeZone(options.timezone);
}

/** Every input file exists, is a file and can be read; otherwise the first that is not, and what to do. */
export async function checkInputFiles(files: string[]): Promise<void> {
  for (const file of files) {
    const info = await stat(file).catch(() => null);
    if (info === null)
      throw new UserError(`${file}: no such file`, {
        hint: `check the path (a relative path starts from ${process.cwd()})`,
      });
    if (info.isDirectory())
      throw new UserError(`${file}: a folder, not a file`, {
        hint: `give the files in it, e.g. ${file.replace(/\/+$/, '')}/*.csv`,
      });
    const readable = await access(file, constants.R_OK).then(
      () => true,
      () => false,
    );
    if (!readable)
      throw new UserError(`${file}: permission denied`, {
        hint: 'give lockstep read access to the file (e.g. chmod u+r), or copy it somewhere you can read',
      });
  }
}

/** The zone must be one the engine converts times with (its ICU list), or the load would fail midway. */
export async function checkTimeZone(zone: string): Promise<void> {
  const store = await Store.open();
  let names: string[];
  try {
    names = (await store.all<{ name: string }>(`SELECT name FROM pg_timezone_names() ORDER BY name`)).map(
      (r) => r.name,
    );
  } finally {
    store.close();
  }
  if (names.includes(zone)) return;
  const wanted = zone.trim().toLowerCase().replaceAll(' ', '_');
  const near = names.filter(
    (n) => n.toLowerCase() === wanted || n.toLowerCase().split('/').pop() === wanted.split('/').pop(),
  );
  throw new UsageError(`--timezone: unknown time zone "${zone}"`, {
    hint:
      near.length > 0
        ? `did you mean ${near.slice(0, 3).join(' or ')}?`
        : 'give an IANA zone name such as Asia/Tehran, Europe/Berlin, America/Chicago or UTC',
  });
}
