// A GB18030 encoder for tests (Node only decodes GB18030): the two-byte table inverted from TextDecoder.
let table: Map<string, [number, number]> | undefined;

function buildTable(): Map<string, [number, number]> {
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const map = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      let ch: string;
      try {
        ch = decoder.decode(new Uint8Array([lead, trail]));
      } catch {
        continue;
      }
      if (ch.length === 1 && !map.has(ch)) map.set(ch, [lead, trail]);
    }
  }
  return map;
}

/** Encodes text as GB18030 (ASCII and every two-byte character; throws on characters outside them). */
export function encodeGb18030(text: string): Uint8Array {
  table ??= buildTable();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const pair = table.get(ch);
    if (!pair) throw new Error(`no two-byte GB18030 code for ${ch}`);
    out.push(pair[0], pair[1]);
  }
  return new Uint8Array(out);
}

/** Every character the two-byte table covers (for property tests). */
export function gb18030Characters(): string[] {
  table ??= buildTable();
  return [...table.keys()];
}
