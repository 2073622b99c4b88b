// What validate and score share: indicator input options, validating every file, assembling and writing the report.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { json } from '../formatters/json.js';
import { jsonPieces } from '../formatters/json-pieces.js';
import { FORMAT_NAMES, loadFormatter } from '../formatters/load.js';
import type { FormatContext, Formatter } from '../formatters/types.js';
import { renderReport, visibleReport } from '../formatters/visible.js';
import type { Assessment, Limits, Report, Severity } from '../generated/schema-types.js';
import { joinList, type Lang, translate } from '../i18n/index.js';
import { type IndicatorInputSet, parseDay } from '../indicators/input-rates.js';
import type { InputKind } from '../indicators/inputs.js';
import { readInputTable } from '../indicators/read-inputs.js';
import { AssessmentError } from '../indicators/score.js';
import { writeFileAtomic } from '../io/writers/atomic.js';
import { type PipelineRun, type ReportOptions, runPipeline } from '../pipeline.js';
import type { FileResult } from '../report.js';
import { getValidator, SCHEMA_IDS } from '../schema/ajv.js';
import type { Session } from '../session.js';
import { validateSource } from '../validate.js';
import { type CliIO, EXIT, useColor } from './io.js';
import {
  addSessionOptions,
  formatOption,
  outputOption,
  type SessionCliOptions,
  SessionResolver,
  UsageError,
  wholeNumber,
} from './shared.js';

/** The indicator options as commander parses them. */
export interface IndicatorCliOptions {
  published?: string;
  mounted?: string;
  interfaces?: string;
  updates?: string;
  period?: string;
  rateSeverities?: Severity[];
  today?: string;
  quiet?: boolean;
  maxWarnings?: number;
}

const INPUTS: {
  key: 'published' | 'mounted' | 'interfaces' | 'updates';
  kind: InputKind;
  zh: string;
  en: string;
}[] = [
  {
    key: 'published',
    kind: 'published',
    zh: '已发布目录清单（CSV/JSON），计算可发布数据资源目录完成率（B2-1 ⑦）',
    en: 'list of published entries (CSV/JSON) for the publishable catalog completion rate (B2-1 ⑦)',
  },
  {
    key: 'mounted',
    kind: 'mounted',
    zh: '已挂载资源清单，计算数据资源挂载完成率（B2-2）',
    en: 'list of mounted resources for the resource mounting rate (B2-2)',
  },
  {
    key: 'interfaces',
    kind: 'interfaces',
    zh: '接口检查结果，计算接口设计规范合格率（C2-1 ④ / D2-1 ④）',
    en: 'interface check results for the interface design conformance rate (C2-1 ④ / D2-1 ④)',
  },
  {
    key: 'updates',
    kind: 'updates',
    zh: '更新记录（更新日期，或应更新次数与按时更新次数），计算数据更新率（C2-4、D2-4）',
    en: 'update log (update dates, or due and on-time counts) for the update rates (C2-4, D2-4)',
  },
];

/** --max-warnings <n>: exit 1 when there are more warnings. */
export function maxWarningsOption(lang: Lang): Option {
  return new Option('--max-warnings <n>', translate(lang, 'cli.optionMaxWarnings')).argParser(
    wholeNumber('--max-warnings', 0),
  );
}

/** The options of commands that print a report: --format, --output, the session options, --quiet, --max-warnings. */
export function addReportOptions(cmd: Command, lang: Lang): Command {
  cmd
    .addOption(formatOption(translate(lang, 'cli.optionFormat', { formats: joinList(FORMAT_NAMES, lang) })))
    .addOption(outputOption(lang));
  return addSessionOptions(cmd, lang)
    .option('-q, --quiet', translate(lang, 'cli.optionQuiet'))
    .addOption(maxWarningsOption(lang));
}

/**
 * The formatter named by --format (its module loaded now), after checking --today: a UsageError in the
 * user's language otherwise.
 */
export async function checkReportOptions(
  opts: { format: string; today?: string },
  lang: Lang,
): Promise<Formatter> {
  const formatter = await loadFormatter(opts.format);
  if (!formatter) {
    throw new UsageError(
      translate(lang, 'cli.unknownFormat', { format: opts.format, formats: joinList(FORMAT_NAMES, lang) }),
    );
  }
  if (opts.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.today)) {
    throw new UsageError(translate(lang, 'cli.badDate', { value: opts.today }));
  }
  return formatter;
}

/** Adds --published, --mounted, --interfaces, --updates, --period and --rate-severities. */
export function addIndicatorOptions(cmd: Command, lang: Lang): Command {
  for (const i of INPUTS) cmd.option(`--${i.key} <file>`, i[lang]);
  cmd.option('--period <from..to>', translate(lang, 'cli.optionPeriod'));
  cmd.addOption(
    new Option('--rate-severities <list>', translate(lang, 'cli.optionRateSeverities')).argParser((v) => {
      const parts = v.split(/[,，]/).map((s) => s.trim());
      if (parts.length === 0 || parts.some((p) => p !== 'error' && p !== 'warning' && p !== 'info'))
        throw new UsageError(translate(lang, 'score.severities.invalid', { value: v }));
      return [...new Set(parts)] as Severity[];
    }),
  );
  return cmd;
}

