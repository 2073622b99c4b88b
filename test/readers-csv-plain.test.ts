// The plain-CSV fast path parses exactly as csv-parse does with the reader's options, or steps aside.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlainCsv } from '../src/io/readers/csv.js';
import { decodeTextInput } from '../src/io/readers/encoding.js';
import { portalLayout, rowPerItemCsv } from './helpers/layouts.js';

function csvParse(text: string, delimiter: string, to?: number): string[][] {
  return parse(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    ...(to ? { to } : {}),
  }) as string[][];
}

const alphabet = fc.constantFrom('a', '中', ',', ';', '"', '"', '\r', '\n', '\r\n', ' ', '\t', 'b');
const csvish = fc.array(alphabet, { maxLength: 40 }).map((a) => a.join(''));

/** Well-formed CSV: rows of fields, quoted when needed, one line-end style. */
const wellFormed = fc
  .record({
    rows: fc.array(fc.array(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 5 }), { maxLength: 8 }),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    trailing: fc.boolean(),
    quoteAll: fc.boolean(),
  })
  .map(({ rows, eol, trailing, quoteAll }) => {
    const field = (f: string) =>
      quoteAll || /[",\r\n]/.test(f) || f.startsWith(' ') ? `"${f.replace(/"/g, '""')}"` : f;
    const text = rows.map((r) => r.map(field).join(',')).join(eol);
    return trailing && rows.length > 0 ? text + eol : text;
  });

describe('plain CSV fast path', () => {
  it('agrees with csv-parse whenever it answers (random text, two delimiters)', () => {
    fc.assert(
      fc.property(csvish, fc.constantFrom(',', ';'), (text, delimiter) => {
        const fast = parsePlainCsv(text, delimiter, 1_000_000, 1_000_000);
        let expected: string[][] | 'error';
        try {
          expected = csvParse(text, delimiter);
        } catch {
          expected = 'error';
        }
        if (fast !== undefined) expect(fast).toEqual(expected);
      }),
      { numRuns: 20_000 },
    );
  });

  it('answers for well-formed CSV, as csv-parse does, and stops after the record cap', () => {
    fc.assert(
      fc.property(wellFormed, fc.integer({ min: 1, max: 10 }), (text, cap) => {
        const fast = parsePlainCsv(text, ',', 1_000_000, 1_000_000);
        expect(fast).toBeDefined();
        expect(fast).toEqual(csvParse(text, ','));
        expect(parsePlainCsv(text, ',', cap, 1_000_000)).toEqual(csvParse(text, ',', cap));
      }),
      { numRuns: 5_000 },
    );
  });

  it('takes the layout fixtures (UTF-8 and GB18030, quoted line breaks in cells)', () => {
    for (const layout of [rowPerItemCsv('utf-8-bom'), rowPerItemCsv('gb18030'), portalLayout('csv')]) {
      const { text } = decodeTextInput(layout.bytes, layout.name, '.csv');
      const fast = parsePlainCsv(text, ',', 1_000_000, 1_000_000);
      expect(fast, layout.name).toBeDefined();
      expect(fast).toEqual(csvParse(text, ','));
    }
  });

  it('steps aside for a record longer than the cap (csv-parse then reports it)', () => {
    expect(parsePlainCsv(`a,${'x'.repeat(100)}\nb`, ',', 10, 50)).toBeUndefined();
    expect(parsePlainCsv(`a,${'x'.repeat(100)}`, ',', 10, 50)).toBeUndefined();
  });
});
