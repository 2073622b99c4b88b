// The one pipeline: sources (bytes with a name, or catalog objects) → read → rules → rates and score → the report.
// Every report is assembled here; adapters (CLI, workers, the library, the service) only call it.
import { CatalogInputError } from './errors.js';
import type {
  Assessment,
  Catalog,
  FileReport,
  Plan,
  Rate,
  Report,
  Score,
  ScoringProfile,
  Severity,
} from './generated/schema-types.js';
import { localize } from './i18n/text.js';
import { applyIndicators, type IndicatorOptions } from './indicators/apply.js';
import type { IndicatorInputSet } from './indicators/input-rates.js';
import { sumRates } from './indicators/input-rates.js';
import { computeRates, EntryFacts, RATE_IDS, type RateRule } from './indicators/rates.js';
import { localizeRates, localizeScore } from './indicators/render.js';
import { readCatalogBytes, streamCatalogBytes } from './io/readers/bytes.js';
import type { ReadOptions } from './io/readers/types.js';
import { decideKind } from './model/headers.js';
import type {
  CatalogHead,
  CatalogKind,
  EntryPass,
  EntryStream,
  InputFormat,
  ParsedCatalog,
  ParsedEntry,
  StreamedCatalog,
} from './model/types.js';
import { buildPlan } from './plan/plan.js';
import {
  errorFileReport,
  type FileResult,
  kindReason,
  makeReport,
  type SeverityCounts,
  summarize,
  toFinding,
} from './report.js';
import { EngineRun, runEngine, sortDiagnostics } from './rules/engine.js';
import { SCHEMA_RULES } from './rules/schema-check.js';
import { applySuppressions } from './rules/suppress.js';
import type { Diagnostic } from './rules/types.js';
import type { Session } from './session.js';

export type { FileResult } from './report.js';

/** A source the core reads by itself: bytes with a name (an upload, a file read by an adapter) or an object. */
export type CoreSource =
  | { name: string; bytes: Uint8Array; format?: InputFormat }
  | { name?: string; catalog: Catalog };

/** What the indicator stage and the summary take besides the validated files. */
export interface ReportOptions {
  /** Lists that feed the input-driven rates (published, mounted, interfaces, update log). */
  inputs?: IndicatorInputSet;
  /** Severities that count against the rates (default: the profile's, else errors only). */
  countSeverities?: readonly Severity[];
  /** Score the catalogs against this profile. */
  profile?: ScoringProfile;
  /** Indicator results given by an assessor. */
  assessment?: { file: string; data: Assessment };
  /** The report lists errors only (recorded in the summary). */
  quiet?: boolean;
  /** More warnings than this fail the run (recorded in the summary). */
  maxWarnings?: number;
  /** Add the plan (what to fix first for the most points) to a scored report. */
  plan?: boolean;
}

/** How the pipeline runs over sources of type S. */
export interface RunOptions<S> extends ReportOptions {
  /** The session of each source (the CLI resolves a configuration per folder), or one for all. */
  session: Session | ((source: S, index: number) => Session | Promise<Session>);
  /** Turns one source into a result; default: read it (bytes or object) and validate it. */
  validate?: (source: S, session: Session, index: number) => Promise<FileResult>;
}

/** What a run returns: each source's result, the report, and the session of the first source. */
export interface PipelineRun {
  results: FileResult[];
  report: Report;
  session?: Session;
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
  // The kind as the readers decide it (one default): the option, else the declared kind, else shared.
  const { kind, kindSource } = decideKind(session.kind, catalog.kind, () => undefined);
  const parsed: ParsedCatalog = {
    file: name,
    format: 'json',
    kind,
    kindSource,
    entries,
    notices: [],
  };
  if (catalog.title !== undefined) parsed.title = catalog.title;
  return parsed;
}

/** Reads bytes or an object into a ParsedCatalog (CatalogInputError when it cannot be read). */
export async function readCoreSource(source: CoreSource, session: Session): Promise<ParsedCatalog> {
  if ('catalog' in source) return parsedFromObject(source.catalog, source.name ?? '(catalog)', session);
  return readCatalogBytes({ name: source.name, bytes: source.bytes }, readOptions(session), source.format);
}

/** Reads bytes or an object as readCoreSource does, handing the entries to `to` (see streamCatalogBytes). */
export async function streamCoreSource<P extends EntryPass>(
  source: CoreSource,
  session: Session,
  to: EntryStream<P>,
): Promise<StreamedCatalog<P>> {
  if ('bytes' in source)
    return streamCatalogBytes(
      { name: source.name, bytes: source.bytes },
      readOptions(session),
      to,
      source.format,
    );
  const { entries, ...head } = parsedFromObject(source.catalog, source.name ?? '(catalog)', session);
  const pass = to.open(head.file, head.kind);
  for (const entry of entries) pass.entry(entry);
  return { head, pass };
}

