// Options resolved once into a session (language, kind, today, limits, config, rules): the only place defaults apply.
import { checkConfig } from './config/check.js';
import type { GovcatConfig, Limits } from './generated/schema-types.js';
import type { Lang } from './i18n/index.js';
import { type ResolvedLimits, resolveLimits } from './limits.js';
import type { CatalogKind } from './model/types.js';
import { registryRules } from './rules/registry.js';
import { buildRuleSet, type RuleSet } from './rules/ruleset.js';
import { SCHEMA_RULES } from './rules/schema-check.js';
import { resolveRuleSettings } from './rules/settings.js';
import type { AnyRule, RuleSettings } from './rules/types.js';
import { loadSeeds, type Seeds } from './seeds/index.js';

/** The kinds a caller may ask for: a catalog kind, or auto (decided by the reader). */
export const KIND_OPTIONS: readonly (CatalogKind | 'auto')[] = ['shared', 'open', 'auto'];

/** Whether a value names a catalog kind or auto (the one check every adapter uses). */
export function isKindOption(value: unknown): value is CatalogKind | 'auto' {
  return typeof value === 'string' && (KIND_OPTIONS as readonly string[]).includes(value);
}

/** What a session is made from (everything explicit: the library reads no environment). */
export interface SessionOptions {
  /** Message language (default: the config's, else zh). */
  lang?: Lang;
  /** Catalog kind; default from config, else detected. */
  kind?: CatalogKind | 'auto';
  /** A configuration object (from loadConfig, or built by the caller). */
  config?: GovcatConfig;
  /** Name of the configuration's file, used in error messages. */
  configFile?: string;
  /** Today as CCYY-MM-DD (default: the local date). */
  today?: string;
  /** Reader limits over the defaults and the config's. */
  limits?: Limits;
  /** Rule registry to use instead of the built-in one (tests, plugins). */
  rules?: readonly AnyRule[];
}

/** Everything resolved once per call and shared by all files. */
export interface Session {
  lang: Lang;
  kind: CatalogKind | 'auto';
  config: GovcatConfig;
  ruleSet: RuleSet;
  seeds: Seeds;
  settings: RuleSettings;
  limits: ResolvedLimits;
}

/** Today's local date as CCYY-MM-DD (the one clock of a run: the CLI, workers and rates all use it). */
export function localToday(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/**
 * The options with `today` fixed: callers that pass options on (the worker pool caches sessions by them)
 * call this so a cached session never outlives its day.
 */
export function withToday<T extends { today?: string }>(options: T): T & { today: string } {
  return { ...options, today: options.today ?? localToday() };
}

/** The message language: the option, else the configuration's, else Chinese (the one place this default lives). */
export function resolveLang(options: { lang?: Lang; config?: { lang?: string } | undefined }): Lang {
  return options.lang ?? (options.config?.lang === 'en' ? 'en' : 'zh');
}

/** Resolves options and configuration into a session (throws ConfigError on a bad configuration). */
export function createSession(options: SessionOptions = {}): Session {
  const source = options.configFile ?? 'govcat.config.json';
  const registry = options.rules ?? registryRules();
  const ruleIds = new Set([...registry.map((r) => r.meta.id), ...SCHEMA_RULES.map((r) => r.id)]);
  const config = options.config ? checkConfig(options.config, source, ruleIds) : {};
  const seeds = loadSeeds({
    ...(config.vocabularies ? { vocabularies: config.vocabularies } : {}),
    ...(config.aliases ? { aliases: config.aliases } : {}),
  });
  const ruleSet = buildRuleSet(registry, resolveRuleSettings(config, source), source, seeds.ruleOptions);
  return {
    lang: resolveLang({ ...(options.lang ? { lang: options.lang } : {}), config }),
    kind: options.kind ?? config.kind ?? 'auto',
    config,
    ruleSet,
    seeds,
    settings: {
      codeSeparator: config.codeSeparator ?? '/',
      today: withToday(options).today,
      externalCodes: new Set(config.externalCodes ?? []),
    },
    limits: resolveLimits(config.limits, options.limits),
  };
}
