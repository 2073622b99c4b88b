// Property-based tests (fast-check) of the value normalizers: dates, widths, lists, data types, encodings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectAndDecode } from '../src/io/readers/encoding.js';
import {
  formatDataType,
  formatDate,
  isRealDate,
  parseDataType,
  readCount,
  readDateNumber,
  readDateText,
  serialToDate,
  splitList,
  toHalfWidth,
} from '../src/model/normalize.js';
import { encodeGb18030 } from './helpers/gb18030.js';
import { excelSerial } from './helpers/layouts.js';

const realDate = fc
  .record({
    y: fc.integer({ min: 1000, max: 9999 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
  })
  .filter(({ y, m, d }) => isRealDate(y, m, d));
const modernDate = fc
  .record({
    y: fc.integer({ min: 1950, max: 2099 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
  })
  .filter(({ y, m, d }) => isRealDate(y, m, d));

function fullWidth(text: string): string {
  return text.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

describe('dates', () => {
  it('reads CCYY-MM-DD as canonical and every other spelling of a real date as the same date', () => {
    fc.assert(
      fc.property(
        realDate,
        fc.constantFrom('/', '.', '-', '年', ' / '),
        fc.boolean(),
        fc.boolean(),
        ({ y, m, d }, sep, pad, withTime) => {
          const iso = formatDate({ y, m, d });
          expect(readDateText(iso)).toEqual({ status: 'canonical', value: iso });
          const mm = pad ? String(m).padStart(2, '0') : String(m);
          const dd = pad ? String(d).padStart(2, '0') : String(d);
          const written =
            sep === '年'
              ? `${y}年${mm}月${dd}日`
              : `${y}${sep}${mm}${sep}${dd}${withTime ? ' 10:20:30' : ''}`;
          const reading = readDateText(written);
          expect(reading).toHaveProperty('value', iso);
          expect(readDateText(fullWidth(written))).toHaveProperty('value', iso);
          expect(readDateText(`${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`)).toEqual({
            status: 'normalized',
            value: iso,
          });
        },
      ),
    );
  });

  it('turns Excel serials back into the date they encode (1900 system, 1950–2099)', () => {
    fc.assert(
      fc.property(modernDate, ({ y, m, d }) => {
        const iso = formatDate({ y, m, d });
        const serial = excelSerial(iso);
        expect(serialToDate(serial)).toEqual({ y, m, d });
        expect(readDateNumber(serial)).toEqual({ status: 'normalized', value: iso });
        expect(readDateText(String(serial))).toEqual({ status: 'normalized', value: iso });
        // A fraction of a day (a time) does not change the date.
        expect(readDateNumber(serial + 0.75)).toHaveProperty('value', iso);
      }),
    );
  });

  it('accepts a time on the last day of the serial range (2099-12-31 18:00)', () => {
    expect(readDateNumber(73050.75)).toEqual({ status: 'normalized', value: '2099-12-31' });
    expect(readDateNumber(73051)).toEqual({ status: 'unrecognized' });
  });

  it('keeps impossible dates as findings (invalid), never shifting them into the next month', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        (y, m, d) => {
          fc.pre(!isRealDate(y, m, d));
          const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          expect(readDateText(iso)).toEqual({ status: 'invalid' });
          expect(readDateText(`${y}/${m}/${d}`)).toEqual({ status: 'invalid' });
        },
      ),
    );
  });

  it('never throws on any text, and only ever returns a real CCYY-MM-DD date', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const r = readDateText(text);
        if (r.status === 'canonical' || r.status === 'normalized') {
          const [y, m, d] = r.value.split('-').map(Number) as [number, number, number];
          expect(isRealDate(y, m, d)).toBe(true);
        }
      }),
    );
  });
});

describe('full width → half width', () => {
  it('undoes full width for printable ASCII, is idempotent and keeps other characters', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)) }),
        (ascii) => {
          expect(toHalfWidth(fullWidth(ascii))).toBe(ascii);
          expect(toHalfWidth(ascii)).toBe(ascii);
        },
      ),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        const once = toHalfWidth(text);
        expect(toHalfWidth(once)).toBe(once);
        expect(once.length).toBe(text.length);
        expect(once).not.toMatch(/[\uff01-\uff5e\u3000]/);
      }),
    );
    expect(toHalfWidth('３０１００１００１／１２')).toBe('301001001/12');
    expect(toHalfWidth('数据资源代码')).toBe('数据资源代码');
  });
});

