// `govcat validate <files…>`: validate catalogs, print a report, exit 0/1/2; optionally annotate a workbook.
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { CatalogInputError } from '../../errors.js';
import type { AppliedFix, FileReport } from '../../generated/schema-types.js';
import { type Lang, translate } from '../../i18n/index.js';
import { writeFileAtomic } from '../../io/writers/atomic.js';
import { resolveLimits } from '../../limits.js';
import { errorFileReport } from '../../report.js';
import {
  type CatalogSource,
  checkSource,
  type FileResult,
  readSource,
  type Session,
  validateSource,
} from '../../validate.js';
import { baselineExitCode, withBaseline } from '../baseline.js';
import { catalogArguments } from '../inputs.js';
import { type CliIO, EXIT, useColor } from '../io.js';
import { checkOutputPath, isStdout, reportInputs, reportOutput } from '../output-target.js';
import { jobsFor, jobsOption, validateOnPool } from '../parallel.js';
import { tracked, withProgress } from '../progress.js';
import {
  addIndicatorOptions,
  addReportOptions,
  checkReportOptions,
  loadIndicatorInputs,
  type ReportCliOptions,
  reportExitCode,
  type ValidateOne,
  validateFiles,
  writeReport,
} from '../report-command.js';
import { addLimitOptions, limitsFromOptions, UsageError } from '../shared.js';
import { DEFAULT_MAX_SHEET_ROWS, maxSheetRowsOption } from '../sheet-rows.js';
import { fixLines } from './compile-output.js';

interface ValidateCliOptions extends ReportCliOptions {
  jobs?: number;
  annotate?: string;
  maxSheetRows?: number;
  fix?: boolean;
  baseline?: string;
  [limit: string]: unknown;
}

/** Registers the validate command; `setExit` receives the exit code. */
export function registerValidate(
  program: Command,
  io: CliIO,
  lang: Lang,
  setExit: (code: number) => void,
): void {
  const cmd = program
    .command('validate')
    .description(translate(lang, 'cli.validate.description'))
    .argument('<files...>', translate(lang, 'cli.validate.files'));
  addReportOptions(cmd, lang);
  cmd
    .option('--annotate <out.xlsx>', translate(lang, 'cli.validate.annotate'))
    .addOption(maxSheetRowsOption(lang))
    .option('--fix', translate(lang, 'cli.validate.fix'))
    .option('--baseline <report.json|catalog>', translate(lang, 'cli.validate.baseline'))
    .addOption(jobsOption(lang));
  addIndicatorOptions(cmd, lang);
  addLimitOptions(cmd, lang);
  cmd.action(async (files: string[], opts: ValidateCliOptions) => {
    setExit(await runValidate(files, opts, io, lang));
  });
}

