// Options, defaults and the public types of the ingestion service.
import type { FastifyInstance } from 'fastify';
import type { GovcatConfig, Limits } from '../generated/schema-types.js';
import type { Lang } from '../i18n/index.js';
import type { CatalogKind } from '../model/types.js';
import type { CatalogPool } from '../workers/pool.js';

/** Default largest upload: 50 MiB. */
export const DEFAULT_MAX_BODY = 50 * 1024 * 1024;
/** Default time to receive one request, upload included. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
/** Default heap cap of each worker of the service, in MiB. */
export const DEFAULT_SERVICE_WORKER_MEMORY_MB = 1024;
/** Default slowest upload, in bytes per second averaged since the end of the grace period: 16 KiB/s. */
export const DEFAULT_MIN_UPLOAD_RATE = 16 * 1024;
/** Default time an upload may take before its rate is checked. */
export const DEFAULT_UPLOAD_GRACE_MS = 5_000;

/** One structured log record: a request, or a service event (listening, shutdown, closed). */
export interface LogRecord {
  time: string;
  level: 'info' | 'warn' | 'error';
  event: string;
  [field: string]: unknown;
}

/** Options of the service. Every bound has a documented default. */
export interface ServiceOptions {
  /** Largest upload in bytes (default 50 MiB); larger → 413. */
  maxBody?: number;
  /** Files validated at once = worker threads (default: available parallelism). */
  concurrency?: number;
  /** Received uploads that may wait for a worker (default 2 × concurrency); beyond → 503. */
  queue?: number;
  /** Uploads being received at once (default 4 × (concurrency + queue)); beyond → 503. */
  maxUploads?: number;
  /** Slowest accepted upload in bytes/s, averaged after the grace period (default 16 KiB/s); slower → 408. */
  minUploadRate?: number;
  /** Time an upload may take before its rate is checked, in ms (default 5000). */
  uploadGraceMs?: number;
  /** Time to receive one request including its body, in ms (default 60000); slower → 408. */
  requestTimeoutMs?: number;
  /** Heap cap of each worker in MiB (default 1024). */
  maxWorkerMemoryMb?: number;
  /** A bearer token every request except GET /healthz must carry (`Authorization: Bearer <token>`). */
  token?: string;
  /** Host names accepted in the Host header besides the loopback names and the listening host (`*`: any). */
  allowedHosts?: readonly string[];
  /** Origins (`https://portal.example`) whose browser pages may POST (`*`: any); default none. */
  allowOrigins?: readonly string[];
  /** Language of responses that name none (`?lang=` or Accept-Language); default zh. */
  lang?: Lang;
  /** Catalog kind when a request names none (default auto). */
  kind?: CatalogKind | 'auto';
  /** The configuration applied to every request (rules, vocabularies, limits …). */
  config?: GovcatConfig;
  /** Name of the configuration's file, for messages. */
  configFile?: string;
  /** Reader limits over the configuration's (`limits.timeoutMs` is the per-file time cap). */
  limits?: Limits;
  /** Receives one record per request (and service events); default: discard. */
  log?: (record: LogRecord) => void;
  /** Worker module override (tests). */
  workerFile?: string;
}

/** A running (or ready to run) service. */
export interface GovcatService {
  readonly app: FastifyInstance;
  readonly pool: CatalogPool;
  /** Listens (host defaults to 127.0.0.1, port to 8080; 0 picks a free port). Returns the base URL. */
  listen(options?: { host?: string; port?: number }): Promise<string>;
  /** Stops accepting, lets requests in progress finish, then stops the workers. */
  close(): Promise<void>;
  /** Stops everything now (after close() took too long). */
  destroy(): Promise<void>;
}
