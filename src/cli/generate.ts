// `lockstep generate --posts N --seed S --out DIR`: the seeded synthetic dataset (IO archive layout
// plus truth.csv).
import { GENERATE_DEFAULTS, type GenerateSummary, generateDataset } from '@lockstep/generate';
import { Progress, UsageError } from './_io.js';

export interface GenerateCommandOptions {
  posts: number;
  seed: number;
  out: string;
  start?: string;
  days?: number;
  json?: boolean;
}

export async function runGenerate(
  options: GenerateCommandOptions,
  progress = new Progress(),
): Promise<GenerateSummary> {
  checkGenerateOptions(options);
  const summary = await generateDataset({
    posts: options.posts,
    seed: options.seed,
    outDir: options.out,
    ...(options.start === undefined ? {} : { start: options.start }),
    ...(options.days === undefined ? {} : { days: options.days }),
    onProgress: (written, total) => progress.stage('generating', { done: written, total, unit: 'posts' }),
  });
  progress.end();
  progress.line(
    `generated ${summary.posts.toLocaleString('en-US')} posts by ${summary.accounts.toLocaleString('en-US')} accounts in ${summary.seconds.toFixed(1)} s`,
  );
  if (options.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else process.stdout.write(`${formatGenerateSummary(summary)}\n`);
  return summary;
}

/** The generator's limits, as usage errors naming the flag (the generator itself throws RangeErrors). */
export function checkGenerateOptions(options: GenerateCommandOptions): void {
  const min = GENERATE_DEFAULTS.minPosts;
  if (!Number.isSafeInteger(options.posts) || options.posts < min)
    throw new UsageError(
      `--posts: the generator needs at least ${min.toLocaleString('en-US')} posts to plant every network and ` +
        `organic burst, got ${options.posts.toLocaleString('en-US')}`,
      { hint: `give --posts ${min} or more` },
    );
  if (options.days !== undefined && (!Number.isInteger(options.days) || options.days > 3650))
    throw new UsageError(`--days expects a whole number from 1 to 3650, got ${options.days}`);
  if (options.start !== undefined) {
    const ms = Date.parse(options.start);
    if (!Number.isFinite(ms) || ms < Date.UTC(2010, 0, 1))
      throw new UsageError(`--start expects an ISO 8601 time after 2010, got "${options.start}"`, {
        hint: 'e.g. --start 2022-09-16T00:00:00Z',
      });
  }
}

export function formatGenerateSummary(s: GenerateSummary): string {
  const n = (v: number) => v.toLocaleString('en-US');
  return [
    `wrote ${s.files.tweets}, ${s.files.users}, ${s.files.truth}`,
    '  planted networks:',
    ...s.networks.map((x) => `    ${x.id} ${x.name}: ${n(x.accounts)} accounts, ${n(x.posts)} posts`),
    '  organic bursts:',
    ...s.organicBursts.map((x) => `    ${x.name}: ${n(x.accounts)} accounts, ${n(x.posts)} posts`),
  ].join('\n');
}
