// Starts the ingestion service on an ephemeral loopback port for a test, capturing its log records.
import {
  createService,
  type GovcatService,
  type LogRecord,
  type ServiceOptions,
} from '../../src/serve/index.js';

/** A service under test. */
export interface TestService {
  service: GovcatService;
  url: string;
  logs: LogRecord[];
  /** POSTs a body to /v1/validate (query appended) and returns status, headers and text. */
  validate(body: BodyInit | undefined, contentType?: string, query?: string): Promise<HttpResult>;
  get(path: string): Promise<HttpResult>;
  close(): Promise<void>;
}

export interface HttpResult {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the service answered
  json: () => any;
}

async function result(response: Response): Promise<HttpResult> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

/** Starts a service (one worker unless told otherwise) on 127.0.0.1 and an ephemeral port. */
export async function startService(options: ServiceOptions = {}): Promise<TestService> {
  const logs: LogRecord[] = [];
  const service = await createService({ concurrency: 1, ...options, log: (r) => logs.push(r) });
  const url = await service.listen({ port: 0 });
  return {
    service,
    url,
    logs,
    async validate(body, contentType, query = '') {
      const headers: Record<string, string> = {};
      if (contentType) headers['content-type'] = contentType;
      return result(
        await fetch(`${url}/v1/validate${query}`, { method: 'POST', headers, body: body ?? null }),
      );
    },
    async get(path) {
      return result(await fetch(`${url}${path}`));
    },
    close: () => service.close(),
  };
}

/** Polls until `check` holds (or throws after `timeoutMs`). */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