const token = fc
  .string({
    unit: fc.constantFrom(...'xlsjonpdfcv数据库电子表格接口库表 _-'.split('')),
    minLength: 1,
    maxLength: 8,
  })
  .map((t) => t.trim())
  .filter((t) => t !== '');

describe('lists', () => {
  it('reads [\'a\', \'b\'], ["a","b"], a、b, a,b and (for tags) line breaks as the same values', () => {
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 6 }), (values) => {
        const python = `[${values.map((v) => `'${v}'`).join(', ')}]`;
        expect(splitList(python, 'format')).toEqual({ values, split: true });
        expect(splitList(JSON.stringify(values), 'format').values).toEqual(values);
        expect(splitList(values.join('、'), 'format').values).toEqual(values);
        expect(splitList(values.join('，'), 'format').values).toEqual(values);
        expect(splitList(values.join('\r\n'), 'tags').values).toEqual(values);
        expect(splitList(values.join('、'), 'format').split).toBe(values.length > 1);
      }),
    );
    expect(splitList('[]', 'format')).toEqual({ values: [], split: true });
    expect(splitList('sql server', 'format').values).toEqual(['sql server']);
    expect(splitList('201003001/4 315018001/2', 'codes').values).toEqual(['201003001/4', '315018001/2']);
  });

  it('never throws and never returns empty or untrimmed values', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.constantFrom('format', 'tags', 'codes') as fc.Arbitrary<'format'>,
        (text, style) => {
          for (const v of splitList(text, style).values) {
            expect(v).not.toBe('');
            expect(v).toBe(v.trim());
          }
        },
      ),
    );
  });
});

describe('data types and counts', () => {
  it('reads C(18), C（18）, N(10,2), N（10，2） and writes them back canonically', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('C', 'N', 'Y', 'I', 'VARCHAR2'),
        fc.integer({ min: 1, max: 4000 }),
        fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
        fc.boolean(),
        (base, length, scale, wide) => {
          const canonical = formatDataType(scale === undefined ? { base, length } : { base, length, scale });
          const written = wide
            ? canonical.replace('(', '（').replace(')', '）').replace(',', '，')
            : canonical;
          expect(formatDataType(parseDataType(written))).toBe(canonical);
          expect(parseDataType(` ${written} `)).toEqual(
            scale === undefined ? { base, length } : { base, length, scale },
          );
        },
      ),
    );
    expect(parseDataType('D')).toEqual({ base: 'D' });
  });

  it('reads counts with thousands separators and a unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), (n) => {
        expect(readCount(n.toLocaleString('en-US'))).toBe(n);
        expect(readCount(`${n}条`)).toBe(n);
        expect(readCount(String(n))).toBe(n);
      }),
    );
    expect(readCount('约1万')).toBeUndefined();
  });
});

const COMMON =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';
const chineseText = fc
  .tuple(
    fc.constantFrom(...COMMON.split('')),
    fc.string({ unit: fc.constantFrom(...`${COMMON},./ 0123456789ABCxyz-\r\n`.split('')), maxLength: 40 }),
  )
  .map(([first, rest]) => first + rest);

describe('encoding detection round trips', () => {
  it('decodes Chinese text encoded as GB18030 back to the same text', () => {
    fc.assert(
      fc.property(chineseText, (text) => {
        const decoded = detectAndDecode(encodeGb18030(text));
        expect(decoded?.text).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('decodes UTF-8 (with and without BOM) and UTF-16LE with BOM back to the same text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.constantFrom('utf8', 'utf8bom', 'utf16le'),
        (text, kind) => {
          fc.pre(!text.includes('\ufeff') && text.length > 0);
          let bytes: Uint8Array;
          if (kind === 'utf16le') bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
          else {
            const body = new TextEncoder().encode(text);
            bytes = kind === 'utf8bom' ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : body;
          }
          const decoded = detectAndDecode(bytes);
          if (kind === 'utf8' && !/[\u0800-\uffff]/.test(text) && /[\u0080-\u07ff]/.test(text)) {
            // Two-byte letters without any CJK may equally be GB18030; either reading is accepted.
            expect(decoded).toBeDefined();
            return;
          }
          expect(decoded?.text).toBe(text);
          expect(decoded?.encoding).toBe(kind === 'utf16le' ? 'utf-16le' : 'utf-8');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads 说 alone as GB18030, though its bytes are also valid UTF-8', () => {
    expect(detectAndDecode(encodeGb18030('说'))).toMatchObject({ text: '说', encoding: 'gb18030' });
  });
});
