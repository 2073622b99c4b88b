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
    expect(v.lookup('每半年')?.term.status).toBe('discouraged');
    expect(v.values('standard')).toEqual(['实时', '每日', '每周', '每月', '每季度', '每年']);
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
