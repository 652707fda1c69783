// The options of `lockstep analyze` (and those `lockstep ingest` shares), each declared once: the name code
// uses, the flag, unit, default, help, tier and parser. Defaults objects, commander flags, the README table and
// the tests derive from this list (derive.ts), as Datasette's settings registry does. Past 400 lines: it is
// one declaration per option with the reason for its default, and splitting it would split the one list.
// It imports only types from the stages it configures, so `--help` loads no detection code.
import { totalmem } from 'node:os';
import type { SignalName } from '../signals/index.js';
import {
  choiceParser,
  namedNumbersParser,
  nameListParser,
  numberParser,
  SettingError,
  showSize,
  sizeParser,
  switchParser,
  textParser,
  whole,
} from './_parse.js';

/** `core`: what a typical analysis sets; `expert`: tuning whose default is measured (see docs/method.md). */
export type Tier = 'core' | 'expert';

/**
 * What an option feeds: the run (analyze's run folder and store), input (loading files: ingest and analyze
 * share these), or detection (a field of DetectOptions).
 */
export type Scope = 'run' | 'input' | 'detection';

export interface Setting<K extends string = string, V = unknown> {
  /** The camelCase name code uses: for detection, the DetectOptions field it fills. */
  key: K;
  /** As commander takes it: `--window <seconds>`. */
  flag: string;
  unit: string;
  /** null: not set (the text `show` gives says what applies then). */
  default: V;
  help: string;
  tier: Tier;
  scope: Scope;
  /** Checks and converts one occurrence of the flag's text; throws a SettingError naming `flag`. */
  parse(text: string, flag: string): V;
  /** The default as --help and the README show it (default: the value as text). */
  show?(value: V): string;
  /** The DetectOptions fields the value fills, when not `{ [key]: value }`. */
  fields?(value: V): Record<string, unknown>;
  /**
   * Other options whose thresholds this one also sets, bounds or turns off. Each side's help names the
   * other (a test checks it), so no option changes another silently.
   */
  couples?: readonly string[];
  required?: true;
  /** Given several times, the values add up (a list). */
  repeatable?: true;
  /** A flag without a value (`--force`): commander gives true, read as parse('on'). */
  switch?: true;
}

const setting = <const K extends string, V>(s: Setting<K, V>): Setting<K, V> => s;

/** The signals in their canonical order: SIGNALS in src/signals (a test keeps the two equal). */
export const SIGNAL_NAMES: readonly SignalName[] = [
  'corepost',
  'cohashtag',
  'colink',
  'codomain',
  'neardup',
  'comention',
  'coreply',
];
/** The presets' names, PRESETS in src/ingest (a test keeps the two equal). */
export const PRESET_NAMES = ['ira538', 'coortweet'] as const;

const list = (values: readonly string[]) => values.join(',');
const pairs = (values: Partial<Record<string, number>>) =>
  Object.entries(values)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

/** Multiplier of each signal's weight in the fused graph; co-domain is the weaker form of co-link. */
const SIGNAL_WEIGHTS: Record<SignalName, number> = {
  corepost: 1,
  cohashtag: 1,
  colink: 1,
  codomain: 0.5,
  neardup: 1,
  comention: 1,
  coreply: 1,
};

