// POST /v1/validate: one catalog file in, the report in the requested format out.
import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../context.js';
import { runInPool, sendRendered } from '../run.js';
import { uploadBody, validateSchema } from '../schemas.js';
import { admit, beginUpload, receiveUpload } from '../upload.js';

export function registerValidate(app: FastifyInstance, ctx: ServiceContext): void {
  app.post('/v1/validate', {
    schema: validateSchema(),
    config: { swaggerTransform: ({ schema, url }) => ({ schema: { ...schema, body: uploadBody() }, url }) },
    preParsing: async (request, reply, payload) =>
      beginUpload(request, reply, payload, 'validate', ctx, () => ctx.inviteBody(request, reply)),
    handler: async (request, reply) => {
      const { upload } = await receiveUpload(request, ctx);
      admit(ctx, request.govcat);
      // The report is rendered in the worker: a large one would otherwise be serialized on the event loop.
      const format = request.govcat.params!.format;
      const result = await runInPool(ctx, request, reply, upload, (source, options, run) =>
        ctx.pool.render(source, options, { format }, run),
      );
      return sendRendered(request, reply, result);
    },
  });
}