async function runValidate(
  args: string[],
  opts: ValidateCliOptions,
  io: CliIO,
  sniffed: Lang,
): Promise<number> {
  const lang = opts.lang ?? sniffed;
  const formatter = await checkReportOptions(opts, lang);
  const files = await catalogArguments(args, io, lang);
  await checkOutputs(files, opts, io, lang);
  const limits = limitsFromOptions(opts);
  // Several files go to worker threads, one file per task. Annotating, fixing and the input-driven rates
  // need the parsed catalogs in this process, so they stay here.
  const threads = await jobsFor(files, opts.jobs, io.cwd);
  const needsParsed =
    opts.annotate !== undefined ||
    opts.fix === true ||
    [opts.published, opts.mounted, opts.interfaces, opts.updates, opts.period].some((v) => v !== undefined);
  if (threads > 1 && !needsParsed) {
    const report = await withProgress(io, files, lang, (progress) =>
      validateOnPool(files, opts, io, lang, limits, threads, (file) => progress.done(file)),
    );
    await withBaseline(report, opts.baseline, opts, io, lang, limits);
    await writeReport(report, formatter, opts, io, lang);
    return baselineExitCode(report, opts.maxWarnings, reportExitCode(report, opts.maxWarnings));
  }
  const inputs = await loadIndicatorInputs(opts, io.cwd, resolveLimits(limits), lang);
  const fixesByFile = new Map<string, AppliedFix[]>();
  let annotateBytes: Uint8Array | undefined;
  const each: ValidateOne =
    opts.annotate !== undefined || opts.fix
      ? async (file: string, path: string, session: Session): Promise<FileResult> => {
          let source: CatalogSource = { path, name: file };
          if (opts.annotate !== undefined) {
            // Read once: the bytes that are validated are the bytes that get annotated.
            annotateBytes = await readWithinLimit(path, session.limits.maxBytes);
            if (annotateBytes) source = { name: file, bytes: annotateBytes };
          }
          if (!opts.fix) return validateSource(source, session);
          const { result, fixes } = await validateFixed(source, file, session);
          if (fixes) fixesByFile.set(file, fixes);
          return result;
        }
      : needsParsed
        ? (file, path, session) => validateSource({ path, name: file }, session)
        : // Nothing needs the catalog once it is checked: its entries are checked as they are read.
          (file, path, session) => checkSource({ path, name: file }, session);
  const { results, report } = await withProgress(io, files, lang, (progress) =>
    validateFiles(files, opts, io, lang, limits, tracked(progress, each), { inputs }),
  );
  if (opts.annotate !== undefined && results[0]?.parsed)
    await checkAnnotateSize(results[0].parsed, files[0]!, opts, lang);
  if (opts.fix && opts.format === 'stylish' && !opts.quiet) printFixes(files, fixesByFile, io, lang);
  await withBaseline(report, opts.baseline, opts, io, lang, limits);
  await writeReport(report, formatter, opts, io, lang);
  const first = results[0];
  const firstReport = report.files[0];
  if (opts.annotate !== undefined && annotateBytes && first && firstReport && !firstReport.error)
    await writeAnnotatedCopy(
      files[0]!,
      annotateBytes,
      first,
      firstReport,
      fixesByFile.get(files[0]!),
      opts,
      io,
      lang,
      limits,
    );
  return baselineExitCode(report, opts.maxWarnings, reportExitCode(report, opts.maxWarnings));
}

/** The copy is built in memory like any workbook output: keep to the same row budget. */
async function checkAnnotateSize(
  parsed: NonNullable<FileResult['parsed']>,
  file: string,
  opts: ValidateCliOptions,
  lang: Lang,
): Promise<void> {
  const { lastSourceRow } = await import('../../io/writers/annotate-source.js');
  const rows = lastSourceRow(parsed);
  const limit = opts.maxSheetRows ?? DEFAULT_MAX_SHEET_ROWS;
  if (rows > limit) throw new UsageError(translate(lang, 'annotate.tooLarge', { file, count: rows, limit }));
}

/** The fixes `--fix` applied, per file, on standard output (stylish output only). */
function printFixes(
  files: readonly string[],
  fixesByFile: ReadonlyMap<string, AppliedFix[]>,
  io: CliIO,
  lang: Lang,
): void {
  const color = useColor(io.stdout, io.env);
  const lines = files.flatMap((file) => {
    const fixes = fixesByFile.get(file) ?? [];
    return fixes.length > 0
      ? [...(files.length > 1 ? [file] : []), ...fixLines(fixes, lang, color, true), '']
      : [];
  });
  if (lines.length > 0) io.stdout.write(`${lines.join('\n')}\n`);
}

