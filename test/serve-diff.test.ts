// POST /v1/diff: two versions of a catalog in one multipart request (fields old and new), under the limits of
// POST /v1/validate. Workers run the built code (dist/), so `npm run build` first (npm test does).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogJson } from '../scripts/lib/catalogs.mjs';
import { diffCatalogs } from '../src/diff/diff.js';
import { validateVersion } from '../src/diff/sources.js';
import type { CatalogDiff } from '../src/generated/schema-types.js';
import { loadProfiles } from '../src/indicators/index.js';
import { getValidator, SCHEMA_IDS } from '../src/schema/ajv.js';
import { routeParams } from '../src/serve/schemas.js';
import { compileCatalog, createSession } from '../src/validate.js';
import { govcatVersion } from '../src/version.js';
import { runCli } from './helpers/cli.js';
import { startService, type TestService } from './helpers/service.js';
import { nextSharedVersion, sharedExample } from './helpers/versions.js';

const TODAY = '2024-01-01';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const old = sharedExample();
const next = nextSharedVersion(old);
const oldBytes = Buffer.from(JSON.stringify(old, null, 2));
const newJson = Buffer.from(JSON.stringify(next, null, 2));
// The next round as a workbook in the template layout: one xlsx against last round's json export.
const newXlsx = Buffer.from(
  (await compileCatalog({ name: '新.json', catalog: next }, { format: 'xlsx', codes: false })).output,
);

/** What diffCatalogs gives in-process for the same bytes, options and (default) scoring profile. */
async function expectedDiff(
  a: { name: string; bytes: Uint8Array },
  b: { name: string; bytes: Uint8Array },
  options: { lang?: 'zh' | 'en'; profile?: string | null } = {},
): Promise<CatalogDiff> {
  const session = createSession({ today: TODAY, config: {}, lang: options.lang ?? 'zh' });
  const profile =
    options.profile === null ? undefined : loadProfiles().get(options.profile ?? 'gx-2021-city');
  const before = await validateVersion(a, session, profile);
  const after = await validateVersion(b, session, profile);
  return diffCatalogs(before.side, after.side, { toolVersion: govcatVersion() });
}

function form(
  files: Record<string, [Uint8Array, string, string?]>,
  fields: Record<string, string> = {},
): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  for (const [field, [bytes, name, type]] of Object.entries(files))
    f.append(field, new Blob([bytes], type ? { type } : {}), name);
  return f;
}

