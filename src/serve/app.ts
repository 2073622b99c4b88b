// The ingestion service: a fastify app that validates uploaded catalogs in a worker pool, bounded in size,
// time and concurrency, with one structured log record per request.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { availableParallelism } from 'node:os';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { ruleRows } from '../cli/commands/rules.js';
import { LOCK_FILE_NAME, parseLock } from '../codegen/lock.js';
import { extendableNames, resolveRuleSettings } from '../config/load.js';
import { ConfigError } from '../errors.js';
import { formatNames, getFormatter } from '../formatters/index.js';
import type { CodeLock, FileReport, GovcatConfig, Limits } from '../generated/schema-types.js';
import { joinList, type Lang, parseLang, translate } from '../i18n/index.js';
import { loadProfiles } from '../indicators/index.js';
import { formatFromName, readerFormats, SUPPORTED_EXTENSIONS } from '../io/readers/index.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../io/writers/index.js';
import type { CatalogKind, InputFormat } from '../model/types.js';
import { govcatVersion } from '../paths.js';
import {
  CatalogPool,
  heapNeededMb,
  type PoolRenderResult,
  PoolSaturatedError,
  type RunOptions,
  type TaskOptions,
  type TaskSource,
} from '../workers/pool.js';
import {
  catalogMediaType,
  dispositionFileName,
  essence,
  GENERIC_MEDIA_TYPES,
  mediaTypesByFormat,
  outputMediaType,
  renameFor,
  safeFileName,
  UPLOAD_MEDIA_TYPES,
} from './media-types.js';

/** Default largest upload: 50 MiB. */
export const DEFAULT_MAX_BODY = 50 * 1024 * 1024;
/** Default time to receive one request, upload included. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
/** Default heap cap of each worker of the service, in MiB. */
export const DEFAULT_SERVICE_WORKER_MEMORY_MB = 1024;

/** One structured log record: a request, or a service event (listening, shutdown, closed). */
export interface LogRecord {
  time: string;
  level: 'info' | 'warn' | 'error';
  event: string;
  [field: string]: unknown;
}

/** Options of the service. Every bound has a documented default. */
export interface ServiceOptions {
  /** Largest upload in bytes (default 50 MiB); larger → 413. */
  maxBody?: number;
  /** Files validated at once = worker threads (default: available parallelism). */
  concurrency?: number;
  /** Requests that may wait for a worker (default 2 × concurrency); beyond → 503. */
  queue?: number;
  /** Time to receive one request including its body, in ms (default 60000); slower → 408. */
  requestTimeoutMs?: number;
  /** Heap cap of each worker in MiB (default 1024). */
  maxWorkerMemoryMb?: number;
  /** Language of responses that name none (`?lang=` or Accept-Language); default zh. */
  lang?: Lang;
  /** Catalog kind when a request names none (default auto). */
  kind?: CatalogKind | 'auto';
  /** The configuration applied to every request (rules, vocabularies, limits …). */
  config?: GovcatConfig;
  /** Name of the configuration's file, for messages. */
  configFile?: string;
  /** Reader limits over the configuration's (`limits.timeoutMs` is the per-file time cap). */
  limits?: Limits;
  /** Receives one record per request (and service events); default: discard. */
  log?: (record: LogRecord) => void;
  /** Worker module override (tests). */
  workerFile?: string;
}

/** A running (or ready to run) service. */
export interface GovcatService {
  readonly app: FastifyInstance;
  readonly pool: CatalogPool;
  /** Listens (host defaults to 127.0.0.1, port to 8080; 0 picks a free port). Returns the base URL. */
  listen(options?: { host?: string; port?: number }): Promise<string>;
  /** Stops accepting, lets requests in progress finish, then stops the workers. */
  close(): Promise<void>;
  /** Stops everything now (after close() took too long). */
  destroy(): Promise<void>;
}

/** A request that the service refuses, with its status and a message id. */
class ServiceError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageId: string,
    readonly data: Record<string, string | number> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(messageId);
  }
}

