// `govcat compile <input> --out <file> | --write | --dry-run`: fix, assign codes, write the compiled catalog.
import { constants } from 'node:fs';
import { copyFile, readFile, realpath } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { LOCK_FILE_NAME, parseLock, serializeLock } from '../../codegen/lock.js';
import { type CompileResult, compileParsed } from '../../compile.js';
import { type Formatter, formatNames, renderReport } from '../../formatters/index.js';
import type { CodeLock } from '../../generated/schema-types.js';
import { joinList, type Lang, translate } from '../../i18n/index.js';
import { formatFromName } from '../../io/readers/index.js';
import { writeFileAtomic } from '../../io/writers/atomic.js';
import { OUTPUT_FORMATS, type OutputFormat, outputFormatFromName } from '../../io/writers/index.js';
import { readSource } from '../../validate.js';
import { type CliIO, useColor } from '../io.js';
import { checkOutputPath, isStdout } from '../output-target.js';
import { checkReportOptions, maxWarningsOption, reportExitCode } from '../report-command.js';
import {
  addLimitOptions,
  addSessionOptions,
  formatOption,
  limitsFromOptions,
  type SessionCliOptions,
  SessionResolver,
  UsageError,
} from '../shared.js';
import { maxSheetRowsOption } from '../sheet-rows.js';
import { codeLines, fixLines } from './compile-output.js';

interface CompileCliOptions extends SessionCliOptions {
  out?: string;
  write?: boolean;
  to?: string;
  lock?: string | false;
  codes?: boolean;
  sequenceWidth?: number;
  maxSheetRows?: number;
  dryRun?: boolean;
  format: string;
  quiet?: boolean;
  maxWarnings?: number;
  [limit: string]: unknown;
}

/** Registers the compile command. */
export function registerCompile(
  program: Command,
  io: CliIO,
  lang: Lang,
  setExit: (code: number) => void,
): void {
  const cmd = program
    .command('compile')
    .description(translate(lang, 'cli.compile.description'))
    .argument('<input>', translate(lang, 'cli.compile.input'))
    .option('-o, --out <file>', translate(lang, 'cli.compile.out'))
    .option('-w, --write', translate(lang, 'cli.compile.write'))
    .option('--to <format>', translate(lang, 'cli.compile.to', { formats: joinList(OUTPUT_FORMATS, lang) }))
    .option('--dry-run', translate(lang, 'cli.compile.dryRun'))
    .option('--lock <file>', translate(lang, 'cli.compile.lock'))
    .option('--no-lock', translate(lang, 'cli.compile.noLock'))
    .option('--no-codes', translate(lang, 'cli.compile.noCodes'))
    .addOption(
      new Option('--sequence-width <n>', translate(lang, 'cli.compile.sequenceWidth')).argParser((v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1 || n > 12)
          throw new InvalidArgumentError(translate(lang, 'cli.compile.badWidth', { value: v }));
        return n;
      }),
    )
    .addOption(maxSheetRowsOption(lang))
    .addOption(
      formatOption(translate(lang, 'cli.compile.reportFormat', { formats: joinList(formatNames(), lang) })),
    )
    .option('-q, --quiet', translate(lang, 'cli.compile.optionQuiet'))
    .addOption(maxWarningsOption(lang));
  addSessionOptions(cmd, lang);
  addLimitOptions(cmd, lang);
  cmd.action(async (input: string, opts: CompileCliOptions) => {
    setExit(await runCompile(input, opts, io, lang));
  });
}

