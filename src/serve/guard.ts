// Who may talk to the service: security headers on every answer, the Host allow-list (DNS rebinding), the
// Origin check for browser POSTs (cross-site requests), and the optional bearer token.
import { createHash, timingSafeEqual } from 'node:crypto';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ServiceError } from './errors.js';

export { API_CSP, RAW_SECURITY_HEADERS, REPORT_CSP } from './headers.js';

/** Names that always reach this machine's loopback interface. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/** The host name of a Host header, lower-cased, without the port (`[::1]:8080` → `[::1]`). */
export function hostName(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::\d{1,5})?$/i.exec(header.trim());
  return m ? m[1]!.toLowerCase().replace(/\.$/, '') : undefined;
}

/** The listening host as it appears in a Host header (IPv6 in brackets); undefined for wildcards. */
export function listenHostName(host: string): string | undefined {
  if (host === '0.0.0.0' || host === '::' || host === '[::]' || host === '') return undefined;
  return host.includes(':') && !host.startsWith('[') ? `[${host.toLowerCase()}]` : host.toLowerCase();
}

/** Compares two secrets in time independent of where they differ (hashing first equalizes the lengths). */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export interface GuardOptions {
  token?: string;
  /** Accepted host names, filled in as the service starts listening; `*` accepts any. */
  hosts: Set<string>;
  /** Origins whose pages may POST; `*` accepts any. */
  origins: ReadonlySet<string>;
}

/** Registers the security headers and the access checks (run first on every request). */
export async function installGuard(app: FastifyInstance, options: GuardOptions): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    // Plain HTTP on loopback; a TLS-terminating proxy in front sets HSTS for its own name.
    strictTransportSecurity: false,
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    checkHost(request, options.hosts);
    checkOrigin(request, options.origins);
    // Browsers send a CORS preflight (OPTIONS) without credentials; it carries no data.
    // The offline page at / holds no data and calls nothing: a browser opening it sends no token.
    const path = request.url.split('?', 1)[0];
    const open = path === '/healthz' || path === '/' || request.method === 'OPTIONS';
    if (options.token !== undefined && !open) checkToken(request, options.token);
  });

  // Pages of the sites listed with --allow-origin may also read the answers (CORS, preflight included).
  if (options.origins.size > 0) {
    await app.register(cors, {
      origin: options.origins.has('*') ? true : [...options.origins],
      methods: ['GET', 'POST'],
      allowedHeaders: ['content-type', 'content-disposition', 'authorization', 'x-request-id'],
      exposedHeaders: [
        'x-request-id',
        'retry-after',
        'content-disposition',
        'x-govcat-errors',
        'x-govcat-warnings',
        'x-govcat-fixes',
        'x-govcat-codes',
      ],
      maxAge: 600,
    });
  }
}

function checkHost(request: FastifyRequest, hosts: ReadonlySet<string>): void {
  if (hosts.has('*')) return;
  const header = request.headers.host;
  const name = hostName(header);
  if (name === undefined || !hosts.has(name)) {
    throw new ServiceError(403, 'service/host-not-allowed', 'service.hostNotAllowed', {
      host: (header ?? '(none)').slice(0, 100),
    });
  }
}

/** A browser page elsewhere may POST (a form or fetch), but it sends its Origin: refuse foreign ones. */
function checkOrigin(request: FastifyRequest, origins: ReadonlySet<string>): void {
  if (request.method === 'GET' || request.method === 'HEAD') return;
  const origin = request.headers.origin;
  if (origin === undefined || origins.has('*') || origins.has(origin)) return;
  let same = false;
  try {
    const url = new URL(origin);
    same = url.protocol === 'http:' && url.host === (request.headers.host ?? '').toLowerCase();
  } catch {
    same = false;
  }
  if (!same) {
    throw new ServiceError(403, 'service/origin-not-allowed', 'service.originNotAllowed', {
      origin: origin.slice(0, 100),
    });
  }
}

function checkToken(request: FastifyRequest, token: string): void {
  const header = request.headers.authorization;
  const m = typeof header === 'string' ? /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header) : null;
  if (!m || !sameSecret(m[1]!, token)) {
    throw new ServiceError(
      401,
      'service/unauthorized',
      header === undefined ? 'service.tokenMissing' : 'service.tokenWrong',
      {},
      { 'www-authenticate': 'Bearer realm="govcat"' },
    );
  }
}
