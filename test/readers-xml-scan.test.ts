// XmlScanner fed in chunks cut anywhere gives the tokens of the whole text fed at once: tags (quoted `>` in
// attributes included), comments, instructions and text, however the chunks cut them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { XmlScanner } from '../src/io/readers/xml-scan.js';

/** The scanner's calls as a list, consecutive text joined (text may arrive in several calls). */
function tokens(chunks: readonly string[]): string[] {
  const out: string[] = [];
  const scanner = new XmlScanner({
    open: (name, raw, selfClosing) => out.push(`open ${name} [${raw}] ${selfClosing}`),
    close: (name) => out.push(`close ${name}`),
    text: (text) => {
      const last = out.length - 1;
      if (last >= 0 && out[last]!.startsWith('text ')) out[last] += text;
      else out.push(`text ${text}`);
    },
  });
  for (const chunk of chunks) scanner.write(chunk);
  scanner.end();
  return out;
}

const piece = fc.constantFrom(
  '<row r="1" spans="1:9">',
  '</row>',
  '<c r="A1" t="s"><v>12</v></c>',
  '<c r="B1"/>',
  '<x:c r="C1" t="str"><x:v>a &amp; b</x:v></x:c>',
  '<t xml:space="preserve"> 数据 </t>',
  "<a title=\"x > y\" note='it''s'>",
  '</a>',
  '<!-- a comment with <tags> -->',
  '<?xml version="1.0"?>',
  '文本 text',
  ' ',
);

describe('XmlScanner', () => {
  it('gives the same tokens whatever the chunks, as for the whole text', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 24 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (pieces, cuts) => {
          const text = pieces.join('');
          const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const chunks: string[] = [];
          let from = 0;
          for (const cut of at) {
            chunks.push(text.slice(from, cut));
            from = cut;
          }
          chunks.push(text.slice(from));
          expect(tokens(chunks)).toEqual(tokens([text]));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a tag cut after each of its characters', () => {
    const text = '<row r="1"><a title="x > y">v</a><c r="A1" t="s"><v>1</v></c></row>';
    const whole = tokens([text]);
    for (let cut = 1; cut < text.length; cut++)
      expect(tokens([text.slice(0, cut), text.slice(cut)]), `cut at ${cut}`).toEqual(whole);
    expect(whole).toContain('open a [a title="x > y"] false');
  });
});
