// The streaming decode (decodeTextStream) against the whole-text one (decodeTextInput): same text, same
// encoding decision, same errors, whatever the bytes and however small the steps.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CatalogInputError } from '../src/errors.js';
import { decodeTextInput, decodeTextStream } from '../src/io/readers/encoding.js';
import { encodeGb18030 } from './helpers/gb18030.js';

const utf8 = (s: string) => [...new TextEncoder().encode(s)];
const utf16le = (s: string) => {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i) & 0xff, s.charCodeAt(i) >> 8);
  return out;
};

/** Pieces real catalog files are made of, and the bytes that break an encoding. */
const piece = fc.oneof(
  fc.constantFrom('数据资源名称,提供方\n', 'abc,def\r\n', 'é', 'ʃ', '\u3000', '0010', '"a,b"').map(utf8),
  fc.constantFrom('数据资源名称,提供方\n', '共享类型').map((s) => [...encodeGb18030(s)]),
  fc.constantFrom([0xff], [0xc3], [0xe6, 0x95], [0x00], [0x01, 0x02, 0x03], [0x80]),
);
const bytes = fc
  .tuple(
    fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]),
    fc.array(piece, { maxLength: 12 }),
    fc.boolean(),
  )
  .map(([bom, pieces, wide]) => {
    const flat = pieces.flat();
    if (bom.length === 2)
      return new Uint8Array([...bom, ...utf16le(new TextDecoder().decode(new Uint8Array(flat)))]);
    if (wide) return new Uint8Array(utf16le('abc,def\n名称,提供方\n'.repeat(3)));
    return new Uint8Array([...bom, ...flat]);
  });

function outcome(run: () => string): string | { error: string } {
  try {
    return run();
  } catch (err) {
    if (err instanceof CatalogInputError) return { error: `${err.code} ${err.messageId}` };
    throw err;
  }
}

describe('decodeTextStream', () => {
  it('gives the text decodeTextInput gives, or the same error, in steps of any size', () => {
    fc.assert(
      fc.property(bytes, fc.integer({ min: 1, max: 9 }), (b, step) => {
        const stream = outcome(() =>
          decodeTextStream(
            b,
            'x.csv',
            '.csv',
            () => {
              let text = '';
              return {
                write: (t: string) => {
                  text += t;
                },
                end: () => text,
              };
            },
            step,
          ),
        );
        expect(stream).toEqual(outcome(() => decodeTextInput(b, 'x.csv', '.csv').text));
      }),
      { numRuns: 5_000 },
    );
  });

  it('reports an error of the sink only for the encoding finally chosen', () => {
    // Valid UTF-8 for 9,000 characters, then GBK: the UTF-8 pass's sink fails, the GB18030 pass's does not.
    const b = new Uint8Array([...utf8('ok\n'.repeat(3000)), ...encodeGb18030('数据资源名称\n')]);
    let passes = 0;
    const text = decodeTextStream(
      b,
      'x.csv',
      '.csv',
      () => {
        const pass = ++passes;
        let text = '';
        return {
          write: (t: string) => {
            if (pass === 1) throw new CatalogInputError('input/limit', 'readers.tooManyRows', {});
            text += t;
          },
          end: () => text,
        };
      },
      4096,
    );
    expect(passes).toBe(2);
    expect(text).toBe(`${'ok\n'.repeat(3000)}数据资源名称\n`);
  });
});
