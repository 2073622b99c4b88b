// One default each: the language and the kind are decided in one place, for files and catalog objects alike.
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../src/generated/schema-types.js';
import { validateCatalog } from '../src/index.js';
import { resolveLang } from '../src/session.js';
import { baseEntry } from './helpers/catalog.js';

describe('session defaults', () => {
  it('the language: the option, else the configuration, else Chinese', () => {
    expect(resolveLang({})).toBe('zh');
    expect(resolveLang({ config: { lang: 'en' } })).toBe('en');
    expect(resolveLang({ lang: 'zh', config: { lang: 'en' } })).toBe('zh');
    expect(resolveLang({ config: { lang: 'fr' } })).toBe('zh');
  });

  it('a catalog object without a kind is read as shared by default, not as declared', async () => {
    const undeclared = { entries: [baseEntry('shared')] } as Catalog;
    const open = { kind: 'open', entries: [baseEntry('open')] } as Catalog;
    const report = await validateCatalog([{ catalog: undeclared }, { catalog: open }], {
      today: '2021-11-23',
    });
    expect(report.files.map((f) => [f.kind, f.kindReason?.source])).toEqual([
      ['shared', 'default'],
      ['open', 'declared'],
    ]);
    const forced = await validateCatalog({ catalog: open }, { kind: 'shared', today: '2021-11-23' });
    expect([forced.files[0]!.kind, forced.files[0]!.kindReason?.source]).toEqual(['shared', 'option']);
  });
});
