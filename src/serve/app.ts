// The ingestion service: a fastify app that validates uploaded catalogs in a worker pool, bounded in size,
// time, rate and concurrency, guarded by Host, Origin and an optional token, with one log record per request.
// Routes live in routes/ (one file each); this file wires options, hooks, the pool and the server together.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { availableParallelism } from 'node:os';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { ConfigError } from '../errors.js';
import { type Lang, parseLang } from '../i18n/index.js';
import { formatFromName, readerFormats, SUPPORTED_EXTENSIONS } from '../io/readers/index.js';
import { resolveRuleSettings } from '../rules/settings.js';
import { resolveLang } from '../session.js';
import { govcatVersion } from '../version.js';
import { CatalogPool, heapNeededMb, type TaskOptions } from '../workers/pool.js';
import { type RequestState, type ServiceContext, Slots } from './context.js';
import { clientErrorHandler, frameworkErrorHandler, installErrorHandlers, ServiceError } from './errors.js';
import { installGuard, LOOPBACK_HOSTS, listenHostName } from './guard.js';
import { GENERIC_MEDIA_TYPES, UPLOAD_MEDIA_TYPES } from './media-types.js';
import {
  DEFAULT_MAX_BODY,
  DEFAULT_MIN_UPLOAD_RATE,
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_SERVICE_WORKER_MEMORY_MB,
  DEFAULT_UPLOAD_GRACE_MS,
  type GovcatService,
  type LogRecord,
  type ServiceOptions,
} from './options.js';
import { registerCompile } from './routes/compile.js';
import { registerDiff } from './routes/diff.js';
import { registerInfo } from './routes/info.js';
import { registerPage } from './routes/page.js';
import { registerValidate } from './routes/validate.js';
import { saturated, watchBody } from './upload.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

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

/** The bounds of a service, each resolved from its option or default. */
interface Bounds {
  maxBody: number;
  concurrency: number;
  queue: number;
  admissionLimit: number;
  maxUploads: number;
  requestTimeoutMs: number;
  workerMemoryMb: number;
  defaultLang: Lang;
}

/** Where the service is in its life, shared by the hooks and the handle. */
interface Lifecycle {
  state: 'ready' | 'draining' | 'closed';
}

/**
 * Resolves the bounds, and fails at start, not per request, on an empty token, a configuration that does
 * not resolve, and a worker heap too small to parse the largest upload (which would fail the process).
 */
function resolveBounds(options: ServiceOptions): Bounds {
  const maxBody = options.maxBody ?? DEFAULT_MAX_BODY;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? availableParallelism()));
  const queue = Math.max(0, Math.floor(options.queue ?? 2 * concurrency));
  const admissionLimit = concurrency + queue;
  if (options.token !== undefined && options.token.trim() === '') {
    throw new ConfigError('config/invalid', 'service.emptyToken', {});
  }
  resolveRuleSettings(options.config ?? {}, options.configFile);
  const workerMemoryMb = options.maxWorkerMemoryMb ?? DEFAULT_SERVICE_WORKER_MEMORY_MB;
  if (heapNeededMb(maxBody) > workerMemoryMb) {
    throw new ConfigError('config/invalid', 'service.memoryTooSmall', {
      memory: workerMemoryMb,
      body: maxBody,
      needed: heapNeededMb(maxBody),
    });
  }
  return {
    maxBody,
    concurrency,
    queue,
    admissionLimit,
    maxUploads: Math.max(1, Math.floor(options.maxUploads ?? 4 * admissionLimit)),
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    workerMemoryMb,
    defaultLang: resolveLang(options),
  };
}

/** The worker pool, its workers started and warmed up (sessions built) before the first request. */
async function startPool(
  options: ServiceOptions,
  bounds: Bounds,
  baseTask: TaskOptions,
): Promise<CatalogPool> {
  const pool = new CatalogPool({
    threads: bounds.concurrency,
    maxQueue: bounds.queue,
    minThreads: bounds.concurrency,
    maxWorkerMemoryMb: bounds.workerMemoryMb,
    ...(options.workerFile ? { workerFile: options.workerFile } : {}),
  });
  try {
    await pool.warm({ ...baseTask, lang: bounds.defaultLang });
  } catch (err) {
    await pool.destroy();
    throw err;
  }
  return pool;
}

