// The offline page's Content-Security-Policy: the page's meta tag (scripts/build-web.mjs) and `govcat serve` at `/`.

/**
 * Nothing from the network (connect-src 'none', no external source of any kind); inline scripts and styles (they
 * are the page); the worker from a Blob URL; images from data: and blob: URLs.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "connect-src 'none'",
  "script-src 'unsafe-inline' blob:",
  'worker-src blob:',
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');
