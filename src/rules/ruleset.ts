// Resolves rule settings (presets, extends, config) against the registry into the set of active rules.

import { describeConfigErrors } from '../config/check.js';
import { type Detail, LocalizedConfigError, suggest } from '../config/errors.js';
import type { RuleSetting } from '../generated/schema-types.js';
import type { CatalogKind } from '../model/types.js';
import { compileSchema } from '../schema/ajv.js';
import { SCHEMA_RULES } from './schema-check.js';
import type { AnyRule, RuleLevel, SchemaMatch, Severity } from './types.js';

/** A rule with its effective severity and options. */
export interface ActiveRule {
  rule: AnyRule;
  severity: Severity;
  options: object;
}

/** The rules that run for one configuration. */
export interface RuleSet {
  active: readonly ActiveRule[];
  byId: ReadonlyMap<string, AnyRule>;
  /** Severity of any rule id (registry rule or schema/<keyword>). */
  level(id: string): RuleLevel;
  /** Severity of a schema pseudo-rule. */
  schemaLevel(id: string): RuleLevel;
  /** Schema errors to drop for a catalog kind, because an active rule reports them better. */
  supersededFor(kind: CatalogKind): readonly SchemaMatch[];
}

const LEVELS = new Set<RuleLevel>(['off', 'info', 'warning', 'error']);

/** Splits a setting into level and options (an invalid level is returned as is, for the caller to report). */
export function parseSetting(setting: RuleSetting): { level: RuleLevel; options?: Record<string, unknown> } {
  if (typeof setting === 'string') return { level: setting };
  const [level, options] = setting as [RuleLevel, Record<string, unknown>?];
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options)))
    return { level: 'invalid' as RuleLevel };
  return options ? { level, options } : { level };
}

/**
 * A rule's options: its own defaults, then its thresholds from seeds/rules/options.json, then the config's;
 * checked against the rule's options schema.
 */
function ruleOptions(
  rule: AnyRule,
  seedOptions: ReadonlyMap<string, Readonly<Record<string, unknown>>>,
  configured: ReadonlyMap<string, Record<string, unknown>>,
  source: string,
): Record<string, unknown> {
  const merged = {
    ...(rule.meta.defaultOptions ?? {}),
    ...(seedOptions.get(rule.meta.id) ?? {}),
    ...(configured.get(rule.meta.id) ?? {}),
  };
  if (rule.meta.options) {
    const validate = compileSchema(rule.meta.options);
    if (!validate(merged)) {
      throw new LocalizedConfigError(
        'config/invalid',
        'config.badRuleOptions',
        { file: source, rule: rule.meta.id },
        describeConfigErrors(validate.errors, merged, `rules.${rule.meta.id}`),
      );
    }
  }
  return merged;
}

/**
 * Builds the rule set: each registry rule at its default severity, then the base layer (presets and
 * extends), then the user layer (config rules). Unknown user ids and invalid options throw ConfigError.
 */
export function buildRuleSet(
  registry: readonly AnyRule[],
  layers: { base?: Readonly<Record<string, RuleSetting>>; user?: Readonly<Record<string, RuleSetting>> },
  source = '(options)',
  seedOptions: ReadonlyMap<string, Readonly<Record<string, unknown>>> = new Map(),
): RuleSet {
  const byId = new Map(registry.map((r) => [r.meta.id, r]));
  const schemaIds = new Set(SCHEMA_RULES.map((r) => r.id));
  const levels = new Map<string, RuleLevel>();
  const options = new Map<string, Record<string, unknown>>();
  for (const r of registry) levels.set(r.meta.id, r.meta.defaultSeverity);
  for (const r of SCHEMA_RULES) levels.set(r.id, r.defaultSeverity);

  const settings: [string, RuleSetting, boolean][] = [
    ...Object.entries(layers.base ?? {}).map(([id, s]) => [id, s, false] as [string, RuleSetting, boolean]),
    ...Object.entries(layers.user ?? {}).map(([id, s]) => [id, s, true] as [string, RuleSetting, boolean]),
  ];
  for (const [id, setting, fromUser] of settings) {
    if (!byId.has(id) && !schemaIds.has(id)) {
      // Presets may name rules of the full registry; only the user's own settings must exist.
      if (!fromUser) continue;
      const details: Detail[] = [{ id: 'config.detail.unknownRuleAt', data: { path: 'rules', rule: id } }];
      const close = suggest(id, [...byId.keys(), ...schemaIds]);
      if (close) details.push({ id: 'config.detail.didYouMean', data: { suggestion: close } });
      details.push({ id: 'config.detail.seeRules' });
      throw new LocalizedConfigError('config/unknown-rule', 'config.invalid', { file: source }, details);
    }
    const { level, options: opts } = parseSetting(setting);
    if (!LEVELS.has(level)) {
      throw new LocalizedConfigError('config/invalid', 'config.invalid', { file: source }, [
        { id: 'config.detail.severity', data: { rule: id, value: JSON.stringify(setting) } },
      ]);
    }
    levels.set(id, level);
    if (opts) options.set(id, { ...(options.get(id) ?? {}), ...opts });
  }

  const active: ActiveRule[] = [];
  for (const rule of registry) {
    const level = levels.get(rule.meta.id) ?? rule.meta.defaultSeverity;
    if (level === 'off') continue;
    active.push({ rule, severity: level, options: ruleOptions(rule, seedOptions, options, source) });
  }

  const supersededCache = new Map<CatalogKind, SchemaMatch[]>();
  return {
    active,
    byId,
    level: (id) => levels.get(id) ?? 'off',
    schemaLevel: (id) => levels.get(id) ?? 'error',
    supersededFor(kind) {
      let list = supersededCache.get(kind);
      if (!list) {
        // Only rules that run may take a schema error over: a rule turned off gives the schema error back.
        list = active
          .map((a) => a.rule)
          .filter((r) => !r.meta.kinds || r.meta.kinds.includes(kind))
          .flatMap((r) => r.meta.supersedes ?? []);
        supersededCache.set(kind, list);
      }
      return list;
    },
  };
}
