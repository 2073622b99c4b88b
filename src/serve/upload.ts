// Receiving an upload: its parameters and type checked before the body is read, the body invited
// (`Expect: 100-continue`) only then, read under a minimum rate, and a work place taken once it has arrived.
import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { formatNames, getFormatter } from '../formatters/index.js';
import { joinList, translate } from '../i18n/index.js';
import { loadProfiles } from '../indicators/index.js';
import { formatFromName, readerFormats } from '../io/readers/index.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../io/writers/index.js';
import type { InputFormat } from '../model/types.js';
import { extendableNames } from '../rules/settings.js';
import { isKindOption } from '../session.js';
import type { RequestState, ServiceContext, TaskParams } from './context.js';
import { ServiceError } from './errors.js';
import {
  dispositionFileName,
  essence,
  GENERIC_MEDIA_TYPES,
  safeFileName,
  UPLOAD_MEDIA_TYPES,
} from './media-types.js';
import { type Route, routeParams } from './schemas.js';

function single(query: Record<string, unknown>, name: string, lang: TaskParams['lang']): string | undefined {
  const v = query[name];
  if (v === undefined) return undefined;
  if (typeof v === 'string') return v;
  throw new ServiceError(400, 'service/bad-parameter', 'service.badParameter', {
    name,
    value: String(v),
    expected: translate(lang, 'service.expectedOne'),
  });
}

/** 503 with Retry-After: every place is taken. */
export function saturated(ctx: ServiceContext, s: RequestState): ServiceError {
  s.outcome = 'saturated';
  return new ServiceError(
    503,
    'service/saturated',
    'service.saturated',
    { inflight: ctx.slots.inflight, limit: ctx.slots.admissionLimit },
    { 'retry-after': '1' },
  );
}

/**
 * Watches an upload's progress on its socket (no bytes are consumed): once the grace period is over, the
 * bytes received must keep up with `minRate` per second since then, or `onSlow` is called once.
 */
function watchUpload(
  request: FastifyRequest,
  minRate: number,
  graceMs: number,
  onSlow: (received: number, seconds: number) => void,
): () => void {
  const socket = request.raw.socket;
  const baseline = socket.bytesRead;
  const start = performance.now();
  const timer = setInterval(
    () => {
      if (request.raw.complete || socket.destroyed) return stop();
      const elapsed = performance.now() - start;
      if (elapsed <= graceMs) return;
      const received = socket.bytesRead - baseline;
      if (received < (minRate * (elapsed - graceMs)) / 1000) {
        stop();
        onSlow(received, Math.round(elapsed / 100) / 10);
      }
    },
    Math.max(25, Math.min(1_000, Math.floor(graceMs / 4))),
  );
  timer.unref();
  function stop() {
    clearInterval(timer);
  }
  return stop;
}

/**
 * Starts watching the body of an upload request as soon as its headers arrive, whether it will be read or
 * refused: a body that falls below the minimum rate is cut — answered 408 when it was being read (`cut`,
 * set by beginUpload), else its connection is closed, since a refused body that Node drains would otherwise
 * hold the connection until the request timeout.
 */
export function watchBody(request: FastifyRequest, reply: FastifyReply, ctx: ServiceContext): void {
  const s = request.govcat;
  let rejectSlow: (err: Error) => void = () => {};
  const slow = new Promise<never>((_, reject) => {
    rejectSlow = reject;
  });
  slow.catch(() => {});
  const watch: NonNullable<RequestState['watch']> = {
    slow,
    stop: watchUpload(request, ctx.minUploadRate, ctx.uploadGraceMs, (received, seconds) => {
      s.outcome ??= 'too-slow';
      if (watch.cut && !reply.sent) watch.cut(received, seconds, rejectSlow);
      else request.raw.socket.destroy();
    }),
  };
  s.watch = watch;
}

/**
 * The preParsing step of an upload route: checks parameters and type, refuses what is too large by its
 * Content-Length, invites the body, and arranges how a slow body is cut. Returns the stream fastify parses.
 */