/** The rules whose findings the rates count (those that ran on the file). */
function ratedRules(session: Session): RateRule[] {
  return [
    ...session.ruleSet.active.map((a) => a.rule.meta),
    ...SCHEMA_RULES.filter((r) => session.ruleSet.schemaLevel(r.id) !== 'off'),
  ];
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
  });
  const result = fileResult(parsed, EntryFacts.of(parsed, session.seeds), found, session, extra);
  result.parsed = parsed;
  return result;
}

/** One pass of a streaming reader checked as it reads: the engine run and the facts the rates need. */
export class CheckPass implements EntryPass {
  readonly run: EngineRun;
  readonly facts: EntryFacts;

  constructor(file: string, kind: CatalogKind, session: Session) {
    this.run = new EngineRun({
      file,
      kind,
      ruleSet: session.ruleSet,
      seeds: session.seeds,
      settings: session.settings,
    });
    this.facts = new EntryFacts(kind, session.seeds);
  }

  entry(entry: ParsedEntry): void {
    this.run.entry(entry);
    this.facts.add(entry.data);
  }
}

/** Where a streaming reader hands a session's entries: each pass checked as it reads. */
export function checkStream(session: Session): EntryStream<CheckPass> {
  return { open: (file, kind) => new CheckPass(file, kind, session) };
}

/**
 * Validates a catalog whose entries were checked as they were read (see checkStream): the same file report
 * as validateParsed on the whole catalog, without the catalog (the result has no `parsed`).
 */
export function validateStreamed(streamed: StreamedCatalog<CheckPass>, session: Session): FileResult {
  const { head, pass } = streamed;
  return fileResult(head, pass.facts, pass.run.finish(head.notices), session);
}

/** The result of a file from its head, its entries' facts and the engine's findings. */
function fileResult(
  head: CatalogHead,
  facts: EntryFacts,
  found: Diagnostic[],
  session: Session,
  extra: readonly Diagnostic[] = [],
): FileResult {
  const all = extra.length > 0 ? sortDiagnostics([...found, ...extra]) : found;
  const { kept, suppressed } = applySuppressions(all, session.config.suppressions, session.settings.today);
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const d of kept) counts[d.severity]++;
  const limit = session.limits.maxFindings;
  const rules = ratedRules(session);
  const report: FileReport = {
    path: head.file,
    format: head.format,
    kind: head.kind,
    kindReason: kindReason(head, session.lang),
    entries: facts.count,
    items: facts.items,
    findings: kept.slice(0, limit).map((d) => toFinding(d, session.lang)),
    suppressed: suppressed.map((d) => toFinding(d, session.lang)),
    rates: localizeRates(
      computeRates(facts, kept, session.seeds, { rules, today: session.settings.today }),
      session.lang,
    ),
  };
  if (kept.length > limit) report.truncated = true;
  return { report, counts, diagnostics: kept, suppressed, facts, rules };
}

/** The result of a source that could not be read: a file report with `error`. */
export function unreadableResult(name: string, error: CatalogInputError, session: Session): FileResult {
  return {
    report: errorFileReport(name, error, session.lang),
    counts: { error: 0, warning: 0, info: 0 },
    diagnostics: [],
    suppressed: [],
  };
}

/**
 * Reads (with `read`) and validates one source; unreadable input becomes a file report with `error`.
 * Other errors are thrown.
 */
export async function validateWith<S>(
  source: S,
  name: string,
  session: Session,
  read: (source: S, session: Session) => Promise<ParsedCatalog>,
): Promise<FileResult> {
  let parsed: ParsedCatalog;
  try {
    parsed = await read(source, session);
  } catch (err) {
    if (err instanceof CatalogInputError) return unreadableResult(name, err, session);
    throw err;
  }
  return validateParsed(parsed, session);
}

/**
 * Reads (with `stream`, handing entries to checkStream) and validates one source as it is read: the report
 * validateWith gives, without keeping the catalog. Unreadable input becomes a file report with `error`.
 */
export async function validateStreamWith<S>(
  source: S,
  name: string,
  session: Session,
  stream: (source: S, session: Session, to: EntryStream<CheckPass>) => Promise<StreamedCatalog<CheckPass>>,
): Promise<FileResult> {
  let streamed: StreamedCatalog<CheckPass>;
  try {
    streamed = await stream(source, session, checkStream(session));
  } catch (err) {
    if (err instanceof CatalogInputError) return unreadableResult(name, err, session);
    throw err;
  }
  return validateStreamed(streamed, session);
}