/** What every route shares. `expectsContinue` and `invited` track `Expect: 100-continue` requests. */
function serviceContext(
  options: ServiceOptions,
  bounds: Bounds,
  pool: CatalogPool,
  baseTask: TaskOptions,
  life: Lifecycle,
  expectsContinue: WeakSet<IncomingMessage>,
  invited: WeakSet<IncomingMessage>,
): ServiceContext {
  const formats = () => new Set(readerFormats());
  return {
    pool,
    slots: new Slots(bounds.admissionLimit, bounds.maxUploads),
    maxBody: bounds.maxBody,
    minUploadRate: options.minUploadRate ?? DEFAULT_MIN_UPLOAD_RATE,
    uploadGraceMs: options.uploadGraceMs ?? DEFAULT_UPLOAD_GRACE_MS,
    defaultLang: bounds.defaultLang,
    baseConfig: options.config ?? {},
    baseTask,
    startedAt: Date.now(),
    log: options.log ?? (() => {}),
    state: () => life.state,
    inviteBody(request, reply) {
      if (expectsContinue.has(request.raw) && !invited.has(request.raw)) {
        invited.add(request.raw);
        reply.raw.writeContinue();
      }
    },
    availableTypes() {
      const f = formats();
      return Object.entries(UPLOAD_MEDIA_TYPES)
        .filter(([, format]) => f.has(format))
        .map(([t]) => t)
        .join('、');
    },
    supportedExtensions() {
      const f = formats();
      return SUPPORTED_EXTENSIONS.filter((e) => f.has(formatFromName(`x${e}`)!)).join(' ');
    },
  };
}

/**
 * The fastify app on a Node server with the request timeouts; `Expect: 100-continue` (curl sends it for
 * uploads over 1 MB) is answered only once the body will be read (ctx.inviteBody), so a 401, 403, 413 or 503
 * costs the client nothing to upload.
 */
function createApp(bounds: Bounds, expectsContinue: WeakSet<IncomingMessage>) {
  const { requestTimeoutMs, defaultLang } = bounds;
  return Fastify({
    logger: false,
    bodyLimit: bounds.maxBody,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    frameworkErrors: frameworkErrorHandler(defaultLang),
    clientErrorHandler: clientErrorHandler(defaultLang),
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
      server.on('checkContinue', (req, res) => {
        expectsContinue.add(req);
        handler(req, res);
      });
      return server;
    },
  });
}

type App = ReturnType<typeof createApp>;

/** The OpenAPI document of the routes (@fastify/swagger), served at /openapi.json. */
async function registerDocs(app: App): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'govcat service',
        description:
          '政务数据资源目录的校验、编译与版本比较服务 · validation, compilation and diff of government data resource catalogs',
        version: govcatVersion(),
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'only with --token' } },
      },
    },
  });
}

/**
 * Requests in progress per connection: on shutdown, connections with none (idle keep-alive, or opened
 * speculatively by a client and never used) are closed at once instead of at their timeouts.
 */
function trackSockets(app: App): Map<Socket, number> {
  const sockets = new Map<Socket, number>();
  app.server.on('connection', (socket: Socket) => {
    sockets.set(socket, 0);
    socket.once('close', () => sockets.delete(socket));
  });
  return sockets;
}

/** Gives back a request's places and writes its one log record. */
function finishRequest(ctx: ServiceContext, request: FastifyRequest, reply: FastifyReply): void {
  const s = request.govcat;
  // The body watch stops by itself once the body is complete or the connection gone: a refused body
  // that Node drains stays watched after the answer.
  ctx.slots.release(s);
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
  ctx.log(record);
}

/** First hook: the request's state and its log record, so every later refusal is logged and in its language. */
function installRequestState(app: App, ctx: ServiceContext, sockets: Map<Socket, number>): void {
  app.addHook('onRequest', async (request, reply) => {
    const { lang, bad } = langOf(request.raw, ctx.defaultLang);
    request.govcat = {
      start: performance.now(),
      lang,
      receiving: false,
      admitted: false,
      ...(bad ? { langError: bad } : {}),
    };
    reply.header('x-request-id', request.id);
    const socket = request.raw.socket;
    if (sockets.has(socket)) sockets.set(socket, sockets.get(socket)! + 1);
    reply.raw.once('close', () => {
      if (sockets.has(socket)) sockets.set(socket, sockets.get(socket)! - 1);
      finishRequest(ctx, request, reply);
    });
    // Every body is read, or drained after a refusal, under the minimum rate.
    if (request.method === 'POST') watchBody(request, reply, ctx);
  });
}

/**
 * After the guard: a receiving place for an upload (its work place is taken once the body has arrived,
 * upload.ts); and `Connection: close` while draining, or after refusing a body that was never invited.
 */
