// The error contract of the service: every refusal is `{ error: { code, message, data? } }` in the request's
// language — route errors, fastify's own errors, unknown routes and methods, bad URLs and malformed requests.
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Lang, translate, translateId } from '../i18n/index.js';
import type { ServiceContext } from './context.js';
import { RAW_SECURITY_HEADERS } from './headers.js';
import { essence } from './media-types.js';

/** A request that the service refuses, with its status and a message id. */
export class ServiceError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageId: string,
    readonly data: Record<string, string | number> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(messageId);
  }
  /** fastify reads the status of errors raised inside body parsing from here. */
  get statusCode(): number {
    return this.status;
  }
}

/** The body of every non-200 answer. */
export function errorBody(code: string, message: string, data?: Record<string, unknown>) {
  return { error: data && Object.keys(data).length > 0 ? { code, message, data } : { code, message } };
}

/** The endpoints, for 404 and 405 answers. */
const ENDPOINTS =
  'POST /v1/validate、POST /v1/compile、POST /v1/diff、GET /v1/rules、GET /v1/formats、GET /openapi.json、GET /healthz';

/** Answers fastify's router errors (a path that is not valid percent-encoding …) in the contract. */
export function frameworkErrorHandler(defaultLang: Lang) {
  return (err: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    const lang = request.govcat?.lang ?? defaultLang;
    const bad = err.code === 'FST_ERR_BAD_URL';
    reply
      .code(400)
      .headers(RAW_SECURITY_HEADERS)
      .send(
        errorBody(
          bad ? 'service/bad-url' : 'service/bad-request',
          bad
            ? translate(lang, 'service.badUrl')
            : translate(lang, 'service.badRequest', { reason: err.message }),
        ),
      );
  };
}

/**
 * Answers requests Node's HTTP parser refuses (`Content-Length: abc`, oversized headers) or times out, before
 * any route runs: written straight to the socket, in the contract, then the connection is closed.
 */
export function clientErrorHandler(defaultLang: Lang) {
  return (err: NodeJS.ErrnoException & { code?: string }, socket: Socket): void => {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    let status = 400;
    let code = 'service/bad-request';
    let message: string;
    if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      status = 408;
      code = 'service/request-timeout';
      message = translate(defaultLang, 'service.requestTimeout');
    } else if (err.code === 'HPE_HEADER_OVERFLOW') {
      status = 431;
      code = 'service/headers-too-large';
      message = translate(defaultLang, 'service.headersTooLarge');
    } else {
      message = translate(defaultLang, 'service.malformedRequest', { reason: err.code ?? 'HPE' });
    }
    // A response already under way cannot be replaced; Node's own rule.
    const inProgress = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (socket.writable && !inProgress?.headersSent) {
      const body = JSON.stringify(errorBody(code, message));
      const headers = Object.entries({
        ...RAW_SECURITY_HEADERS,
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(Buffer.byteLength(body)),
        connection: 'close',
      })
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('');
      socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${headers}\r\n${body}`);
    }
    socket.destroy();
  };
}

/** Sets the error handler and the 404 / 405 handler on the app. */
export function installErrorHandlers(app: FastifyInstance, ctx: ServiceContext): void {
  app.setNotFoundHandler((request, reply) => notFound(app, ctx, request, reply));
  app.setErrorHandler((err: FastifyError | ServiceError, request, reply) => {
    const s = request.govcat;
    const lang = s?.lang ?? ctx.defaultLang;
    const answer =
      err instanceof ServiceError
        ? serviceAnswer(err, lang, reply)
        : frameworkAnswer(err, request, reply, ctx, lang);
    if (s) {
      s.errorCode = answer.code;
      if (answer.status === 503) s.outcome ??= 'saturated';
    }
    // The rest of a body that was not read would be taken for the next request: close instead.
    if (answer.status === 408) reply.header('connection', 'close');
    reply.code(answer.status).send(errorBody(answer.code, answer.message, answer.data));
  });
}

/** A refusal as the contract writes it. */
interface Answer {
  status: number;
  code: string;
  message: string;
  data?: Record<string, string | number>;
}

/** 405 when the path exists with another method (`Allow` says which), else 404 naming the endpoints. */
function notFound(
  app: FastifyInstance,
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const lang = request.govcat?.lang ?? ctx.defaultLang;
  const path = request.url.split('?', 1)[0]!;
  const allowed = ['GET', 'POST'].filter(
    (method) => method !== request.method && app.hasRoute({ method, url: path }),
  );
  if (allowed.length > 0) {
    reply
      .code(405)
      .header('allow', allowed.join(', '))
      .send(
        errorBody(
          'service/method-not-allowed',
          translate(lang, 'service.methodNotAllowed', {
            method: request.method,
            path,
            allowed: allowed.join(', '),
          }),
        ),
      );
    return;
  }
  reply
    .code(404)
    .send(
      errorBody(
        'service/not-found',
        translate(lang, 'service.notFound', { method: request.method, path, endpoints: ENDPOINTS }),
      ),
    );
}

/** A route's own refusal: its status, code, message in the request's language, data and headers. */
function serviceAnswer(err: ServiceError, lang: Lang, reply: FastifyReply): Answer {
  for (const [k, v] of Object.entries(err.headers)) reply.header(k, v);
  return {
    status: err.status,
    code: err.code,
    message: translateId(lang, err.messageId, err.data),
    data: err.data,
  };
}

/** fastify's own errors in the contract: 413 and 415 by their codes, other 4xx as 400, the rest 500 (logged). */
function frameworkAnswer(
  err: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: ServiceContext,
  lang: Lang,
): Answer {
  const fc = err.code;
  const sc = err.statusCode;
  if (fc === 'FST_ERR_CTP_BODY_TOO_LARGE' || fc === 'FST_REQ_FILE_TOO_LARGE') {
    // fastify closes the connection here; the framing is intact, so let Node drain the rest of the
    // upload instead (bounded by the request timeout) and the client reads the 413 instead of EPIPE.
    reply.removeHeader('connection');
    const data = { limit: ctx.maxBody };
    return {
      status: 413,
      code: 'service/body-too-large',
      data,
      message: translate(lang, 'service.bodyTooLarge', data),
    };
  }
  if (fc === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    const data = { type: essence(request.headers['content-type']) ?? '(none)', types: ctx.availableTypes() };
    return {
      status: 415,
      code: 'service/unsupported-media-type',
      data,
      message: translate(lang, 'service.unsupportedMediaType', data),
    };
  }
  if (typeof sc === 'number' && sc >= 400 && sc < 500) {
    return {
      status: sc === 413 ? 413 : 400,
      code: 'service/bad-request',
      message: translate(lang, 'service.badRequest', { reason: err.message }),
    };
  }
  ctx.log({
    time: new Date().toISOString(),
    level: 'error',
    event: 'internal-error',
    id: request.id,
    error: err.message,
    stack: err.stack,
  });
  return {
    status: 500,
    code: 'service/internal',
    message: translate(lang, 'service.internal', { id: request.id }),
  };
}
