// The lockstep command line: the program and its error handling (the bin entry is main.ts). Each command's module loads only when that command runs, so `--help`
// and small commands start fast. Exit codes: 0 ok, 1 failure, 2 bad usage.
import { Command, CommanderError, Option } from 'commander';
import { VERSION } from '../version.js';
import { EXIT, parseInteger, parsePositiveInt, UsageError } from './_io.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `lockstep analyze` flag defaults, as --help shows them; they equal DETECT_DEFAULTS (checked by a test). */
export const ANALYZE_FLAG_DEFAULTS = {
  window: '7200',
  minSharedItems: '3',
  minSpread: '14400',
  minAccounts: '3',
  minZ: '5',
  minRatio: '3',
  minMemberZ: '2',
  minMemberRatio: '3',
  maxGroup: '50',
  signals: 'corepost,cohashtag,colink,codomain,neardup,comention,coreply',
  resolution: '1',
  seed: '1',
  minMemberGroups: '2',
  trimRounds: '3',
  joinParts: 'auto',
  splitCommunities: '0',
  sync: '60',
  rarityWindow: '86400',
  signalWindows: 'none',
  signalWeights: 'corepost=1,cohashtag=1,colink=1,codomain=0.5,neardup=1,comention=1,coreply=1',
  cappedNeighbours: '10',
  minWords: '5',
  minhash: '6x5',
  evidencePerEdge: '10',
};

