// Finds, reads and validates govcat.config.json, and resolves "extends" (presets and seeds/ profiles).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { lilconfig } from 'lilconfig';
import { presets } from '../../validators/presets.js';
import { ConfigError } from '../errors.js';
import type { GovcatConfig, RuleSetting } from '../generated/schema-types.js';
import { seedsDir } from '../paths.js';
import { type ErrorObject, getValidator, SCHEMA_IDS } from '../schema/ajv.js';
import { loadSeeds } from '../seeds/index.js';
import { type Detail, type DetailValue, LocalizedConfigError, suggest } from './errors.js';

export { LocalizedConfigError, suggest } from './errors.js';

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

/** A JSON Pointer inside the configuration as a readable path: /suppressions/0/rule → suppressions[0].rule. */
function readablePath(pointer: string): string {
  if (pointer === '') return '';
  return pointer
    .slice(1)
    .split('/')
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
}

function valueText(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** “in X” for messages: nothing at the top level. */
function at(path: string): { zh: string; en: string } {
  return path ? { zh: `${path} 中`, en: ` in ${path}` } : { zh: '', en: '' };
}

function pathOrTop(path: string): DetailValue {
  return path || { zh: '（顶层）', en: '(top level)' };
}

function withSuggestion(details: Detail[], name: string, candidates: Iterable<string>): Detail[] {
  const s = suggest(name, candidates);
  return s ? [...details, { id: 'config.detail.didYouMean', data: { suggestion: s } }] : details;
}

/**
 * Turns ajv errors on a configuration (or on a rule's options, with `base` as the path prefix) into one
 * readable detail: the most specific error wins.
 */
export function describeConfigErrors(
  errors: readonly ErrorObject[] | null | undefined,
  data: unknown,
  base = '',
): Detail[] {
  const list = (errors ?? []).filter(
    (e) => !['oneOf', 'anyOf', 'if', 'then', 'else', 'propertyNames'].includes(e.keyword),
  );
  // A bad rule setting (rules.<id>) gives several errors (enum, type …) from the alternatives: say it once.
  const ruleSetting = list.find(
    (e) => /^\/rules\/[^/]+(\/\d+)?$/.test(e.instancePath) && e.keyword !== 'pattern',
  );
  if (ruleSetting && base === '') {
    const id = readablePath(ruleSetting.instancePath)
      .replace(/^rules\./, '')
      .replace(/\[\d+\]$/, '');
    const value = (data as { rules?: Record<string, unknown> }).rules?.[id];
    return [{ id: 'config.detail.severity', data: { rule: id, value: valueText(value) } }];
  }
  const depth = (e: ErrorObject) => e.instancePath.split('/').length;
  const e = [...list].sort((a, b) => depth(b) - depth(a))[0];
  if (!e) return [{ id: 'config.detail.other', data: { path: pathOrTop(base), detail: 'invalid' } }];
  const path = [base, readablePath(e.instancePath)].filter(Boolean).join('.');
  const p = e.params as Record<string, unknown>;
  const value = valueText(e.data);
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const known = Object.keys((e.parentSchema?.properties as Record<string, unknown> | undefined) ?? {});
      return withSuggestion([{ id: 'config.detail.unknownKey', data: { key, at: at(path) } }], key, known);
    }
    case 'required':
      return [{ id: 'config.detail.required', data: { key: String(p.missingProperty), at: at(path) } }];
    case 'enum':
      return [
        {
          id: 'config.detail.enum',
          data: {
            path: pathOrTop(path),
            value,
            allowed: (p.allowedValues as unknown[]).map(String).join(' / '),
          },
        },
      ];
    case 'type': {
      const expected = String(p.type).split(',')[0]!;
      return [
        {
          id: 'config.detail.type',
          data: {
            path: pathOrTop(path),
            expected: { msg: `schema.type.${expected}` },
          },
        },
      ];
    }
    case 'format':
      return [{ id: 'config.detail.date', data: { path, value } }];
    case 'pattern':
      if (p.pattern === '^[a-z]+/[a-z0-9-]+$')
        return [{ id: 'config.detail.ruleIdPattern', data: { value: e.propertyName ?? value } }];
      return [
        { id: 'config.detail.other', data: { path: pathOrTop(path), detail: `${value} ≁ ${p.pattern}` } },
      ];
    case 'minLength':
      return [{ id: 'config.detail.tooShort', data: { path, limit: Number(p.limit) } }];
    case 'minimum':
      return [{ id: 'config.detail.minimum', data: { path, limit: Number(p.limit) } }];
    default:
      return [{ id: 'config.detail.other', data: { path: pathOrTop(path), detail: e.message ?? e.keyword } }];
  }
}

