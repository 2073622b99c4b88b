// `govcat validate <files…>`: validate catalogs, print a report, exit 0/1/2.
import type { Command } from 'commander';
import { formatNames, getFormatter } from '../../formatters/index.js';
import type { FileReport } from '../../generated/schema-types.js';
import { type Lang, translate } from '../../i18n/index.js';
import { resolveLimits } from '../../limits.js';
import { type CliIO, EXIT } from '../io.js';
import {
  addIndicatorOptions,
  addReportOptions,
  assembleReport,
  loadIndicatorInputs,
  type ReportCliOptions,
  reportExitCode,
  validateFiles,
  writeReport,
} from '../report-command.js';
import { addLimitOptions, limitsFromOptions, UsageError } from '../shared.js';

interface ValidateCliOptions extends ReportCliOptions {
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
  addIndicatorOptions(cmd, lang);
  addLimitOptions(cmd, lang);
  cmd.action(async (files: string[], opts: ValidateCliOptions) => {
    setExit(await runValidate(files, opts, io, lang));
  });
}

async function runValidate(
  files: string[],
  opts: ValidateCliOptions,
  io: CliIO,
  sniffed: Lang,
): Promise<number> {
  const lang = opts.lang ?? sniffed;
  const formatter = getFormatter(opts.format);
  if (!formatter) {
    throw new UsageError(
      translate(lang, 'cli.unknownFormat', { format: opts.format, formats: formatNames().join('、') }),
    );
  }
  if (opts.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.today)) {
    throw new UsageError(translate(lang, 'cli.badDate', { value: opts.today }));
  }
  const limits = limitsFromOptions(opts);
  const inputs = await loadIndicatorInputs(opts, io.cwd, resolveLimits(limits), lang);
  const { results, session } = await validateFiles(files, opts, io, lang, limits);
  const report = assembleReport(results, session, lang, opts, { inputs });
  await writeReport(report, formatter, opts, io, lang);
  return reportExitCode(report, opts.maxWarnings);
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
