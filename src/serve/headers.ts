// The security headers and content policies of the service's answers (guard.ts sets them; errors.ts too).

/** Policy of every answer that is not the HTML report: nothing may load, frame or submit anything. */
export const API_CSP = "default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'";
/** Policy of an HTML report (`?format=html`): the report's own, inline CSS and data: images only. */
export const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";

/** The headers written on answers that bypass fastify (parser errors written straight to the socket). */
export const RAW_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': API_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};
