// Everything that follows from the registry: the defaults objects the stages use, the help text and order of
// each command's flags, reading the flags a user gave into option values, and the README's options table.
// Nothing here knows an option by name except the defaults objects, which lay the values out per stage.
import type { DetectOptions } from '../networks/index.js';
import { ANALYZE_SETTINGS, type Setting } from './registry.js';

export type AnalyzeSetting = (typeof ANALYZE_SETTINGS)[number];
export type SettingKey = AnalyzeSetting['key'];
/** Every option's value, by key. */
export type SettingValues = { [S in AnalyzeSetting as S['key']]: S['default'] };

/** The commands whose options come from the registry: ingest shares analyze's input options. */
export type SettingsCommand = 'analyze' | 'ingest';

/** A command's options in the order --help and the README list them: core first, then expert. */
export function settingsOf(command: SettingsCommand): AnalyzeSetting[] {
  const used = ANALYZE_SETTINGS.filter((s) => command === 'analyze' || s.scope === 'input');
  return [...used.filter((s) => s.tier === 'core'), ...used.filter((s) => s.tier === 'expert')];
}

/** `--min-shared-items <n>` -> `--min-shared-items`. */
export const flagName = (s: Setting): string => s.flag.split(/[ =]/)[0] ?? s.flag;

/** The name commander files a flag's value under: `--min-shared-items` -> `minSharedItems`. */
export const attributeName = (s: Setting): string =>
  flagName(s)
    .replace(/^--/, '')
    .replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export function showDefault(s: Setting): string {
  return s.show ? s.show(s.default) : String(s.default);
}

/** The flag's description in --help: its help and its default. */
export function describeSetting(s: Setting): string {
  return `${s.help} (${s.required ? 'required' : `default: ${showDefault(s)}`})`;
}

/** A fresh copy of every default, by key (changing it changes no other copy). */
export function settingDefaults(): SettingValues {
  return Object.fromEntries(
    ANALYZE_SETTINGS.map((s) => [s.key, structuredClone(s.default)]),
  ) as SettingValues;
}

const d = settingDefaults();

/**
 * The defaults each stage declares as its X_DEFAULTS, laid out as the stage's options: signals
 * (SIGNAL_DEFAULTS, which adds the platform domains that have no flag), communities, chance, and the
 * fields detectNetworks adds (DETECT_DEFAULTS spreads all four). A test checks them against the registry.
 */
export const ANALYZE_DEFAULTS = {
  signals: {
    windowSeconds: d.windowSeconds,
    rarityWindowSeconds: d.rarityWindowSeconds,
    signalWindowSeconds: d.signalWindowSeconds,
    maxGroupAccounts: d.maxGroupAccounts,
    cappedNeighbours: d.cappedNeighbours,
    minWords: d.minWords,
    minhashBands: d.minhash.bands,
    minhashRows: d.minhash.rows,
    evidencePerEdge: d.evidencePerEdge,
    signals: d.signals,
    signalWeights: d.signalWeights,
  },
  communities: { minAccounts: d.minAccounts, resolution: d.resolution, seed: d.seed },
  chance: {
    minZScore: d.minZScore,
    minRatio: d.minRatio,
    minMemberZScore: d.minMemberZScore,
    minMemberRatio: d.minMemberRatio,
    minMemberGroups: d.minMemberGroups,
    syncSeconds: d.syncSeconds,
  },
  detect: {
    minSharedItems: d.minSharedItems,
    minSpreadSeconds: d.minSpreadSeconds,
  },
};

/**
 * The options a user gave, checked and converted; `given` holds the flags' text by attributeName (as
 * commander passes them; a repeatable flag's as a list). Flags not given are left out, so the stage's own
 * default stays in force. Throws a SettingError naming the flag.
 */
export function readSettings(
  command: SettingsCommand,
  given: Record<string, unknown>,
): Partial<SettingValues> {
  const out: Record<string, unknown> = {};
  for (const s of settingsOf(command) as Setting[]) {
    const raw = given[attributeName(s)];
    if (s.repeatable && Array.isArray(raw))
      out[s.key] = raw.flatMap((text) => s.parse(String(text), flagName(s)) as unknown[]);
    else if (typeof raw === 'string') out[s.key] = s.parse(raw, flagName(s));
    else if (s.switch && raw === true) out[s.key] = s.parse('on', flagName(s));
  }
  return out as Partial<SettingValues>;
}

/** The detection options among `values`, as DetectOptions fields (`--minhash 6x5` fills two). */
export function detectOptionsOf(values: Partial<SettingValues>): Partial<DetectOptions> {
  const out: Record<string, unknown> = {};
  for (const s of ANALYZE_SETTINGS as readonly Setting[]) {
    const value = (values as Record<string, unknown>)[s.key];
    if (s.scope !== 'detection' || value === undefined) continue;
    Object.assign(out, s.fields ? s.fields(value) : { [s.key]: value });
  }
  return out as Partial<DetectOptions>;
}

const cell = (text: string) => text.replaceAll('|', '\\|');

/** A markdown table, columns but the last (the long help) padded to their widest cell. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) =>
    i === header.length - 1 ? h.length : Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The command's options as the README lists them: the core options' table, then the expert ones'. */
export function optionsTable(command: SettingsCommand): string {
  const rows = (tier: Setting['tier']) =>
    settingsOf(command)
      .filter((s) => s.tier === tier)
      .map((s) => [`\`${cell(s.flag)}\``, cell(s.unit), cell(showDefault(s)), cell(s.help)]);
  const header = (first: string) => [first, 'unit', 'default', 'meaning'];
  return [
    table(header('option'), rows('core')),
    '',
    `Expert options (defaults measured, see docs/method.md and BENCHMARKS.md):`,
    '',
    table(header('expert option'), rows('expert')),
  ].join('\n');
}

const begin = (command: SettingsCommand) =>
  `<!-- ${command} options: made from src/settings by npm run options-table; a test keeps them equal -->`;
const end = (command: SettingsCommand) => `<!-- end of ${command} options -->`;

/** `markdown` with the command's options table (between its two marker comments) made afresh. */
export function withOptionsTable(markdown: string, command: SettingsCommand): string {
  const from = markdown.indexOf(begin(command));
  const to = markdown.indexOf(end(command));
  if (from < 0 || to < from)
    throw new Error(`no ${command} options table: add the lines\n${begin(command)}\n${end(command)}`);
  return `${markdown.slice(0, from)}${begin(command)}\n\n${optionsTable(command)}\n\n${markdown.slice(to)}`;
}