describe('POST /v1/diff', () => {
  let s: TestService;
  const post = (body: BodyInit, query = '', headers: Record<string, string> = {}) =>
    fetch(`${s.url}/v1/diff${query}`, { method: 'POST', body, headers });
  beforeAll(async () => {
    s = await startService({ maxBody: 256 * 1024 });
  });
  afterAll(async () => {
    await s.close();
  });

  it('answers the diff of two versions, equal to what diffCatalogs gives', async () => {
    const r = await post(
      form({
        old: [oldBytes, '2023年目录.json', 'application/json'],
        new: [newXlsx, '2024年目录.xlsx', XLSX_TYPE],
      }),
      `?today=${TODAY}`,
    );
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const diff = (await r.json()) as CatalogDiff;
    const valid = getValidator(SCHEMA_IDS.diff);
    expect(valid(diff), JSON.stringify(valid.errors)).toBe(true);
    const expected = await expectedDiff(
      { name: '2023年目录.json', bytes: oldBytes },
      { name: '2024年目录.xlsx', bytes: newXlsx },
    );
    expect(diff).toEqual(expected);
    // The scripted changes: two added (one without a code), one removed, renamed, re-coded and edited entries,
    // and the removed entry's code given to another resource.
    expect(diff.summary).toMatchObject({ added: 2, removed: 1, changed: 5, recoded: 1, codeReused: 1 });
    expect(diff.entries.find((e) => e.status === 'changed' && e.match === 'name-provider')?.recoded).toEqual({
      from: '202001001/1',
      to: '202001001/9',
    });
    expect(diff.score?.profile).toBe('gx-2021-city');
    expect(r.headers.get('x-govcat-new-errors')).toBe(String(diff.summary.findings.newErrors));
    expect(r.headers.get('x-govcat-errors')).toBe(String(diff.new.errors));
    const log = s.logs.find((l) => l.path === '/v1/diff' && l.status === 200)!;
    expect(log).toMatchObject({
      method: 'POST',
      entries: diff.new.entries,
      errors: diff.new.errors,
      format: 'xlsx',
      size: oldBytes.byteLength + newXlsx.byteLength,
    });
  });

  it('gives what `govcat diff --format json` prints for the same files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govcat-serve-diff-'));
    writeFileSync(join(dir, 'old.json'), oldBytes);
    writeFileSync(join(dir, 'new.json'), newJson);
    const cli = await runCli(
      ['diff', 'old.json', 'new.json', '-f', 'json', '--today', TODAY, '--no-config'],
      {
        cwd: dir,
      },
    );
    const r = await post(
      form({ old: [oldBytes, 'old.json'], new: [newJson, 'new.json'] }),
      `?today=${TODAY}`,
    );
    expect(await r.json()).toEqual(JSON.parse(cli.stdout));
  });

  it('takes the options of validate: language, kind, profile (or none) and the diff formats', async () => {
    const files = () => form({ old: [oldBytes, 'old.json'], new: [newJson, 'new.json'] });
    const en = await post(files(), `?today=${TODAY}&lang=en&profile=none&kind=shared`);
    expect(en.status).toBe(200);
    const expected = await expectedDiff(
      { name: 'old.json', bytes: oldBytes },
      { name: 'new.json', bytes: newJson },
      { lang: 'en', profile: null },
    );
    const diff = await en.json();
    expect(diff).toEqual(expected);
    expect(diff.score).toBeUndefined();
    const md = await post(files(), `?today=${TODAY}&format=markdown`);
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(await md.text()).toContain('城市道路停车泊位信息');
    const html = await post(files(), `?today=${TODAY}&format=html`);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await html.text()).toMatch(/^<!doctype html>/i);
    const stylish = await post(files(), `?today=${TODAY}&format=stylish`);
    expect(stylish.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const text = await stylish.text();
    expect(text).toContain('目录差异：old.json → new.json');
    expect(text).not.toContain('\u001b[');
  });

  it('refuses a request without both versions with the documented errors', async () => {
    const missing = await post(form({ old: [oldBytes, 'old.json'] }, { note: '2024 年第一批' }));
    expect(missing.status).toBe(400);
    expect((await missing.json()).error).toEqual({
      code: 'service/missing-file',
      message: '缺少文件字段 new：POST /v1/diff 需要 old（旧版本）和 new（新版本）两个文件',
      data: { field: 'new' },
    });
    const wrongName = await post(form({ before: [oldBytes, 'old.json'], new: [newJson, 'new.json'] }));
    expect([wrongName.status, (await wrongName.json()).error]).toMatchObject([
      400,
      { code: 'service/diff-fields', data: { field: 'before' } },
    ]);
    const three = form({ old: [oldBytes, 'old.json'], new: [newJson, 'new.json'] });
    three.append('new', new Blob([newJson]), 'again.json');
    const r3 = await post(three);
    expect([r3.status, (await r3.json()).error.code]).toEqual([400, 'service/diff-fields']);
    const raw = await post(oldBytes, '?lang=en', { 'content-type': 'application/json' });
    expect(raw.status).toBe(415);
    expect((await raw.json()).error).toMatchObject({
      code: 'service/unsupported-media-type',
      message: expect.stringMatching(/^POST \/v1\/diff takes a multipart\/form-data request/),
    });
    const unknown = await post(
      form({ old: [oldBytes, 'old.json'], new: [newJson, 'new.json'] }),
      '?filename=x.json',
    );
    expect([unknown.status, (await unknown.json()).error.code]).toEqual([400, 'service/unknown-parameter']);
    const badFormat = await post(
      form({ old: [oldBytes, 'old.json'], new: [newJson, 'new.json'] }),
      '?format=sarif',
    );
    expect([badFormat.status, (await badFormat.json()).error.code]).toEqual([400, 'service/bad-parameter']);
    const badProfile = await post(
      form({ old: [oldBytes, 'old.json'], new: [newJson, 'new.json'] }),
      '?profile=govcat:strict',
    );
    expect([badProfile.status, (await badProfile.json()).error.code]).toEqual([
      400,
      'service/unknown-profile',
    ]);
    const unnamed = await post(form({ old: [oldBytes, 'old.bin'], new: [newJson, 'new.json'] }));
    expect([unnamed.status, (await unnamed.json()).error.code]).toEqual([
      415,
      'service/unsupported-media-type',
    ]);
  });

  it('answers an unreadable version as validate answers an unreadable upload, naming its field', async () => {
    const broken = Buffer.from('{"entries": [ {"name": "x"');
    const r = await post(form({ old: [oldBytes, 'old.json'], new: [broken, 'new.json'] }));
    expect(r.status).toBe(400);
    const error = (await r.json()).error;
    expect(error.code).toBe('input/malformed');
    expect(error.data.field).toBe('new');
    expect(error.message).toContain('new.json');
    expect(s.logs.at(-1)).toMatchObject({
      path: '/v1/diff',
      status: 400,
      outcome: 'unreadable',
      code: 'input/malformed',
    });
  });

  it('answers 413 when the two files together pass --max-body, by Content-Length or while streaming', async () => {
    const big = catalogJson(400);
    expect(big.length).toBeGreaterThan(256 * 1024);
    const one = await post(form({ old: [oldBytes, 'old.json'], new: [big, 'new.json'] }));
    expect(one.status).toBe(413);
    expect((await one.json()).error).toEqual({
      code: 'service/body-too-large',
      message: '上传的文件超过上限 --max-body 262144 字节',
      data: { limit: 262144 },
    });
    // Each file under the limit, together over it, sent without Content-Length: cut once the sum passes it.
    const half = catalogJson(200);
    expect(half.length).toBeLessThan(256 * 1024);
    expect(2 * half.length).toBeGreaterThan(256 * 1024);
    const boundary = 'govcat-test-boundary';
    const part = (field: string, bytes: Uint8Array) =>
      Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${field}.json"\r\nContent-Type: application/json\r\n\r\n`,
        ),
        bytes,
        Buffer.from('\r\n'),
      ]);
    const body = Buffer.concat([part('old', half), part('new', half), Buffer.from(`--${boundary}--\r\n`)]);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= body.length) return controller.close();
        controller.enqueue(body.subarray(sent, sent + 64 * 1024));
        sent += 64 * 1024;
      },
    });
    const chunked = await fetch(`${s.url}/v1/diff`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect((await chunked.json()).error.code).toBe('service/body-too-large');
  });

  it('is documented in /openapi.json with its parameters, body and statuses', async () => {
    const doc = (await s.get('/openapi.json')).json();
    const op = doc.paths['/v1/diff'].post;
    const names = op.parameters
      .filter((p: { in: string }) => p.in === 'query')
      .map((p: { name: string }) => p.name);
    expect(names.sort()).toEqual([...routeParams('diff')].sort());
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
    expect(op.requestBody.content['multipart/form-data'].schema.required).toEqual(['old', 'new']);
    const format = op.parameters.find((p: { name: string }) => p.name === 'format');
    expect(format.schema.enum).toEqual(['stylish', 'json', 'markdown', 'html']);
  });
});

