// The settings registry (src/settings) against everything that derives from it: every option is complete and
// has a flag of its own, the stages' defaults are the registry's, commander knows exactly the registry's flags,
// --help lists the core options before the expert heading, the README's table is the one the registry makes,
// and an option that sets or bounds another says so, as does the other.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import type { Command } from 'commander';
import { buildProgram, EXPERT_HEADING } from '../../src/cli/program.js';
import { PRESETS } from '../../src/ingest/index.js';
import { CHANCE_DEFAULTS, COMMUNITY_DEFAULTS, DETECT_DEFAULTS } from '../../src/networks/index.js';
import {
  ANALYZE_DEFAULTS,
  ANALYZE_SETTINGS,
  attributeName,
  describeSetting,
  detectOptionsOf,
  flagName,
  PRESET_NAMES,
  readSettings,
  type Setting,
  SettingError,
  SIGNAL_NAMES,
  settingDefaults,
  settingsOf,
  showDefault,
  withOptionsTable,
} from '../../src/settings/index.js';
import { SIGNAL_DEFAULTS, SIGNALS } from '../../src/signals/index.js';

const ROOT = resolve(import.meta.dirname, '../..');
const settings = ANALYZE_SETTINGS as readonly Setting[];
const byKey = new Map(settings.map((s) => [s.key, s]));
/** Library options with no flag: the platforms' own domains, never a co-domain item. */
const LIBRARY_ONLY = ['platformDomains'];

const command = (name: string): Command => {
  const found = buildProgram().commands.find((c) => c.name() === name);
  assert.ok(found, `no ${name} command`);
  return found;
};

