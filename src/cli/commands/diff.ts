// `govcat diff <old> <new>`: what changed between two versions of a catalog; --fail-on for pipelines.
import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { diffCatalogs } from '../../diff/diff.js';
import { DIFF_FORMATS, type DiffFormat, formatDiff } from '../../diff/format.js';
import { validateVersion } from '../../diff/sources.js';
import type { CatalogDiff } from '../../generated/schema-types.js';
import { joinList, type Lang, translate } from '../../i18n/index.js';
import { writeFileAtomic } from '../../io/writers/atomic.js';
import { govcatVersion } from '../../version.js';
import { type CliIO, EXIT, useColor } from '../io.js';
import { reportOutput } from '../output-target.js';
import {
  addLimitOptions,
  addSessionOptions,
  formatOption,
  limitsFromOptions,
  outputOption,
  type SessionCliOptions,
  SessionResolver,
  UsageError,
} from '../shared.js';
import { DEFAULT_PROFILE, resolveProfile } from './score.js';

/** When govcat diff exits 1: new-errors (the new version adds errors), errors (it has any), never. */
export const FAIL_ON = ['new-errors', 'errors', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

interface DiffCliOptions extends SessionCliOptions {
  format: string;
  output?: string;
  profile?: string | false;
  failOn: string;
  [limit: string]: unknown;
}

/** The exit code of a diff under --fail-on. */
export function diffExitCode(diff: CatalogDiff, failOn: FailOn): number {
  if (failOn === 'new-errors') return diff.summary.findings.newErrors > 0 ? EXIT.findings : EXIT.ok;
  if (failOn === 'errors') return diff.new.errors > 0 ? EXIT.findings : EXIT.ok;
  return EXIT.ok;
}

/** Registers the diff command. */
export function registerDiff(program: Command, io: CliIO, lang: Lang, setExit: (code: number) => void): void {
  const cmd = program
    .command('diff')
    .description(translate(lang, 'cli.diff.description'))
    .argument('<old>', translate(lang, 'cli.diff.old'))
    .argument('<new>', translate(lang, 'cli.diff.new'))
    .addOption(
      formatOption(translate(lang, 'cli.diff.optionFormat', { formats: joinList([...DIFF_FORMATS], lang) })),
    )
    .addOption(outputOption(lang))
    .option(
      '-p, --profile <id|file>',
      translate(lang, 'cli.diff.optionProfile', { profile: DEFAULT_PROFILE }),
    )
    .option('--no-profile', translate(lang, 'cli.diff.optionNoProfile'))
    .addOption(new Option('--fail-on <when>', translate(lang, 'cli.diff.optionFailOn')).default('never'));
  addSessionOptions(cmd, lang);
  addLimitOptions(cmd, lang);
  cmd.action(async (oldFile: string, newFile: string, opts: DiffCliOptions) => {
    setExit(await runDiff(oldFile, newFile, opts, io, lang));
  });
}

async function runDiff(
  oldFile: string,
  newFile: string,
  opts: DiffCliOptions,
  io: CliIO,
  sniffed: Lang,
): Promise<number> {
  const lang = opts.lang ?? sniffed;
  if (!(DIFF_FORMATS as readonly string[]).includes(opts.format))
    throw new UsageError(
      translate(lang, 'cli.unknownFormat', {
        format: opts.format,
        formats: joinList([...DIFF_FORMATS], lang),
      }),
    );
  if (!(FAIL_ON as readonly string[]).includes(opts.failOn))
    throw new UsageError(translate(lang, 'diff.failOn.unknown', { value: opts.failOn }));
  if (opts.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.today))
    throw new UsageError(translate(lang, 'cli.badDate', { value: opts.today }));
  const profile =
    opts.profile === false ? undefined : resolveProfile(opts.profile ?? DEFAULT_PROFILE, io.cwd, lang);
  const output = await reportOutput(opts.output, [oldFile, newFile], {}, lang, io.cwd);
  // The new version's configuration applies to both: the same rules judge both versions.
  const { session } = await new SessionResolver(opts, io.cwd, lang, limitsFromOptions(opts)).forInput(
    newFile,
  );
  // Only the sides are kept: the first version's parsed workbook (cells, locations) is let go before the
  // second is read, so the two never sit in memory together.
  const { side: before } = await validateVersion(
    { path: resolve(io.cwd, oldFile), name: oldFile },
    session,
    profile,
  );
  const { side: after } = await validateVersion(
    { path: resolve(io.cwd, newFile), name: newFile },
    session,
    profile,
  );
  const diff = diffCatalogs(before, after, { toolVersion: govcatVersion() });
  const text = formatDiff(diff, opts.format as DiffFormat, {
    lang,
    color: output === undefined && useColor(io.stdout, io.env),
  });
  if (output !== undefined) {
    try {
      await writeFileAtomic(resolve(io.cwd, output), text);
    } catch (err) {
      throw new UsageError(
        translate(lang, 'cli.writeFailed', { file: output, reason: (err as Error).message }),
      );
    }
  } else io.stdout.write(text);
  return diffExitCode(diff, opts.failOn as FailOn);
}
