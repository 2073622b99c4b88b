// The validation pipeline: read → schema check and rules → suppressions → rates → file report.
import { checkConfig, resolveRuleSettings } from './config/load.js';
import { CatalogInputError } from './errors.js';
import type {
  Assessment,
  Catalog,
  FileReport,
  GovcatConfig,
  Limits,
  Report,
  ScoringProfile,
  Severity,
} from './generated/schema-types.js';
import { type Lang, translate } from './i18n/index.js';
import { applyIndicators } from './indicators/index.js';
import type { IndicatorInputSet } from './indicators/input-rates.js';
import { computeRates, type RateRule } from './indicators/rates.js';
import { readCatalogBytes, readCatalogFile } from './io/readers/index.js';
import type { ReadOptions } from './io/readers/types.js';
import { type ResolvedLimits, resolveLimits } from './limits.js';
import type { CatalogKind, InputFormat, ParsedCatalog, ParsedEntry } from './model/types.js';
import {
  errorFileReport,
  kindReason,
  makeReport,
  type SeverityCounts,
  summarize,
  toFinding,
} from './report.js';
import { runEngine, sortDiagnostics } from './rules/engine.js';
import { registryRules } from './rules/registry.js';
import { buildRuleSet, type RuleSet } from './rules/ruleset.js';
import { SCHEMA_RULES } from './rules/schema-check.js';
import { applySuppressions, type SuppressedDiagnostic } from './rules/suppress.js';
import type { AnyRule, Diagnostic, RuleSettings } from './rules/types.js';
import { loadSeeds, type Seeds } from './seeds/index.js';

/** A catalog to validate: a path, bytes in memory (an upload), or a catalog object. */
export type CatalogSource =
  | string
  | { path: string; name?: string; format?: InputFormat }
  | { name: string; bytes: Uint8Array; format?: InputFormat }
  | { name?: string; catalog: Catalog };

