// The text of JSON.stringify(value, null, 2) in pieces: a report with a million findings is more text than
// one JavaScript string can hold (about 512 M characters), and needs none of it at once.

/** Pieces are gathered up to about this many characters before they are handed on. */
const PIECE_CHARS = 1 << 16;

/** Containers nested deeper than this are stringified whole (a finding, an entry reference). */
const SPLIT_DEPTH = 5;

function* parts(value: unknown, indent: string, depth: number): Generator<string> {
  if (value === null || typeof value !== 'object' || depth >= SPLIT_DEPTH) {
    const text = JSON.stringify(value, null, 2);
    // Inside a container as JSON.stringify writes it: every line after the first indented as deep.
    yield indent === '' || !text.includes('\n') ? text : text.replace(/\n/g, `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[\n';
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      yield inner;
      // As JSON.stringify: what has no JSON form is null in an array.
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') yield 'null';
      else yield* parts(item, inner, depth + 1);
      yield i + 1 < value.length ? ',\n' : '\n';
    }
    yield `${indent}]`;
    return;
  }
  const record = value as Record<string, unknown>;
  // As JSON.stringify: members without a JSON form are left out.
  const keys = Object.keys(record).filter((k) => {
    const v = record[k];
    return v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';
  });
  if (keys.length === 0) {
    yield '{}';
    return;
  }
  yield '{\n';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    yield `${inner}${JSON.stringify(key)}: `;
    yield* parts(record[key], inner, depth + 1);
    yield i + 1 < keys.length ? ',\n' : '\n';
  }
  yield `${indent}}`;
}

/**
 * `JSON.stringify(value, null, 2)` followed by a line break, in pieces of about 64 K characters whose
 * concatenation is that text exactly. For plain data (what a report is): no toJSON, no cycles.
 */
export function* jsonPieces(value: unknown): Generator<string> {
  let piece = '';
  for (const part of parts(value, '', 0)) {
    piece += part;
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}\n`;
}
