// The ingestion service on an ephemeral loopback port: status codes, concurrency and queueing, hostile uploads, logs.
// Workers run the built code (dist/), so `npm run build` first (npm test does).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import {
  catalogJson,
  catalogXlsx,
  deepJson,
  garbage,
  syntheticEntries,
  zipBomb,
} from '../scripts/lib/catalogs.mjs';
import { compileCatalog, validateCatalog } from '../src/index.js';
import { ruleRows } from '../src/rules/list.js';
import { getValidator, SCHEMA_IDS } from '../src/schema/ajv.js';
import { createService } from '../src/serve/index.js';
import { heapNeededMb } from '../src/workers/pool.js';
import { catalogOf } from './helpers/catalog.js';
import { runCli } from './helpers/cli.js';
import { startService, type TestService, until } from './helpers/service.js';

const root = join(import.meta.dirname, '..');
const example = readFileSync(join(root, 'examples', 'nanning-shared-catalog.json'));
const clean = Buffer.from(
  JSON.stringify(catalogOf('shared', [{}, { code: '315018001/2', name: '食品生产许可信息' }])),
);
const JSON_TYPE = 'application/json';
/** The example's report as the library gives it in-process (so the tests follow the rule set). */
const expected = await validateCatalog({ name: 'nanning.json', bytes: example }, { today: '2021-11-23' });
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('govcat serve: one worker, default queue', () => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService({ maxBody: 2 * 1024 * 1024 });
  });
  afterAll(async () => {
    await s.close();
  });

  it('binds to loopback', () => {
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers 200 with the report contract, also when the catalog has errors', async () => {
    const r = await s.validate(example, JSON_TYPE, '?filename=nanning.json&today=2021-11-23');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const report = r.json();
    const valid = getValidator(SCHEMA_IDS.report);
    expect(valid(report), JSON.stringify(valid.errors)).toBe(true);
    expect(report.files[0]).toMatchObject({ path: 'nanning.json', format: 'json', entries: 12 });
    expect(report.summary).toEqual(expected.summary);
    expect(report.summary.errors).toBeGreaterThan(0);
    expect(r.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gives the same report as the CLI for the same file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govcat-serve-'));
    writeFileSync(join(dir, 'nanning.json'), example);
    const cli = await runCli(
      ['validate', 'nanning.json', '-f', 'json', '--today', '2021-11-23', '--no-config'],
      {
        cwd: dir,
      },
    );
    const r = await s.validate(example, JSON_TYPE, '?filename=nanning.json&today=2021-11-23');
    expect(r.json()).toEqual(JSON.parse(cli.stdout));
  });

  it('scores with ?profile= exactly as `govcat score --profile`', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govcat-serve-'));
    writeFileSync(join(dir, 'nanning.json'), example);
    const cli = await runCli(
      ['score', 'nanning.json', '-p', 'gx-2021-city', '-f', 'json', '--today', '2021-11-23', '--no-config'],
      { cwd: dir },
    );
    const r = await s.validate(
      example,
      JSON_TYPE,
      '?filename=nanning.json&today=2021-11-23&profile=gx-2021-city',
    );
    expect(r.status).toBe(200);
    expect(r.json().score).toBeDefined();
    expect(r.json()).toEqual(JSON.parse(cli.stdout));
  });

  it('answers SARIF with ?format=sarif', async () => {
    const r = await s.validate(example, JSON_TYPE, '?filename=nanning.json&format=sarif&today=2021-11-23');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/sarif+json; charset=utf-8');
    const sarif = r.json();
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results).toHaveLength(expected.files[0]!.findings.length);
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toContain('schema/required');
  });

  it('answers 200 and a clean summary for a clean catalog', async () => {
    const r = await s.validate(clean, JSON_TYPE);
    expect(r.status).toBe(200);
    expect(r.json().summary).toMatchObject({ entries: 2, errors: 0 });
  });

  it('formats with any registered formatter and speaks English on request', async () => {
    const stylish = await s.validate(example, JSON_TYPE, '?format=stylish&lang=en&today=2021-11-23');
    expect(stylish.status).toBe(200);
    expect(stylish.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(stylish.text).toContain(`12 entries, ${expected.summary.errors} errors`);
    const compact = await s.validate(example, JSON_TYPE, '?format=compact&filename=a.json&today=2021-11-23');
    expect(compact.text.trim().split('\n')).toHaveLength(expected.files[0]!.findings.length);
    expect(compact.text).toContain('a.json:entries[10].providerCode: 错误 缺少必填项“数据资源提供方代码”');
    const viaHeader = await fetch(`${s.url}/v1/validate?format=stylish&today=2021-11-23`, {
      method: 'POST',
      headers: { 'content-type': JSON_TYPE, 'accept-language': 'en-US,en;q=0.9' },
      body: example,
    });
    expect(await viaHeader.text()).toContain(`${expected.summary.errors} errors`);
  });

  it('applies ?profile= and ?kind=', async () => {
    const strict = await s.validate(example, JSON_TYPE, '?profile=govcat:strict');
    expect(strict.status).toBe(200);
    const open = await s.validate(clean, JSON_TYPE, '?kind=open');
    expect(open.json().files[0].kind).toBe('open');
    const unknown = await s.validate(example, JSON_TYPE, '?profile=../../package');
    expect(unknown.status).toBe(400);
    expect(unknown.json().error.code).toBe('service/unknown-profile');
  });

  it('answers 400 with the same error object as the CLI for a body that is not a catalog', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govcat-serve-'));
    const broken = Buffer.from('{"kind":"shared","entries":[{"name":"食品经营许可信息",}]}');
    writeFileSync(join(dir, 'broken.json'), broken);
    const cli = await runCli(['validate', 'broken.json', '-f', 'json', '--no-config'], { cwd: dir });
    expect(cli.code).toBe(2);
    const r = await s.validate(broken, JSON_TYPE, '?filename=broken.json');
    expect(r.status).toBe(400);
    expect(r.json()).toEqual({ error: JSON.parse(cli.stdout).files[0].error });
    expect(r.json().error.code).toBe('input/malformed');
    expect(r.json().error.message).toMatch(/^broken\.json 不是有效的 JSON/);
    const en = await s.validate(broken, JSON_TYPE, '?filename=broken.json&lang=en');
    expect(en.json().error.message).toMatch(/^broken\.json is not valid JSON/);
  });

  it('answers 400 for an empty body, a bad parameter and an unknown parameter', async () => {
    expect((await s.validate(undefined)).json().error.code).toBe('service/no-body');
    const empty = await s.validate(Buffer.alloc(0), JSON_TYPE);
    expect([empty.status, empty.json().error.code]).toEqual([400, 'input/empty']);
    const badFormat = await s.validate(example, JSON_TYPE, '?format=pdf');
    expect([badFormat.status, badFormat.json().error.code]).toEqual([400, 'service/bad-parameter']);
    expect(badFormat.json().error.message).toContain('json');
    const twice = await s.validate(example, JSON_TYPE, '?format=json&format=stylish');
    expect([twice.status, twice.json().error.message]).toEqual([
      400,
      '参数 format 的值“json,stylish”无效：只能给一个值',
    ]);
    const typo = await s.validate(example, JSON_TYPE, '?fromat=json');
    expect([typo.status, typo.json().error.code]).toEqual([400, 'service/unknown-parameter']);
    const badLang = await s.validate(example, JSON_TYPE, '?lang=fr');
    expect(badLang.status).toBe(400);
    const badDate = await s.validate(example, JSON_TYPE, '?today=2021/11/23');
    expect(badDate.status).toBe(400);
    const badName = await s.validate(example, JSON_TYPE, `?filename=${encodeURIComponent('../etc/x.json')}`);
    expect(badName.status).toBe(400);
  });

  it('answers 413 above the body limit, for raw and multipart uploads, without reading them', async () => {
    const big = catalogJson(3000);
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024);
    const raw = await s.validate(big, JSON_TYPE);
    expect(raw.status).toBe(413);
    expect(raw.json().error).toMatchObject({
      code: 'service/body-too-large',
      data: { limit: 2 * 1024 * 1024 },
    });
    expect(raw.json().error.message).toBe('上传的文件超过上限 --max-body 2097152 字节');
    // A chunked upload without Content-Length is cut off once it passes the limit.
    let sentChunks = 0;
    const trickle = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((r) => setTimeout(r, 25));
        controller.enqueue(new Uint8Array(512 * 1024).fill(0x20));
        if (++sentChunks === 12) controller.close();
      },
    });
    const streamed = await fetch(`${s.url}/v1/validate`, {
      method: 'POST',
      headers: { 'content-type': JSON_TYPE },
      body: trickle,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    const form = new FormData();
    form.append('file', new Blob([big], { type: JSON_TYPE }), 'big.json');
    const multi = await fetch(`${s.url}/v1/validate`, { method: 'POST', body: form });
    expect(multi.status).toBe(413);
  });

  it('answers 415 for types no reader handles, naming the accepted ones', async () => {
    const png = await s.validate(Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png');
    expect(png.status).toBe(415);
    expect(png.json().error.code).toBe('service/unsupported-media-type');
    expect(png.json().error.message).toContain('application/json');
    const noName = await s.validate(example, 'application/octet-stream');
    expect(noName.status).toBe(415);
    const named = await s.validate(example, 'application/octet-stream', '?filename=目录.json');
    expect(named.status).toBe(200);
    expect(named.json().files[0].path).toBe('目录.json');
    const disposition = await fetch(`${s.url}/v1/validate`, {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('南宁目录.json')}`,
      },
      body: example,
    });
    expect((await disposition.json()).files[0].path).toBe('南宁目录.json');
  });

  it('takes one file in multipart/form-data, and refuses none or two', async () => {
    const one = new FormData();
    one.append('note', '2021 年第二批');
    one.append('file', new Blob([example], { type: JSON_TYPE }), '南宁市目录.json');
    const ok = await fetch(`${s.url}/v1/validate`, { method: 'POST', body: one });
    expect(ok.status).toBe(200);
    expect((await ok.json()).files[0]).toMatchObject({ path: '南宁市目录.json', entries: 12 });
    const two = new FormData();
    two.append('a', new Blob([example]), 'a.json');
    two.append('b', new Blob([example]), 'b.json');
    const r2 = await fetch(`${s.url}/v1/validate`, { method: 'POST', body: two });
    expect([r2.status, (await r2.json()).error.code]).toEqual([400, 'service/one-file']);
    const none = new FormData();
    none.append('note', 'x');
    const r0 = await fetch(`${s.url}/v1/validate`, { method: 'POST', body: none });
    expect([r0.status, (await r0.json()).error.code]).toEqual([400, 'service/no-file']);
    const unnamed = new FormData();
    unnamed.append('file', new Blob([example]), 'catalog.bin');
    const r3 = await fetch(`${s.url}/v1/validate`, { method: 'POST', body: unnamed });
    expect(r3.status).toBe(415);
  });

  it('reads workbooks in the template layout and points findings at their cells', async () => {
    const entries = syntheticEntries(6);
    entries[2] = { ...entries[2], providerCode: '11450100007525416M' };
    const workbook = catalogXlsx(XLSX, entries);
    const r = await s.validate(workbook, XLSX_TYPE, '?filename=南宁市目录.xlsx&format=compact');
    expect(r.status).toBe(200);
    const lines = r.text.trim().split('\n');
    // Both findings (the check character, and the code differing from the department's other entry) sit on
    // the third entry's provider-code cell. Title row, two header rows, then 7 + 6 data-item rows for the first two entries: the third starts on row 17.
    for (const line of lines) expect(line.startsWith('南宁市目录.xlsx:目录!E17: ')).toBe(true);
    expect(lines.filter((l) => / 错误 .+ \[metadata\/provider-code-check\]$/.test(l))).toHaveLength(1);
    const form = new FormData();
    form.append('file', new Blob([workbook]), '南宁市目录.xlsx');
    const multi = await fetch(`${s.url}/v1/validate`, { method: 'POST', body: form });
    expect((await multi.json()).files[0]).toMatchObject({ format: 'xlsx', entries: 6 });
  });

  it('refuses an xlsx zip bomb before inflating it', async () => {
    const t = performance.now();
    const r = await s.validate(zipBomb(), XLSX_TYPE, '?filename=bomb.xlsx');
    expect(r.status).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'input/limit', data: { file: 'bomb.xlsx' } });
    expect(r.json().error.message).toContain('--max-zip-ratio');
    expect(performance.now() - t).toBeLessThan(5_000);
    expect((await s.get('/healthz')).json().status).toBe('ok');
  });

  it('survives hostile uploads: deep nesting, garbage, prototype keys', async () => {
    const deep = await s.validate(deepJson(200_000), JSON_TYPE);
    expect([deep.status, deep.json().error.code]).toEqual([400, 'input/limit']);
    const junk = await s.validate(garbage(64 * 1024), JSON_TYPE);
    expect(junk.status).toBe(400);
    expect(['input/malformed', 'input/format-mismatch']).toContain(junk.json().error.code);
    const proto = Buffer.from(
      `{"kind":"shared","entries":[{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"name":"食品经营许可信息"}]}`,
    );
    const p = await s.validate(proto, JSON_TYPE);
    expect([200, 400]).toContain(p.status);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await s.get('/healthz')).json().status).toBe('ok');
  });

  describe('POST /v1/compile', () => {
    const entries = syntheticEntries(5).map((e, i) =>
      i === 3 ? { ...e, code: '', updateCycle: '每天' } : e,
    );
    const workbook = () => catalogXlsx(XLSX, entries);

    it('answers the compiled catalog in the input format, with counts in headers', async () => {
      const r = await fetch(`${s.url}/v1/compile?filename=南宁.xlsx&today=2021-11-23`, {
        method: 'POST',
        headers: { 'content-type': XLSX_TYPE },
        body: workbook(),
      });
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe(XLSX_TYPE);
      expect(r.headers.get('content-disposition')).toBe(
        `attachment; filename*=UTF-8''${encodeURIComponent('南宁.xlsx')}`,
      );
      expect(r.headers.get('x-govcat-codes')).toBe('1');
      const compiled = Buffer.from(await r.arrayBuffer());
      const recheck = await validateCatalog({ name: '南宁.xlsx', bytes: compiled }, { today: '2021-11-23' });
      expect(recheck.summary).toMatchObject({ entries: 5, errors: 0 });
      const again = await validateCatalog({ name: 'x.xlsx', bytes: compiled });
      expect(again.files[0]!.findings.filter((f) => f.ruleId === 'metadata/vocabulary-synonym')).toEqual([]);
    });

    it('answers report, output and lock as JSON, exactly as compileCatalog gives them', async () => {
      const bytes = workbook();
      const r = await fetch(`${s.url}/v1/compile?filename=南宁.xlsx&to=json&response=json&today=2021-11-23`, {
        method: 'POST',
        headers: { 'content-type': XLSX_TYPE },
        body: bytes,
      });
      expect(r.status).toBe(200);
      const body = await r.json();
      const local = await compileCatalog(
        { name: '南宁.xlsx', bytes },
        { format: 'json', outputName: '南宁.json', today: '2021-11-23' },
      );
      expect(body.report).toEqual(local.report);
      expect(Buffer.from(body.output.base64, 'base64')).toEqual(Buffer.from(local.output));
      expect(body.output).toMatchObject({ name: '南宁.json', format: 'json' });
      expect(body.lock).toEqual(local.lock);
      expect(body.report.files[0].codes).toEqual([
        expect.objectContaining({ code: '315004002/1', entry: 3 }),
      ]);

      // The lock sent back with the next upload keeps the code (multipart field `lock`).
      const form = new FormData();
      form.append('file', new Blob([bytes]), '南宁.xlsx');
      form.append('lock', JSON.stringify(body.lock));
      const next = await (
        await fetch(`${s.url}/v1/compile?response=json`, { method: 'POST', body: form })
      ).json();
      expect(next.report.files[0].codes).toEqual([
        expect.objectContaining({ code: '315004002/1', source: 'lock' }),
      ]);
      expect(next.lockChanged).toBe(false);
    });

    it('refuses a bad lock, a bad output format and an unreadable body', async () => {
      const form = new FormData();
      form.append('file', new Blob([workbook()]), '南宁.xlsx');
      form.append('lock', '{"codes": 3');
      const lock = await fetch(`${s.url}/v1/compile`, { method: 'POST', body: form });
      expect([lock.status, (await lock.json()).error.code]).toEqual([400, 'config/malformed']);
      const to = await fetch(`${s.url}/v1/compile?to=pdf`, {
        method: 'POST',
        headers: { 'content-type': XLSX_TYPE },
        body: workbook(),
      });
      expect([to.status, (await to.json()).error.code]).toEqual([400, 'service/bad-parameter']);
      const broken = await fetch(`${s.url}/v1/compile?filename=broken.json`, {
        method: 'POST',
        headers: { 'content-type': JSON_TYPE },
        body: '{"entries": [',
      });
      expect(broken.status).toBe(400);
      expect((await broken.json()).error.code).toBe('input/malformed');
    });
  });

  it('lists rules, formats and health', async () => {
    const rules = await s.get('/v1/rules');
    expect(rules.json()).toEqual(JSON.parse(JSON.stringify(ruleRows())));
    const formats = (await s.get('/v1/formats')).json();
    expect(formats.inputs.map((i: { format: string }) => i.format)).toContain('json');
    expect(formats.outputs).toEqual(expect.arrayContaining(['json', 'stylish', 'compact']));
    const health = await s.get('/healthz');
    expect(health.json()).toMatchObject({ status: 'ok', workers: { threads: 1 }, limit: 3 });
    const missing = await s.get('/v2/validate');
    expect([missing.status, missing.json().error.code]).toEqual([404, 'service/not-found']);
  });

  it('writes one structured log record per request', async () => {
    const before = s.logs.length;
    const r = await fetch(`${s.url}/v1/validate?filename=log.json&today=2021-11-23`, {
      method: 'POST',
      headers: { 'content-type': JSON_TYPE, 'x-request-id': 'ingest-2021-0001' },
      body: example,
    });
    expect(r.headers.get('x-request-id')).toBe('ingest-2021-0001');
    await r.text();
    await until(() => s.logs.length > before);
    const record = s.logs.at(-1)!;
    expect(record).toMatchObject({
      level: 'info',
      event: 'request',
      id: 'ingest-2021-0001',
      method: 'POST',
      path: '/v1/validate',
      status: 200,
      outcome: 'invalid',
      size: example.length,
      entries: 12,
      errors: expected.summary.errors,
      format: 'json',
    });
    expect(typeof record.durationMs).toBe('number');
    expect(JSON.parse(JSON.stringify(record))).toEqual(record);
  });
});

describe('govcat serve: saturation, queueing and time caps', () => {
  it('runs one file at a time with one worker, queues the next two and answers 503 beyond', async () => {
    const s = await startService({ concurrency: 1, queue: 2 });
    let polling = true;
    try {
      const slow = catalogJson(4000);
      const peak = { running: 0, queued: 0, healthMaxMs: 0 };
      const poller = (async () => {
        while (polling) {
          const t = performance.now();
          const h = await s
            .get('/healthz')
            .then((r) => r.json())
            .catch(() => undefined);
          if (!h) break;
          peak.healthMaxMs = Math.max(peak.healthMaxMs, performance.now() - t);
          peak.running = Math.max(peak.running, h.workers.running);
          peak.queued = Math.max(peak.queued, h.workers.queued);
          await new Promise((r) => setTimeout(r, 15));
        }
      })();
      const first = s.validate(slow, JSON_TYPE, '?filename=first.json');
      await until(async () => (await s.get('/healthz')).json().workers.running === 1);
      const second = s.validate(slow, JSON_TYPE, '?filename=second.json');
      const third = s.validate(clean, JSON_TYPE, '?filename=third.json');
      await until(async () => (await s.get('/healthz')).json().inflight === 3);
      const refused = await s.validate(clean, JSON_TYPE, '?filename=fourth.json');
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(refused.json().error.code).toBe('service/saturated');
      const results = await Promise.all([first, second, third]);
      polling = false;
      await poller;
      expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(results.map((r) => r.json().files[0].entries)).toEqual([4000, 4000, 2]);
      expect(peak.running).toBe(1);
      expect(peak.queued).toBeGreaterThanOrEqual(1);
      // Health checks stay quick while a worker is busy: validation is off the event loop, so no probe
      // waits anywhere near as long as one validation runs.
      const firstRun = s.logs.find((l) => l.event === 'request' && l.status === 200 && l.entries === 4000)!;
      expect(peak.healthMaxMs).toBeLessThan((firstRun.runMs as number) / 2);
      const served = s.logs.filter(
        (l) => l.event === 'request' && l.path === '/v1/validate' && l.status === 200,
      );
      expect(served.filter((l) => (l.waitMs as number) > 0).length).toBeGreaterThanOrEqual(1);
      expect(s.logs.filter((l) => l.outcome === 'saturated')).toHaveLength(1);
    } finally {
      polling = false;
      await s.close();
    }
  });

  it('answers 503 at once when there is no queue and the worker is busy', async () => {
    const s = await startService({ concurrency: 1, queue: 0 });
    try {
      const busy = s.validate(catalogJson(3000), JSON_TYPE);
      await until(async () => (await s.get('/healthz')).json().inflight === 1);
      const t = performance.now();
      const r = await s.validate(clean, JSON_TYPE);
      expect(r.status).toBe(503);
      expect(performance.now() - t).toBeLessThan(1000);
      expect((await busy).status).toBe(200);
      expect((await s.validate(clean, JSON_TYPE)).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it('honours Expect: 100-continue: the body is invited only when it will be read', async () => {
    const s = await startService({ concurrency: 1, queue: 0, maxBody: 4 * 1024 * 1024 });
    /** Sends the headers, sends the body only once invited, and returns everything the server said. */
    const exchange = (length: number, body?: Buffer) =>
      new Promise<string>((resolve, reject) => {
        const { port } = new URL(s.url);
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.write(
            `POST /v1/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\nExpect: 100-continue\r\n\r\n`,
          );
        });
        let data = Buffer.alloc(0);
        socket.on('data', (d: Buffer) => {
          data = Buffer.concat([data, d]);
          const text = data.toString('latin1');
          if (body && text.startsWith('HTTP/1.1 100 Continue\r\n\r\n')) {
            socket.write(body);
            body = undefined;
          }
          // The final answer complete (its Content-Length reached): hang up.
          const final = text.replace(/^HTTP\/1\.1 100 Continue\r\n\r\n/, '');
          const head = final.indexOf('\r\n\r\n');
          const declared = /content-length: (\d+)/i.exec(final.slice(0, head));
          if (head >= 0 && declared && final.length - head - 4 >= Number(declared[1])) socket.end();
        });
        socket.on('close', () => resolve(data.toString('utf8')));
        socket.on('error', reject);
        setTimeout(() => socket.destroy(), 10_000);
      });
    try {
      const tooBig = await exchange(5 * 1024 * 1024);
      expect(tooBig).toMatch(/^HTTP\/1\.1 413/);
      const accepted = await exchange(clean.length, clean);
      expect(accepted).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200/);
      const busy = s.validate(catalogJson(3000), JSON_TYPE);
      await until(async () => (await s.get('/healthz')).json().inflight === 1);
      const refused = await exchange(900 * 1024);
      expect(refused).toMatch(/^HTTP\/1\.1 503/);
      expect(refused).toMatch(/connection: close/i);
      expect((await busy).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it('stops a file that runs past the time cap, answers 400 input/timeout and keeps serving', async () => {
    const s = await startService({ concurrency: 1, limits: { timeoutMs: 500 } });
    try {
      const r = await s.validate(catalogJson(20_000), JSON_TYPE, '?filename=huge.json');
      expect(r.status).toBe(400);
      expect(r.json().error).toMatchObject({
        code: 'input/timeout',
        data: { file: 'huge.json', limit: 500 },
      });
      const next = await s.validate(clean, JSON_TYPE);
      expect(next.status).toBe(200);
      expect((await s.get('/healthz')).json().status).toBe('ok');
    } finally {
      await s.close();
    }
  });

  it('stops a worker that runs past its memory cap and keeps serving', async () => {
    const s = await startService({ concurrency: 1, maxWorkerMemoryMb: 64, maxBody: 10 * 1024 * 1024 });
    try {
      const r = await s.validate(catalogJson(12_000), JSON_TYPE, '?filename=huge.json');
      expect(r.status).toBe(400);
      expect(r.json().error).toMatchObject({ code: 'input/limit', data: { file: 'huge.json', limit: 64 } });
      expect((await s.validate(clean, JSON_TYPE)).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it('refuses to start with a worker heap too small to parse the largest upload', async () => {
    await expect(
      createService({ concurrency: 1, maxWorkerMemoryMb: 64, maxBody: 50 * 1024 * 1024 }),
    ).rejects.toMatchObject({
      code: 'config/invalid',
      messageId: 'service.memoryTooSmall',
      data: { memory: 64, body: 50 * 1024 * 1024, needed: heapNeededMb(50 * 1024 * 1024) },
    });
  });

  it('answers 408 and closes a connection that trickles its upload past the request timeout', async () => {
    const s = await startService({ concurrency: 1, requestTimeoutMs: 400 });
    try {
      const { port } = new URL(s.url);
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.write(
            `POST /v1/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"kind":`,
          );
        });
        let data = '';
        socket.on('data', (d) => {
          data += d.toString();
        });
        socket.on('close', () => resolve(data));
        socket.on('error', reject);
        setTimeout(() => reject(new Error('connection was not closed')), 5000);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect((await s.validate(clean, JSON_TYPE)).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it('drops a queued request whose client went away, and finishes in-flight work on close', async () => {
    const s = await startService({ concurrency: 1, queue: 2 });
    const busy = s.validate(catalogJson(3000), JSON_TYPE);
    await until(async () => (await s.get('/healthz')).json().workers.running === 1);
    const controller = new AbortController();
    const gone = fetch(`${s.url}/v1/validate`, {
      method: 'POST',
      headers: { 'content-type': JSON_TYPE },
      body: clean,
      signal: controller.signal,
    }).catch((e: Error) => e.name);
    await until(async () => (await s.get('/healthz')).json().workers.queued === 1);
    controller.abort();
    expect(await gone).toBe('AbortError');
    await until(async () => (await s.get('/healthz')).json().workers.queued === 0);
    const closing = s.close();
    expect((await busy).status).toBe(200);
    await closing;
    await until(() => s.logs.some((l) => l.outcome === 'aborted'));
    // The warm-up task and the busy file ran; the abandoned one never reached a worker.
    expect(s.service.pool.stats().completed).toBe(2);
  });
});
