// seeds/: every file validates against its schema; vocabularies resolve values, forms and synonyms.
import { describe, expect, it } from 'vitest';
import { loadSeeds } from '../src/seeds/index.js';

describe('seeds', () => {
  const seeds = loadSeeds();

  it('loads every vocabulary the rules rely on', () => {
    for (const id of [
      'share-type',
      'open-flag',
      'open-mode',
      'update-cycle',
      'resource-format',
      'data-type',
      'placeholder',
    ]) {
      expect(seeds.vocabularies.has(id), id).toBe(true);
    }
    expect(seeds.classification.get('guide')?.classes.map((c) => c.code)).toEqual(['1', '2', '3']);
  });

  it('maps 共享类型 words to digits as equivalent forms', () => {
    const v = seeds.vocab('share-type');
    expect(v.lookup('无条件共享')).toMatchObject({ kind: 'form', term: { value: 1 } });
    expect(v.lookup(' 2 ')).toMatchObject({ kind: 'value', term: { value: 2 } });
    expect(v.lookup('不共享')).toMatchObject({ kind: 'synonym', term: { value: 3 } });
    expect(v.lookup('部分共享')).toBeUndefined();
  });

  it('knows update-cycle synonyms and discouraged values', () => {
    const v = seeds.vocab('update-cycle');
    expect(v.lookup('每天')).toMatchObject({ kind: 'synonym', term: { value: '每日' } });
    expect(v.lookup('不定时')?.term).toMatchObject({ value: '不定期', status: 'discouraged' });
    // The guide's list ends in 等: hourly and half-yearly are cycles too.
    expect(v.values('standard')).toEqual([
      '实时',
      '每小时',
      '每日',
      '每周',
      '每月',
      '每季度',
      '每半年',
      '每年',
    ]);
    // A note in brackets after the value does not change it.
    expect(v.lookup('每月(更新说明:暂无新业务数据产生)')?.term.value).toBe('每月');
    expect(v.lookup('其它')).toBeUndefined();
  });

  it('reads formats as an open list: category-format pairs, unlisted format names, never free text', () => {
    const v = seeds.vocab('resource-format');
    const hit = (s: string) => [v.lookup(s)?.kind, v.lookup(s)?.term.value];
    // The guide's own pattern: a category, then a format of it (or another product, or 其他).
    expect(hit('数据库-oracle')).toEqual(['value', 'oracle']);
    expect(hit('电子表格:xlsx')).toEqual(['value', 'xlsx']);
    expect(hit('数据库:impala')).toEqual(['value', '数据库']);
    expect(hit('数据库-其他')).toEqual(['value', '数据库']);
    expect(hit('接口:json')).toEqual(['value', '接口']);
    expect(hit('rdf')).toEqual(['value', 'rdf']);
    expect(hit('parquet')).toEqual(['value', 'parquet']);
    expect(hit('table')).toEqual(['form', '库表']);
    expect(v.lookup('开放网站')).toBeUndefined();
    expect(v.lookup('其他-xlsx')).toBeUndefined();
    // 其他 says nothing about the format, and is no synonym of 自描述格式.
    expect(v.lookup('其他')?.term).toMatchObject({ value: '其他', status: 'discouraged' });
  });

  it('classifies formats as structured or not', () => {
    const v = seeds.vocab('resource-format');
    const structured = (s: string) => v.isStructured(v.lookup(s)!.term);
    expect(structured('数据库')).toBe(true);
    expect(structured('SQL Server')).toBe(true);
    expect(structured('xlsx')).toBe(true);
    expect(structured('接口')).toBe(true);
    expect(structured('pdf')).toBe(false);
    expect(structured('doc')).toBe(false);
    expect(structured('json')).toBe(true);
  });

  it('applies configuration extensions without touching the base data', () => {
    const extended = loadSeeds({
      vocabularies: { 'update-cycle': [{ value: '每两周', status: 'discouraged' }] },
      aliases: { '/providerCode': ['单位信用代码'] },
    });
    expect(extended.vocab('update-cycle').lookup('每两周')).toBeDefined();
    expect(seeds.vocab('update-cycle').lookup('每两周')).toBeUndefined();
    expect(extended.headerAliases.fields['/providerCode']?.headers).toContain('单位信用代码');
  });
});
