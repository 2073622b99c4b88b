// The JSON Schemas: they compile, accept realistic catalogs, reject broken ones, and carry Chinese labels.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderText } from '../src/i18n/text.js';
import { allFields, fieldLabelText } from '../src/model/fields.js';
import { getSchema, getValidator, SCHEMA_IDS, schemaIds } from '../src/schema/ajv.js';
import { baseEntry, catalogOf, merge } from './helpers/catalog.js';

const catalogValid = (data: unknown) => getValidator(SCHEMA_IDS.catalog)(data);

describe('schemas', () => {
  it('all compile in strict mode and have English titles for generated types', () => {
    for (const id of schemaIds()) {
      expect(() => getValidator(id)).not.toThrow();
      expect(getSchema(id).title, id).toMatch(/^[A-Z][A-Za-z]+$/);
    }
  });

  it('accept a realistic shared and open catalog', () => {
    expect(catalogValid(catalogOf('shared', [{}, { code: '315018001/2', name: '食品生产许可信息' }]))).toBe(
      true,
    );
    expect(catalogValid(catalogOf('open', [{}]))).toBe(true);
  });

  it('require the core fields of a shared entry but not of an open one', () => {
    const withoutCode = catalogOf('shared', [{ code: null }]);
    expect(catalogValid(withoutCode)).toBe(false);
    expect(catalogValid({ kind: 'open', entries: [baseEntry('open')] })).toBe(true);
    expect(
      catalogValid({
        kind: 'open',
        entries: [merge(baseEntry('open'), { share: { type: 1, condition: 'x', method: 'y' } })],
      }),
    ).toBe(false);
  });

  it('encode the classification code levels', () => {
    const v = (classification: string) => catalogValid(catalogOf('shared', [{ classification }]));
    expect(v('315018001')).toBe(true);
    expect(v('3150180012345')).toBe(true);
    expect(v('415018001')).toBe(false); // 类 must be 1, 2 or 3
    expect(v('31501')).toBe(false); // 项 2 + 目 3 digits needed
    expect(v('31A018001')).toBe(false);
  });

  it('encode the resource code as classification + separator + sequence', () => {
    const v = (code: string) => catalogValid(catalogOf('shared', [{ code }]));
    expect(v('315018001/12')).toBe(true);
    expect(v('315018001-3')).toBe(true);
    expect(v('315018001/')).toBe(false);
    expect(v('/12')).toBe(false);
  });

  it('require 共享方式 for 共享类型 1 and 2 only (if/then)', () => {
    const v = (share: Record<string, unknown>) => catalogValid(catalogOf('shared', [{ share }]));
    expect(v({ type: 2, condition: '仅向民政部门提供，用于救助审核', method: null })).toBe(false);
    expect(v({ type: 3, condition: '依据《中华人民共和国统计法》第九条', method: null })).toBe(true);
    expect(v({ type: 4 })).toBe(false);
  });

  it('reject an open mode when the resource is not open, and impossible dates', () => {
    expect(catalogValid(catalogOf('shared', [{ open: { open: 0, mode: '无条件开放' } }]))).toBe(false);
    expect(catalogValid(catalogOf('shared', [{ publishDate: '2021-02-29' }]))).toBe(false);
    expect(catalogValid(catalogOf('shared', [{ publishDate: '2020-02-29' }]))).toBe(true);
  });

  it('check the unified social credit code charset and length', () => {
    const v = (providerCode: string) => catalogValid(catalogOf('shared', [{ providerCode }]));
    expect(v('11450100MB0H76326Q')).toBe(true);
    expect(v('11450100MB0H76326')).toBe(false);
    expect(v('11450100MB0H7632OQ')).toBe(false); // O is not in the charset
  });

  it('label every core field in Chinese', () => {
    const labels = allFields().map((f) => f.label.zh);
    for (const label of [
      '数据资源分类',
      '数据资源名称',
      '数据资源代码',
      '数据资源提供方',
      '数据资源提供方代码',
      '数据资源摘要',
      '数据资源格式',
      '数据项信息',
      '共享类型',
      '共享条件',
      '共享方式',
      '是否向社会开放',
      '开放条件',
      '更新周期',
      '发布日期',
      '关联资源代码',
      '数据项名称',
      '数据类型',
      '字段名称',
      '是否主键',
    ]) {
      expect(labels).toContain(label);
    }
    expect(renderText(fieldLabelText('/items/12/type'), 'zh')).toBe('数据类型');
    expect(renderText(fieldLabelText('/share/type'), 'en')).toBe('sharing type');
  });

  it('validate the example catalog structure (its defects are value-level)', () => {
    const example = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', 'examples', 'nanning-shared-catalog.json'), 'utf8'),
    );
    expect(example.kind).toBe('shared');
    expect(example.entries.length).toBeGreaterThanOrEqual(10);
  });
});
