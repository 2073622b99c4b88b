// The service under slow senders and hostile callers: upload slots, minimum upload rate, bearer token,
// security headers, Host and Origin checks, the error contract for every refusal, and /openapi.json.
// Workers run the built code (dist/), so `npm run build` first (npm test does).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileErrors, validate as validateOpenApi } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogJson } from '../scripts/lib/catalogs.mjs';
import { validateCatalog } from '../src/index.js';
import { API_CSP, REPORT_CSP } from '../src/serve/guard.js';
import { routeParams } from '../src/serve/schemas.js';
import { catalogOf } from './helpers/catalog.js';
import { parseAnswer, rawExchange, startService, type TestService, until } from './helpers/service.js';

const root = join(import.meta.dirname, '..');
const example = readFileSync(join(root, 'examples', 'nanning-shared-catalog.json'));
const clean = Buffer.from(
  JSON.stringify(catalogOf('shared', [{}, { code: '315018001/2', name: '食品生产许可信息' }])),
);
const JSON_TYPE = 'application/json';

/** The contract of every non-200 answer. */
function expectContract(body: string, code: string): void {
  const parsed = JSON.parse(body);
  expect(Object.keys(parsed)).toEqual(['error']);
  expect(parsed.error.code).toBe(code);
  expect(typeof parsed.error.message).toBe('string');
  expect(parsed.error.message.length).toBeGreaterThan(0);
}