interface RequestState {
  start: number;
  lang: Lang;
  langError?: string;
  admitted: boolean;
  params?: TaskParams;
  upload?: { name: string; format: InputFormat };
  size?: number;
  entries?: number;
  errors?: number;
  warnings?: number;
  inputFormat?: string;
  outcome?: string;
  errorCode?: string;
  waitMs?: number;
  runMs?: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    govcat: RequestState;
  }
}

interface TaskParams {
  format: string;
  lang: Lang;
  kind?: CatalogKind | 'auto';
  /** A rule preset (govcat:strict …) to extend the configuration with. */
  preset?: string;
  /** A bundled scoring profile id. */
  scoringProfile?: string;
  /** POST /v1/compile: output format, answer shape, code settings. */
  compile?: { to?: OutputFormat; response: 'catalog' | 'json'; codes: boolean; sequenceWidth?: number };
  today?: string;
  filename?: string;
}

const ROUTE_PARAMS = {
  validate: ['format', 'lang', 'profile', 'kind', 'today', 'filename'],
  compile: ['to', 'response', 'codes', 'sequenceWidth', 'lang', 'kind', 'today', 'filename'],
} as const;
type Route = keyof typeof ROUTE_PARAMS;
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

function errorBody(code: string, message: string, data?: Record<string, unknown>) {
  return { error: data && Object.keys(data).length > 0 ? { code, message, data } : { code, message } };
}

function langOf(request: IncomingMessage & { url?: string }, fallback: Lang): { lang: Lang; bad?: string } {
  const query = new URLSearchParams((request.url ?? '').split('?')[1] ?? '');
  const asked = query.get('lang');
  if (asked !== null) {
    const lang = parseLang(asked);
    return lang ? { lang } : { lang: fallback, bad: asked };
  }
  const header = request.headers['accept-language'];
  const first = typeof header === 'string' ? header.split(',', 1)[0]!.split(';', 1)[0]!.trim() : undefined;
  return { lang: parseLang(first) ?? fallback };
}

function single(query: Record<string, unknown>, name: string, lang: Lang): string | undefined {
  const v = query[name];
  if (v === undefined) return undefined;
  if (typeof v === 'string') return v;
  throw new ServiceError(400, 'service/bad-parameter', 'service.badParameter', {
    name,
    value: String(v),
    expected: translate(lang, 'service.expectedOne'),
  });
}

