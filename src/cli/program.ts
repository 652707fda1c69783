// The lockstep command line: the program and its error handling (the bin entry is main.ts). Each command's module loads only when that command runs, so `--help`
// and small commands start fast. Exit codes: 0 ok, 1 failure, 2 bad usage.
import { Command, CommanderError, Option } from 'commander';
import {
  describeSetting,
  detectOptionsOf,
  readSettings,
  type Setting,
  type SettingsCommand,
  type SettingValues,
  settingsOf,
} from '../settings/index.js';
import { VERSION } from '../version.js';
import { EXIT, explainError } from './_errors.js';
import { Progress, parseInteger, parsePositiveInt } from './_io.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The heading --help lists a command's expert options under, after its core options. */
export const EXPERT_HEADING = 'Expert options:';

/**
 * The command's options from the settings registry, core first, expert ones under EXPERT_HEADING. They carry
 * no commander default: a flag left out leaves the stage's own default in force (the registry's, which the
 * description shows), so --help loads no pipeline code.
 */
function addSettings(command: Command, name: SettingsCommand): Command {
  for (const s of settingsOf(name) as Setting[]) {
    const option = new Option(s.flag, describeSetting(s));
    if (s.tier === 'expert') option.helpGroup(EXPERT_HEADING);
    if (s.required) option.makeOptionMandatory();
    if (s.repeatable) option.argParser(collect);
    command.addOption(option);
  }
  return command;
}

/** The input options given (those ingest and analyze share), as the commands take them. */
function inputOptions(v: Partial<SettingValues>) {
  return {
    ...(typeof v.map === 'string' ? { map: v.map } : {}),
    ...(typeof v.preset === 'string' ? { preset: v.preset } : {}),
    ...(typeof v.platform === 'string' ? { platform: v.platform } : {}),
    ...(typeof v.timezone === 'string' ? { timezone: v.timezone } : {}),
    ...(Array.isArray(v.na) ? { na: v.na } : {}),
    ...(typeof v.encoding === 'string' ? { encoding: v.encoding } : {}),
    ...(typeof v.delimiter === 'string' ? { delimiter: v.delimiter } : {}),
    ...(typeof v.maxRecordBytes === 'number' ? { maxRecordBytes: v.maxRecordBytes } : {}),
    ...(typeof v.memoryLimit === 'number' ? { memoryLimit: v.memoryLimit } : {}),
  };
}

