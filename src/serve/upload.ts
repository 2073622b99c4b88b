// Receiving an upload: its parameters and type checked before the body is read, the body invited
// (`Expect: 100-continue`) only then, read under a minimum rate, and a work place taken once it has arrived.
import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DIFF_FORMATS } from '../diff/format.js';
import { formatNames, getFormatter } from '../formatters/index.js';
import { joinList, translate } from '../i18n/index.js';
import { DEFAULT_PROFILE } from '../indicators/default-profile.js';
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
import { NO_PROFILE, type Route, routeParams } from './schemas.js';

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

/** 400 `service/bad-parameter` for a value outside what a parameter takes (cut to 80 characters unless `whole`). */
function badParameter(name: string, value: string, expected: string, whole = false): ServiceError {
  return new ServiceError(400, 'service/bad-parameter', 'service.badParameter', {
    name,
    value: whole ? value : value.slice(0, 80),
    expected,
  });
}

/** `use a、b、c` in the request's language: a list joined for the language, or the literal text given. */
function expectedValues(lang: TaskParams['lang'], values: readonly string[] | string): string {
  return translate(lang, 'service.expectedFormat', {
    values: typeof values === 'string' ? values : joinList(values, lang),
  });
}

/** Checks parameters and the upload's type before the body is read, so a refusal costs nothing. */
export function checkUpload(request: FastifyRequest, route: Route, ctx: ServiceContext): void {
  const s = request.govcat;
  const query = request.query as Record<string, unknown>;
  checkNames(query, route);
  if (s.langError !== undefined)
    throw badParameter('lang', s.langError, expectedValues(s.lang, 'zh、en'), true);
  const params: TaskParams = { format: reportFormat(query, route, s.lang), lang: s.lang };
  if (route === 'compile') params.compile = compileParams(query, s.lang);
  Object.assign(params, sessionParams(query, s.lang));
  const profile = single(query, 'profile', s.lang);
  if (route === 'diff') Object.assign(params, diffProfile(profile));
  else if (profile !== undefined) Object.assign(params, validateProfile(profile));
  const filename = single(query, 'filename', s.lang);
  if (filename !== undefined) {
    const safe = safeFileName(filename);
    if (!safe || safe !== filename)
      throw badParameter('filename', filename, translate(s.lang, 'service.expectedFileName'));
    params.filename = safe;
  }
  s.params = params;
  checkBodyType(request, route, params, ctx);
}

/** Refuses a parameter the route does not take, so a typo does not pass silently. */
function checkNames(query: Record<string, unknown>, route: Route): void {
  const allowed: readonly string[] = routeParams(route);
  for (const name of Object.keys(query)) {
    if (!allowed.includes(name)) {
      throw new ServiceError(400, 'service/unknown-parameter', 'service.unknownParameter', {
        name,
        names: allowed.join('、'),
      });
    }
  }
}

/** The answer's format: a report formatter (validate), a diff format (diff), JSON (compile). */
function reportFormat(query: Record<string, unknown>, route: Route, lang: TaskParams['lang']): string {
  if (route === 'compile') return 'json';
  const format = single(query, 'format', lang) ?? 'json';
  const known: readonly string[] = route === 'diff' ? DIFF_FORMATS : formatNames();
  if (route === 'diff' ? !known.includes(format) : !getFormatter(format))
    throw badParameter('format', format, expectedValues(lang, known), true);
  return format;
}

/** POST /v1/compile: output format, answer shape and code settings. */
function compileParams(query: Record<string, unknown>, lang: TaskParams['lang']): TaskParams['compile'] {
  const to = single(query, 'to', lang);
  if (to !== undefined && !(OUTPUT_FORMATS as readonly string[]).includes(to))
    throw badParameter('to', to, expectedValues(lang, OUTPUT_FORMATS));
  const response = single(query, 'response', lang) ?? 'catalog';
  if (response !== 'catalog' && response !== 'json')
    throw badParameter('response', response, expectedValues(lang, 'catalog、json'));
  const codes = single(query, 'codes', lang) ?? 'true';
  if (codes !== 'true' && codes !== 'false')
    throw badParameter('codes', codes, expectedValues(lang, 'true、false'));
  const width = single(query, 'sequenceWidth', lang);
  if (width !== undefined && !/^(?:[1-9]|1[0-2])$/.test(width))
    throw badParameter('sequenceWidth', width, expectedValues(lang, '1–12'));
  return {
    ...(to ? { to: to as OutputFormat } : {}),
    response,
    codes: codes === 'true',
    ...(width ? { sequenceWidth: Number(width) } : {}),
  };
}

/** `kind` and `today`, which every upload route takes. */
function sessionParams(query: Record<string, unknown>, lang: TaskParams['lang']): Partial<TaskParams> {
  const out: Partial<TaskParams> = {};
  const kind = single(query, 'kind', lang);
  if (kind !== undefined) {
    if (!isKindOption(kind))
      throw badParameter('kind', kind, expectedValues(lang, 'shared、open、auto'), true);
    out.kind = kind;
  }
  const today = single(query, 'today', lang);
  if (today !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today))
      throw badParameter('today', today, translate(lang, 'service.expectedDate'), true);
    out.today = today;
  }
  return out;
}

