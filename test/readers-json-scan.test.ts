// JsonScanner's split parse (each entry parsed as soon as its text ends) against JSON.parse of the whole text:
// the same document on well-formed JSON cut anywhere, and no document on anything JSON.parse refuses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonScanner } from '../src/io/readers/json-scan.js';

const limits = { maxDepth: 64, maxEntries: 1_000_000, maxNodes: 10_000_000 };

function split(text: string, cuts: number[]): unknown {
  const scanner = new JsonScanner('x.json', { limits }, true);
  const at = [...new Set(cuts.map((c) => c % (text.length + 1))), text.length].sort((a, b) => a - b);
  let from = 0;
  for (const c of at) {
    scanner.write(text.slice(from, c));
    from = c;
  }
  return scanner.document();
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const key = fc.constantFrom('entries', 'data', 'list', 'name', '__proto__', 'a"b', '数据', '\\', ',]');
const value = fc.letrec((tie) => ({
  any: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, 0, -1.5e3, '', 'x,y', '[1]', '"', '\\', '}'),
    fc.string({ maxLength: 5 }),
    fc.array(tie('any'), { maxLength: 4 }),
    fc.dictionary(key, tie('any'), { maxKeys: 4 }),
  ),
})).any;

describe('JsonScanner (split)', () => {
  it('gives the document JSON.parse gives, however the text is cut and spaced', () => {
    fc.assert(
      fc.property(value, fc.array(fc.nat(), { maxLength: 8 }), fc.boolean(), (v, cuts, spaced) => {
        const text = JSON.stringify(v, null, spaced ? 1 : undefined) ?? 'null';
        expect(split(text, cuts)).toEqual(JSON.parse(text));
      }),
      { numRuns: 4_000 },
    );
  });

  it('keeps a duplicate key last, as JSON.parse does', () => {
    const text = '{"entries":[{"a":1}],"entries":[{"b":2},{"c":3}],"kind":"open"}';
    expect(split(text, [5, 17, 30])).toEqual(JSON.parse(text));
  });

  it('gives no document for text JSON.parse refuses, and the same one for text it takes', () => {
    const messy = fc
      .array(fc.constantFrom('[', ']', '{', '}', ',', ':', '"a"', '1', ' ', '"', '\\', 'null', '"k":'), {
        maxLength: 14,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(messy, fc.array(fc.nat(), { maxLength: 5 }), (text, cuts) => {
        expect(split(text, cuts)).toEqual(parsed(text));
      }),
      { numRuns: 10_000 },
    );
  });
});
