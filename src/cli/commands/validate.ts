// `govcat validate <files…>`: validate catalogs, print a report, exit 0/1/2; optionally annotate a workbook.
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { fixCatalog } from '../../compile.js';
import { CatalogInputError } from '../../errors.js';
import { formatNames, getFormatter } from '../../formatters/index.js';
import type { AppliedFix, FileReport } from '../../generated/schema-types.js';
import { type Lang, translate } from '../../i18n/index.js';
import { formatFromName } from '../../io/readers/index.js';
import { annotateWorkbook } from '../../io/writers/annotate.js';
import { writeFileAtomic } from '../../io/writers/atomic.js';
import type { CatalogKind } from '../../model/types.js';
import { errorFileReport, makeReport, summarize } from '../../report.js';
import {
  type CatalogSource,
  createSession,
  type FileResult,
  readSource,
  type Session,
  validateSource,
} from '../../validate.js';
import { type CliIO, EXIT, useColor } from '../io.js';
import {
  addLimitOptions,
  ConfigResolver,
  kindOption,
  langOption,
  limitsFromOptions,
  UsageError,
} from '../shared.js';
import { fixLines } from './compile-output.js';

interface ValidateCliOptions {
  format: string;
  output?: string;
  lang?: Lang;
  kind?: CatalogKind | 'auto';
  config?: string | false;
  today?: string;
  quiet?: boolean;
  maxWarnings?: number;
  annotate?: string;
  fix?: boolean;
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
    .argument('<files...>', translate(lang, 'cli.validate.files'))
    .addOption(
      new Option(
        '-f, --format <format>',
        translate(lang, 'cli.optionFormat', { formats: formatNames().join('、') }),
      ).default('stylish'),
    )
    .option('-o, --output <file>', translate(lang, 'cli.optionOutput'))
    .addOption(langOption(lang))
    .addOption(kindOption(lang))
    .option('-c, --config <file>', translate(lang, 'cli.optionConfig'))
    .option('--no-config', translate(lang, 'cli.optionNoConfig'))
    .option('--today <date>', translate(lang, 'cli.optionToday'))
    .option('-q, --quiet', lang === 'zh' ? '只报告错误，不显示警告和提示' : 'report errors only')
    .option('--annotate <out.xlsx>', translate(lang, 'cli.validate.annotate'))
    .option('--fix', translate(lang, 'cli.validate.fix'))
    .addOption(
      new Option(
        '--max-warnings <n>',
        lang === 'zh' ? '警告超过 n 个时以退出码 1 结束' : 'exit 1 when there are more than n warnings',
      ).argParser((v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`--max-warnings ${v}`);
        return n;
      }),
    );
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
  const resolver = new ConfigResolver(
    io.cwd,
    typeof opts.config === 'string' ? opts.config : undefined,
    opts.config === false,
  );
  if (opts.annotate !== undefined) {
    if (files.length !== 1)
      throw new UsageError(translate(lang, 'annotate.oneFile', { count: files.length }));
    const kind = formatFromName(files[0]!);
    if (kind !== 'xlsx' && kind !== 'xls')
      throw new UsageError(translate(lang, 'annotate.needWorkbook', { file: files[0]! }));
    if (resolve(io.cwd, opts.annotate) === resolve(io.cwd, files[0]!))
      throw new UsageError(translate(lang, 'annotate.outIsInput', { file: opts.annotate }));
  }
  const sessions = new Map<string, Session>();
  const limits = limitsFromOptions(opts);
  const results: FileResult[] = [];
  const fixesByFile: (AppliedFix[] | undefined)[] = [];
  let annotateBytes: Uint8Array | undefined;
  for (const file of files) {
    const loaded = await resolver.forInput(file);
    const key = loaded.file ?? '';
    let session = sessions.get(key);
    if (!session) {
      session = createSession({
        lang,
        ...(opts.kind ? { kind: opts.kind } : {}),
        config: loaded.config,
        ...(loaded.file ? { configFile: loaded.file } : {}),
        ...(opts.today ? { today: opts.today } : {}),
        limits,
      });
      sessions.set(key, session);
    }
    const path = resolve(io.cwd, file);
    let source: CatalogSource = { path, name: file };
    if (opts.annotate !== undefined) {
      // Read once: the bytes that are validated are the bytes that get annotated.
      annotateBytes = await readWithinLimit(path, session.limits.maxBytes);
      if (annotateBytes) source = { name: file, bytes: annotateBytes };
    }
    if (opts.fix) {
      const { result, fixes } = await validateFixed(source, file, session);
      results.push(result);
      fixesByFile.push(fixes);
    } else {
      results.push(await validateSource(source, session));
      fixesByFile.push(undefined);
    }
  }
  const report = makeReport(
    results.map((r) => r.report),
    summarize(results),
  );
  const color = !opts.output && useColor(io.stdout, io.env);
  let text = formatter(report, { lang, color, ...(opts.quiet ? { quiet: true } : {}) });
  if (opts.fix && opts.format !== 'json' && !opts.quiet) {
    const lines = fixesByFile.flatMap((fixes, i) =>
      fixes && fixes.length > 0
        ? [...(files.length > 1 ? [files[i]!] : []), ...fixLines(fixes, lang, color, true), '']
        : [],
    );
    if (lines.length > 0) text = `${lines.join('\n')}\n${text}`;
  }
  if (opts.output) {
    try {
      await writeFileAtomic(resolve(io.cwd, opts.output), text);
    } catch (err) {
      throw new UsageError(
        translate(lang, 'cli.writeFailed', { file: opts.output, reason: (err as Error).message }),
      );
    }
  } else {
    io.stdout.write(text);
  }
  const first = results[0];
  if (opts.annotate !== undefined && annotateBytes && first && !first.report.error) {
    const annotated = annotateWorkbook(annotateBytes, {
      file: first.report,
      ...(first.parsed ? { parsed: first.parsed } : {}),
      ...(fixesByFile[0] ? { fixes: fixesByFile[0] } : {}),
      lang,
    });
    try {
      await writeFileAtomic(resolve(io.cwd, opts.annotate), annotated.output);
    } catch (err) {
      throw new UsageError(
        translate(lang, 'cli.writeFailed', { file: opts.annotate, reason: (err as Error).message }),
      );
    }
    const note = translate(lang, 'annotate.written', {
      file: opts.annotate,
      comments: annotated.comments,
      findings: first.report.findings.length,
      sheet: annotated.sheet,
    });
    // Keep stdout a clean report when it is machine-readable.
    (opts.format === 'json' && !opts.output ? io.stderr : io.stdout).write(`${note}\n`);
  }
  return exitCodeFor(report.files, report.summary.errors, report.summary.warnings, opts.maxWarnings);
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