describe('settings registry', () => {
  it('every option has a key, flag, unit, default, help, tier, scope and parser', () => {
    for (const s of settings) {
      assert.match(s.key, /^[a-z][a-zA-Z]*$/, `${s.key}: key is the camelCase name code uses`);
      assert.match(s.flag, /^--[a-z]+(-[a-z]+)*( <[a-z]+>(x<[a-z]+>)?)?$/, `${s.key}: flag ${s.flag}`);
      assert.equal(
        s.flag.includes(' <'),
        s.switch !== true,
        `${s.key}: a flag takes a value unless a switch`,
      );
      assert.ok(s.unit.trim() !== '', `${s.key} has no unit`);
      assert.ok('default' in s && s.default !== undefined, `${s.key} has no default`);
      assert.ok(showDefault(s).trim() !== '', `${s.key} shows no default`);
      assert.ok(s.help.trim() !== '', `${s.key} has no help`);
      assert.ok(['core', 'expert'].includes(s.tier), `${s.key}: tier ${s.tier}`);
      assert.ok(['run', 'input', 'detection'].includes(s.scope), `${s.key}: scope ${s.scope}`);
      assert.equal(typeof s.parse, 'function', `${s.key} has no parser`);
    }
  });

  it('no two options share a key, a flag or the name commander files it under', () => {
    for (const name of [(s: Setting) => s.key, flagName, attributeName]) {
      const names = settings.map(name);
      assert.deepEqual(
        names.filter((n, i) => names.indexOf(n) !== i),
        [],
      );
    }
  });

  it('analyze has at most 8 core options, listed before the expert ones', () => {
    const analyze = settingsOf('analyze');
    const core = analyze.filter((s) => s.tier === 'core');
    assert.ok(core.length <= 8, `${core.length} core options: ${core.map((s) => s.flag).join(', ')}`);
    assert.deepEqual(
      analyze.map((s) => s.tier),
      [...core.map(() => 'core'), ...analyze.slice(core.length).map(() => 'expert')],
    );
  });

  it("the stages' defaults are the registry's", () => {
    const fromRegistry = detectOptionsOf(settingDefaults()) as Record<string, unknown>;
    const stages: Array<[string, Record<string, unknown>]> = [
      ['SIGNAL_DEFAULTS', SIGNAL_DEFAULTS],
      ['COMMUNITY_DEFAULTS', COMMUNITY_DEFAULTS],
      ['CHANCE_DEFAULTS', CHANCE_DEFAULTS],
      ['DETECT_DEFAULTS', DETECT_DEFAULTS],
    ];
    for (const [name, defaults] of stages) {
      for (const [key, value] of Object.entries(defaults)) {
        if (LIBRARY_ONLY.includes(key)) continue;
        assert.ok(key in fromRegistry, `${name}.${key} is not in the settings registry`);
        assert.deepEqual(value, fromRegistry[key], `${name}.${key}`);
      }
    }
    // ... and every detection option of the registry reaches detection.
    assert.deepEqual(
      Object.keys(fromRegistry).sort(),
      Object.keys(DETECT_DEFAULTS)
        .filter((k) => !LIBRARY_ONLY.includes(k))
        .sort(),
    );
    // The names the registry lists for its parsers are the stages' own.
    assert.deepEqual(SIGNAL_NAMES, SIGNALS);
    assert.deepEqual(
      PRESET_NAMES,
      PRESETS.map((p) => p.name),
    );
  });

  it('the defaults handed out are copies, so no caller changes the registry', () => {
    assert.notEqual(settingDefaults().signals, settingDefaults().signals);
    assert.notEqual(ANALYZE_DEFAULTS.signals.signalWeights, byKey.get('signalWeights')?.default);
    assert.notEqual(ANALYZE_DEFAULTS.signals.signals, byKey.get('signals')?.default);
  });

  it('each default, written as --help shows it, reads back as the default', () => {
    for (const s of settings) {
      if (s.default === null || s.repeatable) continue;
      assert.deepEqual(s.parse(showDefault(s), flagName(s)), s.default, s.flag);
    }
  });

  it('commander knows exactly the registry’s flags for analyze, and ingest the input ones', () => {
    const flags = (c: Command) => c.options.map((o) => o.long ?? '').filter((f) => f !== '--help');
    const analyze = command('analyze');
    assert.deepEqual(flags(analyze), settingsOf('analyze').map(flagName));
    for (const option of analyze.options) {
      const s = settings.find((x) => flagName(x) === option.long);
      assert.ok(s, `analyze ${option.long} is not in the settings registry`);
      assert.equal(option.description, describeSetting(s));
      assert.equal(option.mandatory, s.required === true, option.long);
      assert.equal(
        option.defaultValue,
        undefined,
        `${option.long}: a flag left out leaves the stage's default`,
      );
    }
    const ingest = flags(command('ingest'));
    const input = settingsOf('ingest').map(flagName);
    assert.deepEqual(
      ingest.filter((f) => !input.includes(f)),
      ['--db', '--json'],
    );
    assert.deepEqual(
      [...input].sort(),
      settings
        .filter((s) => s.scope === 'input')
        .map(flagName)
        .sort(),
    );
    assert.ok(input.every((f) => ingest.includes(f)));
  });

  it('analyze --help lists the core options, then the expert ones under their heading', () => {
    const help = command('analyze').helpInformation();
    const heading = help.indexOf(`\n${EXPERT_HEADING}\n`);
    assert.ok(heading > 0, help);
    for (const s of settingsOf('analyze')) {
      const at = help.indexOf(`  ${s.flag} `);
      assert.ok(at > 0, `--help lacks ${s.flag}`);
      assert.equal(at < heading, s.tier === 'core', `${s.flag} (${s.tier})`);
    }
  });

  it("the README's analyze options table is the one the registry makes (npm run options-table -- --write)", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    assert.equal(withOptionsTable(readme, 'analyze'), readme);
  });

  it('an option that sets or bounds others names them, and each of them names it', () => {
    for (const s of settings) {
      for (const key of s.couples ?? []) {
        const other = byKey.get(key);
        assert.ok(other, `${s.key} couples unknown ${key}`);
        assert.ok(s.help.includes(flagName(other)), `${s.flag}'s help does not name ${flagName(other)}`);
        assert.ok(other.help.includes(flagName(s)), `${other.flag}'s help does not name ${flagName(s)}`);
      }
    }
  });

  it('flags read into the options detection has always taken', () => {
    const values = readSettings('analyze', {
      out: 'run',
      window: '3_600',
      minZ: '4.5',
      minhash: ' 4x4 ',
      signals: 'neardup, COREPOST',
      signalWindows: 'corepost=600',
      signalWeights: 'codomain=1',
      resolution: '1.5',
      na: ['-', 'null'],
      platform: 'telegram',
    });
    assert.equal(values.out, 'run');
    assert.deepEqual(values.na, ['-', 'null']);
    assert.equal(values.platform, 'telegram');
    assert.deepEqual(detectOptionsOf(values), {
      signals: ['corepost', 'neardup'],
      windowSeconds: 3600,
      minZScore: 4.5,
      resolution: 1.5,
      signalWindowSeconds: { corepost: 600 },
      signalWeights: { ...DETECT_DEFAULTS.signalWeights, codomain: 1 },
      minhashBands: 4,
      minhashRows: 4,
    });
    assert.deepEqual(readSettings('analyze', { signalWindows: 'none' }), { signalWindowSeconds: {} });
    assert.deepEqual(readSettings('analyze', {}), {});
  });

  it('a bad value is an error that names the flag and what it expects', () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ window: '0' }, /^--window expects seconds, a whole number > 0, got "0"$/],
      [{ minSharedItems: '' }, /^--min-shared-items expects a whole number >= 1/],
      [{ resolution: '0' }, /^--resolution expects a number > 0/],
      [{ minhash: '9x9' }, /^--minhash expects BANDSxROWS with at most 64 hashes/],
      [{ signals: 'corepost,telepathy' }, /^--signals: unknown signal "telepathy"/],
      [{ signalWeights: 'codomain=-1' }, /^--signal-weights: expected signal=number pairs/],
      [{ preset: 'ira' }, /^--preset expects one of ira538, coortweet/],
    ];
    for (const [given, message] of cases) {
      assert.throws(
        () => readSettings('analyze', given),
        (err: unknown) => err instanceof SettingError && message.test(err.message),
        JSON.stringify(given),
      );
    }
  });
});
