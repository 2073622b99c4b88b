// compileCatalog: fixes listed, codes assigned, findings for what cannot be fixed, input untouched, output valid.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { defineRule } from '../src/rules/define.js';
import { registryRules } from '../src/rules/registry.js';
import { getValidator, SCHEMA_IDS } from '../src/schema/ajv.js';
import { compileCatalog } from '../src/validate.js';
import { CatalogPool } from '../src/workers/pool.js';
import { catalogOf } from './helpers/catalog.js';

const fixturePath = join(import.meta.dirname, 'fixtures', 'compile-shared-catalog.json');
const fixture = () => JSON.parse(readFileSync(fixturePath, 'utf8'));
const json = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes));

describe('compileCatalog', () => {
  it('assigns codes per prefix, keeps existing ones, and reports entries it cannot code', async () => {
    const result = await compileCatalog(fixturePath, { today: '2021-11-23' });
    expect(result.codes.map((c) => [c.entry, c.code, c.source])).toEqual([
      [1, '315018001/4', 'sequence'],
      [4, '315015001/002', 'sequence'],
      [5, '315002001/1', 'sequence'],
      [6, '315002001/2', 'sequence'],
    ]);
    const out = json(result.output);
    expect(out.entries.map((e: { code?: string }) => e.code)).toEqual([
      '315018001/1',
      '315018001/4',
      '315018001/3',
      '315015001/001',
      '315015001/002',
      '315002001/1',
      '315002001/2',
      undefined,
    ]);
    const findings = result.report.files[0]!.findings.map((f) => [f.entry, f.ruleId, f.location.field]);
    expect(findings).toContainEqual([7, 'compile/code-not-assigned', 'classification']);
    const notAssigned = result.report.files[0]!.findings.find(
      (f) => f.ruleId === 'compile/code-not-assigned',
    );
    expect(notAssigned?.message).toContain('“31500200X”无效');
  });

  it('assigns a code on the first run when the classification needed a rule fix first', async () => {
    const catalog = catalogOf('shared', [
      { code: '315018001/1', classification: '315018001' },
      { code: '', classification: '315.018.001', name: '食品生产许可信息' },
    ]);
    const result = await compileCatalog({ name: 'a.json', catalog }, { today: '2021-11-23' });
    expect(result.codes.map((c) => [c.entry, c.code])).toEqual([[1, '315018001/2']]);
    expect(
      result.fixes.filter((f) => f.by === 'rule').map((f) => [f.entry, f.field, f.from, f.to, f.ruleId]),
    ).toEqual([[1, 'classification', '315.018.001', '315018001', 'code/classification-format']]);
    expect(result.lock.codes.map((c) => c.code)).toEqual(['315018001/1', '315018001/2']);
    // A second run with the lock changes nothing: the first run already did the whole job.
    const again = await compileCatalog(
      { name: 'a.json', catalog: json(result.output) },
      {
        today: '2021-11-23',
        lock: result.lock,
      },
    );
    expect([again.codes, again.lockChanged]).toEqual([[], false]);
    // The service compiles on the worker pool: the same first run there.
    const pool = new CatalogPool({ threads: 1 });
    try {
      const bytes = new TextEncoder().encode(JSON.stringify(catalog));
      const pooled = await pool.compile({ name: 'a.json', bytes }, { today: '2021-11-23' });
      expect(pooled.report.files[0]!.codes?.map((c) => c.code)).toEqual(['315018001/2']);
    } finally {
      await pool.close();
    }
  });

  it('applies the safe fixes and lists each one with its field', async () => {
    const result = await compileCatalog(fixturePath, { today: '2021-11-23' });
    expect(result.fixes.map((f) => [f.entry, f.field, f.kind, f.from, f.to, f.by])).toEqual(
      [
        [0, 'format', 'list', '数据库、XLSX', ['数据库', 'XLSX']],
        [
          0,
          'provider',
          'whitespace',
          ' 南宁市市场监督管理局食品经营监管科',
          '南宁市市场监督管理局食品经营监管科',
        ],
        [0, 'publishDate', 'date', '2021/7/13', '2021-07-13'],
        [0, 'open.open', 'form', '是', 1],
        [0, 'format[1]', 'form', 'XLSX', 'xlsx'],
        [0, 'share.type', 'form', '无条件共享', 1],
        [0, 'items[0].type', 'type-syntax', 'C（20）', 'C(20)'],
        [2, 'publishDate', 'date', '2021年7月20日', '2021-07-20'],
      ].map((f) => [...f, 'compile']),
    );
    const out = json(result.output);
    expect(out.entries[0].share.type).toBe(1);
    expect(out.entries[0].format).toEqual(['数据库', 'xlsx']);
    // Only the uncodeable entry keeps errors: everything else compiled to a schema-valid entry.
    const valid = getValidator(SCHEMA_IDS.catalog);
    expect(valid({ ...out, entries: out.entries.slice(0, 7) })).toBe(true);
    // Compile continued after 315018001/3 and left the gap at /2: that is for a person to judge.
    expect(
      result.report.files[0]!.findings.filter((f) => f.entry !== 7).map((f) => [
        f.entry,
        f.ruleId,
        f.severity,
      ]),
    ).toEqual([[2, 'code/sequence-gaps', 'warning']]);
  });

  it('returns a report that satisfies the report contract, with fixes and codes', async () => {
    const result = await compileCatalog(fixturePath, { today: '2021-11-23', outputName: 'out.json' });
    const validate = getValidator(SCHEMA_IDS.report);
    expect(validate(result.report), JSON.stringify(validate.errors)).toBe(true);
    const file = result.report.files[0]!;
    expect(file.codes).toHaveLength(4);
    expect(file.fixes).toHaveLength(8);
    expect(file.output).toBe('out.json');
    expect(result.report.summary.errors).toBeGreaterThan(0);
  });

  it('never writes: the input file keeps its bytes', async () => {
    const before = readFileSync(fixturePath);
    await compileCatalog(fixturePath, { format: 'xlsx' });
    await compileCatalog(fixturePath, { format: 'csv' });
    expect(readFileSync(fixturePath).equals(before)).toBe(true);
  });

  it('keeps codes stable across runs through the lock when rows move', async () => {
    const first = await compileCatalog(fixturePath);
    const doc = fixture();
    doc.entries.reverse();
    const moved = await compileCatalog({ name: 'moved.json', catalog: doc }, { lock: first.lock });
    const byName = (r: typeof first) => Object.fromEntries(r.codes.map((c) => [c.entryName, c.code]));
    expect(byName(moved)).toEqual(byName(first));
    expect(moved.codes.every((c) => c.source === 'lock')).toBe(true);
    expect(moved.lockChanged).toBe(false);
    expect(first.lockChanged).toBe(true);
  });

  it('uses the configured separator and sequence width for new prefixes', async () => {
    const result = await compileCatalog(fixturePath, {
      config: { codeSeparator: '-', compile: { sequenceWidth: 3 } },
    });
    expect(result.codes.map((c) => c.code)).toEqual([
      '315018001-4',
      '315015001-002',
      '315002001-001',
      '315002001-002',
    ]);
  });

  it('applies fixes that rules propose, one per field and pass, and skips stale ones', async () => {
    // A second rule proposing another value for the same field: it must not apply on top of the first.
    const rival = defineRule({
      meta: {
        id: 'metadata/test-rival-fix',
        category: 'metadata',
        scope: 'entry',
        defaultSeverity: 'warning',
        docs: { title: { zh: '测试', en: 'test' }, basis: 'test', recommended: true },
        messages: { rival: { zh: '“{{value}}”', en: '"{{value}}"' } },
        fixable: true,
      },
      create(context) {
        return {
          entry(entry) {
            const value = entry.data.updateCycle;
            if (value === '每天')
              context.report({
                messageId: 'rival',
                field: '/updateCycle',
                data: { value },
                fix: { from: value, to: '每月' },
              });
          },
        };
      },
    });
    const catalog = catalogOf('shared', [
      { updateCycle: '每天', name: '食品经营许可 信息' },
      { code: '315018001/2', name: '食品生产许可信息', updateCycle: '每日' },
    ]);
    const result = await compileCatalog(
      { name: 'c.json', catalog: catalog as never },
      { rules: [...registryRules(), rival], config: { rules: { 'metadata/test-rival-fix': 'warning' } } },
    );
    expect(
      result.fixes.filter((f) => f.by === 'rule').map((f) => [f.entry, f.field, f.from, f.to, f.ruleId]),
    ).toEqual([
      [0, 'updateCycle', '每天', '每日', 'metadata/vocabulary-synonym'],
      [0, 'name', '食品经营许可 信息', '食品经营许可信息', 'naming/no-punctuation'],
    ]);
    const out = json(result.output).entries[0];
    expect([out.name, out.updateCycle]).toEqual(['食品经营许可信息', '每日']);
    expect(result.report.files[0]!.findings).toEqual([]);
  });

  it('does not fault open catalogs for having no classification', async () => {
    const result = await compileCatalog({
      name: 'open.json',
      catalog: catalogOf('open', [{}, { name: '南宁市公共自行车站点信息' }]) as never,
    });
    expect(result.codes).toEqual([]);
    expect(result.report.files[0]!.findings.filter((f) => f.ruleId.startsWith('compile/'))).toEqual([]);
  });

  it('refuses a catalog that does not fit a worksheet instead of writing a truncated one', async () => {
    const many = catalogOf(
      'shared',
      Array.from({ length: 300 }, (_, i) => ({
        code: `315018001/${i + 1}`,
        items: Array.from({ length: 220 }, (_, k) => ({ name: `数据项${k}`, type: 'C(20)' })),
      })),
    );
    await expect(
      compileCatalog({ name: '大目录.json', catalog: many as never }, { format: 'xls' }),
    ).rejects.toThrow('大目录.json 编译后有 66002 行，超过 xls 工作表的 65536 行上限：请输出为 csv 或 json');
    // Below Excel's limit but over the memory budget of a workbook output.
    await expect(
      compileCatalog(
        { name: '大目录.json', catalog: many as never },
        { format: 'xlsx', maxSheetRows: 50_000 },
      ),
    ).rejects.toThrow('大目录.json 编译后有 66002 行，超过工作簿输出的 50000 行上限（--max-sheet-rows');
    expect(
      (await compileCatalog({ name: '大目录.json', catalog: many as never }, { format: 'xlsx' })).output
        .length,
    ).toBeGreaterThan(0);
    const long = catalogOf('shared', [{ summary: '食'.repeat(40_000) }]);
    await expect(
      compileCatalog({ name: 'c.json', catalog: long as never }, { format: 'xlsx' }),
    ).rejects.toThrow('c.json 第 1 条目录的“数据资源摘要”有 40000 个字符，超过 xlsx 单元格的 32767 字符上限');
    // JSON has no such limit: nothing is lost.
    const json = await compileCatalog({ name: 'c.json', catalog: long as never }, { format: 'json' });
    expect(JSON.parse(new TextDecoder().decode(json.output)).entries[0].summary).toHaveLength(40_000);
  });

  it('writes the compiled catalog as a workbook with the new codes in their cells', async () => {
    const result = await compileCatalog(fixturePath, { format: 'xlsx' });
    const wb = XLSX.read(result.output, { type: 'array', dense: true });
    const rows = XLSX.utils.sheet_to_json(wb.Sheets['政务数据资源目录']!, {
      header: 1,
      defval: null,
    }) as unknown[][];
    const codes = rows
      .slice(3)
      .map((r) => r[2])
      .filter((c) => c !== null);
    expect(codes).toEqual([
      '315018001/1',
      '315018001/4',
      '315018001/3',
      '315015001/001',
      '315015001/002',
      '315002001/1',
      '315002001/2',
    ]);
    expect(rows[3]![9]).toBe(1);
  });
});