/** Rates over all files and the score, in the session's language. */
export interface Indicators {
  rates: Record<string, Rate>;
  score?: Score;
}

/**
 * The indicator stage over validated files: rates recounted with the chosen severities, inputs, score; its
 * texts rendered here, in the session's language (the stage itself is language-neutral).
 */
export function indicate(
  results: readonly FileResult[],
  session: Session,
  options: ReportOptions = {},
): Indicators {
  const neutral = applyIndicators(results, indicatorOptions(session, options));
  const lang = session.lang;
  for (const r of neutral.recomputed) r.report.rates = localizeRates(r.report.rates, lang);
  const out: Indicators = { rates: localizeRates(neutral.rates, lang) };
  if (neutral.score) out.score = localizeScore(neutral.score, lang);
  return out;
}

function indicatorOptions(session: Session, options: ReportOptions): IndicatorOptions {
  return {
    seeds: session.seeds,
    today: session.settings.today,
    ruleIds: session.ruleSet.active.map((a) => a.rule.meta.id),
    ...(options.countSeverities ? { countSeverities: options.countSeverities } : {}),
    ...(options.inputs ? { inputs: options.inputs } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.assessment ? { assessment: options.assessment } : {}),
  };
}

/** One file's share of a report: its section and counts (and, from a worker, its score). */
export interface ReportPart {
  report: FileReport;
  counts: SeverityCounts;
  score?: Score;
}

/** What goes into a report besides the files. */
export interface AssembleOptions {
  /**
   * Rates over all files: given (from the indicator stage), `sum` to sum each rate over the readable files
   * (results from workers), or none (a compile report).
   */
  rates?: Record<string, Rate> | 'sum';
  score?: Score;
  quiet?: boolean;
  maxWarnings?: number;
}

function summedRates(parts: readonly ReportPart[]): Record<string, Rate> {
  const readable = parts.filter((r) => !r.report.error);
  const rates: Record<string, Rate> = {};
  for (const id of RATE_IDS) {
    const per = readable.map((r) => r.report.rates[id]).filter((x): x is Rate => x !== undefined);
    if (per.length > 0) rates[id] = sumRates(per[0]!.label ?? id, per);
  }
  return rates;
}

/** Assembles the report contract (schemas/report.schema.json) from file parts: the one place that does. */
export function assembleReport(parts: readonly ReportPart[], options: AssembleOptions = {}): Report {
  const report = makeReport(
    parts.map((r) => r.report),
    summarize(parts),
  );
  const rates = options.rates === 'sum' ? summedRates(parts) : options.rates;
  if (rates && Object.keys(rates).length > 0 && parts.some((r) => !r.report.error)) report.rates = rates;
  if (options.score) report.score = options.score;
  if (options.quiet) report.summary.quiet = true;
  if (options.maxWarnings !== undefined) {
    report.summary.maxWarnings = options.maxWarnings;
    report.summary.tooManyWarnings = report.summary.warnings > options.maxWarnings;
  }
  return report;
}

function nameOf(source: unknown): string {
  if (typeof source === 'string') return source;
  const s = source as { name?: string; path?: string };
  return s.name ?? s.path ?? '(catalog)';
}

/**
 * The pipeline: each source validated with its session, then the indicator stage with the first session,
 * then the report. Without `validate`, sources must be bytes or objects (CoreSource).
 */
export async function runPipeline<S = CoreSource>(
  sources: readonly S[],
  options: RunOptions<S>,
): Promise<PipelineRun> {
  const sessionOf = options.session;
  const validate =
    options.validate ??
    ((source: S, session: Session) =>
      validateWith(source as CoreSource, nameOf(source), session, readCoreSource));
  const results: FileResult[] = [];
  let first: Session | undefined;
  for (const [index, source] of sources.entries()) {
    const session = typeof sessionOf === 'function' ? await sessionOf(source, index) : sessionOf;
    first ??= session;
    results.push(await validate(source, session, index));
  }
  const indicators = first ? indicate(results, first, options) : undefined;
  const report = assembleReport(results, {
    ...(indicators ? { rates: indicators.rates } : {}),
    ...(indicators?.score ? { score: indicators.score } : {}),
    ...(options.quiet ? { quiet: true } : {}),
    ...(options.maxWarnings !== undefined ? { maxWarnings: options.maxWarnings } : {}),
  });
  if (options.plan && first && options.profile && report.score)
    report.plan = localize<Plan>(
      buildPlan(results, { ...indicatorOptions(first, options), profile: options.profile }, report.score),
      first.lang,
    );
  return { results, report, ...(first ? { session: first } : {}) };
}
