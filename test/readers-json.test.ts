// The canonical JSON/JSONL reader: shapes, kind detection, locations, and hostile input.
import { describe, expect, it } from 'vitest';
import { CatalogInputError } from '../src/errors.js';
import { readCatalogBytes } from '../src/io/readers/index.js';
import { resolveLimits } from '../src/limits.js';
import { loadSeeds } from '../src/seeds/index.js';
import { validateCatalog } from '../src/validate.js';
import { baseEntry } from './helpers/catalog.js';

const options = { kind: 'auto' as const, limits: resolveLimits(), seeds: loadSeeds() };
const bytes = (text: string) => new TextEncoder().encode(text);

async function readError(name: string, text: string, limits = {}): Promise<CatalogInputError> {
  try {
    await readCatalogBytes({ name, bytes: bytes(text) }, { ...options, limits: resolveLimits(limits) });
  } catch (err) {
    if (err instanceof CatalogInputError) return err;
    throw err;
  }
  throw new Error('expected an input error');
}

describe('JSON reader', () => {
  it('reads the canonical object form with its declared kind and title', async () => {
    const parsed = await readCatalogBytes(
      {
        name: 'c.json',
        bytes: bytes(JSON.stringify({ kind: 'shared', title: '南宁市目录', entries: [baseEntry('shared')] })),
      },
      options,
    );
    expect(parsed).toMatchObject({
      format: 'json',
      kind: 'shared',
      kindSource: 'declared',
      title: '南宁市目录',
    });
    expect(parsed.entries[0]!.locations.get('/name')).toEqual({ pointer: '/entries/0/name' });
  });

  it('reads a bare array and detects an open catalog from its fields', async () => {
    const parsed = await readCatalogBytes(
      { name: 'c.json', bytes: bytes(JSON.stringify([baseEntry('open')])) },
      options,
    );
    expect(parsed).toMatchObject({ kind: 'open', kindSource: 'detected' });
  });

  it('reads JSONL with line numbers as rows, skipping blank lines, BOM tolerated', async () => {
    const text = `\ufeff${JSON.stringify(baseEntry('shared'))}\n\n${JSON.stringify(baseEntry('shared'))}\n`;
    const parsed = await readCatalogBytes({ name: 'c.jsonl', bytes: bytes(text) }, options);
    expect(parsed.entries.map((e) => e.locations.get('/name')?.row)).toEqual([1, 3]);
  });

  it('rejects nesting deeper than --max-depth without overflowing the stack', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const err = await readError('deep.json', deep);
    expect(err.code).toBe('input/limit');
    expect(err.render('zh')).toContain('嵌套超过 64 层');
  });

  it('refuses __proto__ / constructor keys as unsafe, without polluting prototypes', async () => {
    const hostile = `{"kind":"shared","entries":[{"__proto__":{"polluted":true},"name":"x"}]}`;
    const err = await readError('hostile.json', hostile);
    expect(err.code).toBe('input/unsafe');
    expect(err.render('zh')).toContain('“__proto__”');
    const nested = `[{"name":"x","share":{"constructor":{"prototype":{"polluted":true}}}}]`;
    expect((await readError('nested.json', nested)).data).toMatchObject({
      key: 'constructor',
      pointer: '/0/share',
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    const report = await validateCatalog({ name: 'hostile.json', bytes: bytes(hostile) });
    expect(report.files[0]!.error?.code).toBe('input/unsafe');
  });

  it('names malformed JSON, a non-catalog, an invalid kind and too many entries', async () => {
    expect((await readError('a.json', '{"entries": [}')).code).toBe('input/malformed');
    expect((await readError('a.json', '{"catalog": {"name": "x"}}')).render('zh')).toContain('不是目录');
    expect((await readError('a.json', '{"kind": "private", "entries": []}')).render('zh')).toContain(
      '目录类型“private”无效',
    );
    const many = JSON.stringify({ kind: 'shared', entries: [{}, {}, {}] });
    expect((await readError('a.json', many, { maxEntries: 2 })).render('zh')).toContain(
      '超过上限 --max-entries 2',
    );
    expect((await readError('a.jsonl', '{}\n{"x":')).render('zh')).toContain('line 2');
  });
});
