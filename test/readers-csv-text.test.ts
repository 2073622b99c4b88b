// CSV text parsing (papaparse) checked against csv-parse as an independent oracle, plus the reader's edge cases.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { RecordWidths, wideRecord } from '../src/io/readers/csv.js';
import { CsvChunkParser, CsvSyntaxError, parseCsvText } from '../src/io/readers/csv-text.js';

function oracle(text: string, delimiter: string, to?: number): string[][] {
  return parse(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    ...(to ? { to } : {}),
  }) as string[][];
}

/** Well-formed CSV: rows of fields, quoted when needed, one line-end style, optional final line break. */
const wellFormed = fc
  .record({
    rows: fc.array(fc.array(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 5 }), { maxLength: 8 }),
    cjk: fc.array(fc.constantFrom('数据', '共享', '“', '，', '、', '\u3000'), { maxLength: 3 }),
    eol: fc.constantFrom('\n', '\r\n'),
    trailing: fc.boolean(),
    quoteAll: fc.boolean(),
    delimiter: fc.constantFrom(',', ';', '\t'),
  })
  .map(({ rows, cjk, eol, trailing, quoteAll, delimiter }) => {
    const field = (f: string) =>
      quoteAll || f.includes('"') || f.includes(delimiter) || /[\r\n]/.test(f) || f.startsWith(' ')
        ? `"${f.replace(/"/g, '""')}"`
        : f;
    const withCjk = rows.map((r, i) => (i === 0 ? [...r, cjk.join('')] : r));
    const text = withCjk.map((r) => r.map(field).join(delimiter)).join(eol);
    return { text: trailing && rows.length > 0 ? text + eol : text, delimiter };
  });

describe('parseCsvText', () => {
  it('reads well-formed CSV exactly as csv-parse does', () => {
    fc.assert(
      fc.property(wellFormed, ({ text, delimiter }) => {
        expect(parseCsvText(text, { delimiter, maxRecords: 1_000_000 })).toEqual(oracle(text, delimiter));
      }),
      { numRuns: 5_000 },
    );
  });

  it('stops after maxRecords, as csv-parse does with `to`', () => {
    fc.assert(
      fc.property(wellFormed, fc.integer({ min: 1, max: 10 }), ({ text, delimiter }, cap) => {
        expect(parseCsvText(text, { delimiter, maxRecords: cap })).toEqual(oracle(text, delimiter, cap));
      }),
      { numRuns: 2_000 },
    );
  });

  it('keeps values as text: leading zeros, dates and formulas are not interpreted', () => {
    expect(parseCsvText('0010,2021/7/13,=SUM(A1)\n', { delimiter: ',', maxRecords: 10 })).toEqual([
      ['0010', '2021/7/13', '=SUM(A1)'],
    ]);
  });

  it('keeps quoted line breaks and doubled quotes inside a cell', () => {
    expect(
      parseCsvText('名称,标签\r\n"公共充电桩","充电桩\r\n新能源汽车 ""推荐"""\r\n', {
        delimiter: ',',
        maxRecords: 10,
      }),
    ).toEqual([
      ['名称', '标签'],
      ['公共充电桩', '充电桩\r\n新能源汽车 "推荐"'],
    ]);
  });

  it('keeps stray quotes inside unquoted cells, as editors export them', () => {
    expect(parseCsvText('资源名称,备注\n学校"花名册",无\n', { delimiter: ',', maxRecords: 10 })).toEqual([
      ['资源名称', '备注'],
      ['学校"花名册"', '无'],
    ]);
  });

  it('refuses an unclosed quoted field with the record where it starts', () => {
    let error: unknown;
    try {
      parseCsvText('名称,摘要\n食品许可,"本市食品经营许可证\n下一行', { delimiter: ',', maxRecords: 10 });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect((error as CsvSyntaxError).record).toBe(2);
  });

  it('drops all-empty records when asked (input lists), keeps them otherwise (spreadsheet rows)', () => {
    const text = 'a,b\n\n,\nc,d\n';
    expect(parseCsvText(text, { delimiter: ',', maxRecords: 10, skipEmptyLines: true })).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseCsvText(text, { delimiter: ',', maxRecords: 10 })).toEqual([
      ['a', 'b'],
      [''],
      ['', ''],
      ['c', 'd'],
    ]);
  });
});

