// `govcat validate <files…>`: validate catalogs, print a report, exit 0/1/2.
import { resolve } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { formatNames, getFormatter } from '../../formatters/index.js';
import type { FileReport } from '../../generated/schema-types.js';
import { type Lang, translate } from '../../i18n/index.js';
import { writeFileAtomic } from '../../io/writers/atomic.js';
import type { CatalogKind } from '../../model/types.js';
import { makeReport, summarize } from '../../report.js';
import { createSession, type FileResult, type Session, validateSource } from '../../validate.js';
import { type CliIO, EXIT, useColor } from '../io.js';
import {
  addLimitOptions,
  ConfigResolver,
  kindOption,
  langOption,
  limitsFromOptions,
  UsageError,
} from '../shared.js';

interface ValidateCliOptions {
  format: string;
  output?: string;
  lang?: Lang;
  kind?: CatalogKind | 'auto';
  config?: string | false;
  today?: string;
  quiet?: boolean;
  maxWarnings?: number;
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
  const sessions = new Map<string, Session>();
  const limits = limitsFromOptions(opts);
  const results: FileResult[] = [];
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
    results.push(await validateSource({ path: resolve(io.cwd, file), name: file }, session));
  }
  const report = makeReport(
    results.map((r) => r.report),
    summarize(results),
  );
  const text = formatter(report, {
    lang,
    color: !opts.output && useColor(io.stdout, io.env),
    ...(opts.quiet ? { quiet: true } : {}),
  });
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
