// Public face of the settings registry: the options of `lockstep analyze` (and those ingest shares), declared
// once in registry.ts, and what derives from them (derive.ts): the stages' defaults, the flags' help and
// order, reading the flags given, and the README's options table.
export { SettingError } from './_parse.js';
export {
  ANALYZE_DEFAULTS,
  type AnalyzeSetting,
  attributeName,
  describeSetting,
  detectOptionsOf,
  flagName,
  optionsTable,
  readSettings,
  type SettingKey,
  type SettingsCommand,
  type SettingValues,
  settingDefaults,
  settingsOf,
  showDefault,
  withOptionsTable,
} from './derive.js';
export {
  ANALYZE_SETTINGS,
  PRESET_NAMES,
  type Scope,
  type Setting,
  SIGNAL_NAMES,
  type Tier,
} from './registry.js';
