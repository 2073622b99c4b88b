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

describe('JSON bounds, checked in one scan before JSON.parse', () => {
  const read = (name: string, text: string, limits = {}) =>
    readCatalogBytes({ name, bytes: bytes(text) }, { ...options, limits: resolveLimits(limits) });
  const shape = (err: CatalogInputError) => [err.code, err.messageId, err.data.limit];

  it('counts the entries of the array that holds them, whatever wraps it', async () => {
    const three = '{"name":"甲"},{"name":"乙"},{"name":"丙"}';
    for (const text of [`[${three}]`, `{"entries":[${three}]}`, `{"data":{"list":[${three}]}}`]) {
      expect(shape(await readError('a.json', text, { maxEntries: 2 }))).toEqual([
        'input/limit',
        'readers.jsonTooManyEntries',
        2,
      ]);
    }
    // Commas inside strings and nested arrays are not entries.
    const two = '[{"name":"甲,乙,丙","format":["xls","json","csv"]},{"name":"丁"}]';
    expect((await read('a.json', two, { maxEntries: 2 })).entries).toHaveLength(2);
  });

  it('does not count data items or lists as entries', async () => {
    const items = [{ name: '许可证编号' }, { name: '企业名称' }, { name: '发证日期' }];
    const text = JSON.stringify({ kind: 'shared', entries: [{ ...baseEntry('shared'), items }] });
    const parsed = await read('a.json', text, { maxEntries: 1 });
    expect(parsed.entries[0]!.data.items).toHaveLength(3);
  });

  it('refuses more values than --max-nodes (strings and numbers too), also summed over JSON Lines', async () => {
    // [{"extra":[…3…]}]: the document, its element, the member "extra", three elements: 6 values.
    for (const text of ['[{"extra":[{},{},{}]}]', '[{"extra":[0,0,0]}]', '[{"extra":["a","b","c"]}]']) {
      expect(shape(await readError('a.json', text, { maxNodes: 5 }))).toEqual([
        'input/limit',
        'readers.jsonTooManyNodes',
        5,
      ]);
      expect((await read('a.json', text, { maxNodes: 6 })).entries).toHaveLength(1);
    }
    // Commas and colons inside strings, and empty arrays, are no values.
    expect(
      (await read('a.json', '[{"名称":"甲,乙:丙","format":[ ]}]', { maxNodes: 4 })).entries,
    ).toHaveLength(1);
    // Each line: itself, two members, one element.
    const lines = '{"name":"甲","format":["xls"]}\n{"name":"乙","format":["xls"]}\n';
    expect((await read('a.jsonl', lines, { maxNodes: 8 })).entries).toHaveLength(2);
    expect(shape(await readError('a.jsonl', lines, { maxNodes: 7 }))).toEqual([
      'input/limit',
      'readers.jsonTooManyNodes',
      7,
    ]);
  });

  it('reads JSON Lines line by line with CRLF and blank lines, counting lines against --max-entries', async () => {
    const parsed = await read('a.jsonl', '{"name":"甲"}\r\n\r\n{"name":"乙"}\r\n');
    expect(parsed.entries.map((e) => [e.data.name, e.locations.get('/name')?.row])).toEqual([
      ['甲', 1],
      ['乙', 3],
    ]);
    // Counted before any line is parsed: the third line is malformed, the count comes first.
    const err = await readError('a.jsonl', '{}\n\n{}\r\n{"x":\n', { maxEntries: 2 });
    expect([err.code, err.messageId, err.data.count]).toEqual(['input/limit', 'input.tooManyEntries', 3]);
  });

  it('gives the pointer of a string over --max-cell-chars, and parsed objects have no prototype', async () => {
    const err = await readError(
      'a.json',
      '[{"name":"甲"},{"share":{"condition":"凭营业执照申请共享使用"}}]',
      {
        maxCellChars: 10,
      },
    );
    expect([err.code, err.data.pointer, err.data.count]).toEqual(['input/limit', '/1/share/condition', 11]);
    const parsed = await read('a.json', '[{"name":"甲","share":{"type":"1"}}]');
    expect(Object.getPrototypeOf(parsed.entries[0]!.data)).toBeNull();
    expect(Object.getPrototypeOf(parsed.entries[0]!.data.share)).toBeNull();
  });
});
