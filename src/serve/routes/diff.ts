// POST /v1/diff: two versions of a catalog in one multipart request (fields `old` and `new`), the diff out —
// as `govcat diff`.
import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../context.js';
import { runTask, sendDiff } from '../run.js';
import { diffBody, diffSchema } from '../schemas.js';
import { admit, beginUpload, receiveDiff } from '../upload.js';

export function registerDiff(app: FastifyInstance, ctx: ServiceContext): void {
  app.post('/v1/diff', {
    schema: diffSchema(),
    config: { swaggerTransform: ({ schema, url }) => ({ schema: { ...schema, body: diffBody() }, url }) },
    preParsing: async (request, reply, payload) =>
      beginUpload(request, reply, payload, 'diff', ctx, () => ctx.inviteBody(request, reply)),
    handler: async (request, reply) => {
      const files = await receiveDiff(request, ctx);
      const s = request.govcat;
      s.size = files.old.bytes.byteLength + files.new.bytes.byteLength;
      s.inputFormat = files.new.format;
      admit(ctx, s);
      // Both versions are read, validated and diffed in one worker, and the diff is rendered there.
      const result = await runTask(ctx, request, reply, (options, run) =>
        ctx.pool.diff(files.old, files.new, options, { format: s.params!.format }, run),
      );
      return sendDiff(request, reply, result);
    },
  });
}