export function beginUpload(
  request: FastifyRequest,
  _reply: FastifyReply,
  payload: NodeJS.ReadableStream,
  route: Route,
  ctx: ServiceContext,
  invite: () => void,
): NodeJS.ReadableStream {
  const s = request.govcat;
  checkUpload(request, route, ctx);
  const length = Number(request.headers['content-length']);
  if (length > ctx.maxBody) {
    throw new ServiceError(413, 'service/body-too-large', 'service.bodyTooLarge', { limit: ctx.maxBody });
  }
  invite();
  const tooSlow = (received: number, seconds: number) =>
    new ServiceError(408, 'service/upload-too-slow', 'service.uploadTooSlow', {
      received,
      seconds,
      rate: ctx.minUploadRate,
    });
  const watch = s.watch;
  if (!watch) return payload;
  if (essence(request.headers['content-type']) === 'multipart/form-data') {
    // The multipart plugin reads the request itself: the handler races its reading against `slow`.
    watch.cut = (received, seconds, reject) => reject(tooSlow(received, seconds));
    return payload;
  }
  // A raw body is read by fastify's parser from the stream returned here: failing it answers 408.
  const through = new PassThrough();
  payload.on('error', (err: Error) => through.destroy(err));
  payload.pipe(through);
  watch.cut = (received, seconds) => {
    payload.unpipe(through);
    through.destroy(tooSlow(received, seconds));
  };
  return through;
}

/**
 * The upload of a request once it has fully arrived, then a work place for it (503 when every place is
 * taken meanwhile). Slow multipart uploads are cut here.
 */
export async function receiveUpload(
  request: FastifyRequest,
  ctx: ServiceContext,
  withLock = false,
): Promise<{ upload: { name: string; bytes: Uint8Array; format: InputFormat }; lock?: string }> {
  const s = request.govcat;
  const reading = readUpload(request, ctx, withLock);
  reading.catch(() => {});
  try {
    return await (s.watch ? Promise.race([reading, s.watch.slow]) : reading);
  } finally {
    s.watch?.stop();
    ctx.slots.doneReceiving(s);
  }
}

/** Takes a work place for a received upload, or throws 503. */
export function admit(ctx: ServiceContext, s: RequestState): void {
  if (ctx.state() !== 'ready') throw new ServiceError(503, 'service/shutting-down', 'service.shuttingDown');
  if (!ctx.slots.admit(s)) throw saturated(ctx, s);
}

/** Checks parameters and the upload's type before the body is read, so a refusal costs nothing. */
export function checkUpload(request: FastifyRequest, route: Route, ctx: ServiceContext): void {
  const s = request.govcat;
  const query = request.query as Record<string, unknown>;
  const allowed: readonly string[] = routeParams(route);
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
    if (!isKindOption(kind)) {
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
      types: ctx.availableTypes(),
    });
  }
  const name =
    params.filename ?? safeFileName(dispositionFileName(request.headers['content-disposition'] as string));
  s.upload = uploadFormat(type, name, ctx);
}

export function uploadFormat(
  type: string,
  name: string | undefined,
  ctx: ServiceContext,
): { name: string; format: InputFormat } {
  const formats = new Set(readerFormats());
  let format: InputFormat | undefined = UPLOAD_MEDIA_TYPES[type];
  if (format === undefined && (GENERIC_MEDIA_TYPES.includes(type) || type === '')) {
    format = name ? formatFromName(name) : undefined;
    if (!format || !formats.has(format)) {
      throw new ServiceError(415, 'service/unsupported-media-type', 'service.unsupportedFile', {
        file: name ?? '(none)',
        extensions: ctx.supportedExtensions(),
      });
    }
    return { name: name!, format };
  }
  if (format === undefined || !formats.has(format)) {
    throw new ServiceError(415, 'service/unsupported-media-type', 'service.unsupportedMediaType', {
      type,
      types: ctx.availableTypes(),
    });
  }
  // A name without the right extension still reads as the declared type; keep it for messages.
  return { name: name ?? `upload.${format}`, format };
}

/** The one file of a multipart request, and its `lock` field (govcat.lock.json) when `withLock`. */
async function readMultipart(
  request: FastifyRequest,
  ctx: ServiceContext,
  withLock = false,
): Promise<{ upload: { name: string; bytes: Buffer; format: InputFormat }; lock?: string }> {
  const s = request.govcat;
  let upload: { name: string; bytes: Buffer; format: InputFormat } | undefined;
  let lock: string | undefined;
  // A lock of many thousand codes is bigger than the form fields the plugin allows by default.
  const limits = withLock ? { fieldSize: ctx.maxBody } : {};
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
      const chosen = uploadFormat(known, name, ctx);
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
export async function readUpload(
  request: FastifyRequest,
  ctx: ServiceContext,
  withLock = false,
): Promise<{ upload: { name: string; bytes: Uint8Array; format: InputFormat }; lock?: string }> {
  if (request.isMultipart()) return readMultipart(request, ctx, withLock);
  const s = request.govcat;
  return {
    upload: {
      name: s.upload!.name,
      bytes: (request.body as Buffer | undefined) ?? Buffer.alloc(0),
      format: s.upload!.format,
    },
  };
}