function installAdmission(
  app: App,
  ctx: ServiceContext,
  expectsContinue: WeakSet<IncomingMessage>,
  invited: WeakSet<IncomingMessage>,
): void {
  app.addHook('onRequest', async (request) => {
    if (request.method !== 'POST' || !request.url.startsWith('/v1/')) return;
    if (ctx.state() !== 'ready') throw new ServiceError(503, 'service/shutting-down', 'service.shuttingDown');
    if (ctx.slots.full()) throw saturated(ctx, request.govcat);
    ctx.slots.startReceiving(request.govcat);
  });
  app.addHook('onSend', async (request, reply) => {
    const uninvited = expectsContinue.has(request.raw) && !invited.has(request.raw);
    if (ctx.state() !== 'ready' || uninvited) reply.header('connection', 'close');
  });
}

/** Raw uploads arrive as bytes (their type gives the format); multipart through @fastify/multipart. */
async function installParsers(app: App, maxBody: number): Promise<void> {
  app.removeAllContentTypeParsers();
  const uploadTypes = [...Object.keys(UPLOAD_MEDIA_TYPES), ...GENERIC_MEDIA_TYPES];
  app.addContentTypeParser(uploadTypes, { parseAs: 'buffer', bodyLimit: maxBody }, (_req, body, done) =>
    done(null, body),
  );
  await app.register(multipart, {
    throwFileSizeLimit: true,
    limits: { fileSize: maxBody, files: 1, fields: 16, fieldSize: 4096, parts: 32, headerPairs: 64 },
  });
}

/** Creates the service (workers start and warm up before it resolves). */
export async function createService(options: ServiceOptions = {}): Promise<GovcatService> {
  const bounds = resolveBounds(options);
  const baseTask: TaskOptions = {
    config: options.config ?? {},
    ...(options.configFile ? { configFile: options.configFile } : {}),
    ...(options.kind ? { kind: options.kind } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
  };
  const pool = await startPool(options, bounds, baseTask);
  const life: Lifecycle = { state: 'ready' };
  // Requests that sent `Expect: 100-continue`, and those of them whose body was invited: a request answered
  // without inviting its body may never send it, so its connection is closed after the answer.
  const expectsContinue = new WeakSet<IncomingMessage>();
  const invited = new WeakSet<IncomingMessage>();
  const ctx = serviceContext(options, bounds, pool, baseTask, life, expectsContinue, invited);
  const app = createApp(bounds, expectsContinue);
  // Answers are written as they are (JSON.stringify): the response schemas document them, never trim them.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.decorateRequest('govcat', null as unknown as RequestState);
  await registerDocs(app);
  const sockets = trackSockets(app);
  installRequestState(app, ctx, sockets);
  // Then who may ask: Host, Origin, token; and the security headers of every answer.
  const allowedHosts = new Set<string>([
    ...LOOPBACK_HOSTS,
    ...(options.allowedHosts ?? []).map((h) => h.toLowerCase()),
  ]);
  await installGuard(app, {
    hosts: allowedHosts,
    origins: new Set(options.allowOrigins ?? []),
    ...(options.token !== undefined ? { token: options.token } : {}),
  });
  installAdmission(app, ctx, expectsContinue, invited);
  await installParsers(app, bounds.maxBody);
  registerValidate(app, ctx);
  registerCompile(app, ctx);
  registerDiff(app, ctx);
  registerInfo(app, ctx);
  registerPage(app);
  installErrorHandlers(app, ctx);
  return serviceHandle(app, pool, allowedHosts, sockets, life);
}

/** The handle of a running service: listen, close gracefully, destroy. */
function serviceHandle(
  app: App,
  pool: CatalogPool,
  allowedHosts: Set<string>,
  sockets: Map<Socket, number>,
  life: Lifecycle,
): GovcatService {
  let closing: Promise<void> | undefined;
  return {
    app,
    pool,
    async listen({ host = '127.0.0.1', port = 8080 } = {}) {
      const name = listenHostName(host);
      if (name !== undefined) allowedHosts.add(name);
      await app.listen({ host, port });
      const address = (app.server as Server).address();
      if (address === null || typeof address === 'string') return String(address);
      const h = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return `http://${h}:${address.port}`;
    },
    close() {
      closing ??= (async () => {
        life.state = 'draining';
        const stopped = app.close();
        for (const [socket, active] of sockets) if (active === 0) socket.destroy();
        await stopped;
        await pool.close();
        life.state = 'closed';
      })();
      return closing;
    },
    async destroy() {
      life.state = 'closed';
      app.server.closeAllConnections?.();
      await pool.destroy();
      await app.close();
    },
  };
}