/** Validates a configuration object against schemas/config.schema.json; LocalizedConfigError when it does not match. */
export function validateConfigObject(data: unknown, file: string): GovcatConfig {
  const validate = getValidator<GovcatConfig>(SCHEMA_IDS.config);
  if (validate(data)) return data;
  throw new LocalizedConfigError(
    'config/invalid',
    'config.invalid',
    { file },
    describeConfigErrors(validate.errors, data),
  );
}

function lineColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      column = 1;
    } else column++;
  }
  return { line, column };
}

/** Parses and validates a configuration object read from `file`. */
export function parseConfig(text: string, file: string): GovcatConfig {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    const reason = (err as Error).message;
    const m = /position (\d+)/.exec(reason);
    if (m)
      throw new ConfigError('config/malformed', 'config.malformedAt', {
        file,
        ...lineColumn(text, Number(m[1])),
      });
    throw new ConfigError('config/malformed', 'config.malformed', { file, reason });
  }
  return validateConfigObject(data, file);
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

const defaultProfilesDir = join(seedsDir, 'profiles');

/** Names a configuration may extend: rule presets and seeds/profiles/*.json (by file name). */
export function extendableNames(profilesDir = defaultProfilesDir): string[] {
  const profiles = existsSync(profilesDir)
    ? readdirSync(profilesDir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.slice(0, -5))
    : [];
  return [...Object.keys(presets), ...profiles.sort()];
}

function profileRules(name: string, source: string, profilesDir: string): Record<string, RuleSetting> {
  const file = join(profilesDir, `${name}.json`);
  // Profile names are file names inside seeds/profiles, never paths.
  const safe = /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name);
  if (!safe || !existsSync(file)) {
    const available = extendableNames(profilesDir);
    throw new LocalizedConfigError(
      'config/invalid',
      'config.invalid',
      { file: source },
      withSuggestion(
        [{ id: 'config.detail.unknownExtends', data: { name, available: available.join('、') } }],
        name,
        available,
      ),
    );
  }
  try {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as { rules?: Record<string, RuleSetting> };
    return profile.rules ?? {};
  } catch (err) {
    throw new LocalizedConfigError('config/invalid', 'config.invalid', { file: source }, [
      {
        id: 'config.detail.badProfile',
        data: { name, path: `seeds/profiles/${name}.json`, reason: (err as Error).message },
      },
    ]);
  }
}

/** Rule settings in two layers: presets and extends (may name rules another registry lacks), then the user's own. */
export interface RuleSettingLayers {
  base: Record<string, RuleSetting>;
  user: Record<string, RuleSetting>;
}

/**
 * The rule settings a configuration resolves to: the recommended preset, then each "extends" in order
 * (the base layer: presets, or the `rules` object of seeds/profiles/<name>.json), then its own "rules"
 * (the user layer, where unknown ids are errors).
 */
export function resolveRuleSettings(
  config: GovcatConfig,
  source = CONFIG_FILE_NAME,
  profilesDir = defaultProfilesDir,
): RuleSettingLayers {
  const names =
    config.extends === undefined ? [] : Array.isArray(config.extends) ? config.extends : [config.extends];
  const base: Record<string, RuleSetting> = { ...presets['govcat:recommended'] };
  for (const name of names) {
    Object.assign(base, presets[name] ?? profileRules(name, source, profilesDir));
  }
  const user: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(config.rules ?? {}))
    if (setting !== undefined) user[id] = setting;
  return { base, user };
}

/**
 * Checks a configuration object before use: its schema, then what the schema cannot know — suppressions
 * naming rules that do not exist, vocabularies that do not exist. Returns the configuration.
 */
export function checkConfig(config: unknown, source: string, ruleIds: ReadonlySet<string>): GovcatConfig {
  const valid = validateConfigObject(config, source);
  const fail = (details: Detail[]): never => {
    throw new LocalizedConfigError('config/invalid', 'config.invalid', { file: source }, details);
  };
  (valid.suppressions ?? []).forEach((s, i) => {
    if (!ruleIds.has(s.rule))
      fail(
        withSuggestion(
          [{ id: 'config.detail.unknownRuleAt', data: { path: `suppressions[${i}].rule`, rule: s.rule } }],
          s.rule,
          ruleIds,
        ),
      );
  });
  if (valid.vocabularies) {
    const known = [...loadSeeds().vocabularies.keys()];
    for (const id of Object.keys(valid.vocabularies)) {
      if (!known.includes(id))
        fail(
          withSuggestion(
            [{ id: 'config.detail.unknownVocabulary', data: { id, available: known.join('、') } }],
            id,
            known,
          ),
        );
    }
  }
  return valid;
}

/** Directory to search from for an input path. */
export function searchDirFor(inputPath: string): string {
  return dirname(resolve(inputPath));
}
