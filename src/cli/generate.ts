// `lockstep generate --posts N --seed S --out DIR`: the seeded synthetic dataset (IO archive layout
// plus truth.csv).
import { type GenerateSummary, generateDataset } from '../generate/index.js';
import { Progress } from './_io.js';

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
  const summary = await generateDataset({
    posts: options.posts,
    seed: options.seed,
    outDir: options.out,
    ...(options.start === undefined ? {} : { start: options.start }),
    ...(options.days === undefined ? {} : { days: options.days }),
    onProgress: (written, total) =>
      progress.update(
        `generating: ${written.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} posts`,
      ),
  });
  progress.line(
    `generated ${summary.posts.toLocaleString('en-US')} posts by ${summary.accounts.toLocaleString('en-US')} accounts in ${summary.seconds.toFixed(1)} s`,
  );
  if (options.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else process.stdout.write(`${formatGenerateSummary(summary)}\n`);
  return summary;
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