describe('govcat serve: slow senders', () => {
  it('cuts uploads below the minimum rate with 408 while valid uploads get 200', async () => {
    // Two work places (one worker, one queued); before the fix six trickling senders held them all.
    const s = await startService({ concurrency: 1, queue: 1, minUploadRate: 2048, uploadGraceMs: 600 });
    try {
      const head = (type: string, length: number) =>
        `POST /v1/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${type}\r\nContent-Length: ${length}\r\n\r\n`;
      const slow = [
        ...Array.from({ length: 5 }, () =>
          rawExchange(s.url, head(JSON_TYPE, 100_000), { trickle: { bytes: 100_000, everyMs: 100 } }),
        ),
        rawExchange(s.url, head('multipart/form-data; boundary=x', 100_000), {
          body: Buffer.from(
            '--x\r\nContent-Disposition: form-data; name="file"; filename="a.json"\r\nContent-Type: application/json\r\n\r\n',
          ),
          trickle: { bytes: 100_000, everyMs: 100 },
        }),
      ];
      await until(async () => (await s.get('/healthz')).json().receiving === 6);
      expect((await s.get('/healthz')).json().inflight).toBe(0);
      // While they trickle, valid uploads are served, two at a time.
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const pair = await Promise.all([s.validate(clean, JSON_TYPE), s.validate(example, JSON_TYPE)]);
        statuses.push(...pair.map((r) => r.status));
      }
      expect(statuses).toEqual(Array(8).fill(200));
      const answers = await Promise.all(slow);
      for (const a of answers) {
        const { status, headers, body } = parseAnswer(a.text);
        expect(status).toBe(408);
        expect(headers.connection).toBe('close');
        expectContract(body, 'service/upload-too-slow');
        expect(a.closedByServer).toBe(true);
        expect(a.sent).toBeLessThan(100);
      }
      await until(async () => (await s.get('/healthz')).json().receiving === 0);
      expect(s.logs.filter((l) => l.outcome === 'too-slow')).toHaveLength(6);
      expect((await s.validate(clean, JSON_TYPE)).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it('closes the connection of a refused upload that keeps trickling, instead of draining it for a minute', async () => {
    const s = await startService({
      concurrency: 1,
      queue: 0,
      maxUploads: 1,
      minUploadRate: 2048,
      uploadGraceMs: 500,
      token: 'a-token-for-this-test-0123456789',
      requestTimeoutMs: 60_000,
    });
    try {
      const head = (auth: string) =>
        `POST /v1/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${JSON_TYPE}\r\nContent-Length: 100000\r\n${auth}\r\n`;
      const trickle = { bytes: 100_000, everyMs: 100 };
      const auth = 'Authorization: Bearer a-token-for-this-test-0123456789\r\n';
      const holder = rawExchange(s.url, head(auth), { trickle, waitMs: 20_000 });
      await until(async () => (await s.get('/healthz')).json().receiving === 1);
      // Refused at its headers (503: the one receiving place is taken; 401: no token); Node would drain
      // the rest of each body until --request-timeout, a minute here.
      const [busy, anonymous] = await Promise.all([
        rawExchange(s.url, head(auth), { trickle, waitMs: 20_000 }),
        rawExchange(s.url, head(''), { trickle, waitMs: 20_000 }),
      ]);
      expect([parseAnswer(busy.text).status, busy.closedByServer]).toEqual([503, true]);
      expect([parseAnswer(anonymous.text).status, anonymous.closedByServer]).toEqual([401, true]);
      expect(busy.sent).toBeLessThan(200);
      expect(anonymous.sent).toBeLessThan(200);
      expect(parseAnswer((await holder).text).status).toBe(408);
    } finally {
      await s.close();
    }
  });

  it('refuses uploads beyond --max-uploads with 503 while the others are received', async () => {
    const s = await startService({ concurrency: 1, queue: 1, maxUploads: 2, uploadGraceMs: 60_000 });
    try {
      const head = `POST /v1/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${JSON_TYPE}\r\nContent-Length: ${clean.length}\r\n\r\n`;
      const holding = [1, 2].map(() =>
        rawExchange(s.url, head, { body: clean.subarray(0, 10), waitMs: 3000 }),
      );
      await until(async () => (await s.get('/healthz')).json().receiving === 2);
      const refused = await s.validate(clean, JSON_TYPE);
      expect([refused.status, refused.json().error.code]).toEqual([503, 'service/saturated']);
      await Promise.all(holding);
      await until(async () => (await s.get('/healthz')).json().receiving === 0);
      expect((await s.validate(clean, JSON_TYPE)).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});

describe('govcat serve: token, headers, Host and Origin', () => {
  let s: TestService;
  const token = 'c2VjcmV0LXRva2VuLWZvci10ZXN0cw';
  beforeAll(async () => {
    s = await startService({
      token,
      allowedHosts: ['govcat.intranet'],
      allowOrigins: ['https://portal.example'],
    });
  });
  afterAll(async () => {
    await s.close();
  });
  const post = (headers: Record<string, string>, body: Buffer = clean) =>
    fetch(`${s.url}/v1/validate`, {
      method: 'POST',
      headers: { 'content-type': JSON_TYPE, ...headers },
      body,
    });

  it('requires the bearer token everywhere but /healthz', async () => {
    const none = await post({});
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expectContract(await none.text(), 'service/unauthorized');
    const wrong = await post({ authorization: `Bearer ${token.slice(0, -1)}x` });
    expect(wrong.status).toBe(401);
    const short = await post({ authorization: 'Bearer x' });
    expect(short.status).toBe(401);
    const basic = await post({ authorization: `Basic ${token}` });
    expect(basic.status).toBe(401);
    const right = await post({ authorization: `Bearer ${token}` });
    expect(right.status).toBe(200);
    expect((await right.json()).summary.errors).toBe(0);
    expect((await fetch(`${s.url}/v1/rules`)).status).toBe(401);
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
  });

  it('puts the security headers on every answer, and the report’s own policy on HTML', async () => {
    const auth = { authorization: `Bearer ${token}` };
    const answers = [
      await fetch(`${s.url}/healthz`),
      await fetch(`${s.url}/v1/rules`, { headers: auth }),
      await fetch(`${s.url}/nope`, { headers: auth }),
      await post({}),
      await post(auth),
    ];
    for (const r of answers) {
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('content-security-policy')).toBe(API_CSP);
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
      expect(r.headers.get('cache-control')).toBe('no-store');
      await r.text();
    }
    const html = await fetch(`${s.url}/v1/validate?format=html`, {
      method: 'POST',
      headers: { 'content-type': JSON_TYPE, ...auth },
      body: example,
    });
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-security-policy')).toBe(REPORT_CSP);
    // The header allows no more than the report's own meta policy.
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(await html.text())![1]!;
    expect(REPORT_CSP.startsWith(meta)).toBe(true);
  });

  it('accepts only loopback names, the listening host and --allowed-host in Host', async () => {
    const { port } = new URL(s.url);
    const ask = async (host: string) =>
      parseAnswer(
        (await rawExchange(s.url, `GET /healthz HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`))
          .text,
      );
    for (const host of [
      `127.0.0.1:${port}`,
      `localhost:${port}`,
      'LOCALHOST',
      `[::1]:${port}`,
      'govcat.intranet',
    ]) {
      expect((await ask(host)).status, host).toBe(200);
    }
    // A DNS-rebinding page reaches 127.0.0.1 under its own name.
    const rebound = await ask(`attacker.example:${port}`);
    expect(rebound.status).toBe(403);
    expectContract(rebound.body, 'service/host-not-allowed');
    expect(rebound.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses browser POSTs from foreign origins unless allowed', async () => {
    const auth = { authorization: `Bearer ${token}` };
    const foreign = await post({ ...auth, origin: 'https://attacker.example' });
    expect(foreign.status).toBe(403);
    expectContract(await foreign.text(), 'service/origin-not-allowed');
    expect((await post({ ...auth, origin: 'null' })).status).toBe(403);
    const form = new FormData();
    form.append('file', new Blob([clean]), 'a.json');
    const csrf = await fetch(`${s.url}/v1/validate`, {
      method: 'POST',
      headers: { ...auth, origin: 'http://attacker.example' },
      body: form,
    });
    expect(csrf.status).toBe(403);
    expect((await post({ ...auth, origin: s.url })).status).toBe(200);
    expect((await post({ ...auth, origin: 'https://portal.example' })).status).toBe(200);
    // No Origin: not a browser (curl, scripts).
    expect((await post(auth)).status).toBe(200);
  });

  it('lets the pages of an allowed site read answers (CORS preflight), and no other site', async () => {
    const preflight = (origin: string) =>
      fetch(`${s.url}/v1/validate`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });
    const allowed = await preflight('https://portal.example');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://portal.example');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
    const foreign = await preflight('https://attacker.example');
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const r = await post({ authorization: `Bearer ${token}`, origin: 'https://portal.example' });
    expect(r.status).toBe(200);
    expect(r.headers.get('access-control-allow-origin')).toBe('https://portal.example');
    expect(r.headers.get('access-control-expose-headers')).toContain('x-request-id');
  });
});

describe('govcat serve: the error contract and the API description', () => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService();
  });
  afterAll(async () => {
    await s.close();
  });

  it('answers bad URLs, malformed requests, unknown routes and wrong methods in the contract', async () => {
    const badUrl = parseAnswer(
      (await rawExchange(s.url, 'GET /nope/%ZZ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'))
        .text,
    );
    expect(badUrl.status).toBe(400);
    expectContract(badUrl.body, 'service/bad-url');
    expect(badUrl.headers['x-content-type-options']).toBe('nosniff');
    const badLength = await rawExchange(
      s.url,
      `POST /v1/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${JSON_TYPE}\r\nContent-Length: abc\r\n\r\n{}`,
    );
    const parsed = parseAnswer(badLength.text);
    expect(parsed.status).toBe(400);
    expect(parsed.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(parsed.headers['x-content-type-options']).toBe('nosniff');
    expectContract(parsed.body, 'service/bad-request');
    expect(badLength.closedByServer).toBe(true);
    const missing = await s.get('/v2/validate');
    expect(missing.status).toBe(404);
    expectContract(missing.text, 'service/not-found');
    const wrongMethod = await s.get('/v1/validate');
    expect([wrongMethod.status, wrongMethod.headers.get('allow')]).toEqual([405, 'POST']);
    expectContract(wrongMethod.text, 'service/method-not-allowed');
    const deleteHealth = await fetch(`${s.url}/healthz`, { method: 'DELETE' });
    expect([deleteHealth.status, deleteHealth.headers.get('allow')]).toEqual([405, 'GET']);
    expectContract(await deleteHealth.text(), 'service/method-not-allowed');
    // Without --allow-origin there is no CORS: a preflight finds no such method.
    const preflight = await fetch(`${s.url}/v1/validate`, {
      method: 'OPTIONS',
      headers: { origin: s.url, 'access-control-request-method': 'POST' },
    });
    expect([preflight.status, preflight.headers.get('access-control-allow-origin')]).toEqual([405, null]);
    const english = await fetch(`${s.url}/v2/x?lang=en`);
    expect((await english.json()).error.message).toMatch(/^no such endpoint: GET \/v2\/x/);
  });

  it('describes itself in /openapi.json, generated from the route schemas and valid OpenAPI 3', async () => {
    const r = await s.get('/openapi.json');
    expect(r.status).toBe(200);
    const doc = r.json();
    const result = await validateOpenApi(structuredClone(doc));
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/healthz',
      '/v1/compile',
      '/v1/diff',
      '/v1/formats',
      '/v1/rules',
      '/v1/validate',
    ]);
    for (const [path, route] of [
      ['/v1/validate', 'validate'],
      ['/v1/compile', 'compile'],
    ] as const) {
      const op = doc.paths[path].post;
      const names = op.parameters
        .filter((p: { in: string }) => p.in === 'query')
        .map((p: { name: string }) => p.name);
      expect(names.sort()).toEqual([...routeParams(route)].sort());
      expect(Object.keys(op.responses).sort()).toEqual([
        '200',
        '400',
        '401',
        '403',
        '408',
        '413',
        '415',
        '503',
      ]);
      expect(Object.keys(op.requestBody.content)).toEqual(
        expect.arrayContaining(['application/json', 'multipart/form-data', 'application/octet-stream']),
      );
      expect(op.responses['400'].content['application/json'].schema.required).toEqual(['error']);
    }
    // The documented enums are what the routes accept.
    const format = doc.paths['/v1/validate'].post.parameters.find(
      (p: { name: string }) => p.name === 'format',
    );
    expect(format.schema.enum).toEqual(expect.arrayContaining(['json', 'sarif', 'html', 'stylish']));
    const bad = await s.validate(clean, JSON_TYPE, '?format=pdf');
    expect(bad.json().error.code).toBe('service/bad-parameter');
  });

  it('gives the same report whatever the route schemas document', async () => {
    const expected = await validateCatalog({ name: 'upload.json', bytes: catalogJson(3) });
    const r = await s.validate(catalogJson(3), JSON_TYPE);
    expect(r.json().summary).toEqual(expected.summary);
  });
});