describe('POST /v1/diff under the reader limits of the service', () => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService({ limits: { maxEntries: 12 } });
  });
  afterAll(async () => {
    await s.close();
  });

  it('refuses a version over the entry limit with the reader error, naming its field', async () => {
    const f = new FormData();
    f.append('old', new Blob([oldBytes]), 'old.json');
    f.append('new', new Blob([Buffer.from(JSON.stringify(next))]), 'new.json');
    const r = await fetch(`${s.url}/v1/diff`, { method: 'POST', body: f });
    expect(r.status).toBe(400);
    expect((await r.json()).error).toMatchObject({ code: 'input/limit', data: { field: 'new', limit: 12 } });
  });
});

describe('POST /v1/diff under the time cap', () => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService({ limits: { timeoutMs: 20 }, maxBody: 16 * 1024 * 1024 });
  });
  afterAll(async () => {
    await s.close();
  });

  it('stops a diff that takes longer than --timeout-ms with 400 input/timeout', async () => {
    const big = catalogJson(4000);
    const f = new FormData();
    f.append('old', new Blob([big]), 'old.json');
    f.append('new', new Blob([big]), 'new.json');
    const r = await fetch(`${s.url}/v1/diff`, { method: 'POST', body: f });
    expect(r.status).toBe(400);
    const error = (await r.json()).error;
    expect(error.code).toBe('input/timeout');
    expect(error.message).toContain('old.json → new.json');
  });
});
