// Utf8Chunks (the xlsx parts' decoder) against one decode of the whole part: the same text whatever the bytes,
// valid or not, and wherever the chunks end.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8Chunks } from '../src/io/readers/xlsx-parts.js';

const utf8 = (s: string) => [...new TextEncoder().encode(s)];

/** Pieces of workbook XML, and byte runs the WHATWG decoder replaces in different ways. */
const piece = fc.oneof(
  fc.constantFrom('<c r="A1" t="s"><v>12</v></c>', '数据资源名称', 'é', '\u3000', '😀', '\ufeff').map(utf8),
  fc.constantFrom(
    [0xff],
    [0x80],
    [0xc3],
    [0xc0, 0xaf],
    [0xe6, 0x95],
    [0xe0, 0x80, 0x80],
    [0xed, 0xa0, 0x80],
    [0xf0, 0x9f, 0x98],
    [0xf4, 0x90, 0x80, 0x80],
    [0xf5, 0x80],
    [0xef, 0xbb, 0xbf],
  ),
);

function decodeInChunks(bytes: Uint8Array, cuts: number[]): string {
  const decoder = new Utf8Chunks();
  let out = '';
  let from = 0;
  for (const cut of [...cuts.map((c) => c % (bytes.length + 1))].sort((a, b) => a - b)) {
    out += decoder.decode(bytes.subarray(from, Math.max(from, cut)));
    from = Math.max(from, cut);
  }
  out += decoder.decode(bytes.subarray(from));
  return out + decoder.end();
}

describe('Utf8Chunks', () => {
  it('decodes chunked bytes to the text of one whole decode (BOMs kept, invalid bytes replaced alike)', () => {
    const whole = new TextDecoder('utf-8', { ignoreBOM: true });
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 16 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (pieces, cuts) => {
          const bytes = Uint8Array.from(pieces.flat());
          expect(decodeInChunks(bytes, cuts)).toBe(whole.decode(bytes));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('cut one byte at a time, every sequence split at every place', () => {
    const bytes = Uint8Array.from([...utf8('a数😀é'), 0xe6, 0x95, 0x41, 0xf0, 0x9f, 0x98, 0xe0, 0x80, 0xc3]);
    const cuts = Array.from({ length: bytes.length }, (_, i) => i);
    expect(decodeInChunks(bytes, cuts)).toBe(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
    expect(decodeInChunks(bytes, cuts)).toContain('\ufffd');
  });
});