/** Parses --period. */
export function parsePeriod(value: string, lang: Lang): { from: string; to: string } {
  const m = value.match(/^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/);
  const from = m ? parseDay(m[1]!) : undefined;
  const to = m ? parseDay(m[2]!) : undefined;
  if (!m || from === undefined || to === undefined || from > to)
    throw new UsageError(translate(lang, 'score.period.invalid', { value }));
  return { from: m[1]!, to: m[2]! };
}

/** Reads the lists given on the command line (CatalogInputError on a bad file, rendered as exit 2). */
export async function loadIndicatorInputs(
  opts: IndicatorCliOptions,
  cwd: string,
  limits: Session['limits'],
  lang: Lang,
): Promise<IndicatorInputSet> {
  const set: IndicatorInputSet = {};
  for (const i of INPUTS) {
    const file = opts[i.key];
    if (file) set[i.key] = await readInputTable(resolve(cwd, file), file, i.kind, limits);
  }
  if (opts.period) set.period = parsePeriod(opts.period, lang);
  return set;
}

/** Reads and validates an --assessment file. */
export async function loadAssessment(file: string, cwd: string): Promise<{ file: string; data: Assessment }> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(resolve(cwd, file), 'utf8'));
  } catch (err) {
    throw new AssessmentError('score.assessment.unreadable', {
      file,
      problem: (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'ENOENT' : (err as Error).message,
    });
  }
  const validate = getValidator<Assessment>(SCHEMA_IDS.assessment);
  if (!validate(data)) {
    const e = validate.errors?.[0];
    throw new AssessmentError('score.assessment.invalid', {
      file,
      problem: `${e?.instancePath || '/'} ${e?.message ?? ''}`.trim(),
    });
  }
  return { file, data };
}

/** Options every report-producing command has. */
export interface ReportCliOptions extends IndicatorCliOptions, SessionCliOptions {
  format: string;
  output?: string;
}

/** How one file is validated (default: read it and validate it). */
export type ValidateOne = (file: string, path: string, session: Session) => Promise<FileResult>;

/**
 * Runs the pipeline over the files, each with the configuration that applies to it, and returns the
 * results, the report and the first session. `each` replaces the default per-file step (validate --annotate
 * reads the bytes once, --fix compiles); `report` adds the indicator inputs, the profile, the assessment.
 */
export function validateFiles(
  files: readonly string[],
  opts: ReportCliOptions,
  io: CliIO,
  lang: Lang,
  limits: Limits,
  each?: ValidateOne,
  report: Omit<ReportOptions, 'countSeverities' | 'quiet' | 'maxWarnings'> = {},
): Promise<PipelineRun> {
  const sessions = new SessionResolver(opts, io.cwd, lang, limits);
  return runPipeline(files, {
    session: async (file) => (await sessions.forInput(file)).session,
    validate: (file, session) => {
      const path = resolve(io.cwd, file);
      return each ? each(file, path, session) : validateSource({ path, name: file }, session);
    },
    ...(opts.rateSeverities ? { countSeverities: opts.rateSeverities } : {}),
    ...(opts.quiet ? { quiet: true } : {}),
    ...(opts.maxWarnings !== undefined ? { maxWarnings: opts.maxWarnings } : {}),
    ...report,
  });
}

/** Formats the report (honouring --quiet and --max-warnings) and writes it to --output or stdout. */
export async function writeReport(
  report: Report,
  formatter: Formatter,
  opts: ReportCliOptions,
  io: CliIO,
  lang: Lang,
  extra: Partial<FormatContext> = {},
): Promise<void> {
  const context = {
    lang,
    color: !opts.output && useColor(io.stdout, io.env),
    ...(opts.quiet ? { quiet: true } : {}),
    ...(opts.maxWarnings !== undefined ? { maxWarnings: opts.maxWarnings } : {}),
    ...extra,
  };
  // The JSON report is written in pieces: with a million findings it is more text than one string holds.
  const text =
    formatter === json
      ? jsonPieces(visibleReport(report, context))
      : renderReport(formatter, report, context);
  if (opts.output) {
    try {
      await writeFileAtomic(resolve(io.cwd, opts.output), text);
    } catch (err) {
      throw new UsageError(
        translate(lang, 'cli.writeFailed', { file: opts.output, reason: (err as Error).message }),
      );
    }
  } else if (typeof text === 'string') io.stdout.write(text);
  else for (const piece of text) io.stdout.write(piece);
}

/** 2 when a file could not be read; 1 on errors or too many warnings; else 0. */
export function reportExitCode(report: Report, maxWarnings?: number): number {
  if (report.files.some((f) => f.error)) return EXIT.usage;
  if (report.summary.errors > 0) return EXIT.findings;
  if (maxWarnings !== undefined && report.summary.warnings > maxWarnings) return EXIT.findings;
  return EXIT.ok;
}