export function buildProgram(): Command {
  const program = new Command('lockstep')
    .description(
      'Find accounts that act in lockstep: coordinated influence campaigns in social-media data, ' +
        'told apart from genuine mass mobilisation, with evidence others can check.',
    )
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  program
    .command('generate')
    .description(
      'write a seeded synthetic dataset (IO archive layout: tweets.csv, users.csv) and its truth.csv',
    )
    .requiredOption('--out <dir>', 'folder to write into (created if missing)')
    .option('--posts <n>', 'number of posts', '100000')
    .option('--seed <n>', 'random seed; the same seed gives byte-identical files', '1')
    .option('--start <iso>', 'first day of the dataset, UTC', '2022-09-16T00:00:00Z')
    .option('--days <n>', 'days the dataset spans', '30')
    .option('--json', 'print the summary as JSON')
    .action(async (o: Record<string, string | boolean>) => {
      const { runGenerate } = await import('./generate.js');
      await runGenerate({
        out: String(o.out),
        posts: parsePositiveInt('--posts', String(o.posts)),
        seed: parseInteger('--seed', String(o.seed)),
        start: String(o.start),
        days: parsePositiveInt('--days', String(o.days)),
        json: o.json === true,
      });
    });

  const ingest = program
    .command('ingest')
    .description('load files (format detected; gzip transparent) into a store and report every rejected row')
    .argument(
      '<files...>',
      'input files: IO archive CSV, Twitter API v1.1/v2 JSON(L), Telegram JSON, scraper JSON, CSV',
    )
    .requiredOption('--db <path>', 'DuckDB store to load into (created if missing)');
  addSettings(ingest, 'ingest')
    .option('--json', 'print the ingest report as one JSON object')
    .action(async (files: string[], o: Record<string, unknown>) => {
      const values = readSettings('ingest', o);
      const { runIngest } = await import('./ingest.js');
      await runIngest(files, {
        db: String(o.db),
        ...inputOptions(values),
        json: o.json === true,
        quiet: values.quiet === true,
      });
    });

  program
    .command('inspect')
    .description('summarise a store: posts, accounts, time span, formats, top hashtags, files and rejections')
    .requiredOption('--db <path>', 'DuckDB store to read')
    .option('--top <n>', 'how many top hashtags and domains', '10')
    .option('--json', 'print the summary as one JSON object')
    .action(async (o: Record<string, string | boolean>) => {
      const { runInspect } = await import('./inspect.js');
      await runInspect({
        db: String(o.db),
        json: o.json === true,
        top: parsePositiveInt('--top', String(o.top)),
      });
    });

  // Every analyze option comes from the settings registry (src/settings), read and checked there.
  const analyze = program
    .command('analyze')
    .description(
      'ingest files (or read a store), find coordinated networks beyond chance, and write the run folder',
    )
    .argument('[files...]', 'input files, as for ingest; none with --db analyses that store as it is');
  addSettings(analyze, 'analyze').action(async (files: string[], o: Record<string, unknown>) => {
    const values = readSettings('analyze', o);
    const { runAnalyze } = await import('./analyze.js');
    await runAnalyze(
      files,
      {
        out: String(values.out),
        ...(typeof values.db === 'string' ? { db: values.db } : {}),
        ...(values.force === true ? { force: true } : {}),
        ...(values.showSetAside === true ? { showSetAside: true } : {}),
        ...inputOptions(values),
        detect: detectOptionsOf(values),
      },
      new Progress(values.quiet === true),
    );
  });

  program
    .command('report')
    .description('rebuild report.html in a run folder from its files and the store it was made from')
    .argument('<run-dir>', 'run folder written by lockstep analyze')
    .option('--db <path>', 'store the run was made from (default RUN_DIR/lockstep.duckdb)')
    .action(async (runDir: string, o: Record<string, string | undefined>) => {
      const { runReport } = await import('./report.js');
      await runReport(runDir, typeof o.db === 'string' ? { db: o.db } : {});
    });

  program
    .command('serve')
    .description('open a local web UI over a run folder: networks, graphs, timelines, accounts, evidence')
    .argument('<run-dir>', 'run folder written by lockstep analyze')
    .option('--db <path>', 'store the run was made from, opened read-only (default RUN_DIR/lockstep.duckdb)')
    .option('--port <n>', 'port to listen on (0: any free port)', '8787')
    .option(
      '--host <address>',
      'address to bind (default 127.0.0.1); any other than loopback requires the access token',
    )
    .option('--token <token>', 'access token for a non-loopback --host (default: generated and printed)')
    .action(async (runDir: string, o: Record<string, string | undefined>) => {
      const { parsePort, runServe } = await import('./serve.js');
      await runServe(runDir, {
        port: parsePort(String(o.port)),
        ...(typeof o.db === 'string' ? { db: o.db } : {}),
        ...(typeof o.host === 'string' ? { host: o.host } : {}),
        ...(typeof o.token === 'string' ? { token: o.token } : {}),
      });
    });

  program
    .command('demo')
    .description(
      'generate a dataset with a fixed seed, analyse it, and say where the run folder is (what npm start runs)',
    )
    .option('--posts <n>', 'number of posts', '200000')
    .option('--seed <n>', 'random seed', '1')
    .option('--out <dir>', 'run folder', 'runs/demo')
    .action(async (o: Record<string, string>) => {
      const { runDemo } = await import('./demo.js');
      await runDemo({
        posts: parsePositiveInt('--posts', String(o.posts)),
        seed: parseInteger('--seed', String(o.seed)),
        out: String(o.out),
      });
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return EXIT.ok;
  } catch (err) {
    // Commander has printed its own message (and help and version end here too, with code 0).
    const debug = isDebug();
    const { exitCode, message } = explainError(err, debug);
    if (!(err instanceof CommanderError)) process.stderr.write(`lockstep: ${message}\n`);
    else if (debug && message !== '') process.stderr.write(`${message}\n`);
    return exitCode;
  }
}

/** LOCKSTEP_DEBUG set to anything but '', '0' or 'false': errors keep the engine's text and the stacks. */
export function isDebug(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = (env.LOCKSTEP_DEBUG ?? '').trim().toLowerCase();
  return v !== '' && v !== '0' && v !== 'false';
}