/** Creates the service (workers start and warm up before it resolves). */
export async function createService(options: ServiceOptions = {}): Promise<GovcatService> {
  const maxBody = options.maxBody ?? DEFAULT_MAX_BODY;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? availableParallelism()));
  const queue = Math.max(0, Math.floor(options.queue ?? 2 * concurrency));
  const admissionLimit = concurrency + queue;
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const defaultLang = options.lang ?? (options.config?.lang === 'en' ? 'en' : 'zh');
  const baseConfig: GovcatConfig = options.config ?? {};
  const log = options.log ?? (() => {});
  const startedAt = Date.now();

  // Fail at start, not per request, on a configuration that does not resolve, and on a worker heap too
  // small to parse the largest upload (which would fail the process, not just the worker).
  resolveRuleSettings(baseConfig, options.configFile);
  const workerMemoryMb = options.maxWorkerMemoryMb ?? DEFAULT_SERVICE_WORKER_MEMORY_MB;
  if (heapNeededMb(maxBody) > workerMemoryMb) {
    throw new ConfigError('config/invalid', 'service.memoryTooSmall', {
      memory: workerMemoryMb,
      body: maxBody,
      needed: heapNeededMb(maxBody),
    });
  }

  const pool = new CatalogPool({
    threads: concurrency,
    maxQueue: queue,
    minThreads: concurrency,
    maxWorkerMemoryMb: workerMemoryMb,
    ...(options.workerFile ? { workerFile: options.workerFile } : {}),
  });
  const baseTask: TaskOptions = {
    config: baseConfig,
    ...(options.configFile ? { configFile: options.configFile } : {}),
    ...(options.kind ? { kind: options.kind } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
  };
  try {
    await pool.warm({ ...baseTask, lang: defaultLang });
  } catch (err) {
    await pool.destroy();
    throw err;
  }

  let state: 'ready' | 'draining' | 'closed' = 'ready';
  let inflight = 0;
  // Requests answered without inviting their body: the client may never send it, so close afterwards.
  const refusedBeforeBody = new WeakSet<IncomingMessage>();

  const app = Fastify({
    logger: false,
    bodyLimit: maxBody,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    serverFactory: (handler) => {
      const server = createServer(
        {
          requestTimeout: requestTimeoutMs,
          headersTimeout: Math.min(requestTimeoutMs, 30_000),
          // Node checks the two timeouts above on this interval (30 s by default).
          connectionsCheckingInterval: Math.max(100, Math.min(1_000, Math.floor(requestTimeoutMs / 4))),
          keepAliveTimeout: 5_000,
        },
        handler,
      );
      // `Expect: 100-continue` (curl sends it for uploads over 1 MB): invite the body only when it will be
      // read, so a 413 or 503 costs the client nothing to upload.
      server.on('checkContinue', (req, res) => {
        const length = Number(req.headers['content-length']);
        const refused =
          req.method === 'POST' &&
          (req.url ?? '').startsWith('/v1/') &&
          (state !== 'ready' || inflight >= admissionLimit || length > maxBody);
        if (refused) refusedBeforeBody.add(req);
        else res.writeContinue();
        handler(req, res);
      });
      return server;
    },
  });
  app.decorateRequest('govcat', null as unknown as RequestState);
  // Requests in progress per connection: on shutdown, connections with none (idle keep-alive, or opened
  // speculatively by a client and never used) are closed at once instead of at their timeouts.
  const sockets = new Map<Socket, number>();
  app.server.on('connection', (socket: Socket) => {
    sockets.set(socket, 0);
    socket.once('close', () => sockets.delete(socket));
  });

  app.removeAllContentTypeParsers();
  const uploadTypes = [...Object.keys(UPLOAD_MEDIA_TYPES), ...GENERIC_MEDIA_TYPES];
  app.addContentTypeParser(uploadTypes, { parseAs: 'buffer', bodyLimit: maxBody }, (_req, body, done) =>
    done(null, body),
  );
  await app.register(multipart, {
    throwFileSizeLimit: true,
    limits: { fileSize: maxBody, files: 1, fields: 16, fieldSize: 4096, parts: 32, headerPairs: 64 },
  });

  function availableTypes(): string {
    const formats = new Set(readerFormats());
    return Object.entries(UPLOAD_MEDIA_TYPES)
      .filter(([, f]) => formats.has(f))
      .map(([t]) => t)
      .join('、');
  }

  function supportedExtensions(): string {
    const formats = new Set(readerFormats());
    return SUPPORTED_EXTENSIONS.filter((e) => formats.has(formatFromName(`x${e}`)!)).join(' ');
  }

  function finish(request: FastifyRequest, reply: FastifyReply): void {
    const s = request.govcat;
    if (s.admitted) inflight--;
    const status = reply.raw.statusCode;
    const aborted = !reply.raw.writableFinished;
    const outcome = aborted
      ? 'aborted'
      : (s.outcome ?? (status < 400 ? 'ok' : status >= 500 ? 'error' : 'rejected'));
    const record: LogRecord = {
      time: new Date().toISOString(),
      level: status >= 500 && status !== 503 ? 'error' : status >= 400 || aborted ? 'warn' : 'info',
      event: 'request',
      id: request.id,
      method: request.method,
      path: request.url.split('?', 1)[0],
      status,
      outcome,
      size: s.size ?? (Number(request.headers['content-length']) || 0),
      entries: s.entries ?? null,
      durationMs: Math.round(performance.now() - s.start),
    };
    if (s.inputFormat) record.format = s.inputFormat;
    if (s.errors !== undefined) record.errors = s.errors;
    if (s.warnings !== undefined) record.warnings = s.warnings;
    if (s.errorCode) record.code = s.errorCode;
    if (s.waitMs !== undefined) record.waitMs = s.waitMs;
    if (s.runMs !== undefined) record.runMs = s.runMs;
    log(record);
  }

  app.addHook('onRequest', async (request, reply) => {
    const { lang, bad } = langOf(request.raw, defaultLang);
    request.govcat = { start: performance.now(), lang, admitted: false, ...(bad ? { langError: bad } : {}) };
    reply.header('x-request-id', request.id);
    const socket = request.raw.socket;
    if (sockets.has(socket)) sockets.set(socket, sockets.get(socket)! + 1);
    reply.raw.once('close', () => {
      if (sockets.has(socket)) sockets.set(socket, sockets.get(socket)! - 1);
      finish(request, reply);
    });
    if (request.method !== 'POST' || !request.url.startsWith('/v1/')) return;
    if (state !== 'ready') throw new ServiceError(503, 'service/shutting-down', 'service.shuttingDown');
    if (inflight >= admissionLimit) {
      request.govcat.outcome = 'saturated';
      throw new ServiceError(
        503,
        'service/saturated',
        'service.saturated',
        { inflight, limit: admissionLimit },
        { 'retry-after': '1' },
      );
    }
    inflight++;
    request.govcat.admitted = true;
  });

  // While draining, answer in-flight requests with `Connection: close` so keep-alive sockets do not hold up
  // the shutdown until their idle timeout.
  app.addHook('onSend', async (request, reply) => {
    if (state !== 'ready' || refusedBeforeBody.has(request.raw)) reply.header('connection', 'close');
  });

  /** Checks parameters and the upload's type before the body is read, so a refusal costs nothing. */
  function checkUpload(request: FastifyRequest, route: Route): void {
    const s = request.govcat;
    const query = request.query as Record<string, unknown>;
    const allowed: readonly string[] = ROUTE_PARAMS[route];
    for (const name of Object.keys(query)) {
      if (!allowed.includes(name)) {
        throw new ServiceError(400, 'service/unknown-parameter', 'service.unknownParameter', {
          name,
          names: allowed.join('、'),
        });
      }
    }
    const bad = (name: string, value: string, expected: string) =>
      new ServiceError(400, 'service/bad-parameter', 'service.badParameter', {
        name,
        value: value.slice(0, 80),
        expected,
      });
    if (s.langError !== undefined) {
      throw new ServiceError(400, 'service/bad-parameter', 'service.badParameter', {
        name: 'lang',
        value: s.langError,
        expected: translate(s.lang, 'service.expectedFormat', { values: 'zh、en' }),
      });
    }
    const format = route === 'validate' ? (single(query, 'format', s.lang) ?? 'json') : 'json';
    if (!getFormatter(format)) {
      throw new ServiceError(400, 'service/bad-parameter', 'service.badParameter', {
        name: 'format',
        value: format,
        expected: translate(s.lang, 'service.expectedFormat', { values: joinList(formatNames(), s.lang) }),
      });
    }
    const params: TaskParams = { format, lang: s.lang };
    if (route === 'compile') {
      const to = single(query, 'to', s.lang);
      if (to !== undefined && !(OUTPUT_FORMATS as readonly string[]).includes(to))
        throw bad(
          'to',
          to,
          translate(s.lang, 'service.expectedFormat', { values: joinList(OUTPUT_FORMATS, s.lang) }),
        );
      const response = single(query, 'response', s.lang) ?? 'catalog';
      if (response !== 'catalog' && response !== 'json')
        throw bad(
          'response',
          response,
          translate(s.lang, 'service.expectedFormat', { values: 'catalog、json' }),
        );
      const codes = single(query, 'codes', s.lang) ?? 'true';
      if (codes !== 'true' && codes !== 'false')
        throw bad('codes', codes, translate(s.lang, 'service.expectedFormat', { values: 'true、false' }));
      const width = single(query, 'sequenceWidth', s.lang);
      if (width !== undefined && !/^(?:[1-9]|1[0-2])$/.test(width))
        throw bad('sequenceWidth', width, translate(s.lang, 'service.expectedFormat', { values: '1–12' }));
      params.compile = {
        ...(to ? { to: to as OutputFormat } : {}),
        response,
        codes: codes === 'true',
        ...(width ? { sequenceWidth: Number(width) } : {}),
      };
    }
    const kind = single(query, 'kind', s.lang);
    if (kind !== undefined) {
      if (kind !== 'shared' && kind !== 'open' && kind !== 'auto') {
        throw new ServiceError(400, 'service/bad-parameter', 'service.badParameter', {
          name: 'kind',
          value: kind,
          expected: translate(s.lang, 'service.expectedFormat', { values: 'shared、open、auto' }),
        });
      }
      params.kind = kind;
    }
    const today = single(query, 'today', s.lang);
    if (today !== undefined) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) {
        throw new ServiceError(400, 'service/bad-parameter', 'service.badParameter', {
          name: 'today',
          value: today,
          expected: translate(s.lang, 'service.expectedDate'),
        });
      }
      params.today = today;
    }
    const profile = single(query, 'profile', s.lang);
    if (profile !== undefined) {
      // A scoring profile (the report gains its score, as `govcat score --profile`), or a rule preset.
      const scoring = loadProfiles();
      if (scoring.has(profile)) params.scoringProfile = profile;
      else if (extendableNames().includes(profile)) params.preset = profile;
      else {
        throw new ServiceError(400, 'service/unknown-profile', 'service.unknownProfile', {
          name: profile.slice(0, 80),
          available: [...scoring.keys(), ...extendableNames()].join('、'),
        });
      }
    }
    const filename = single(query, 'filename', s.lang);
    if (filename !== undefined) {
      const safe = safeFileName(filename);
      if (!safe || safe !== filename) {
        throw new ServiceError(400, 'service/bad-parameter', 'service.badParameter', {
          name: 'filename',
          value: filename.slice(0, 80),
          expected: translate(s.lang, 'service.expectedFileName'),
        });
      }
      params.filename = safe;
    }
    s.params = params;

    const type = essence(request.headers['content-type']);
    if (type === 'multipart/form-data') return;
    const length = request.headers['content-length'];
    if (type === undefined) {
      if (length === undefined || length === '0')
        throw new ServiceError(400, 'service/no-body', 'service.noBody');
      throw new ServiceError(415, 'service/unsupported-media-type', 'service.unsupportedMediaType', {
        type: '(none)',
        types: availableTypes(),
      });
    }
    const name =
      params.filename ?? safeFileName(dispositionFileName(request.headers['content-disposition'] as string));
    s.upload = uploadFormat(type, name);
  }

  function uploadFormat(type: string, name: string | undefined): { name: string; format: InputFormat } {
    const formats = new Set(readerFormats());
    let format: InputFormat | undefined = UPLOAD_MEDIA_TYPES[type];
    if (format === undefined && (GENERIC_MEDIA_TYPES.includes(type) || type === '')) {
      format = name ? formatFromName(name) : undefined;
      if (!format || !formats.has(format)) {
        throw new ServiceError(415, 'service/unsupported-media-type', 'service.unsupportedFile', {
          file: name ?? '(none)',
          extensions: supportedExtensions(),
        });
      }
      return { name: name!, format };
    }
    if (format === undefined || !formats.has(format)) {
      throw new ServiceError(415, 'service/unsupported-media-type', 'service.unsupportedMediaType', {
        type,
        types: availableTypes(),
      });
    }
    // A name without the right extension still reads as the declared type; keep it for messages.
    return { name: name ?? `upload.${format}`, format };
  }

  /** The one file of a multipart request, and its `lock` field (govcat.lock.json) when `withLock`. */
  async function readMultipart(
    request: FastifyRequest,
    withLock = false,
  ): Promise<{ upload: { name: string; bytes: Buffer; format: InputFormat }; lock?: string }> {
    const s = request.govcat;
    let upload: { name: string; bytes: Buffer; format: InputFormat } | undefined;
    let lock: string | undefined;
    // A lock of many thousand codes is bigger than the form fields the plugin allows by default.
    const limits = withLock ? { fieldSize: maxBody } : {};
    try {
      for await (const part of request.parts({ limits })) {
        if (part.type !== 'file') {
          if (withLock && part.fieldname === 'lock') lock = String(part.value);
          continue;
        }
        if (upload) throw new ServiceError(400, 'service/one-file', 'service.oneFile');
        const name = s.params?.filename ?? safeFileName(part.filename);
        const type = essence(part.mimetype) ?? 'application/octet-stream';
        const known = UPLOAD_MEDIA_TYPES[type] ? type : 'application/octet-stream';
        const chosen = uploadFormat(known, name);
        const bytes = await part.toBuffer();
        upload = { name: chosen.name, bytes, format: chosen.format };
      }
    } catch (err) {
      if ((err as { code?: string }).code === 'FST_FILES_LIMIT')
        throw new ServiceError(400, 'service/one-file', 'service.oneFile');
      throw err;
    }
    if (!upload) throw new ServiceError(400, 'service/no-file', 'service.noFile');
    return lock === undefined ? { upload } : { upload, lock };
  }

  /** The upload of a request: the multipart file, or the body with the name and format from its headers. */
  async function readUpload(
    request: FastifyRequest,
    withLock = false,
  ): Promise<{ upload: { name: string; bytes: Uint8Array; format: InputFormat }; lock?: string }> {
    if (request.isMultipart()) return readMultipart(request, withLock);
    const s = request.govcat;
    return {
      upload: {
        name: s.upload!.name,
        bytes: (request.body as Buffer | undefined) ?? Buffer.alloc(0),
        format: s.upload!.format,
      },
    };
  }

  function taskOptions(params: TaskParams): TaskOptions {
    const config: GovcatConfig = params.preset
      ? {
          ...baseConfig,
          extends: [
            ...(baseConfig.extends === undefined
              ? []
              : Array.isArray(baseConfig.extends)
                ? baseConfig.extends
                : [baseConfig.extends]),
            params.preset,
          ],
        }
      : baseConfig;
    return {
      ...baseTask,
      config,
      lang: params.lang,
      ...(params.kind ? { kind: params.kind } : {}),
      ...(params.today ? { today: params.today } : {}),
      ...(params.scoringProfile ? { scoringProfile: params.scoringProfile } : {}),
    };
  }

  /**
   * Runs one upload in the pool; a request whose client went away while queued is dropped from the queue.
   * A running task is left to finish (bounded by the time cap): terminating it would cost a worker restart.
   */
  async function runInPool<R extends { waitMs: number; startedAt: number; finishedAt: number }>(
    request: FastifyRequest,
    reply: FastifyReply,
    upload: { name: string; bytes: Uint8Array; format: InputFormat | undefined },
    submit: (source: TaskSource, options: TaskOptions, run: RunOptions) => Promise<R>,
  ): Promise<R> {
    const s = request.govcat;
    s.size = upload.bytes.byteLength;
    if (upload.format) s.inputFormat = upload.format;
    const controller = new AbortController();
    let started = false;
    const onClose = () => {
      if (!reply.raw.writableFinished && !started) controller.abort();
    };
    reply.raw.once('close', onClose);
    try {
      const result = await submit(
        { name: upload.name, bytes: upload.bytes, ...(upload.format ? { format: upload.format } : {}) },
        taskOptions(s.params!),
        {
          signal: controller.signal,
          onStart: () => {
            started = true;
          },
        },
      );
      s.waitMs = result.waitMs;
      s.runMs = result.finishedAt - result.startedAt;
      return result;
    } catch (err) {
      if (controller.signal.aborted) {
        // The client went away while queued: nobody will read an answer.
        s.outcome = 'aborted';
        throw new ServiceError(499, 'service/client-closed', 'service.badRequest', {
          reason: 'client closed',
        });
      }
      if (err instanceof PoolSaturatedError) {
        s.outcome = 'saturated';
        throw new ServiceError(
          503,
          'service/saturated',
          'service.saturated',
          { inflight, limit: admissionLimit },
          { 'retry-after': '1' },
        );
      }
      throw err;
    } finally {
      reply.raw.off('close', onClose);
    }
  }

  /** 400 (415 for an unsupported format) with the file's error object, as the CLI reports it. */
  function sendUnreadable(
    request: FastifyRequest,
    reply: FastifyReply,
    error: NonNullable<FileReport['error']>,
  ) {
    const s = request.govcat;
    s.outcome = 'unreadable';
    s.errorCode = error.code;
    const status = error.code === 'input/unsupported-format' ? 415 : 400;
    return reply.code(status).send({ error });
  }

  function sendRendered(request: FastifyRequest, reply: FastifyReply, result: PoolRenderResult) {
    const s = request.govcat;
    if (result.error) return sendUnreadable(request, reply, result.error);
    s.entries = result.entries;
    s.errors = result.counts.error;
    s.warnings = result.counts.warning;
    s.outcome = result.counts.error > 0 ? 'invalid' : 'valid';
    return reply.code(200).header('content-type', outputMediaType(s.params!.format)).send(result.rendered);
  }

  app.post('/v1/validate', {
    preParsing: async (request, _reply, payload) => {
      checkUpload(request, 'validate');
      return payload;
    },
    handler: async (request, reply) => {
      const { upload } = await readUpload(request);
      // The report is rendered in the worker: a large one would otherwise be serialized on the event loop.
      const format = request.govcat.params!.format;
      const result = await runInPool(request, reply, upload, (source, options, run) =>
        pool.render(source, options, { format }, run),
      );
      return sendRendered(request, reply, result);
    },
  });

  app.post('/v1/compile', {
    preParsing: async (request, _reply, payload) => {
      checkUpload(request, 'compile');
      return payload;
    },
    handler: async (request, reply) => {
      const s = request.govcat;
      const c = s.params!.compile!;
      const { upload, lock: lockText } = await readUpload(request, true);
      let lock: CodeLock | undefined;
      if (lockText !== undefined && c.codes) {
        try {
          lock = parseLock(lockText, LOCK_FILE_NAME);
        } catch (err) {
          if (!(err instanceof ConfigError)) throw err;
          s.outcome = 'rejected';
          s.errorCode = err.code;
          return reply.code(400).send(errorBody(err.code, err.render(s.lang), err.data));
        }
      }
      const format = c.to ?? upload.format;
      const outputName = renameFor(upload.name, format);
      const result = await runInPool(request, reply, upload, (source, options, run) =>
        pool.compile(
          source,
          options,
          {
            format,
            codes: c.codes,
            ...(lock ? { lock } : {}),
            ...(c.sequenceWidth ? { sequenceWidth: c.sequenceWidth } : {}),
            outputName,
          },
          run,
        ),
      );
      const file = result.report.files[0]!;
      if (file.error || !result.output) return sendUnreadable(request, reply, file.error!);
      s.entries = file.entries;
      s.errors = result.report.summary.errors;
      s.warnings = result.report.summary.warnings;
      s.outcome = s.errors > 0 ? 'invalid' : 'valid';
      if (c.response === 'json') {
        return reply.code(200).send({
          report: result.report,
          output: {
            name: outputName,
            format: result.format,
            mediaType: catalogMediaType(result.format!),
            base64: Buffer.from(result.output).toString('base64'),
          },
          lock: result.lock,
          lockChanged: result.lockChanged,
        });
      }
      return reply
        .code(200)
        .header('content-type', catalogMediaType(result.format!))
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(outputName)}`)
        .header('x-govcat-errors', String(result.report.summary.errors))
        .header('x-govcat-warnings', String(result.report.summary.warnings))
        .header('x-govcat-fixes', String(file.fixes?.length ?? 0))
        .header('x-govcat-codes', String(file.codes?.length ?? 0))
        .send(Buffer.from(result.output.buffer, result.output.byteOffset, result.output.byteLength));
    },
  });

  app.get('/healthz', async (_request, reply) => {
    const memory = process.memoryUsage();
    return reply.code(state === 'ready' ? 200 : 503).send({
      status: state === 'ready' ? 'ok' : state,
      version: govcatVersion(),
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      inflight,
      limit: admissionLimit,
      workers: pool.stats(),
      memory: { rss: memory.rss, heapUsed: memory.heapUsed },
    });
  });

  app.get('/v1/rules', async () => ruleRows());

  app.get('/v1/formats', async () => {
    const byFormat = mediaTypesByFormat();
    return {
      inputs: readerFormats().map((format) => ({
        format,
        mediaTypes: byFormat.get(format) ?? [],
        extensions: SUPPORTED_EXTENSIONS.filter((e) => formatFromName(`x${e}`) === format),
      })),
      outputs: formatNames(),
    };
  });

  app.setNotFoundHandler((request, reply) => {
    const lang = request.govcat?.lang ?? defaultLang;
    const path = request.url.split('?', 1)[0]!;
    reply
      .code(404)
      .send(
        errorBody('service/not-found', translate(lang, 'service.notFound', { method: request.method, path })),
      );
  });

  app.setErrorHandler((err, request, reply) => {
    const s = request.govcat;
    const lang = s?.lang ?? defaultLang;
    let status: number;
    let code: string;
    let message: string;
    let data: Record<string, string | number> | undefined;
    if (err instanceof ServiceError) {
      ({ status, code } = err);
      data = err.data;
      message = translate(lang, err.messageId, err.data);
      for (const [k, v] of Object.entries(err.headers)) reply.header(k, v);
    } else {
      const fc = (err as { code?: string; statusCode?: number }).code;
      const sc = (err as { statusCode?: number }).statusCode;
      if (fc === 'FST_ERR_CTP_BODY_TOO_LARGE' || fc === 'FST_REQ_FILE_TOO_LARGE') {
        // fastify closes the connection here; the framing is intact, so let Node drain the rest of the
        // upload instead (bounded by the request timeout) and the client reads the 413 instead of EPIPE.
        reply.removeHeader('connection');
        status = 413;
        code = 'service/body-too-large';
        data = { limit: maxBody };
        message = translate(lang, 'service.bodyTooLarge', data);
      } else if (fc === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
        status = 415;
        code = 'service/unsupported-media-type';
        data = { type: essence(request.headers['content-type']) ?? '(none)', types: availableTypes() };
        message = translate(lang, 'service.unsupportedMediaType', data);
      } else if (typeof sc === 'number' && sc >= 400 && sc < 500) {
        status = sc === 413 ? 413 : 400;
        code = 'service/bad-request';
        message = translate(lang, 'service.badRequest', { reason: (err as Error).message });
      } else {
        status = 500;
        code = 'service/internal';
        message = translate(lang, 'service.internal', { id: request.id });
        log({
          time: new Date().toISOString(),
          level: 'error',
          event: 'internal-error',
          id: request.id,
          error: (err as Error).message,
          stack: (err as Error).stack,
        });
      }
    }
    if (s) {
      s.errorCode = code;
      if (status === 503) s.outcome ??= 'saturated';
    }
    reply.code(status).send(errorBody(code, message, data));
  });

  let closing: Promise<void> | undefined;
  const service: GovcatService = {
    app,
    pool,
    async listen({ host = '127.0.0.1', port = 8080 } = {}) {
      await app.listen({ host, port });
      const address = (app.server as Server).address();
      if (address === null || typeof address === 'string') return String(address);
      const h = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return `http://${h}:${address.port}`;
    },
    close() {
      closing ??= (async () => {
        state = 'draining';
        const stopped = app.close();
        for (const [socket, active] of sockets) if (active === 0) socket.destroy();
        await stopped;
        await pool.close();
        state = 'closed';
      })();
      return closing;
    },
    async destroy() {
      state = 'closed';
      app.server.closeAllConnections?.();
      await pool.destroy();
      await app.close();
    },
  };
  return service;
}
