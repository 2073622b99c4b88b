// The JSON report written in pieces (a report with a million findings does not fit in one string) is
// JSON.stringify(report, null, 2) exactly: on real reports and on any JSON-like value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonPieces } from '../src/formatters/json-pieces.js';
import { validateCatalog } from '../src/validate.js';

const whole = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const pieced = (value: unknown) => [...jsonPieces(value)].join('');

describe('jsonPieces', () => {
  it('writes the reports of the examples and a real catalog as JSON.stringify does', async () => {
    const report = await validateCatalog(
      [
        'examples/nanning-shared-catalog.json',
        'examples/nanning-open-catalog.json',
        'test/data/real-data/guangxi_nanning.json',
      ],
      { today: '2024-06-30' },
    );
    expect(report.files.every((f) => f.findings.length > 0)).toBe(true);
    const text = pieced(report);
    expect(text).toBe(whole(report));
    // Pieces of bounded size: a large report is not one string.
    const sizes = [...jsonPieces(report)].map((p) => p.length);
    expect(sizes.length).toBeGreaterThan(3);
    expect(Math.max(...sizes)).toBeLessThan(200_000);
  });

  it('writes any JSON-like value as JSON.stringify does (undefined members, empty containers, deep nesting)', () => {
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(
        fc.string(),
        fc.string({ unit: 'grapheme' }),
        fc.integer(),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.constant(undefined),
      ),
      array: fc.array(tie('node'), { maxLength: 5 }),
      object: fc.dictionary(fc.string(), tie('node'), { maxKeys: 5 }),
      node: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('array'), tie('object')),
    })).node;
    fc.assert(
      fc.property(fc.oneof(value.filter((v) => v !== undefined)), (v) => {
        expect(pieced(v)).toBe(whole(v));
      }),
      { numRuns: 500 },
    );
  });
});
