// diffSources: reads and validates two versions (any readable formats), then diffs them with diffCatalogs.
import type { CatalogDiff, ScoringProfile } from '../generated/schema-types.js';
import { indicate } from '../pipeline.js';
import {
  type CatalogSource,
  createSession,
  type FileResult,
  readSource,
  type Session,
  type ValidateOptions,
  validateParsed,
} from '../validate.js';
import { govcatVersion } from '../version.js';
import { type DiffOptions, type DiffSide, diffCatalogs } from './diff.js';

/** Options of diffSources: validation options (config, lang, today, profile …) plus the diff's. */
export interface DiffSourcesOptions extends ValidateOptions, DiffOptions {}

/** A validated version: its file result (parsed catalog, findings) and the side diffCatalogs takes. */
export interface ValidatedVersion {
  result: FileResult;
  side: DiffSide;
}

/**
 * Validates one version and computes its rates (and score, with a profile). Throws CatalogInputError when it
 * cannot be read: a diff against an unreadable version means nothing.
 */
export async function validateVersion(
  source: CatalogSource,
  session: Session,
  profile?: ScoringProfile,
): Promise<ValidatedVersion> {
  const parsed = await readSource(source, session);
  const result = validateParsed(parsed, session);
  const indicators = indicate([result], session, profile ? { profile } : {});
  const side: DiffSide = {
    file: parsed.file,
    entries: parsed.entries.map((e) => e.data),
    findings: result.report.findings,
    counts: result.counts,
    rates: result.report.rates,
  };
  if (indicators.score) side.score = indicators.score;
  return { result, side };
}

/** Reads, validates and diffs two versions of a catalog (e.g. last round's xlsx against this round's json). */
export async function diffSources(
  before: CatalogSource,
  after: CatalogSource,
  options: DiffSourcesOptions = {},
): Promise<CatalogDiff> {
  const session = createSession(options);
  const a = await validateVersion(before, session, options.profile);
  const b = await validateVersion(after, session, options.profile);
  return diffCatalogs(a.side, b.side, { toolVersion: govcatVersion(), ...options });
}
