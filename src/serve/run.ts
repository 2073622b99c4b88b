// Running an upload in the worker pool and answering with its result: shared by the upload routes.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FileReport, GovcatConfig } from '../generated/schema-types.js';
import type { InputFormat } from '../model/types.js';
import {
  type PoolDiffResult,
  type PoolRenderResult,
  PoolSaturatedError,
  type RunOptions,
  type TaskOptions,
  type TaskSource,
} from '../workers/pool.js';
import type { ServiceContext, TaskParams } from './context.js';
import { ServiceError } from './errors.js';
import { REPORT_CSP } from './guard.js';
import { outputMediaType } from './media-types.js';
import { saturated } from './upload.js';

function taskOptions(ctx: ServiceContext, params: TaskParams): TaskOptions {
  const config: GovcatConfig = params.preset
    ? {
        ...ctx.baseConfig,
        extends: [
          ...(ctx.baseConfig.extends === undefined
            ? []
            : Array.isArray(ctx.baseConfig.extends)
              ? ctx.baseConfig.extends
              : [ctx.baseConfig.extends]),
          params.preset,
        ],
      }
    : ctx.baseConfig;
  return {
    ...ctx.baseTask,
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
export async function runInPool<R extends { waitMs: number; startedAt: number; finishedAt: number }>(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
  upload: { name: string; bytes: Uint8Array; format: InputFormat | undefined },
  submit: (source: TaskSource, options: TaskOptions, run: RunOptions) => Promise<R>,
): Promise<R> {
  const s = request.govcat;
  s.size = upload.bytes.byteLength;
  if (upload.format) s.inputFormat = upload.format;
  const source = {
    name: upload.name,
    bytes: upload.bytes,
    ...(upload.format ? { format: upload.format } : {}),
  };
  return runTask(ctx, request, reply, (options, run) => submit(source, options, run));
}

/**
 * Runs one task of a request in the pool with the request's options: dropped from the queue when the client
 * goes away while it waits, 503 when the pool is saturated; records the wait and run times for the log.
 */
export async function runTask<R extends { waitMs: number; startedAt: number; finishedAt: number }>(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
  submit: (options: TaskOptions, run: RunOptions) => Promise<R>,
): Promise<R> {
  const s = request.govcat;
  const controller = new AbortController();
  let started = false;
  const onClose = () => {
    if (!reply.raw.writableFinished && !started) controller.abort();
  };
  reply.raw.once('close', onClose);
  try {
    const result = await submit(taskOptions(ctx, s.params!), {
      signal: controller.signal,
      onStart: () => {
        started = true;
      },
    });
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
      throw saturated(ctx, s);
    }
    throw err;
  } finally {
    reply.raw.off('close', onClose);
  }
}

/** 400 (415 for an unsupported format) with the file's error object, as the CLI reports it. */
export function sendUnreadable(
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

/**
 * 200 with the diff rendered in the request's format and the errors of the new version in headers; an
 * unreadable version answers as an unreadable upload does, its field (`old`, `new`) in `error.data.field`.
 */
export function sendDiff(request: FastifyRequest, reply: FastifyReply, result: PoolDiffResult) {
  const s = request.govcat;
  if (result.error) {
    const data = { ...(result.error.data ?? {}), ...(result.side ? { field: result.side } : {}) };
    return sendUnreadable(request, reply, { ...result.error, data });
  }
  s.entries = result.entries.new;
  s.errors = result.counts.error;
  s.warnings = result.counts.warning;
  s.outcome = result.counts.error > 0 ? 'invalid' : 'valid';
  const format = s.params!.format;
  if (format === 'html') reply.header('content-security-policy', REPORT_CSP);
  return reply
    .code(200)
    .header('content-type', outputMediaType(format))
    .header('x-govcat-new-errors', String(result.newErrors))
    .header('x-govcat-errors', String(result.counts.error))
    .send(result.rendered);
}

/** 200 with the report rendered in the request's format (an HTML report gets its own policy). */
export function sendRendered(request: FastifyRequest, reply: FastifyReply, result: PoolRenderResult) {
  const s = request.govcat;
  if (result.error) return sendUnreadable(request, reply, result.error);
  s.entries = result.entries;
  s.errors = result.counts.error;
  s.warnings = result.counts.warning;
  s.outcome = result.counts.error > 0 ? 'invalid' : 'valid';
  if (s.params!.format === 'html') reply.header('content-security-policy', REPORT_CSP);
  return reply.code(200).header('content-type', outputMediaType(s.params!.format)).send(result.rendered);
}
