// Safe fixes: each kind changes exactly what needs no judgement, is listed, and leaves synonyms to the rules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applySafeFixes,
  normalizeDataType,
  normalizeDate,
  splitList,
  toHalfWidth,
} from '../src/codegen/fixes.js';
import { pathToPointer } from '../src/codegen/pointer.js';
import { escapeFormula, looksLikeFormula } from '../src/io/writers/escape.js';
import { pointerToPath } from '../src/model/fields.js';
import type { EntryData } from '../src/model/types.js';
import { loadSeeds } from '../src/seeds/index.js';
import { baseEntry, merge } from './helpers/catalog.js';

const seeds = loadSeeds();
const fix = (patch: Record<string, unknown>) =>
  applySafeFixes(merge(baseEntry('shared'), patch) as EntryData, seeds);
const changesOf = (patch: Record<string, unknown>) =>
  fix(patch).changes.map((c) => [c.field, c.kind, c.from, c.to]);

describe('applySafeFixes', () => {
  it('changes nothing in a clean entry', () => {
    const base = baseEntry('shared') as EntryData;
    const { data, changes } = applySafeFixes(base, seeds);
    expect(changes).toEqual([]);
    expect(JSON.stringify(data)).toBe(JSON.stringify(base));
  });

  it('trims texts, collapses inner whitespace in one-line fields, keeps line breaks in summaries', () => {
    expect(
      changesOf({
        name: '  食品经营许可\n信息 ',
        provider: '南宁市市场监督管理局　',
        summary: ' 第一行\n第二行  ',
        items: [{ name: '许可证  编号', type: 'C(20)', description: '第一行\n第二行' }],
        share: { condition: '作为行政依据，\n用于监管协同 ' },
      }),
    ).toEqual([
      ['/name', 'whitespace', '  食品经营许可\n信息 ', '食品经营许可 信息'],
      ['/provider', 'whitespace', '南宁市市场监督管理局　', '南宁市市场监督管理局'],
      ['/summary', 'whitespace', ' 第一行\n第二行  ', '第一行\n第二行'],
      ['/items/0/name', 'whitespace', '许可证  编号', '许可证 编号'],
      ['/share/condition', 'whitespace', '作为行政依据，\n用于监管协同 ', '作为行政依据，\n用于监管协同'],
    ]);
  });

  it('makes codes half-width without spaces', () => {
    expect(
      changesOf({
        code: '３１５０１８００１／１',
        classification: ' 315018001 ',
        providerCode: '11450100MB0H 76326Q',
      }),
    ).toEqual([
      ['/classification', 'whitespace', ' 315018001 ', '315018001'],
      ['/code', 'width', '３１５０１８００１／１', '315018001/1'],
      ['/providerCode', 'whitespace', '11450100MB0H 76326Q', '11450100MB0H76326Q'],
    ]);
  });

  it('writes dates as CCYY-MM-DD and leaves impossible dates alone', () => {
    expect(changesOf({ publishDate: '2021年7月13日' })).toEqual([
      ['/publishDate', 'date', '2021年7月13日', '2021-07-13'],
    ]);
    expect(changesOf({ publishDate: '2021-02-30' })).toEqual([]);
    expect(changesOf({ publishDate: '去年' })).toEqual([]);
  });

  it('turns equivalent vocabulary spellings into canonical values, but not synonyms', () => {
    expect(
      changesOf({
        share: { type: '无条件共享' },
        open: { open: '是' },
        format: ['数据库', 'XLSX'],
        updateCycle: '每天',
      }),
    ).toEqual([
      ['/open/open', 'form', '是', 1],
      ['/format/1', 'form', 'XLSX', 'xlsx'],
      ['/share/type', 'form', '无条件共享', 1],
    ]);
    expect(changesOf({ share: { type: '3' } })).toEqual([['/share/type', 'form', '3', 3]]);
    expect(changesOf({ share: { type: '部分共享' } })).toEqual([]);
  });

  it('normalizes data type syntax, numbers, flags and lists', () => {
    expect(
      changesOf({
        items: [
          { name: '许可证编号', type: 'C（20）', fieldLength: '20', primaryKey: '是' },
          { name: '注册资本', type: 'n(18, 6)', notNull: '否' },
          { name: '登记机关', type: 'VARCHAR2 (100)' },
        ],
        format: 'xls、json',
        tags: '食品\n许可',
        relatedCodes: '315018001/2，315018001/3',
        recordCount: '1,200',
      }),
    ).toEqual([
      ['/format', 'list', 'xls、json', ['xls', 'json']],
      ['/tags', 'list', '食品\n许可', ['食品', '许可']],
      ['/relatedCodes', 'list', '315018001/2，315018001/3', ['315018001/2', '315018001/3']],
      ['/recordCount', 'number', '1,200', 1200],
      ['/items/0/type', 'type-syntax', 'C（20）', 'C(20)'],
      ['/items/0/fieldLength', 'number', '20', 20],
      ['/items/0/primaryKey', 'form', '是', true],
      ['/items/1/type', 'type-syntax', 'n(18, 6)', 'N(18,6)'],
      ['/items/1/notNull', 'form', '否', false],
      ['/items/2/type', 'type-syntax', 'VARCHAR2 (100)', 'VARCHAR2(100)'],
    ]);
  });

  it('keeps keys such as __proto__ as plain data and does not modify its input', () => {
    const input = JSON.parse('{"name":" 名称 ","extra":{"__proto__":{"polluted":1}}}') as EntryData;
    const { data } = applySafeFixes(input, seeds);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys((data as { extra: object }).extra)).toEqual(['__proto__']);
    expect(input.name).toBe(' 名称 ');
  });
});

