// GET /v1/rules, GET /v1/formats, GET /healthz and GET /openapi.json: what the service offers and how it is.
import type { FastifyInstance } from 'fastify';
import { formatNames } from '../../formatters/index.js';
import { formatFromName, readerFormats, SUPPORTED_EXTENSIONS } from '../../io/readers/index.js';
import { ruleRows } from '../../rules/list.js';
import { govcatVersion } from '../../version.js';
import type { ServiceContext } from '../context.js';
import { mediaTypesByFormat } from '../media-types.js';
import { FORMATS_SCHEMA, HEALTH_SCHEMA, RULES_SCHEMA } from '../schemas.js';

export function registerInfo(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/healthz', { schema: HEALTH_SCHEMA }, async (_request, reply) => {
    const memory = process.memoryUsage();
    const ready = ctx.state() === 'ready';
    return reply.code(ready ? 200 : 503).send({
      status: ready ? 'ok' : ctx.state(),
      version: govcatVersion(),
      uptimeSeconds: Math.round((Date.now() - ctx.startedAt) / 1000),
      inflight: ctx.slots.inflight,
      limit: ctx.slots.admissionLimit,
      receiving: ctx.slots.receiving,
      maxUploads: ctx.slots.maxUploads,
      workers: ctx.pool.stats(),
      memory: { rss: memory.rss, heapUsed: memory.heapUsed },
    });
  });

  app.get('/v1/rules', { schema: RULES_SCHEMA }, async () => ruleRows());

  app.get('/v1/formats', { schema: FORMATS_SCHEMA }, async () => {
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

  // The description of this API, generated from the route schemas by @fastify/swagger.
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
