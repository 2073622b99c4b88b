// POST /v1/compile: one catalog file (and its lock) in, the compiled catalog out — as `govcat compile`.
import type { FastifyInstance } from 'fastify';
import { LOCK_FILE_NAME, parseLock } from '../../codegen/lock.js';
import { ConfigError } from '../../errors.js';
import type { CodeLock } from '../../generated/schema-types.js';
import type { ServiceContext } from '../context.js';
import { errorBody } from '../errors.js';
import { catalogMediaType, renameFor } from '../media-types.js';
import { runInPool, sendUnreadable } from '../run.js';
import { compileSchema, uploadBody } from '../schemas.js';
import { admit, beginUpload, receiveUpload } from '../upload.js';

export function registerCompile(app: FastifyInstance, ctx: ServiceContext): void {
  app.post('/v1/compile', {
    schema: compileSchema(),
    config: { swaggerTransform: ({ schema, url }) => ({ schema: { ...schema, body: uploadBody() }, url }) },
    preParsing: async (request, reply, payload) =>
      beginUpload(request, reply, payload, 'compile', ctx, () => ctx.inviteBody(request, reply)),
    handler: async (request, reply) => {
      const s = request.govcat;
      const c = s.params!.compile!;
      const { upload, lock: lockText } = await receiveUpload(request, ctx, true);
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
      admit(ctx, s);
      const format = c.to ?? upload.format;
      const outputName = renameFor(upload.name, format);
      const result = await runInPool(ctx, request, reply, upload, (source, options, run) =>
        ctx.pool.compile(
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
}
