// validate --baseline <file>: an earlier JSON report, or a previous version of the catalog validated now.
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { applyBaseline, type Baseline } from '../diff/baseline.js';
import type { Limits, Report } from '../generated/schema-types.js';
import { type Lang, translate } from '../i18n/index.js';
import { resolveLimits } from '../limits.js';
import type { CliIO } from './io.js';
import { EXIT } from './io.js';
import { type ReportCliOptions, validateFiles } from './report-command.js';
import { UsageError } from './shared.js';

function isReport(value: unknown): value is Report {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { tool?: { name?: unknown }; files?: unknown };
  return v.tool?.name === 'govcat' && Array.isArray(v.files);
}

/** Reads a baseline: a govcat JSON report as it is, any other readable file as a catalog to validate. */
export async function loadBaseline(
  file: string,
  opts: ReportCliOptions,
  io: CliIO,
  lang: Lang,
  limits: Limits,
): Promise<Baseline> {
  const path = resolve(io.cwd, file);
  const fail = (problem: string) => new UsageError(translate(lang, 'baseline.unreadable', { file, problem }));
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (err) {
    throw fail((err as NodeJS.ErrnoException).code ?? (err as Error).message);
  }
  if (/\.json$/i.test(file) && size <= resolveLimits(limits).maxBytes) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(path, 'utf8'));
    } catch {
      parsed = undefined;
    }
    if (isReport(parsed)) {
      const files = parsed.files.filter((f) => Array.isArray(f?.findings));
      if (files.length !== parsed.files.length) throw fail('files[].findings');
      return { file, files: files.map((f) => ({ path: String(f.path), findings: f.findings })) };
    }
  }
  const { results } = await validateFiles([file], opts, io, lang, limits);
  const report = results[0]!.report;
  if (report.error) throw fail(report.error.message);
  return { file, files: [{ path: report.path, findings: report.findings }] };
}

/** Applies --baseline to the report when given. */
export async function withBaseline(
  report: Report,
  file: string | undefined,
  opts: ReportCliOptions,
  io: CliIO,
  lang: Lang,
  limits: Limits,
): Promise<void> {
  if (file === undefined) return;
  applyBaseline(report, await loadBaseline(file, opts, io, lang, limits));
}

/**
 * The exit code of validate: as usual without a baseline; with one, 1 only for new errors (or more new
 * warnings than --max-warnings), so a catalog that did not get worse passes.
 */
export function baselineExitCode(report: Report, maxWarnings: number | undefined, usual: number): number {
  const b = report.summary.baseline;
  if (!b || usual === EXIT.usage) return usual;
  if (b.newErrors > 0) return EXIT.findings;
  if (maxWarnings !== undefined && b.newWarnings > maxWarnings) return EXIT.findings;
  return EXIT.ok;
}
