// Message tables: every id has zh and en with the same placeholders; interpolation and language parsing.
import { describe, expect, it } from 'vitest';
import { allMessages, interpolate, parseLang, placeholders, translate } from '../src/i18n/index.js';

describe('i18n', () => {
  it('every message has the same placeholders in zh and en, and zh is Chinese', () => {
    for (const [id, m] of allMessages()) {
      expect(placeholders(m.zh), id).toEqual(placeholders(m.en));
      expect(m.en, id).not.toMatch(/[\u4e00-\u9fff]/);
    }
    expect(allMessages().size).toBeGreaterThan(40);
  });

  it('interpolates and leaves unknown placeholders visible', () => {
    expect(interpolate('第 {{n}} 行 {{x}}', { n: 7 })).toBe('第 7 行 {{x}}');
    expect(translate('zh', 'input.notFound', { file: 'a.xlsx' })).toBe(
      '找不到文件 a.xlsx，请检查路径是否正确',
    );
    expect(translate('en', 'input.notFound', { file: 'a.xlsx' })).toBe(
      'file not found: a.xlsx; check the path',
    );
    // @ts-expect-error: an id that names no message does not compile, and throws when it arrives as data.
    expect(() => translate('zh', 'no.such.id')).toThrow(/unknown message id/);
  });

  it('parses language names', () => {
    expect(parseLang('zh-CN')).toBe('zh');
    expect(parseLang('EN_us')).toBe('en');
    expect(parseLang('fr')).toBeUndefined();
  });
});
