// The ingestion service's public surface: createService and its options (imported lazily by the CLI).
export {
  createService,
  DEFAULT_MAX_BODY,
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_SERVICE_WORKER_MEMORY_MB,
  type GovcatService,
  type LogRecord,
  type ServiceOptions,
} from './app.js';
