// Starts the ingestion service on an ephemeral loopback port for a test, capturing its log records; raw HTTP.
import { connect } from 'node:net';
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

/** One raw HTTP exchange on a new connection: everything the server said until it closed (or `waitMs`). */
export function rawExchange(
  url: string,
  head: string,
  options: { body?: Buffer; trickle?: { bytes: number; everyMs: number }; waitMs?: number } = {},
): Promise<{ text: string; closedByServer: boolean; sent: number }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    let text = '';
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    let closedByServer = true;
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.write(head);
      if (options.body) socket.write(options.body);
      if (options.trickle) {
        const { bytes, everyMs } = options.trickle;
        timer = setInterval(() => {
          if (sent >= bytes || socket.destroyed) return clearInterval(timer);
          socket.write(' ');
          sent++;
        }, everyMs);
      }
    });
    socket.on('data', (d: Buffer) => {
      text += d.toString('utf8');
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ text, closedByServer, sent });
    });
    setTimeout(() => {
      closedByServer = false;
      socket.destroy();
    }, options.waitMs ?? 10_000);
    void reject;
  });
}

/** The status, lower-cased headers and body of a raw HTTP answer (after any `100 Continue`). */
export function parseAnswer(text: string): { status: number; headers: Record<string, string>; body: string } {
  const final = text.replace(/^HTTP\/1\.1 100 Continue\r\n\r\n/, '');
  const end = final.indexOf('\r\n\r\n');
  const lines = final.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  return { status: Number(lines[0]!.split(' ')[1]), headers, body: final.slice(end + 4) };
}
