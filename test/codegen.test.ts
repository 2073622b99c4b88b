// Resource-code assignment (spec §2): only missing codes, after the highest sequence, in the prefix's width,
// deterministic, stable across runs through the lock file.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignCodes, type CodegenOptions, parseResourceCode } from '../src/codegen/codes.js';
import { emptyLock, parseLock, serializeLock } from '../src/codegen/lock.js';
import type { CodeLock } from '../src/generated/schema-types.js';
import type { EntryData } from '../src/model/types.js';

const 市监 = '南宁市市场监督管理局';
const 人社 = '南宁市人力资源和社会保障局';

function entry(name: string, classification: string | undefined, code?: string, provider = 市监): EntryData {
  const e: EntryData = { name, provider };
  if (classification !== undefined) e.classification = classification;
  if (code !== undefined) e.code = code;
  return e;
}

const base: CodegenOptions = { separator: '/', sequenceWidth: 1 };
const codesOf = (entries: EntryData[], options: Partial<CodegenOptions> = {}) =>
  assignCodes(entries, { ...base, ...options }).assignments.map((a) => [a.entry, a.code, a.source]);

describe('assignCodes', () => {
  it('fills blank codes in several prefixes, continuing after the highest, existing ones untouched', () => {
    const entries = [
      entry('食品经营许可信息', '315018001', '315018001/1'),
      entry('食品生产许可信息', '315018001'),
      entry('特种设备使用登记信息', '315018001', '315018001/7'),
      entry('城乡居民基本养老保险参保信息', '202001001', '202001001/3', 人社),
      entry('失业保险金领取信息', '202001001', undefined, 人社),
      entry('药品零售企业许可信息', '315018001', '   '),
    ];
    expect(codesOf(entries)).toEqual([
      [1, '315018001/8', 'sequence'],
      [4, '202001001/4', 'sequence'],
      [5, '315018001/9', 'sequence'],
    ]);
    // The input is not modified.
    expect(entries[1]!.code).toBeUndefined();
    expect(entries[2]!.code).toBe('315018001/7');
  });

  it('keeps the zero-padded width of the prefix and starts a new prefix at 1 in the configured width', () => {
    const entries = [
      entry('企业年报信息', '102001001', '102001001/0007'),
      entry('企业经营异常名录', '102001001'),
      entry('个体工商户登记信息', '102001002'),
      entry('农民专业合作社登记信息', '102001002'),
    ];
    expect(codesOf(entries)).toEqual([
      [1, '102001001/0008', 'sequence'],
      [2, '102001002/1', 'sequence'],
      [3, '102001002/2', 'sequence'],
    ]);
    expect(codesOf(entries, { sequenceWidth: 3 }).slice(1)).toEqual([
      [2, '102001002/001', 'sequence'],
      [3, '102001002/002', 'sequence'],
    ]);
    // Unpadded codes stay unpadded even when the configured width is larger.
    expect(
      codesOf([entry('a', '102001003', '102001003/12'), entry('b', '102001003')], { sequenceWidth: 4 }),
    ).toEqual([[1, '102001003/13', 'sequence']]);
  });

  it('never reuses a number written with another separator, and uses the configured separator', () => {
    const entries = [
      entry('住房公积金缴存信息', '315009001', '315009001-5'),
      entry('住房公积金提取信息', '315009001'),
    ];
    expect(codesOf(entries)).toEqual([[1, '315009001/6', 'sequence']]);
    expect(codesOf(entries, { separator: '-' })).toEqual([[1, '315009001-6', 'sequence']]);
  });

  it('gives no code to an entry whose classification is missing or invalid, and says why', () => {
    const result = assignCodes(
      [
        entry('中小学校基本信息', '31A002001'),
        entry('幼儿园基本信息', undefined),
        entry('校车使用许可信息', '415002001'),
      ],
      base,
    );
    expect(result.assignments).toEqual([]);
    expect(result.problems).toEqual([
      { entry: 0, kind: 'invalid-classification', classification: '31A002001' },
      { entry: 1, kind: 'missing-classification' },
      { entry: 2, kind: 'invalid-classification', classification: '415002001' },
    ]);
  });

  it('treats a placeholder code (无, 待定) as missing', () => {
    const isPlaceholder = (t: string) => ['无', '待定'].includes(t);
    expect(
      codesOf([entry('a', '301001001', '待定'), entry('b', '301001001', 'X-1')], { isPlaceholder }),
    ).toEqual([[0, '301001001/1', 'sequence']]);
  });

  it('is deterministic: the same entries give the same codes', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            prefix: fc.constantFrom('301001001', '315018001', '202001001'),
            code: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
          }),
          { maxLength: 30 },
        ),
        (rows) => {
          const entries = rows.map((r, i) =>
            entry(`资源${i}`, r.prefix, r.code === undefined ? undefined : `${r.prefix}/${r.code}`),
          );
          const a = assignCodes(entries, base);
          const b = assignCodes(entries, base);
          expect(a).toEqual(b);
          // New codes are unique, collide with no existing code and continue after the prefix's highest.
          const existing = new Set(entries.map((e) => e.code).filter(Boolean));
          expect(new Set(a.assignments.map((x) => x.code)).size).toBe(a.assignments.length);
          expect(a.assignments).toHaveLength(entries.filter((e) => e.code === undefined).length);
          for (const x of a.assignments) {
            expect(existing.has(x.code)).toBe(false);
            const max = Math.max(
              0,
              ...entries
                .map((e) => (typeof e.code === 'string' ? parseResourceCode(e.code) : undefined))
                .filter((p) => p?.prefix === x.classification)
                .map((p) => p!.sequence),
            );
            expect(x.sequence).toBeGreaterThan(max);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the lock file', () => {
  const first = [
    entry('食品经营许可信息', '315018001'),
    entry('食品生产许可信息', '315018001'),
    entry('特种设备使用登记信息', '315018001'),
  ];

  it('keeps assignments when rows move', () => {
    const run1 = assignCodes(first, base);
    expect(run1.assignments.map((a) => a.code)).toEqual(['315018001/1', '315018001/2', '315018001/3']);
    const moved = [first[2]!, first[0]!, first[1]!];
    const run2 = assignCodes(moved, { ...base, lock: run1.lock });
    expect(run2.assignments.map((a) => [a.entry, a.code, a.source])).toEqual([
      [0, '315018001/3', 'lock'],
      [1, '315018001/1', 'lock'],
      [2, '315018001/2', 'lock'],
    ]);
    // Without the lock the moved rows would have been renumbered by position.
    expect(assignCodes(moved, base).assignments.map((a) => a.code)).toEqual([
      '315018001/1',
      '315018001/2',
      '315018001/3',
    ]);
  });

  it('never hands out the number of a removed entry again', () => {
    const run1 = assignCodes(first, base);
    const withoutSecond = [first[0]!, first[2]!, entry('食品小作坊登记信息', '315018001')];
    const run2 = assignCodes(withoutSecond, { ...base, lock: run1.lock });
    expect(run2.assignments.map((a) => a.code)).toEqual(['315018001/1', '315018001/3', '315018001/4']);
    // The removed resource keeps its record, and gets its code back when it returns.
    expect(run2.lock.codes.find((r) => r.code === '315018001/2')?.name).toBe('食品生产许可信息');
    const run3 = assignCodes([first[1]!], { ...base, lock: run2.lock });
    expect(run3.assignments.map((a) => a.code)).toEqual(['315018001/2']);
  });

  it('records existing codes, and a code the catalog moves to another resource follows it', () => {
    const run1 = assignCodes([entry('不动产登记信息', '101002001', '101002001/1', '南宁市自然资源局')], base);
    expect(run1.lock.codes).toEqual([
      { name: '不动产登记信息', provider: '南宁市自然资源局', code: '101002001/1', source: 'catalog' },
    ]);
    const renamed = assignCodes([entry('不动产登记簿信息', '101002001', '101002001/1', '南宁市自然资源局')], {
      ...base,
      lock: run1.lock,
    });
    expect(renamed.lock.codes).toHaveLength(1);
    expect(renamed.lock.codes[0]!.name).toBe('不动产登记簿信息');
  });

  it('retires a lock record when the catalog gives the resource another code', () => {
    const run1 = assignCodes([entry('食品经营许可信息', '315018001')], base);
    const edited = assignCodes([entry('食品经营许可信息', '315018001', '315018001/5')], {
      ...base,
      lock: run1.lock,
    });
    expect(edited.lock.codes).toEqual([
      { name: '食品经营许可信息', provider: 市监, code: '315018001/1', source: 'generated', retired: true },
      { name: '食品经营许可信息', provider: 市监, code: '315018001/5', source: 'catalog' },
    ]);
    // A retired code is not given back, and not reused for others either.
    const cleared = assignCodes([entry('食品经营许可信息', '315018001'), entry('新资源', '315018001')], {
      ...base,
      lock: { ...edited.lock, codes: edited.lock.codes.filter((r) => r.retired) },
    });
    expect(cleared.assignments.map((a) => a.code)).toEqual(['315018001/2', '315018001/3']);
  });

  it('reports a lock code that another entry now carries, and assigns a fresh one', () => {
    const lock: CodeLock = {
      version: 1,
      separator: '/',
      codes: [{ name: '食品经营许可信息', provider: 市监, code: '315018001/1', source: 'generated' }],
    };
    const result = assignCodes(
      [entry('食品经营许可信息', '315018001'), entry('食品生产许可信息', '315018001', '315018001/1')],
      { ...base, lock },
    );
    expect(result.assignments.map((a) => [a.entry, a.code, a.source])).toEqual([
      [0, '315018001/2', 'sequence'],
    ]);
    expect(result.problems).toEqual([{ entry: 0, kind: 'lock-code-taken', code: '315018001/1', other: 1 }]);
  });

  it('round-trips through its schema, sorted by prefix and sequence', () => {
    const { lock } = assignCodes(
      [
        entry('b', '315018001', '315018001/10'),
        entry('a', '202001001'),
        entry('c', '315018001', '315018001/9'),
      ],
      base,
    );
    const text = serializeLock(lock);
    expect(parseLock(text, 'govcat.lock.json')).toEqual(lock);
    expect(lock.codes.map((r) => r.code)).toEqual(['202001001/1', '315018001/9', '315018001/10']);
    expect(serializeLock(emptyLock())).toBe('{\n  "version": 1,\n  "separator": "/",\n  "codes": []\n}\n');
  });

  it('rejects a lock that is not JSON or not a lock, naming the file', () => {
    expect(() => parseLock('{', 'a/govcat.lock.json')).toThrow(/a\/govcat\.lock\.json 不是有效的 JSON/);
    expect(() =>
      parseLock('{"version":1,"separator":"/","codes":[{"name":"x"}]}', 'govcat.lock.json'),
    ).toThrow(/govcat\.lock\.json 的内容不符合/);
  });
});
