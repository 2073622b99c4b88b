// Checks a configuration object or text against schemas/config.schema.json and what the schema cannot know.
import { ConfigError } from '../errors.js';
import type { GovcatConfig } from '../generated/schema-types.js';
import { type ErrorObject, getValidator, SCHEMA_IDS } from '../schema/ajv.js';
import { loadSeeds } from '../seeds/index.js';
import { type Detail, type DetailValue, LocalizedConfigError, suggest } from './errors.js';

export { LocalizedConfigError, suggest } from './errors.js';

/** The configuration file name searched for. */
export const CONFIG_FILE_NAME = 'govcat.config.json';

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

/** Adds “did you mean …” to details when a candidate is close. */
export function withSuggestion(details: Detail[], name: string, candidates: Iterable<string>): Detail[] {
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

/** A plain object without properties: `{}`. */
function isEmptyObject(value: unknown): value is GovcatConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && Reflect.ownKeys(value).length === 0;
}

/**
 * Checks a configuration object before use: its schema, then what the schema cannot know — suppressions
 * naming rules that do not exist, vocabularies that do not exist. Returns the configuration.
 */
export function checkConfig(config: unknown, source: string, ruleIds: ReadonlySet<string>): GovcatConfig {
  // No configuration (--no-config, or none found): the empty object the schema allows (test/config-empty…),
  // so a run without one does not load the configuration's validator.
  if (isEmptyObject(config)) return config;
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