/** Copies the input next to itself as <file>.bak (or .bak.1, .bak.2 … — an older backup is never replaced). */
async function backup(path: string): Promise<string> {
  for (let i = 0; i < 1000; i++) {
    const candidate = i === 0 ? `${path}.bak` : `${path}.bak.${i}`;
    try {
      await copyFile(path, candidate, constants.COPYFILE_EXCL);
      return candidate;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  throw new Error('too many backups');
}

async function readLock(path: string, shown: string): Promise<CodeLock | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  return parseLock(text, shown);
}

async function runCompile(input: string, opts: CompileCliOptions, io: CliIO, sniffed: Lang): Promise<number> {
  const lang = opts.lang ?? sniffed;
  const formatter = await checkReportOptions(opts, lang);
  checkCompileMode(input, opts, lang);
  // `-o -` (or /dev/stdout): the compiled catalog goes to standard output, the report to standard error.
  const toStdout = isStdout(opts.out);
  const format = outputFormat(input, opts, toStdout, lang);
  const { session } = await new SessionResolver(opts, io.cwd, lang, limitsFromOptions(opts)).forInput(input);
  const targets = await compileTargets(input, opts, io, toStdout, lang);
  const lock = targets.lockPath ? await readLock(targets.lockPath, targets.lockShown) : undefined;

  const parsed = await readSource({ path: targets.inputPath, name: input }, session);
  const result = compileParsed(parsed, session, {
    format: format ?? parsed.format,
    codes: opts.codes !== false,
    ...(lock ? { lock } : {}),
    ...(opts.sequenceWidth !== undefined ? { sequenceWidth: opts.sequenceWidth } : {}),
    ...(opts.maxSheetRows !== undefined ? { maxSheetRows: opts.maxSheetRows } : {}),
    ...(opts.dryRun ? {} : { outputName: targets.outName }),
  });
  const notes = opts.dryRun ? [] : await writeCompiled(result, input, opts, io, targets, lang);
  return printCompileReport(
    result,
    input,
    opts,
    io,
    { formatter, notes, toStdout, outName: targets.outName },
    lang,
  );
}

/** The output modes that cannot go together (or are missing) and the in-place write of a macro workbook. */
function checkCompileMode(input: string, opts: CompileCliOptions, lang: Lang): void {
  if (opts.out && opts.write) throw new UsageError(translate(lang, 'cli.compile.outAndWrite'));
  if (!opts.out && !opts.write && !opts.dryRun)
    throw new UsageError(translate(lang, 'cli.compile.needOutput'));
  // Replacing a macro workbook with a plain xlsx would silently drop its macros.
  if (opts.write && extname(input).toLowerCase() === '.xlsm')
    throw new UsageError(translate(lang, 'cli.compile.noWriteXlsm', { file: input }));
}

/** The compiled catalog's format: --to, else the input's (in place or to stdout), else the output name's. */
function outputFormat(
  input: string,
  opts: CompileCliOptions,
  toStdout: boolean,
  lang: Lang,
): OutputFormat | undefined {
  const formats = joinList(OUTPUT_FORMATS, lang);
  if (opts.to) {
    if (!(OUTPUT_FORMATS as readonly string[]).includes(opts.to))
      throw new UsageError(translate(lang, 'cli.compile.unknownOutput', { value: opts.to, formats }));
    return opts.to as OutputFormat;
  }
  if (opts.write || !opts.out || toStdout) return formatFromName(input);
  const format = outputFormatFromName(opts.out);
  if (!format)
    throw new UsageError(translate(lang, 'cli.compile.unknownOutput', { value: opts.out, formats }));
  return format;
}

/** Where a compile reads and writes: the input, the compiled catalog, the code lock (absolute and as shown). */
interface CompileTargets {
  inputPath: string;
  outPath: string | undefined;
  outName: string;
  lockPath: string | undefined;
  lockShown: string;
}

/** Resolves every file compile may write and checks each before anything is read or written. */
async function compileTargets(
  input: string,
  opts: CompileCliOptions,
  io: CliIO,
  toStdout: boolean,
  lang: Lang,
): Promise<CompileTargets> {
  const inputPath = resolve(io.cwd, input);
  const useLock = opts.codes !== false && opts.lock !== false;
  const lockPath = useLock
    ? typeof opts.lock === 'string'
      ? resolve(io.cwd, opts.lock)
      : join(dirname(inputPath), LOCK_FILE_NAME)
    : undefined;
  const lockShown = typeof opts.lock === 'string' ? opts.lock : join(dirname(input), LOCK_FILE_NAME);
  const configInputs = typeof opts.config === 'string' ? [opts.config] : [];
  let outPath: string | undefined;
  if (opts.write) {
    // In place means the file the input names: through a symbolic link, its target.
    const target = await realpath(inputPath).catch(() => inputPath);
    outPath = await checkOutputPath(target, { lang, cwd: io.cwd, inputs: [] });
  } else if (opts.out && !toStdout) {
    outPath = await checkOutputPath(opts.out, {
      lang,
      cwd: io.cwd,
      inputs: [input, ...configInputs, ...(lockPath ? [lockPath] : [])],
      isInputId: 'cli.compile.outIsInput',
    });
  }
  if (lockPath && !opts.dryRun)
    await checkOutputPath(lockShown, { lang, cwd: io.cwd, inputs: [input, ...configInputs] });
  const outName = opts.write ? input : (opts.out ?? input);
  return { inputPath, outPath, outName, lockPath, lockShown };
}

/** Writes the compiled catalog (after a backup when in place) and the changed code lock; returns the notes to print. */
async function writeCompiled(
  result: CompileResult,
  input: string,
  opts: CompileCliOptions,
  io: CliIO,
  targets: CompileTargets,
  lang: Lang,
): Promise<string[]> {
  const { inputPath, outPath, outName, lockPath, lockShown } = targets;
  const notes: string[] = [];
  if (isStdout(opts.out)) io.stdout.write(result.output);
  if (outPath) {
    if (opts.write) {
      let saved: string;
      try {
        saved = await backup(inputPath);
      } catch (err) {
        throw new UsageError(
          translate(lang, 'cli.compile.backupFailed', { file: input, reason: (err as Error).message }),
        );
      }
      notes.push(translate(lang, 'compile.backup', { file: join(dirname(input), basename(saved)) }));
    }
    await writeOrFail(outPath, result.output, outName, lang);
  }
  if ((outPath || isStdout(opts.out)) && lockPath && result.lockChanged) {
    await writeOrFail(lockPath, serializeLock(result.lock), lockShown, lang);
    notes.push(translate(lang, 'compile.lockWritten', { file: lockShown, count: result.lock.codes.length }));
  }
  return notes;
}

async function writeOrFail(
  path: string,
  content: string | Uint8Array,
  shown: string,
  lang: Lang,
): Promise<void> {
  try {
    await writeFileAtomic(path, content);
  } catch (err) {
    throw new UsageError(translate(lang, 'cli.writeFailed', { file: shown, reason: (err as Error).message }));
  }
}

/** Prints the fixes, the codes and the summary line (unless JSON), then the report; returns the exit code. */
function printCompileReport(
  result: CompileResult,
  input: string,
  opts: CompileCliOptions,
  io: CliIO,
  out: { formatter: Formatter; notes: string[]; toStdout: boolean; outName: string },
  lang: Lang,
): number {
  const reportOut = out.toStdout ? io.stderr : io.stdout;
  const report = result.report;
  if (opts.quiet) report.summary.quiet = true;
  if (opts.maxWarnings !== undefined) {
    report.summary.maxWarnings = opts.maxWarnings;
    report.summary.tooManyWarnings = report.summary.warnings > opts.maxWarnings;
  }
  const context = {
    ...(opts.quiet ? { quiet: true } : {}),
    ...(opts.maxWarnings !== undefined ? { maxWarnings: opts.maxWarnings } : {}),
  };
  const color = useColor(reportOut, io.env);
  if (opts.format === 'json') {
    reportOut.write(renderReport(out.formatter, report, { lang, color: false, ...context }));
    return reportExitCode(report, opts.maxWarnings);
  }
  const file = report.files[0]!;
  const lines: string[] = [];
  if (!opts.quiet) {
    // Loops, not spreads: a large catalog has more fixes than a call can take arguments.
    for (const line of fixLines(result.fixes, lang, color, opts.dryRun)) lines.push(line);
    for (const line of codeLines(result.codes, lang, color)) lines.push(line);
    if (lines.length > 0) lines.push('');
  }
  const summaryId = opts.dryRun ? 'compile.dryRunSummary' : 'compile.summary';
  lines.push(
    translate(lang, summaryId, {
      input,
      output: out.outName,
      entries: file.entries,
      codes: result.codes.length,
      fixes: result.fixes.length,
    }),
  );
  lines.push(...out.notes);
  reportOut.write(`${lines.join('\n')}\n`);
  reportOut.write(renderReport(out.formatter, report, { lang, color, ...context }));
  return reportExitCode(report, opts.maxWarnings);
}