/** POST /v1/validate `?profile=`: a scoring profile (the report gains its score) or a rule preset. */
function validateProfile(profile: string): Partial<TaskParams> {
  const scoring = loadProfiles();
  if (scoring.has(profile)) return { scoringProfile: profile };
  if (extendableNames().includes(profile)) return { preset: profile };
  throw new ServiceError(400, 'service/unknown-profile', 'service.unknownProfile', {
    name: profile.slice(0, 80),
    available: [...scoring.keys(), ...extendableNames()].join('、'),
  });
}

/** POST /v1/diff `?profile=`: the scoring profile of the score before → after (default as `govcat diff`), or none. */
function diffProfile(profile: string | undefined): Partial<TaskParams> {
  const chosen = profile ?? DEFAULT_PROFILE;
  if (chosen === NO_PROFILE) return {};
  const scoring = loadProfiles();
  if (scoring.has(chosen)) return { scoringProfile: chosen };
  throw new ServiceError(400, 'service/unknown-profile', 'service.unknownProfile', {
    name: chosen.slice(0, 80),
    available: [...scoring.keys(), NO_PROFILE].join('、'),
  });
}

/**
 * The body's type: multipart is read later part by part; POST /v1/diff takes nothing else; a raw body's
 * format comes from its type or its name.
 */
function checkBodyType(request: FastifyRequest, route: Route, params: TaskParams, ctx: ServiceContext): void {
  const type = essence(request.headers['content-type']);
  if (type === 'multipart/form-data') return;
  const length = request.headers['content-length'];
  if (type === undefined && (length === undefined || length === '0'))
    throw new ServiceError(400, 'service/no-body', 'service.noBody');
  if (route === 'diff') {
    throw new ServiceError(415, 'service/unsupported-media-type', 'service.diffMultipart', {
      type: type ?? '(none)',
    });
  }
  if (type === undefined) {
    throw new ServiceError(415, 'service/unsupported-media-type', 'service.unsupportedMediaType', {
      type: '(none)',
      types: ctx.availableTypes(),
    });
  }
  const name =
    params.filename ?? safeFileName(dispositionFileName(request.headers['content-disposition'] as string));
  request.govcat.upload = uploadFormat(type, name, ctx);
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

/** One received file of an upload. */
export interface ReceivedFile {
  name: string;
  bytes: Uint8Array;
  format: InputFormat;
}

/** The multipart fields of POST /v1/diff. */
export const DIFF_FIELDS = ['old', 'new'] as const;

/**
 * The two files of POST /v1/diff: file parts named `old` and `new` (other fields are ignored), each once,
 * together at most --max-body.
 */
async function readDiffParts(
  request: FastifyRequest,
  ctx: ServiceContext,
): Promise<Record<'old' | 'new', ReceivedFile>> {
  const files: Partial<Record<'old' | 'new', ReceivedFile>> = {};
  const wrongField = (field: string) =>
    new ServiceError(400, 'service/diff-fields', 'service.diffFields', { field: field.slice(0, 80) });
  let total = 0;
  try {
    for await (const part of request.parts({ limits: { files: DIFF_FIELDS.length } })) {
      if (part.type !== 'file') continue;
      const field = part.fieldname as 'old' | 'new';
      if (!DIFF_FIELDS.includes(field) || files[field]) throw wrongField(part.fieldname);
      const name = safeFileName(part.filename);
      const type = essence(part.mimetype) ?? 'application/octet-stream';
      const chosen = uploadFormat(UPLOAD_MEDIA_TYPES[type] ? type : 'application/octet-stream', name, ctx);
      const bytes = await part.toBuffer();
      total += bytes.byteLength;
      if (total > ctx.maxBody)
        throw new ServiceError(413, 'service/body-too-large', 'service.bodyTooLarge', { limit: ctx.maxBody });
      files[field] = { name: chosen.name, bytes, format: chosen.format };
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_FILES_LIMIT')
      throw new ServiceError(400, 'service/diff-fields', 'service.diffTooManyFiles');
    throw err;
  }
  for (const field of DIFF_FIELDS) {
    if (!files[field]) throw new ServiceError(400, 'service/missing-file', 'service.missingFile', { field });
  }
  return files as Record<'old' | 'new', ReceivedFile>;
}

/**
 * The two versions of a POST /v1/diff once they have fully arrived (slow uploads are cut here), then the
 * request gives up its receiving place.
 */
export async function receiveDiff(
  request: FastifyRequest,
  ctx: ServiceContext,
): Promise<Record<'old' | 'new', ReceivedFile>> {
  const s = request.govcat;
  const reading = readDiffParts(request, ctx);
  reading.catch(() => {});
  try {
    return await (s.watch ? Promise.race([reading, s.watch.slow]) : reading);
  } finally {
    s.watch?.stop();
    ctx.slots.doneReceiving(s);
  }
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
