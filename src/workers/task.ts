// The worker-thread side of the pool: reads and validates (or compiles) one source, sessions cached per options.
import { parentPort } from 'node:worker_threads';
import { compileParsed } from '../compile.js';
import { useNodeData } from '../data/node.js';
import { type DiffSide, diffCatalogs } from '../diff/diff.js';
import { type DiffFormat, formatDiff } from '../diff/format.js';
import { validateVersion } from '../diff/sources.js';
import { CatalogInputError, ConfigError } from '../errors.js';
import { getFormatter, renderReport } from '../formatters/index.js';
import { loadProfiles } from '../indicators/index.js';
import { runPipeline } from '../pipeline.js';
import {
  checkSource,
  createSession,
  parsedFromObject,
  readSource,
  type Session,
  validateParsed,
} from '../validate.js';
import { govcatVersion } from '../version.js';
import {
  type CompileTaskResult,
  type DiffTaskResult,
  type RenderedTaskResult,
  type RenderOptions,
  STARTED,
  type Task,
  type TaskConfigError,
  type TaskInputError,
  type TaskOptions,
  type ValidateTaskResult,
} from './protocol.js';
import { poolReport, type ReportPart } from './report.js';

// A worker thread reads seeds/ and schemas/ from the package folder (on first use).
useNodeData();

const SESSION_CACHE_SIZE = 8;
const sessions = new Map<string, Session>();

function sessionFor(task: TaskOptions): Session {
  // The indicator options do not change the session.
  const { scoringProfile: _p, countSeverities: _s, ...options } = task;
  const key = JSON.stringify(options);
  const cached = sessions.get(key);
  if (cached) {
    // Re-insert so the map's order is least-recently-used first.
    sessions.delete(key);
    sessions.set(key, cached);
    return cached;
  }
  const session = createSession(options);
  // Compile the schemas and set up the rules now, so the time cap measures reading and validating only.
  for (const kind of ['shared', 'open'] as const)
    validateParsed(parsedFromObject({ kind, entries: [{}] }, 'warm-up', session), session);
  sessions.set(key, session);
  if (sessions.size > SESSION_CACHE_SIZE) sessions.delete(sessions.keys().next().value!);
  return session;
}

/** Runs one task (piscina calls the default export). */
export default async function runTask(
  task: Task,
): Promise<
  | ValidateTaskResult
  | RenderedTaskResult
  | CompileTaskResult
  | DiffTaskResult
  | TaskConfigError
  | TaskInputError
  | null
> {
  let session: Session;
  try {
    session = sessionFor(task.options);
  } catch (err) {
    if (err instanceof ConfigError)
      return { configError: { code: err.code, messageId: err.messageId, data: err.data } };
    throw err;
  }
  if (task.op === 'warm') return null;
  if (task.op === 'compile') return compile(task, session);
  if (task.op === 'diff') return diff(task, session);
  // The time cap covers reading and validating, not this worker's one-time start-up (schemas, seeds).
  parentPort?.postMessage({ [STARTED]: task.id });
  const startedAt = Date.now();
  // The same pipeline as the CLI, for this one file: its rates recounted with the chosen severities, and
  // the score when a scoring profile is named.
  const profile = task.options.scoringProfile ? loadProfiles().get(task.options.scoringProfile) : undefined;
  const { results, report } = await runPipeline([task.source], {
    session,
    // Only the report leaves the worker: the entries are checked as they are read, not kept.
    validate: checkSource,
    ...(task.options.countSeverities ? { countSeverities: task.options.countSeverities } : {}),
    ...(profile ? { profile } : {}),
  });
  const result = results[0]!;
  const part = {
    report: result.report,
    counts: result.counts,
    ...(report.score ? { score: report.score } : {}),
  };
  if (task.render) return render(part, task.render, session, startedAt);
  return { ...part, startedAt, finishedAt: Date.now() };
}

async function compile(
  task: Extract<Task, { op: 'compile' }>,
  session: Session,
): Promise<CompileTaskResult | TaskInputError> {
  parentPort?.postMessage({ [STARTED]: task.id });
  const startedAt = Date.now();
  try {
    const parsed = await readSource(task.source, session);
    const result = compileParsed(parsed, session, task.compile);
    return {
      report: result.report,
      output: result.output,
      format: result.format,
      lock: result.lock,
      lockChanged: result.lockChanged,
      startedAt,
      finishedAt: Date.now(),
    };
  } catch (err) {
    if (err instanceof CatalogInputError)
      return { inputError: { code: err.code, messageId: err.messageId, data: err.data } };
    throw err;
  }
}

/** Reads, validates and diffs two versions under one session (as `govcat diff`), rendering the diff here. */
async function diff(
  task: Extract<Task, { op: 'diff' }>,
  session: Session,
): Promise<DiffTaskResult | TaskInputError> {
  parentPort?.postMessage({ [STARTED]: task.id });
  const startedAt = Date.now();
  const profile = task.options.scoringProfile ? loadProfiles().get(task.options.scoringProfile) : undefined;
  const sides: DiffSide[] = [];
  for (const side of ['old', 'new'] as const) {
    try {
      sides.push((await validateVersion(task[side], session, profile)).side);
    } catch (err) {
      if (err instanceof CatalogInputError)
        return { inputError: { code: err.code, messageId: err.messageId, data: err.data }, side };
      throw err;
    }
  }
  const result = diffCatalogs(sides[0]!, sides[1]!, { toolVersion: govcatVersion() });
  const rendered = formatDiff(result, task.render.format as DiffFormat, { lang: session.lang, color: false });
  return {
    rendered,
    entries: { old: result.old.entries, new: result.new.entries },
    counts: { error: result.new.errors, warning: result.new.warnings, info: 0 },
    newErrors: result.summary.findings.newErrors,
    startedAt,
    finishedAt: Date.now(),
  };
}

function render(
  part: ReportPart,
  options: RenderOptions,
  session: Session,
  startedAt: number,
): RenderedTaskResult {
  const file = part.report;
  const base = { entries: file.entries, counts: part.counts, startedAt };
  if (file.error) return { ...base, rendered: '', error: file.error, finishedAt: Date.now() };
  const formatter = getFormatter(options.format);
  if (!formatter) throw new Error(`unknown format ${options.format}`);
  const rendered = renderReport(formatter, poolReport([part]), {
    lang: session.lang,
    color: false,
    ...(options.quiet ? { quiet: true } : {}),
    ...(options.maxWarnings !== undefined ? { maxWarnings: options.maxWarnings } : {}),
  });
  return { ...base, rendered, finishedAt: Date.now() };
}