describe('normalizers (properties)', () => {
  it('normalizeDate accepts every real date in the usual spellings and is idempotent', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (d) => {
          const y = d.getUTCFullYear();
          const m = d.getUTCMonth() + 1;
          const day = d.getUTCDate();
          const iso = `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          for (const form of [
            `${y}/${m}/${day}`,
            `${y}年${m}月${day}日`,
            iso.replace(/-/g, ''),
            `${y}.${m}.${day}`,
            iso,
          ]) {
            expect(normalizeDate(form)).toBe(iso);
          }
          expect(normalizeDate(normalizeDate(iso)!)).toBe(iso);
        },
      ),
    );
  });

  it('normalizeDate never returns an impossible date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        (y, m, d) => {
          const out = normalizeDate(`${y}-${m}-${d}`);
          if (out === undefined) return;
          const date = new Date(`${out}T00:00:00Z`);
          expect(date.getUTCMonth() + 1).toBe(m);
          expect(date.getUTCDate()).toBe(d);
        },
      ),
    );
  });

  it('toHalfWidth maps full-width ASCII one to one and leaves Chinese text alone', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)) }),
        (s) => {
          const full = [...s].map((ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).join('');
          expect(toHalfWidth(full)).toBe(s);
        },
      ),
    );
    expect(toHalfWidth('食品经营许可（２０２１）')).toBe('食品经营许可(2021)');
  });

  it('normalizeDataType is idempotent', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('C', 'c', '字符型', 'N', 'VARCHAR2', 'D', 'number'),
        fc.option(fc.integer({ min: 1, max: 4000 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
        fc.constantFrom('(', '（'),
        (base, len, scale, open) => {
          const close = open === '(' ? ')' : '）';
          const raw =
            len === undefined
              ? base
              : `${base} ${open}${len}${scale === undefined ? '' : `，${scale}`}${close}`;
          const once = normalizeDataType(raw, seeds);
          expect(normalizeDataType(once, seeds)).toBe(once);
          expect(once).not.toMatch(/[（），\s]/);
        },
      ),
    );
  });

  it('splitList reads Python-style lists and Chinese enumerations', () => {
    expect(splitList("['xls', 'json', 'csv']")).toEqual(['xls', 'json', 'csv']);
    expect(splitList('数据库；接口')).toEqual(['数据库', '接口']);
    expect(splitList('[]')).toEqual([]);
  });

  it('escapeFormula quotes exactly the texts a spreadsheet would run', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = escapeFormula(s);
        if (looksLikeFormula(s)) expect(out).toBe(`'${s}`);
        else expect(out).toBe(s);
        expect(looksLikeFormula(out)).toBe(false);
      }),
    );
    expect(escapeFormula('=HYPERLINK("http://x","点我")')).toBe('\'=HYPERLINK("http://x","点我")');
    expect(escapeFormula('＝1+1')).toBe("'＝1+1");
    expect(escapeFormula('食品经营许可信息')).toBe('食品经营许可信息');
  });

  it('dotted report paths and JSON Pointers convert both ways', () => {
    fc.assert(
      fc.property(
        fc
          .array(
            fc.oneof(fc.constantFrom('items', 'share', 'type', 'name', 'extra'), fc.nat(30).map(String)),
            {
              minLength: 1,
              maxLength: 4,
            },
          )
          .filter((segs) => !/^\d+$/.test(segs[0]!)),
        (segs) => {
          const pointer = `/${segs.join('/')}`;
          expect(pathToPointer(pointerToPath(pointer))).toBe(pointer);
        },
      ),
    );
  });
});
