// The library's validateCatalog in Node: paths read from the file system, everything else by the pipeline.

import type { CompileOptions, CompileResult } from './compile.js';
import type { Catalog, Report } from './generated/schema-types.js';
import { readCatalogFile, streamCatalogFile } from './io/readers/index.js';
import type { EntryPass, EntryStream, InputFormat, ParsedCatalog, StreamedCatalog } from './model/types.js';
import {
  type ReportOptions,
  readCoreSource,
  runPipeline,
  streamCoreSource,
  validateStreamWith,
  validateWith,
} from './pipeline.js';
import type { FileResult } from './report.js';
import { createSession, type Session, type SessionOptions } from './session.js';

export {
  parsedFromObject,
  validateParsed,
} from './pipeline.js';
export type { FileResult } from './report.js';
export { createSession, localToday, type Session, type SessionOptions } from './session.js';

/** A catalog to validate: a path, bytes in memory (an upload), or a catalog object. */
export type CatalogSource =
  | string
  | { path: string; name?: string; format?: InputFormat }
  | { name: string; bytes: Uint8Array; format?: InputFormat }
  | { name?: string; catalog: Catalog };

/** The report options validateCatalog takes (the pipeline's; quiet, maxWarnings and plan are the CLI's). */
export type ValidateReportOptions = Pick<
  ReportOptions,
  'inputs' | 'countSeverities' | 'profile' | 'assessment'
>;

/**
 * Options of validateCatalog (everything explicit: the library reads no environment): the session's options
 * and the report's, each declared once (SessionOptions in session.ts, ReportOptions in pipeline.ts).
 */
export interface ValidateOptions extends SessionOptions, ValidateReportOptions {}

/** Reads one source into a ParsedCatalog (CatalogInputError when it cannot be read). */
export async function readSource(source: CatalogSource, session: Session): Promise<ParsedCatalog> {
  const options = { kind: session.kind, limits: session.limits, seeds: session.seeds };
  if (typeof source === 'string') return readCatalogFile(source, options);
  if ('path' in source)
    return readCatalogFile(source.path, options, source.format, source.name ?? source.path);
  return readCoreSource(source, session);
}

/** Reads one source as readSource does, handing its entries to `to` as they are read (see EntryStream). */
export function streamSource<P extends EntryPass>(
  source: CatalogSource,
  session: Session,
  to: EntryStream<P>,
): Promise<StreamedCatalog<P>> {
  const options = { kind: session.kind, limits: session.limits, seeds: session.seeds };
  if (typeof source === 'string') return streamCatalogFile(source, options, to);
  if ('path' in source)
    return streamCatalogFile(source.path, options, to, source.format, source.name ?? source.path);
  return streamCoreSource(source, session, to);
}

/** The name a source goes by in the report. */
export function sourceName(source: CatalogSource): string {
  if (typeof source === 'string') return source;
  if ('path' in source) return source.name ?? source.path;
  return source.name ?? '(catalog)';
}

/** Reads and validates one source; unreadable input becomes a file report with `error`. */
export function validateSource(source: CatalogSource, session: Session): Promise<FileResult> {
  return validateWith(source, sourceName(source), session, readSource);
}

/**
 * Validates one source as it is read, entry by entry: the same report as validateSource, but the result
 * keeps findings and a few facts per entry, not the catalog (no `parsed`: nothing for --annotate, --fix,
 * the input-driven rates or a plan). Memory stays flat in the number of entries for formats read as a
 * stream (CSV).
 */
export function checkSource(source: CatalogSource, session: Session): Promise<FileResult> {
  return validateStreamWith(source, sourceName(source), session, streamSource);
}

/**
 * Validates one or more catalogs and returns the JSON report contract (schemas/report.schema.json).
 * Never prints or exits; unreadable files are reported in `files[].error`.
 */
export async function validateCatalog(
  input: CatalogSource | readonly CatalogSource[],
  options: ValidateOptions = {},
): Promise<Report> {
  const sources = Array.isArray(input) ? (input as readonly CatalogSource[]) : [input as CatalogSource];
  const { report } = await runPipeline(sources, {
    ...options,
    session: createSession(options),
    // The input-driven rates match list rows against the catalogs: only they need the catalogs kept.
    validate: options.inputs ? validateSource : checkSource,
  });
  return report;
}

/**
 * Compiles one catalog (a path, bytes or a catalog object) and returns the output bytes, the report of the
 * compiled catalog, the applied fixes and the assigned codes. Throws CatalogInputError when the input
 * cannot be read. Never writes files: the input stays untouched.
 */
export async function compileCatalog(
  source: CatalogSource,
  options: CompileOptions = {},
): Promise<CompileResult> {
  const session = createSession(options);
  const parsed = await readSource(source, session);
  // The compiler loads the writers (SheetJS among them): only for a compile.
  const { compileParsed } = await import('./compile.js');
  return compileParsed(parsed, session, options);
}
