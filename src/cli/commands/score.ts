// `govcat score <files…> --profile gx-2021-city`: rates, points per indicator and what the next threshold takes.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { ScoringProfile } from '../../generated/schema-types.js';
import { joinList, type Lang, translate } from '../../i18n/index.js';
import { loadProfiles } from '../../indicators/data.js';
import { DEFAULT_PROFILE } from '../../indicators/default-profile.js';
import { loadProfileFile } from '../../indicators/profile-file.js';
import { AssessmentError } from '../../indicators/score.js';
import { resolveLimits } from '../../limits.js';
import { checkSource, validateSource } from '../../validate.js';
import { catalogArguments } from '../inputs.js';
import type { CliIO } from '../io.js';
import { reportOutput } from '../output-target.js';
import { tracked, withProgress } from '../progress.js';
import {
  addIndicatorOptions,
  addReportOptions,
  checkReportOptions,
  loadAssessment,
  loadIndicatorInputs,
  type ReportCliOptions,
  reportExitCode,
  validateFiles,
  writeReport,
} from '../report-command.js';
import { addLimitOptions, limitsFromOptions, UsageError } from '../shared.js';

export { DEFAULT_PROFILE } from '../../indicators/default-profile.js';

interface ScoreCliOptions extends ReportCliOptions {
  profile?: string;
  assessment?: string;
  findings?: boolean;
  plan?: boolean;
  [limit: string]: unknown;
}

/** A bundled profile by id, or a profile file by path (another province is a new file). */
export function resolveProfile(name: string, cwd: string, lang: Lang): ScoringProfile {
  const bundled = loadProfiles();
  const hit = bundled.get(name);
  if (hit) return hit;
  const path = resolve(cwd, name);
  if (name.endsWith('.json') && existsSync(path)) return loadProfileFile(path);
  throw new UsageError(
    translate(lang, 'score.profile.unknown', {
      profile: name,
      profiles: joinList([...bundled.keys()], lang),
    }),
  );
}

/** Registers the score command. */
export function registerScore(
  program: Command,
  io: CliIO,
  lang: Lang,
  setExit: (code: number) => void,
): void {
  const cmd = program
    .command('score')
    .description(translate(lang, 'cli.score.description'))
    .argument('<files...>', translate(lang, 'cli.validate.files'))
    .option(
      '-p, --profile <id|file>',
      translate(lang, 'cli.score.optionProfile', {
        profiles: joinList([...loadProfiles().keys()], lang),
        profile: DEFAULT_PROFILE,
      }),
    )
    .option('--assessment <file>', translate(lang, 'cli.score.optionAssessment'))
    .option('--plan', translate(lang, 'cli.score.plan'))
    .option('--findings', translate(lang, 'cli.score.optionFindings'));
  addReportOptions(cmd, lang);
  addIndicatorOptions(cmd, lang);
  addLimitOptions(cmd, lang);
  cmd.action(async (files: string[], opts: ScoreCliOptions) => {
    setExit(await runScore(files, opts, io, lang));
  });
}

async function runScore(args: string[], opts: ScoreCliOptions, io: CliIO, sniffed: Lang): Promise<number> {
  const lang = opts.lang ?? sniffed;
  const formatter = await checkReportOptions(opts, lang);
  const files = await catalogArguments(args, io, lang);
  const profile = resolveProfile(opts.profile ?? DEFAULT_PROFILE, io.cwd, lang);
  opts.output = await reportOutput(opts.output, files, opts, lang, io.cwd);
  const limits = limitsFromOptions(opts);
  const inputs = await loadIndicatorInputs(opts, io.cwd, resolveLimits(limits), lang);
  let assessment: Awaited<ReturnType<typeof loadAssessment>> | undefined;
  try {
    if (opts.assessment) assessment = await loadAssessment(opts.assessment, io.cwd);
    const { report } = await withProgress(io, files, lang, (progress) =>
      validateFiles(
        files,
        opts,
        io,
        lang,
        limits,
        tracked(progress, (file, path, s) =>
          // A plan and the input-driven rates read the catalogs; otherwise entries are checked as they are read.
          (opts.plan || Object.values(inputs).some((v) => v !== undefined) ? validateSource : checkSource)(
            { path, name: file },
            s,
          ),
        ),
        { inputs, profile, ...(assessment ? { assessment } : {}), ...(opts.plan ? { plan: true } : {}) },
      ),
    );
    await writeReport(report, formatter, opts, io, lang, { findings: opts.findings === true });
    return reportExitCode(report, opts.maxWarnings);
  } catch (err) {
    if (err instanceof AssessmentError) throw new UsageError(err.render(lang));
    throw err;
  }
}
