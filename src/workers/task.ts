// The worker-thread side of the pool: reads and validates one source, with sessions cached per options.
import { parentPort } from 'node:worker_threads';
import { ConfigError } from '../errors.js';
import {
  createSession,
  parsedFromObject,
  type Session,
  validateParsed,
  validateSource,
} from '../validate.js';
import {
  STARTED,
  type Task,
  type TaskConfigError,
  type TaskOptions,
  type ValidateTaskResult,
} from './protocol.js';

const SESSION_CACHE_SIZE = 8;
const sessions = new Map<string, Session>();

function sessionFor(options: TaskOptions): Session {
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
export default async function runTask(task: Task): Promise<ValidateTaskResult | TaskConfigError | null> {
  let session: Session;
  try {
    session = sessionFor(task.options);
  } catch (err) {
    if (err instanceof ConfigError)
      return { configError: { code: err.code, messageId: err.messageId, data: err.data } };
    throw err;
  }
  if (task.op === 'warm') return null;
  // The time cap covers reading and validating, not this worker's one-time start-up (schemas, seeds).
  parentPort?.postMessage({ [STARTED]: task.id });
  const startedAt = Date.now();
  const result = await validateSource(task.source, session);
  return { report: result.report, counts: result.counts, startedAt, finishedAt: Date.now() };
}