/** Options of validateCatalog (everything explicit: the library reads no environment). */
export interface ValidateOptions {
  /** Message language (default zh). */
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
  /** Lists that feed the input-driven rates (published, mounted, interfaces, update log). */
  inputs?: IndicatorInputSet;
  /** Severities that count against the rates (default: the profile's, else errors only). */
  countSeverities?: readonly Severity[];
  /** Score the catalogs against this profile (see loadProfiles()). */
  profile?: ScoringProfile;
  /** Indicator results given by an assessor. */
  assessment?: { file: string; data: Assessment };
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

/** Today's local date as CCYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** Resolves options and configuration into a session (throws ConfigError on a bad configuration). */
export function createSession(options: ValidateOptions = {}): Session {
  const source = options.configFile ?? 'govcat.config.json';
  const registry = options.rules ?? registryRules();
  const ruleIds = new Set([...registry.map((r) => r.meta.id), ...SCHEMA_RULES.map((r) => r.id)]);
  const config = options.config ? checkConfig(options.config, source, ruleIds) : {};
  const seeds = loadSeeds({
    ...(config.vocabularies ? { vocabularies: config.vocabularies } : {}),
    ...(config.aliases ? { aliases: config.aliases } : {}),
  });
  const ruleSet = buildRuleSet(registry, resolveRuleSettings(config, source), source, seeds.ruleOptions);
  const configKind = config.kind;
  return {
    lang: options.lang ?? (config.lang === 'en' ? 'en' : 'zh'),
    kind: options.kind ?? configKind ?? 'auto',
    config,
    ruleSet,
    seeds,
    settings: {
      codeSeparator: config.codeSeparator ?? '/',
      today: options.today ?? localToday(),
      externalCodes: new Set(config.externalCodes ?? []),
    },
    limits: resolveLimits(config.limits, options.limits),
  };
}

/** The outcome of one file: its report section plus what later stages (compile, score) need. */
export interface FileResult {
  report: FileReport;
  counts: SeverityCounts;
  diagnostics: Diagnostic[];
  suppressed: SuppressedDiagnostic[];
  parsed?: ParsedCatalog;
  /** The rules that ran on it (the rates tell from them what was measured). */
  rules?: readonly RateRule[];
}

function readOptions(session: Session): ReadOptions {
  return { kind: session.kind, limits: session.limits, seeds: session.seeds };
}

/** Builds a ParsedCatalog from a catalog object (library callers that already hold the data). */
export function parsedFromObject(catalog: Catalog, name: string, session: Session): ParsedCatalog {
  const entries: ParsedEntry[] = (catalog.entries ?? []).map((data, index) => ({
    index,
    // As the JSON reader does: a null entry is an empty one (the schema then lists what is missing).
    data: data ?? {},
    locations: new Map([['', { pointer: `/entries/${index}` }]]),
    normalizations: [],
  }));
  const kind = session.kind !== 'auto' ? session.kind : (catalog.kind ?? 'shared');
  const parsed: ParsedCatalog = {
    file: name,
    format: 'json',
    kind,
    kindSource: session.kind !== 'auto' ? 'option' : 'declared',
    entries,
    notices: [],
  };
  if (catalog.title !== undefined) parsed.title = catalog.title;
  return parsed;
}

/** Reads one source into a ParsedCatalog (CatalogInputError when it cannot be read). */
export async function readSource(source: CatalogSource, session: Session): Promise<ParsedCatalog> {
  if (typeof source === 'string') return readCatalogFile(source, readOptions(session));
  if ('path' in source)
    return readCatalogFile(source.path, readOptions(session), source.format, source.name ?? source.path);
  if ('catalog' in source) return parsedFromObject(source.catalog, source.name ?? '(catalog)', session);
  return readCatalogBytes({ name: source.name, bytes: source.bytes }, readOptions(session), source.format);
}

function nameOf(source: CatalogSource): string {
  if (typeof source === 'string') return source;
  if ('path' in source) return source.name ?? source.path;
  return source.name ?? '(catalog)';
}

/**
 * Validates a parsed catalog: engine, suppressions, rates, findings cap. `extra` are findings of other stages
 * (compile's code assignment) that join the engine's before suppressions and rates.
 */
export function validateParsed(
  parsed: ParsedCatalog,
  session: Session,
  extra: readonly Diagnostic[] = [],
): FileResult {
  const found = runEngine({
    catalog: parsed,
    ruleSet: session.ruleSet,
    seeds: session.seeds,
    settings: session.settings,
    lang: session.lang,
  });
  const all = extra.length > 0 ? sortDiagnostics([...found, ...extra]) : found;
  const { kept, suppressed } = applySuppressions(all, session.config.suppressions, session.settings.today);
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const d of kept) counts[d.severity]++;
  const limit = session.limits.maxFindings;
  const rules: RateRule[] = [
    ...session.ruleSet.active.map((a) => a.rule.meta),
    ...SCHEMA_RULES.filter((r) => session.ruleSet.schemaLevel(r.id) !== 'off'),
  ];
  const report: FileReport = {
    path: parsed.file,
    format: parsed.format,
    kind: parsed.kind,
    kindReason: kindReason(parsed, session.lang),
    entries: parsed.entries.length,
    items: parsed.entries.reduce((n, e) => n + (Array.isArray(e.data.items) ? e.data.items.length : 0), 0),
    findings: kept.slice(0, limit).map(toFinding),
    suppressed: suppressed.map(toFinding),
    rates: computeRates(parsed, kept, session.seeds, {
      label: (id) => translate(session.lang, id),
      rules,
      today: session.settings.today,
    }),
  };
  if (kept.length > limit) report.truncated = true;
  return { report, counts, diagnostics: kept, suppressed, parsed, rules };
}

/** Reads and validates one source; unreadable input becomes a file report with `error`. */
export async function validateSource(source: CatalogSource, session: Session): Promise<FileResult> {
  let parsed: ParsedCatalog;
  try {
    parsed = await readSource(source, session);
  } catch (err) {
    if (err instanceof CatalogInputError) {
      return {
        report: errorFileReport(nameOf(source), err, session.lang),
        counts: { error: 0, warning: 0, info: 0 },
        diagnostics: [],
        suppressed: [],
      };
    }
    throw err;
  }
  return validateParsed(parsed, session);
}

/**
 * Validates one or more catalogs and returns the JSON report contract (schemas/report.schema.json).
 * Never prints or exits; unreadable files are reported in `files[].error`.
 */
export async function validateCatalog(
  input: CatalogSource | readonly CatalogSource[],
  options: ValidateOptions = {},
): Promise<Report> {
  const session = createSession(options);
  const sources = Array.isArray(input) ? (input as readonly CatalogSource[]) : [input as CatalogSource];
  const results: FileResult[] = [];
  for (const source of sources) results.push(await validateSource(source, session));
  const indicators = applyIndicators(results, {
    lang: session.lang,
    seeds: session.seeds,
    today: session.settings.today,
    ruleIds: session.ruleSet.active.map((a) => a.rule.meta.id),
    ...(options.countSeverities ? { countSeverities: options.countSeverities } : {}),
    ...(options.inputs ? { inputs: options.inputs } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.assessment ? { assessment: options.assessment } : {}),
  });
  const report = makeReport(
    results.map((r) => r.report),
    summarize(results),
  );
  if (results.some((r) => r.parsed)) report.rates = indicators.rates;
  if (indicators.score) report.score = indicators.score;
  return report;
}