const DETECT_FLAGS: Array<[string, string, keyof typeof ANALYZE_FLAG_DEFAULTS]> = [
  ['--window <seconds>', 'co-activity window: two touches of an item within it co-occur', 'window'],
  ['--min-shared-items <n>', 'distinct shared items an account pair needs to be an edge', 'minSharedItems'],
  [
    '--min-spread <seconds>',
    'time those shared items must spread over (one moment is one event)',
    'minSpread',
  ],
  ['--min-accounts <n>', 'smallest network', 'minAccounts'],
  ['--min-z <z>', "a network's z-score against chance must reach this", 'minZ'],
  ['--min-ratio <r>', '... and its observed / expected co-activity this', 'minRatio'],
  [
    '--min-member-z <z>',
    "a member stays when its own co-activity's z-score reaches this (and, in a community of n accounts, the z whose tail is 1/n)",
    'minMemberZ',
  ],
  ['--min-member-ratio <r>', '... and its own observed / expected this', 'minMemberRatio'],
  [
    '--max-group <n>',
    'item-window groups with more accounts are capped, not expanded into all pairs',
    'maxGroup',
  ],
  ['--signals <list>', 'comma list of signals to run', 'signals'],
  ['--resolution <r>', 'Louvain resolution (above 1: smaller communities)', 'resolution'],
  ['--seed <n>', 'Louvain random seed', 'seed'],
  ['--min-member-groups <n>', '... on at least this many item-windows shared with others', 'minMemberGroups'],
  [
    '--trim-rounds <n>',
    'trimming rounds at most (members within chance go; 0 reports communities as found)',
    'trimRounds',
  ],
  [
    '--split-communities <n>',
    'communities that chance explains, of n accounts or more, are split once more by Louvain and the parts tested, e.g. 20 (0: never)',
    'splitCommunities',
  ],
  [
    '--join-parts <when>',
    "judge together the accounts of a component's communities that no reported network holds, once other " +
      'parts of it are reported: auto (when the outside population is thin, as in a collection of one ' +
      'operation), always or never',
    'joinParts',
  ],
  [
    '--sync <seconds>',
    "timing test's bins: touches in the same or next bin are in step (0: no timing test)",
    'sync',
  ],
  ['--rarity-window <seconds>', "how long a stretch an item's rarity is measured over", 'rarityWindow'],
  ['--signal-windows <list>', 'per-signal windows, e.g. corepost=600 (others use --window)', 'signalWindows'],
  ['--signal-weights <list>', 'per-signal weights in the fused graph', 'signalWeights'],
  [
    '--capped-neighbours <n>',
    'in a capped group, links per account to the next accounts in time',
    'cappedNeighbours',
  ],
  ['--min-words <n>', 'shortest text (words) the near-duplicate signal compares', 'minWords'],
  ['--minhash <bands>x<rows>', 'MinHash LSH banding for near-duplicate text', 'minhash'],
  [
    '--evidence-per-edge <n>',
    'evidence post pairs kept per edge (the total is always counted)',
    'evidencePerEdge',
  ],
];

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

  program
    .command('ingest')
    .description('load files (format detected; gzip transparent) into a store and report every rejected row')
    .argument(
      '<files...>',
      'input files: IO archive CSV, Twitter API v1.1/v2 JSON(L), Telegram JSON, scraper JSON, CSV',
    )
    .requiredOption('--db <path>', 'DuckDB store to load into (created if missing)')
    .option('--map <spec>', 'column mapping for a generic CSV: account=COL,time=COL,text=COL,id=COL,...')
    .addOption(
      new Option('--preset <name>', 'named mapping for a public dataset layout').choices([
        'ira538',
        'coortweet',
      ]),
    )
    .option(
      '--platform <name>',
      'platform name for generic CSV rows (ids are unique per platform)',
      'generic',
    )
    .option('--timezone <iana>', 'zone of times written without one, e.g. America/Chicago (default UTC)')
    .option(
      '--na <value>',
      'a cell value meaning missing in generic CSV (repeatable; default "" and NA)',
      collect,
    )
    .option('--json', 'print the ingest report as one JSON object')
    .action(async (files: string[], o: Record<string, string | string[] | boolean | undefined>) => {
      const { runIngest } = await import('./ingest.js');
      await runIngest(files, {
        db: String(o.db),
        ...(typeof o.map === 'string' ? { map: o.map } : {}),
        ...(typeof o.preset === 'string' ? { preset: o.preset } : {}),
        ...(typeof o.platform === 'string' ? { platform: o.platform } : {}),
        ...(typeof o.timezone === 'string' ? { timezone: o.timezone } : {}),
        ...(Array.isArray(o.na) ? { na: o.na } : {}),
        json: o.json === true,
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

  // The detection flags carry no commander default: a flag left out leaves detection's own default in force,
  // and --help shows ANALYZE_FLAG_DEFAULTS (text only, so --help loads no detection code; a test checks it
  // against DETECT_DEFAULTS).
  const analyze = program
    .command('analyze')
    .description(
      'ingest files (or read a store), find coordinated networks beyond chance, and write the run folder',
    )
    .argument('[files...]', 'input files, as for ingest; none with --db analyses that store as it is')
    .requiredOption('--out <dir>', 'run folder to write (created if missing)')
    .option('--db <path>', 'store to load into or read (default DIR/lockstep.duckdb, made afresh)');
  for (const [flags, description, key] of DETECT_FLAGS) {
    analyze.option(flags, `${description} (default: ${ANALYZE_FLAG_DEFAULTS[key]})`);
  }
  analyze
    .option('--map <spec>', 'column mapping for a generic CSV: account=COL,time=COL,text=COL,id=COL,...')
    .addOption(
      new Option('--preset <name>', 'named mapping for a public dataset layout').choices([
        'ira538',
        'coortweet',
      ]),
    )
    .option('--platform <name>', 'platform name for generic CSV rows', 'generic')
    .option('--timezone <iana>', 'zone of times written without one (default UTC)')
    .option('--na <value>', 'a cell value meaning missing in generic CSV (repeatable)', collect)
    .action(async (files: string[], o: Record<string, string | string[] | boolean | undefined>) => {
      const { parseDetectFlags, runAnalyze } = await import('./analyze.js');
      await runAnalyze(files, {
        out: String(o.out),
        ...(typeof o.db === 'string' ? { db: o.db } : {}),
        ...(typeof o.map === 'string' ? { map: o.map } : {}),
        ...(typeof o.preset === 'string' ? { preset: o.preset } : {}),
        ...(typeof o.platform === 'string' ? { platform: o.platform } : {}),
        ...(typeof o.timezone === 'string' ? { timezone: o.timezone } : {}),
        ...(Array.isArray(o.na) ? { na: o.na } : {}),
        detect: parseDetectFlags(o),
      });
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
    if (err instanceof CommanderError) {
      // help and version end here too, with code 0
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`lockstep: ${err.message}\n`);
      return EXIT.usage;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`lockstep: ${message}\n`);
    if (process.env.LOCKSTEP_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    return EXIT.failure;
  }
}
