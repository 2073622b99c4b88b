// Finds, reads and validates govcat.config.json, and resolves "extends" (presets and seeds/ profiles).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { lilconfig } from 'lilconfig';
import { presets } from '../../validators/presets.js';
import { ConfigError } from '../errors.js';
import type { GovcatConfig, RuleSetting } from '../generated/schema-types.js';
import { seedsDir } from '../paths.js';
import { type ErrorObject, getValidator, SCHEMA_IDS } from '../schema/ajv.js';

/** The configuration file name searched for. */
export const CONFIG_FILE_NAME = 'govcat.config.json';

/** A configuration as loaded: the merged object and the file it came from (if any). */
export interface LoadedConfig {
  config: GovcatConfig;
  file?: string;
}

/** Where to look for a configuration. */
export interface LoadConfigOptions {
  /** An explicit file (--config); missing → ConfigError. */
  file?: string;
  /** Start searching upward from here (the input file's directory). */
  searchFrom?: string;
  /** Do not search above this directory. */
  stopDir?: string;
}

function describeErrors(errors: readonly ErrorObject[] | null | undefined): string {
  const e = errors?.[0];
  if (!e) return 'does not match the schema';
  const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '（顶层）';
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return `${where}：未知的配置项“${String(p.additionalProperty)}”`;
    case 'required':
      return `${where}：缺少“${String(p.missingProperty)}”`;
    case 'enum':
      return `${where}：应为 ${(p.allowedValues as unknown[]).map(String).join(' / ')}`;
    case 'type':
      return `${where}：类型应为 ${String(p.type)}`;
    case 'pattern':
      return `${where}：格式不对（${String(p.pattern)}）`;
    case 'format':
      return `${where}：应为 CCYY-MM-DD 日期`;
    default:
      return `${where}：${e.message ?? e.keyword}`;
  }
}

/** Parses and validates a configuration object read from `file`. */
export function parseConfig(text: string, file: string): GovcatConfig {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ConfigError('config/malformed', 'config.malformed', { file, reason: (err as Error).message });
  }
  const validate = getValidator<GovcatConfig>(SCHEMA_IDS.config);
  if (!validate(data)) {
    throw new ConfigError('config/invalid', 'config.invalid', {
      file,
      problem: describeErrors(validate.errors),
    });
  }
  return data;
}

/** Reads a configuration file; ConfigError when missing or invalid. */
export function readConfigFile(file: string): GovcatConfig {
  const path = resolve(file);
  if (!existsSync(path)) throw new ConfigError('config/not-found', 'config.notFound', { file });
  return parseConfig(readFileSync(path, 'utf8'), file);
}

/** Finds and loads a configuration (explicit file, else upward search, else empty). */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  if (options.file) return { config: readConfigFile(options.file), file: options.file };
  if (!options.searchFrom) return { config: {} };
  const explorer = lilconfig('govcat', {
    searchPlaces: [CONFIG_FILE_NAME],
    loaders: { '.json': (filepath, content) => parseConfig(content, filepath) },
    ...(options.stopDir ? { stopDir: options.stopDir } : {}),
  });
  const found = await explorer.search(options.searchFrom);
  if (!found || found.isEmpty) return { config: {} };
  return { config: found.config as GovcatConfig, file: found.filepath };
}

/** Names a configuration may extend: rule presets and seeds/ profiles. */
export function extendableNames(): string[] {
  return [...Object.keys(presets)].sort();
}

function profileRules(name: string, source: string): Record<string, RuleSetting> {
  const file = join(seedsDir, 'profiles', `${name}.json`);
  if (!existsSync(file)) {
    throw new ConfigError('config/invalid', 'config.unknownExtends', {
      file: source,
      name,
      available: extendableNames().join('、'),
    });
  }
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { rules?: Record<string, RuleSetting> };
  return profile.rules ?? {};
}

/** Rule settings in two layers: presets and extends (may name rules another registry lacks), then the user's own. */
export interface RuleSettingLayers {
  base: Record<string, RuleSetting>;
  user: Record<string, RuleSetting>;
}

/**
 * The rule settings a configuration resolves to: the recommended preset, then each "extends" in order
 * (the base layer), then its own "rules" (the user layer, where unknown ids are errors).
 */
export function resolveRuleSettings(config: GovcatConfig, source = CONFIG_FILE_NAME): RuleSettingLayers {
  const names =
    config.extends === undefined ? [] : Array.isArray(config.extends) ? config.extends : [config.extends];
  const base: Record<string, RuleSetting> = { ...presets['govcat:recommended'] };
  for (const name of names) {
    Object.assign(base, presets[name] ?? profileRules(name, source));
  }
  const user: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(config.rules ?? {}))
    if (setting !== undefined) user[id] = setting;
  return { base, user };
}
/** Directory to search from for an input path. */
export function searchDirFor(inputPath: string): string {
  return dirname(resolve(inputPath));
}