export const ANALYZE_SETTINGS = [
  // --- core: what a typical analysis sets --------------------------------------------------------------
  setting({
    key: 'out',
    flag: '--out <dir>',
    unit: 'folder',
    default: null as string | null,
    show: () => 'required',
    help: 'run folder to write (created if missing; a non-empty one must be a lockstep run folder)',
    tier: 'core',
    scope: 'run',
    parse: textParser,
    required: true,
  }),
  setting({
    key: 'db',
    flag: '--db <path>',
    unit: 'file',
    default: null as string | null,
    show: () => 'DIR/lockstep.duckdb, made afresh from the files (an existing one only with --force)',
    help: 'store to load into (appended to) or, with no files, to analyse as it is',
    tier: 'core',
    scope: 'run',
    parse: textParser,
  }),
  setting({
    key: 'map',
    flag: '--map <spec>',
    unit: 'field=column list',
    default: null as string | null,
    show: () => 'none',
    help: 'column mapping for a generic CSV: account=COL,time=COL,text=COL,id=COL,...',
    tier: 'core',
    scope: 'input',
    parse: textParser,
  }),
  setting({
    key: 'signals',
    flag: '--signals <list>',
    unit: 'signal names',
    default: [...SIGNAL_NAMES] as SignalName[],
    show: list,
    help: 'comma list of signals to run (--signal-windows and --signal-weights of signals not run are ignored)',
    tier: 'core',
    scope: 'detection',
    parse: nameListParser(SIGNAL_NAMES),
  }),
  setting({
    // Two hours: one hour misses much of a network that jitters its schedule by an hour or so, three start
    // to gather people reacting to a flood over an evening. (The comparison that chose it predates the dated
    // notebook; a finer scale gives no more on CooRTweet's data: docs/notebook/2026-12-07-benchmarks.md.)
    key: 'windowSeconds',
    flag: '--window <seconds>',
    unit: 'seconds',
    default: 7200,
    help:
      "co-activity window: two touches of an item within it co-occur. Also the timing test's span (its " +
      "bins per window set the chance of being in step), the shift of the second look at small networks' " +
      'members (half a window; --sync sets the bins), and the least --rarity-window; --signal-windows ' +
      'overrides it for co-occurrence only',
    tier: 'core',
    scope: 'detection',
    parse: numberParser((n) => whole(n) && n > 0, 'seconds, a whole number > 0'),
    couples: ['rarityWindowSeconds', 'syncSeconds', 'signalWindowSeconds'],
  }),
  setting({
    key: 'minAccounts',
    flag: '--min-accounts <n>',
    unit: 'accounts',
    default: 3,
    help: 'smallest network: smaller groups are not candidates, and a network left with fewer members is set aside',
    tier: 'core',
    scope: 'detection',
    parse: numberParser((n) => whole(n) && n >= 2, 'a whole number >= 2'),
  }),
  setting({
    // One-sided; 5 keeps the family-wise error small over thousands of candidates.
    key: 'minZScore',
    flag: '--min-z <z>',
    unit: 'z-score',
    default: 5,
    help:
      "a network's z-score against chance on a signal must reach this to bind it (with --min-ratio). Also " +
      "the least z of a member's timing test, whatever --min-member-z says",
    tier: 'core',
    scope: 'detection',
    parse: numberParser(() => true, 'a number'),
    couples: ['minRatio', 'minMemberZScore'],
  }),
  setting({
    key: 'seed',
    flag: '--seed <n>',
    unit: 'integer',
    default: 1,
    help: "the grouping's random seed (Leiden); the same store, seed and options give the same networks.json",
    tier: 'core',
    scope: 'detection',
    parse: numberParser(whole, 'a whole number'),
  }),

  // --- expert: tuning whose default is measured --------------------------------------------------------
  setting({
    key: 'minSharedItems',
    flag: '--min-shared-items <n>',
    unit: 'items',
    default: 3,
    help:
      "distinct shared items an account pair needs to be an edge. Also the item-windows a signal's excess " +
      'must rest on to bind a network, the in-step windows the timing test needs (network and member), and ' +
      '(see --sync)',
    tier: 'expert',
    scope: 'detection',
    parse: numberParser((n) => whole(n) && n >= 1, 'a whole number >= 1'),
    couples: ['syncSeconds'],
  }),
  setting({
    // One moment, however many items it holds (a pre-announced tweetstorm shares a tag, a text and five
    // mentions at once), is one event, and coordination shows in repeated events.
    key: 'minSpreadSeconds',
    flag: '--min-spread <seconds>',
    unit: 'seconds',
    default: 4 * 3600,
    help: "time an edge's shared items must spread over: one moment, however many items it holds, is one event",
    tier: 'expert',
    scope: 'detection',
    parse: numberParser((n) => whole(n) && n >= 0, 'seconds >= 0'),
  }),
  setting({
    key: 'minRatio',
    flag: '--min-ratio <r>',
    unit: 'observed / expected',
    default: 3,
    help: "a network's observed / expected co-activity on a signal must reach this to bind it (with --min-z)",
    tier: 'expert',
    scope: 'detection',
    parse: numberParser((n) => n >= 0, 'a number >= 0'),
  }),
  setting({
    key: 'minMemberZScore',
    flag: '--min-member-z <z>',
    unit: 'z-score',
    default: 2,
    help:
      "a member stays when its own co-activity's z-score reaches this and passes Holm's step-down test over " +
      "the group's members at a family-wise error of 5%; its timing test needs --min-z at least",
    tier: 'expert',
    scope: 'detection',
    parse: numberParser(() => true, 'a number'),
  }),
  setting({
    key: 'minMemberRatio',
    flag: '--min-member-ratio <r>',
    unit: 'observed / expected',
    default: 3,
    help: 'a member stays when its own observed / expected co-activity also reaches this',
    tier: 'expert',
    scope: 'detection',
    parse: numberParser((n) => n >= 0, 'a number >= 0'),
  }),
  setting({
    key: 'minMemberGroups',
    flag: '--min-member-groups <n>',
    unit: 'item-windows',
    default: 2,
    help:
      '... on at least this many item-windows shared with other members: ' +
      "the member screen; a looser-half member's test against the core needs --min-shared-items instead, " +
      "and a member's timing test at least that",
    tier: 'expert',
    scope: 'detection',
    parse: numberParser((n) => whole(n) && n >= 1, 'a whole number >= 1'),
  }),
  setting({
    // Edge weights add up the rarity of the items a pair shares (ln of active accounts over the item's, a day
    // at a time): 3 is about one rare item per pair, or three common ones. Measured in docs/notebook.
    key: 'resolution',
    flag: '--resolution <w>',
    unit: 'edge weight',
    default: 3,
    help:
      "Leiden's constant Potts resolution: a group is kept together when its pairs' mean edge weight (the " +
      'rarity of the items they share) exceeds it; higher gives smaller, denser groups',
    tier: 'expert',
    scope: 'detection',
    parse: numberParser((n) => n > 0, 'a number > 0'),
  }),
  setting({
    // About a minute or two apart: many exports, the IRA's among them, give times to the minute.
    key: 'syncSeconds',
    flag: '--sync <seconds>',
    unit: 'seconds',
    default: 60,
    help:
      "the timing test's bins: two touches of an item in the same or adjacent bins are in step, judged " +
      "against how in step the other accounts' touches of it were, over a --window; it needs " +
      '--min-shared-items in-step windows; 0 turns the test off; times are read to the minute, so bins ' +
      'under 60 add nothing',
    tier: 'expert',
    scope: 'detection',
    parse: numberParser((n) => whole(n) && n >= 0, 'seconds, a whole number >= 0'),
  }),
  setting({
    // In a one-minute window a burst may be all there is, which says nothing about how common its item is.
    key: 'rarityWindowSeconds',
    flag: '--rarity-window <seconds>',
    unit: 'seconds',
    default: 86_400,
    help: "how long a stretch an item's rarity is measured over (raised to --window when shorter)",
    tier: 'expert',
    scope: 'detection',
    parse: numberParser((n) => whole(n) && n > 0, 'seconds, a whole number > 0'),
  }),
  setting({
    key: 'signalWindowSeconds',
    flag: '--signal-windows <list>',
    unit: 'signal=seconds list',
    default: {} as Partial<Record<SignalName, number>>,
    show: (v) => pairs(v) || 'none',
    help:
      'per-signal co-activity windows overriding --window, e.g. corepost=600 (the timing test, the second ' +
      'look and the rarity window still go by --window)',
    tier: 'expert',
    scope: 'detection',
    parse: (text, flag) =>
      text === 'none' ? {} : namedNumbersParser(SIGNAL_NAMES, (n) => whole(n) && n > 0)(text, flag),
  }),
  setting({
    key: 'signalWeights',
    flag: '--signal-weights <list>',
    unit: 'signal=weight list',
    default: { ...SIGNAL_WEIGHTS },
    show: pairs,
    help:
      'per-signal weights in the fused graph; signals not named keep their default. A signal of weight 0 ' +
      'still counts toward --min-shared-items and is still tested against chance: to turn it off, leave ' +
      'it out of --signals',
    tier: 'expert',
    scope: 'detection',
    parse: (text, flag) => ({
      ...SIGNAL_WEIGHTS,
      ...namedNumbersParser(SIGNAL_NAMES, (n) => n >= 0)(text, flag),
    }),
  }),
  setting({
    // Larger groups are not expanded into all pairs: each account is linked to the next --capped-neighbours
    // in time. Repeated coordination still shows (the same accounts keep following each other), while a
    // trending tag or viral post costs linear, not quadratic work.
    key: 'maxGroupAccounts',
    flag: '--max-group <n>',
    unit: 'accounts',
    default: 50,
    help: 'item-window groups with more accounts are capped, not expanded into all pairs (see --capped-neighbours)',
    tier: 'expert',
    scope: 'detection',
    parse: numberParser((n) => whole(n) && n >= 2, 'a whole number >= 2'),
    couples: ['cappedNeighbours'],
  }),
  setting({
    key: 'cappedNeighbours',
    flag: '--capped-neighbours <n>',
    unit: 'accounts',
    default: 10,
    help: 'in a group capped by --max-group, links per account to the next accounts in time',
    tier: 'expert',
    scope: 'detection',
    parse: numberParser((n) => whole(n) && n >= 1, 'a whole number >= 1'),
  }),
  setting({
    // Shorter texts are too short to tell copying from chance.
    key: 'minWords',
    flag: '--min-words <n>',
    unit: 'words',
    default: 5,
    help: 'shortest text the near-duplicate signal compares',
    tier: 'expert',
    scope: 'detection',
    parse: numberParser((n) => whole(n) && n >= 2, 'a whole number >= 2'),
  }),
  setting({
    // 6 x 5 finds pairs with Jaccard 0.9 99.8% of the time, 0.8 91%, 0.5 17%.
    key: 'minhash',
    flag: '--minhash <bands>x<rows>',
    unit: 'bands x rows',
    default: { bands: 6, rows: 5 },
    show: (v) => `${v.bands}x${v.rows}`,
    fields: (v) => ({ minhashBands: v.bands, minhashRows: v.rows }),
    help: 'MinHash LSH banding for near-duplicate text, at most 64 hashes',
    tier: 'expert',
    scope: 'detection',
    parse: (text, flag) => {
      const m = /^(\d+)x(\d+)$/.exec(text.trim());
      const bands = Number(m?.[1]);
      const rows = Number(m?.[2]);
      if (!m || bands < 1 || rows < 1 || bands * rows > 64)
        throw new SettingError(`${flag} expects BANDSxROWS with at most 64 hashes, e.g. 6x5, got "${text}"`);
      return { bands, rows };
    },
  }),
  setting({
    key: 'evidencePerEdge',
    flag: '--evidence-per-edge <n>',
    unit: 'post pairs',
    default: 10,
    help: 'evidence post pairs kept per edge (the total is always counted)',
    tier: 'expert',
    scope: 'detection',
    parse: numberParser((n) => whole(n) && n >= 1, 'a whole number >= 1'),
  }),
  setting({
    key: 'preset',
    flag: '--preset <name>',
    unit: 'preset name',
    default: null as (typeof PRESET_NAMES)[number] | null,
    show: () => 'detected from the header',
    help: `named mapping for a public dataset layout: ${PRESET_NAMES.join(', ')}`,
    tier: 'expert',
    scope: 'input',
    parse: choiceParser(PRESET_NAMES),
  }),
  setting({
    key: 'platform',
    flag: '--platform <name>',
    unit: 'name',
    default: 'generic' as string,
    help: 'platform of generic CSV rows (post ids are unique per platform)',
    tier: 'expert',
    scope: 'input',
    parse: textParser,
  }),
  setting({
    key: 'timezone',
    flag: '--timezone <iana>',
    unit: 'IANA zone',
    default: null as string | null,
    show: () => "UTC, or the preset's",
    help: 'zone of times written without one, e.g. America/Chicago',
    tier: 'expert',
    scope: 'input',
    parse: textParser,
  }),
  setting({
    key: 'na',
    flag: '--na <value>',
    unit: 'cell text',
    default: ['', 'NA'] as string[],
    show: () => 'empty and NA',
    help: 'a cell value meaning missing in generic CSV; repeatable',
    tier: 'expert',
    scope: 'input',
    parse: (text) => [text],
    repeatable: true,
  }),
  setting({
    key: 'encoding',
    flag: '--encoding <label>',
    unit: 'encoding',
    default: null as string | null,
    show: () => 'UTF-8, or UTF-16 when the file starts with its byte-order mark',
    help:
      'encoding of the input files when not UTF-8, e.g. windows-1256, windows-1252, latin-1, utf-16 ' +
      '(any WHATWG label); the ingest report says what each file was read as',
    tier: 'expert',
    scope: 'input',
    // Checked when files are read (src/ingest checkEncoding), which also takes 'latin-1' and 'utf16'.
    parse: textParser,
  }),
  setting({
    key: 'delimiter',
    flag: '--delimiter <char>',
    unit: 'character',
    default: null as string | null,
    show: () => "detected from the header line (',', ';' or tab)",
    help: "CSV field separator: ',' ';' tab (or 'comma', 'semicolon', 'tab'), or another single character",
    tier: 'expert',
    scope: 'input',
    parse: (text, flag) => {
      const named: Record<string, string> = { comma: ',', semicolon: ';', tab: '\t', '\\t': '\t' };
      const value = named[text.trim().toLowerCase()] ?? text;
      if (value.length !== 1 || value === '"' || value === '\n' || value === '\r')
        throw new SettingError(`${flag} expects one character such as ',' ';' or tab, got "${text}"`);
      return value;
    },
  }),
  setting({
    key: 'maxRecordBytes',
    flag: '--max-record-bytes <size>',
    unit: 'bytes',
    default: 8 * 2 ** 20,
    show: showSize,
    help:
      'longest input record (a CSV record, a JSON line or array element) read; a longer one is rejected as ' +
      "'record too long' without being held in memory, and the rest load",
    tier: 'expert',
    scope: 'input',
    parse: sizeParser(1024),
  }),
  setting({
    key: 'memoryLimit',
    flag: '--memory-limit <size>',
    unit: 'bytes',
    default: null as number | null,
    show: () => "half the machine's memory",
    help:
      'memory the DuckDB engine may use (e.g. 4GB, 50%); past it, it spills to a temporary folder beside ' +
      'the store instead of failing. For ingest and analyze alike',
    tier: 'expert',
    scope: 'input',
    parse: sizeParser(64 * 2 ** 20, () => totalmem()),
  }),
  setting({
    key: 'force',
    flag: '--force',
    unit: 'switch',
    default: false as boolean,
    show: (on) => (on ? 'on' : 'off'),
    help:
      'write into a non-empty folder that is not a lockstep run folder, and replace an existing ' +
      'DIR/lockstep.duckdb with a fresh store; without it analyze refuses both (files it does not write are left alone)',
    tier: 'expert',
    scope: 'run',
    parse: switchParser,
    switch: true,
  }),
  setting({
    key: 'showSetAside',
    flag: '--show-set-aside',
    unit: 'switch',
    default: false as boolean,
    show: (on) => (on ? 'on' : 'off'),
    help:
      'also print the candidate groups set aside as within chance (the largest 20, with why, z, O/E and ' +
      'members) and the members pruned from reported networks; networks.json lists them all either way',
    tier: 'expert',
    scope: 'run',
    parse: switchParser,
    switch: true,
  }),
  setting({
    key: 'quiet',
    flag: '--quiet',
    unit: 'switch',
    default: false as boolean,
    show: (on) => (on ? 'on' : 'off'),
    help:
      'print no progress on stderr (errors still show); without it, each stage shows its progress, ' +
      'rewritten in place on a terminal and as plain lines otherwise. For ingest and analyze alike',
    tier: 'expert',
    scope: 'input',
    parse: switchParser,
    switch: true,
  }),
] as const;
