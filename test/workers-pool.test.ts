// The worker pool: same results as in-process validation, time and memory caps that stop a worker, a bounded queue.
// Workers run the built code (dist/), so `npm run build` first (npm test does).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { catalogJson, catalogXlsx } from '../scripts/lib/catalogs.mjs';
import { getFormatter, renderReport } from '../src/formatters/index.js';
import { compileCatalog, validateCatalog } from '../src/index.js';
import {
  CatalogPool,
  heapNeededMb,
  PoolClosedError,
  PoolSaturatedError,
  poolReport,
} from '../src/workers/pool.js';

const root = join(import.meta.dirname, '..');
const examplePath = join(root, 'examples', 'nanning-shared-catalog.json');
const example = readFileSync(examplePath);
const today = '2021-11-23';

describe('CatalogPool', () => {
  it('returns the same file report as validateCatalog, from bytes and from a path', async () => {
    const pool = new CatalogPool({ threads: 2 });
    try {
      const expected = await validateCatalog({ name: 'nanning.json', bytes: example }, { today });
      const fromBytes = await pool.validate({ name: 'nanning.json', bytes: example }, { today });
      const fromPath = await pool.validate({ path: examplePath, name: 'nanning.json' }, { today });
      expect(fromBytes.report).toEqual(expected.files[0]);
      expect(fromPath.report).toEqual(expected.files[0]);
      expect(fromBytes.counts).toEqual({
        error: expected.summary.errors,
        warning: expected.summary.warnings,
        info: expected.summary.infos,
      });
      expect(fromBytes.counts.error).toBeGreaterThan(0);
      expect(fromBytes.finishedAt).toBeGreaterThanOrEqual(fromBytes.startedAt);
      const en = await pool.validate({ name: 'nanning.json', bytes: example }, { today, lang: 'en' });
      const expectedEn = await validateCatalog(
        { name: 'nanning.json', bytes: example },
        { today, lang: 'en' },
      );
      expect(en.report).toEqual(expectedEn.files[0]);
      expect(en.report.findings[0]!.message).not.toEqual(fromBytes.report.findings[0]!.message);
    } finally {
      await pool.close();
    }
  });

  it('renders the report in the worker exactly as poolReport and the formatter would', async () => {
    const pool = new CatalogPool({ threads: 1 });
    try {
      const plain = await pool.validate({ name: 'nanning.json', bytes: example }, { today, lang: 'en' });
      const expectedText = renderReport(getFormatter('sarif')!, poolReport([plain]), {
        lang: 'en',
        color: false,
      });
      const r = await pool.render(
        { name: 'nanning.json', bytes: example },
        { today, lang: 'en' },
        { format: 'sarif' },
      );
      expect(r.rendered).toBe(expectedText);
      expect([r.entries, r.counts, r.error]).toEqual([12, plain.counts, undefined]);
      const broken = await pool.render({ name: 'b.json', bytes: Buffer.from('{') }, {}, { format: 'json' });
      expect([broken.rendered, broken.error?.code]).toEqual(['', 'input/malformed']);
    } finally {
      await pool.close();
    }
  });

  it('applies the configuration it is given (rules, suppressions)', async () => {
    const pool = new CatalogPool({ threads: 1 });
    try {
      const all = await pool.validate({ name: 'nanning.json', bytes: example }, { today });
      const unique = all.report.findings.filter((f) => f.ruleId === 'code/unique').length;
      expect(unique).toBe(2);
      const config = { rules: { 'code/unique': 'off' as const } };
      const r = await pool.validate({ name: 'nanning.json', bytes: example }, { today, config });
      expect(r.report.findings.map((f) => f.ruleId)).not.toContain('code/unique');
      expect(r.counts.error).toBe(all.counts.error - unique);
    } finally {
      await pool.close();
    }
  });

  it('compiles in a worker, exactly as compileCatalog does, and reports what it cannot compile', async () => {
    const pool = new CatalogPool({ threads: 1, taskTimeoutMs: 500 });
    try {
      const options = { format: 'xlsx' as const, outputName: 'nanning.xlsx' };
      const local = await compileCatalog({ name: 'nanning.json', bytes: example }, { ...options, today });
      const r = await pool.compile({ name: 'nanning.json', bytes: example }, { today }, options);
      expect(r.report).toEqual(local.report);
      expect(Buffer.from(r.output!)).toEqual(Buffer.from(local.output));
      expect([r.format, r.lockChanged]).toEqual(['xlsx', local.lockChanged]);
      const broken = await pool.compile({ name: 'broken.json', bytes: Buffer.from('[') });
      expect(broken.output).toBeUndefined();
      expect(broken.report.files[0]!.error?.code).toBe('input/malformed');
      const slow = await pool.compile({ name: 'huge.json', bytes: catalogJson(20_000) }, { today });
      expect([slow.stopped, slow.report.files[0]!.error?.code]).toEqual(['timeout', 'input/timeout']);
    } finally {
      await pool.close();
    }
  });

  it('reports unreadable input in the file report, like the CLI', async () => {
    const pool = new CatalogPool({ threads: 1 });
    try {
      const dir = mkdtempSync(join(tmpdir(), 'govcat-pool-'));
      writeFileSync(join(dir, 'empty.json'), '');
      const missing = await pool.validate({ path: join(dir, 'missing.json'), name: 'missing.json' });
      expect(missing.report.error).toMatchObject({ code: 'input/not-found' });
      const empty = await pool.validate({ path: join(dir, 'empty.json'), name: 'empty.json' });
      expect(empty.report.error?.code).toBe('input/empty');
      const xml = await pool.validate({ name: 'catalog.docx', bytes: example });
      expect(xml.report.error?.code).toBe('input/unsupported-format');
    } finally {
      await pool.close();
    }
  });

  it('terminates a worker past the time cap, reports input/timeout and carries on', async () => {
    const pool = new CatalogPool({ threads: 1, taskTimeoutMs: 500 });
    try {
      const r = await pool.validate({ name: 'huge.json', bytes: catalogJson(20_000) }, { today });
      expect(r.stopped).toBe('timeout');
      expect(r.report.error).toMatchObject({
        code: 'input/timeout',
        message: 'huge.json 的读取和校验超过 500 毫秒（--timeout-ms），已停止：文件可能过大或内容异常',
      });
      const next = await pool.validate({ name: 'nanning.json', bytes: example }, { today });
      expect(next.report.entries).toBe(12);
    } finally {
      await pool.close();
    }
  });

  it('takes the time cap from the limits when the pool sets none', async () => {
    const pool = new CatalogPool({ threads: 1 });
    try {
      const r = await pool.validate(
        { name: 'huge.json', bytes: catalogJson(20_000) },
        { limits: { timeoutMs: 120 } },
      );
      expect(r.report.error).toMatchObject({ code: 'input/timeout', data: { limit: 120 } });
    } finally {
      await pool.close();
    }
  });

  it('terminates a worker past its heap cap and reports input/limit', async () => {
    const pool = new CatalogPool({ threads: 1, maxWorkerMemoryMb: 64 });
    try {
      // Too big to be read and validated within the cap: a workbook (read whole, its grid in memory). Text
      // files that size are checked as they stream, within the cap (below).
      const workbook = catalogXlsx(XLSX, 12_000) as Uint8Array;
      const r = await pool.validate({ name: 'huge.xlsx', bytes: workbook }, { today, lang: 'en' });
      expect(r.stopped).toBe('memory');
      expect(r.report.error).toMatchObject({ code: 'input/limit', data: { file: 'huge.xlsx', limit: 64 } });
      expect(r.report.error?.message).toContain('--max-worker-memory');
      const next = await pool.validate({ name: 'nanning.json', bytes: example }, { today });
      expect(next.report.entries).toBe(12);
      // As many entries in a JSON catalog are checked as they are read: within the cap.
      const streamed = await pool.validate({ name: 'huge.json', bytes: catalogJson(12_000) }, { today });
      expect(streamed.stopped).toBeUndefined();
      expect(streamed.report.entries).toBe(12_000);
    } finally {
      await pool.close();
    }
  });

  it('refuses up front a text file whose parsing alone would pass the heap cap', async () => {
    const pool = new CatalogPool({ threads: 1, maxWorkerMemoryMb: 64 });
    try {
      const bytes = catalogJson(40_000);
      const r = await pool.validate({ name: 'huge.json', bytes }, { today });
      expect(r.stopped).toBeUndefined();
      expect(r.report.error).toMatchObject({
        code: 'input/limit',
        data: { file: 'huge.json', size: bytes.length, limit: 64, needed: heapNeededMb(bytes.length) },
      });
      expect(r.report.error?.message).toMatch(
        /^huge\.json 有 \d+ 字节，解析它约需 \d+ MiB 内存，超过工作线程上限 64 MiB/,
      );
      expect(pool.stats().completed).toBe(0);
    } finally {
      await pool.close();
    }
  });

  it('bounds the queue: with one worker and one waiting slot, a third task is refused', async () => {
    const pool = new CatalogPool({ threads: 1, maxQueue: 1 });
    try {
      const big = catalogJson(3000);
      let started = 0;
      const first = pool.validate({ name: 'a.json', bytes: big }, { today }, { onStart: () => started++ });
      const second = pool.validate(
        { name: 'b.json', bytes: example },
        { today },
        { onStart: () => started++ },
      );
      await expect(pool.validate({ name: 'c.json', bytes: example }, { today })).rejects.toBeInstanceOf(
        PoolSaturatedError,
      );
      const [a, b] = await Promise.all([first, second]);
      expect([a.report.entries, b.report.entries]).toEqual([3000, 12]);
      expect(started).toBe(2);
      // One worker: the second started only after the first finished.
      expect(b.startedAt).toBeGreaterThanOrEqual(a.finishedAt);
      expect(b.waitMs).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });

  it('runs tasks side by side with two workers', async () => {
    const pool = new CatalogPool({ threads: 2, minThreads: 2 });
    try {
      await pool.warm({ today });
      const big = catalogJson(3000);
      const [a, b] = await Promise.all([
        pool.validate({ name: 'a.json', bytes: big }, { today }),
        pool.validate({ name: 'b.json', bytes: big }, { today }),
      ]);
      expect(b.startedAt).toBeLessThan(a.finishedAt);
      expect(a.startedAt).toBeLessThan(b.finishedAt);
    } finally {
      await pool.close();
    }
  });

  it('drops an aborted task from the queue without running it', async () => {
    const pool = new CatalogPool({ threads: 1 });
    try {
      const busy = pool.validate({ name: 'a.json', bytes: catalogJson(3000) }, { today });
      const controller = new AbortController();
      let ran = false;
      const queued = pool.validate(
        { name: 'b.json', bytes: example },
        { today },
        { signal: controller.signal, onStart: () => (ran = true) },
      );
      controller.abort();
      await expect(queued).rejects.toMatchObject({ name: 'AbortError' });
      expect((await busy).report.entries).toBe(3000);
      expect(ran).toBe(false);
    } finally {
      await pool.close();
    }
  });

  it('refuses work after close', async () => {
    const pool = new CatalogPool({ threads: 1 });
    await pool.close();
    await expect(pool.validate({ name: 'a.json', bytes: example })).rejects.toBeInstanceOf(PoolClosedError);
  });
});
