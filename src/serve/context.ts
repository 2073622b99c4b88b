// What the routes of the service share: resolved options, the worker pool, the upload slots, per-request state.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GovcatConfig } from '../generated/schema-types.js';
import type { Lang } from '../i18n/index.js';
import type { OutputFormat } from '../io/writers/index.js';
import type { CatalogKind, InputFormat } from '../model/types.js';
import type { CatalogPool, TaskOptions } from '../workers/pool.js';
import type { LogRecord } from './options.js';

/** Parameters of one request, checked before its body is read. */
export interface TaskParams {
  format: string;
  lang: Lang;
  kind?: CatalogKind | 'auto';
  /** A rule preset (govcat:strict …) to extend the configuration with. */
  preset?: string;
  /** A bundled scoring profile id. */
  scoringProfile?: string;
  /** POST /v1/compile: output format, answer shape, code settings. */
  compile?: { to?: OutputFormat; response: 'catalog' | 'json'; codes: boolean; sequenceWidth?: number };
  today?: string;
  filename?: string;
}

/** State of one request, for its log record and its slots. */
export interface RequestState {
  start: number;
  lang: Lang;
  langError?: string;
  /** Holds one of the `maxUploads` receiving places. */
  receiving: boolean;
  /** Holds one of the `concurrency + queue` places (taken once the body has arrived). */
  admitted: boolean;
  params?: TaskParams;
  upload?: { name: string; format: InputFormat };
  /** Stops watching the upload's rate; rejects `slow` when the client sends too slowly. */
  watch?: { stop: () => void; slow: Promise<never> };
  size?: number;
  entries?: number;
  errors?: number;
  warnings?: number;
  inputFormat?: string;
  outcome?: string;
  errorCode?: string;
  waitMs?: number;
  runMs?: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    govcat: RequestState;
  }
}

/**
 * Places of the service. An upload takes a receiving place when its headers arrive (bounded by `maxUploads`,
 * and by the minimum upload rate in time), and a place among `concurrency + queue` only once its body has
 * fully arrived: slow senders cannot hold the places of the work.
 */
export class Slots {
  receiving = 0;
  inflight = 0;
  constructor(
    readonly admissionLimit: number,
    readonly maxUploads: number,
  ) {}

  /** Whether a new upload would be refused now (work places or receiving places all taken). */
  full(): boolean {
    return this.inflight >= this.admissionLimit || this.receiving >= this.maxUploads;
  }
  startReceiving(s: RequestState): void {
    this.receiving++;
    s.receiving = true;
  }
  doneReceiving(s: RequestState): void {
    if (s.receiving) this.receiving--;
    s.receiving = false;
  }
  /** Takes a work place; false when all are taken. */
  admit(s: RequestState): boolean {
    if (this.inflight >= this.admissionLimit) return false;
    this.inflight++;
    s.admitted = true;
    return true;
  }
  release(s: RequestState): void {
    this.doneReceiving(s);
    if (s.admitted) this.inflight--;
    s.admitted = false;
  }
}

/** Everything a route module needs. */
export interface ServiceContext {
  readonly pool: CatalogPool;
  readonly slots: Slots;
  readonly maxBody: number;
  readonly minUploadRate: number;
  readonly uploadGraceMs: number;
  readonly defaultLang: Lang;
  readonly baseConfig: GovcatConfig;
  readonly baseTask: TaskOptions;
  readonly startedAt: number;
  readonly log: (record: LogRecord) => void;
  state(): 'ready' | 'draining' | 'closed';
  /** Sends `100 Continue` to a client that waits for it: called once the body will be read. */
  inviteBody(request: FastifyRequest, reply: FastifyReply): void;
  /** Upload media types the installed readers accept, for messages. */
  availableTypes(): string;
  /** File extensions the installed readers accept, for messages. */
  supportedExtensions(): string;
}
