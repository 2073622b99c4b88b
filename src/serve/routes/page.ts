// GET /: the offline page (the same file `govcat web` writes), for editors who reach the service in a browser.
// The page never calls the service: it checks files in the browser, under its own Content-Security-Policy.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { packageRoot } from '../../paths.js';
import { PAGE_CSP } from '../../web/csp.js';

let page: Promise<Buffer | undefined> | undefined;

function loadPage(): Promise<Buffer | undefined> {
  page ??= readFile(join(packageRoot(), 'dist', 'govcat-web.html')).catch(() => undefined);
  return page;
}

export function registerPage(app: FastifyInstance): void {
  app.get('/', { schema: { hide: true } }, async (_request, reply) => {
    const html = await loadPage();
    if (!html)
      return reply
        .code(404)
        .type('text/plain; charset=utf-8')
        .send('the offline page is not built (npm run build)\n');
    return reply
      .code(200)
      .type('text/html; charset=utf-8')
      .header('content-security-policy', PAGE_CSP)
      .header('cache-control', 'no-cache')
      .send(html);
  });
}
