// The `govcat/serve` entry: the ingestion service (imported lazily by the CLI). Importing it installs the Node data
// source unless one is installed (seeds/ and schemas/ are read on first use).
/**
 * @example
 * ```ts
 * import { createService } from 'govcat/serve';
 *
 * const service = await createService({ concurrency: 2, maxBody: 50 * 1024 * 1024, log: (r) => console.log(JSON.stringify(r)) });
 * const url = await service.listen({ host: '127.0.0.1', port: 8080 });
 * process.once('SIGTERM', () => service.close());
 * ```
 * @packageDocumentation
 */
import { useNodeData } from '../data/node.js';
import { hasDataSource } from '../data/source.js';

if (!hasDataSource()) useNodeData();

export { createService } from './app.js';
export {
  DEFAULT_MAX_BODY,
  DEFAULT_MIN_UPLOAD_RATE,
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_SERVICE_WORKER_MEMORY_MB,
  DEFAULT_UPLOAD_GRACE_MS,
  type GovcatService,
  type LogRecord,
  type ServiceOptions,
} from './options.js';