describe('wideRecord (the column limit, checked before parsing)', () => {
  it('finds the first record over the limit with its field count, as papaparse splits the fields', () => {
    fc.assert(
      fc.property(wellFormed, fc.integer({ min: 1, max: 6 }), ({ text, delimiter }, limit) => {
        const rows = parseCsvText(text, { delimiter, maxRecords: 1_000_000 });
        const first = rows.findIndex((r) => r.length > limit);
        const expected = first < 0 ? undefined : { count: rows[first]!.length };
        const found = wideRecord(text, delimiter, limit);
        expect(found === undefined ? undefined : { count: found.count }).toEqual(expected);
      }),
      { numRuns: 3_000 },
    );
  });

  it('does not count delimiters inside quotes, and names the record', () => {
    expect(wideRecord('a,b\r\n"x,y,z",w\r\n1,2,3\r\n', ',', 2)).toEqual({ record: 3, count: 3 });
    expect(wideRecord('a,b\n"x\n,y,z",w\n', ',', 2)).toBeUndefined();
  });
});

/** papaparse's guess of a text's line endings (it guesses once, from the first text it parses). */
function newlineOf(text: string): string {
  const { ParserHandle } = Papa as unknown as {
    ParserHandle: new (c: object) => { guessLineEndings(t: string, q: string): string };
  };
  return new ParserHandle({}).guessLineEndings(text, '"');
}

/**
 * Rows of a text fed to CsvChunkParser in pieces cut at `cuts` (the first parse once `firstChars` are
 * held), or the CsvSyntaxError's record; undefined when the first parse would see a prefix whose line
 * endings papaparse guesses otherwise than the whole text's (the reader holds back 1 MB to avoid that).
 */
function chunked(
  text: string,
  delimiter: string,
  cuts: number[],
  firstChars: number,
): string[][] | { record: number } | undefined {
  const at = [...new Set(cuts.map((c) => c % (text.length + 1))), text.length].sort((a, b) => a - b);
  const firstEnd = at.find((c) => c >= firstChars) ?? text.length;
  if (newlineOf(text.slice(0, firstEnd)) !== newlineOf(text)) return undefined;
  const rows: string[][] = [];
  const parser = new CsvChunkParser(
    delimiter,
    (chunk, first) => {
      expect(first).toBe(rows.length);
      rows.push(...chunk);
    },
    firstChars,
  );
  let from = 0;
  try {
    for (const c of at) {
      parser.write(text.slice(from, c));
      from = c;
    }
    parser.end();
  } catch (err) {
    if (err instanceof CsvSyntaxError) return { record: err.record };
    throw err;
  }
  return rows;
}

function whole(text: string, delimiter: string): string[][] | { record: number } {
  try {
    return parseCsvText(text, { delimiter, maxRecords: 1_000_000 });
  } catch (err) {
    if (err instanceof CsvSyntaxError) return { record: err.record };
    throw err;
  }
}

describe('CsvChunkParser', () => {
  it('finds the records of well-formed CSV in any pieces as parseCsvText does in the whole text', () => {
    fc.assert(
      fc.property(
        wellFormed,
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.integer({ min: 1, max: 20 }),
        ({ text, delimiter }, cuts, firstChars) => {
          const got = chunked(text, delimiter, cuts, firstChars);
          fc.pre(got !== undefined);
          expect(got).toEqual(whole(text, delimiter));
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it('finds the same records and unclosed quotes in any text cut anywhere', () => {
    const messy = fc
      .array(fc.constantFrom('a', ',', '"', '\n', '数', ' ', '""'), { maxLength: 40 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        messy,
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.integer({ min: 1, max: 20 }),
        (text, cuts, first) => {
          const got = chunked(text, ',', cuts, first);
          fc.pre(got !== undefined);
          expect(got).toEqual(whole(text, ','));
        },
      ),
      { numRuns: 5_000 },
    );
  });
});

describe('RecordWidths', () => {
  it('finds the same too-wide record in any pieces as in the whole text', () => {
    const text = fc
      .array(fc.constantFrom('a', ',', '"', '\n', '\r', '\r\n', '""'), { maxLength: 40 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        text,
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.integer({ min: 1, max: 4 }),
        (t, cuts, max) => {
          const widths = new RecordWidths(',', max);
          const at = [...new Set(cuts.map((c) => c % (t.length + 1)))].sort((a, b) => a - b);
          let from = 0;
          for (const c of [...at, t.length]) {
            if (widths.scan(t.slice(from, c))) break;
            from = c;
          }
          expect(widths.wide).toEqual(wideRecord(t, ',', max));
        },
      ),
      { numRuns: 5_000 },
    );
  });
});