/** Writes the annotated copy of the one workbook validated (`--annotate`), and says so. */
async function writeAnnotatedCopy(
  file: string,
  bytes: Uint8Array,
  result: FileResult,
  fileReport: FileReport,
  fixes: AppliedFix[] | undefined,
  opts: ValidateCliOptions,
  io: CliIO,
  lang: Lang,
  limits: ReturnType<typeof limitsFromOptions>,
): Promise<void> {
  const target = opts.annotate!;
  // The writers (and SheetJS) load only for an annotated copy.
  const { annotateSource } = await import('../../io/writers/annotate-source.js');
  const { PackageError } = await import('../../io/ooxml/package.js');
  let annotated: ReturnType<typeof annotateSource>;
  try {
    annotated = annotateSource({
      name: file,
      bytes,
      file: fileReport,
      ...(result.parsed ? { parsed: result.parsed } : {}),
      ...(fixes ? { fixes } : {}),
      lang,
      limits: resolveLimits(limits),
    });
  } catch (err) {
    if (!(err instanceof PackageError)) throw err;
    throw new UsageError(translate(lang, 'annotate.unreadable', { file, reason: err.message }));
  }
  try {
    await writeFileAtomic(resolve(io.cwd, target), annotated.output);
  } catch (err) {
    throw new UsageError(
      translate(lang, 'cli.writeFailed', { file: target, reason: (err as Error).message }),
    );
  }
  const note = translate(lang, 'annotate.written', {
    file: target,
    comments: annotated.comments,
    findings: fileReport.findings.length,
    sheet: annotated.sheet,
  });
  // Keep stdout a clean report when it is machine-readable.
  (opts.format !== 'stylish' && !opts.output ? io.stderr : io.stdout).write(`${note}\n`);
}

/**
 * Checks --annotate and --output before anything is read: one workbook to annotate, no output onto an
 * input, a link or a device, not both to one file. `-o -` becomes standard output (opts.output undefined).
 */
async function checkOutputs(files: string[], opts: ValidateCliOptions, io: CliIO, lang: Lang): Promise<void> {
  if (opts.annotate !== undefined) {
    if (files.length !== 1)
      throw new UsageError(translate(lang, 'annotate.oneFile', { count: files.length }));
    const { canAnnotate } = await import('../../io/writers/annotate-source.js');
    if (!canAnnotate(files[0]!))
      throw new UsageError(translate(lang, 'annotate.needWorkbook', { file: files[0]! }));
    if (isStdout(opts.annotate)) throw new UsageError(translate(lang, 'output.annotateStdout'));
    await checkOutputPath(opts.annotate, {
      lang,
      cwd: io.cwd,
      inputs: [files[0]!, ...reportInputs(opts)],
      isInputId: 'annotate.outIsInput',
    });
  }
  opts.output = await reportOutput(opts.output, files, opts, lang, io.cwd);
  if (opts.annotate !== undefined && opts.output !== undefined) {
    if (resolve(io.cwd, opts.annotate) === resolve(io.cwd, opts.output))
      throw new UsageError(translate(lang, 'output.twice', { file: opts.output }));
  }
}

/** The file's bytes when it is a regular file within the size limit; otherwise undefined (the reader reports why). */
async function readWithinLimit(path: string, maxBytes: number): Promise<Uint8Array | undefined> {
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > maxBytes) return undefined;
    return await readFile(path);
  } catch {
    return undefined;
  }
}

/** Reads a source and validates it as compile would fix it (no codes); unreadable input becomes an error report. */
async function validateFixed(
  source: CatalogSource,
  name: string,
  session: Session,
): Promise<{ result: FileResult; fixes?: AppliedFix[] }> {
  try {
    const parsed = await readSource(source, session);
    const { fixCatalog } = await import('../../compile.js');
    const fixed = fixCatalog(parsed, session, { codes: false });
    return { result: fixed.result, fixes: fixed.fixes };
  } catch (err) {
    if (!(err instanceof CatalogInputError)) throw err;
    return {
      result: {
        report: errorFileReport(name, err, session.lang),
        counts: { error: 0, warning: 0, info: 0 },
        diagnostics: [],
        suppressed: [],
      },
    };
  }
}

/** 2 when a file could not be read; 1 on errors or too many warnings; else 0. */
export function exitCodeFor(
  files: readonly FileReport[],
  errors: number,
  warnings: number,
  maxWarnings?: number,
): number {
  if (files.some((f) => f.error)) return EXIT.usage;
  if (errors > 0) return EXIT.findings;
  if (maxWarnings !== undefined && warnings > maxWarnings) return EXIT.findings;
  return EXIT.ok;
}
