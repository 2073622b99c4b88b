// Finds a DTD (`<!DOCTYPE`, `<!ENTITY`, any case) in raw XML bytes as they stream by, in UTF-8 (and the
// byte encodings that share ASCII with it) and in UTF-16 of either byte order, across chunk boundaries.

const LT = 0x3c;
const BANG = 0x21;
/** After `<`: the rest of each marker, lower case. */
const MARKERS = ['!doctype', '!entity'];
/** Bytes a marker can span in UTF-16 (`<` and eight characters, two bytes each). */
const SPAN = 18;

/** True when `bytes[at…]` holds a marker, one byte per character (stride 1) or two (stride 2, the other byte 0). */
function markerAt(bytes: Uint8Array, at: number, stride: 1 | 2): boolean {
  next: for (const marker of MARKERS) {
    for (let k = 0; k < marker.length; k++) {
      const i = at + stride * (k + 1);
      if (i >= bytes.length) continue next;
      if (stride === 2 && bytes[i - 1] !== 0) continue next;
      const want = marker.charCodeAt(k);
      const b = bytes[i]!;
      if ((want >= 0x61 ? b | 0x20 : b) !== want) continue next;
    }
    return true;
  }
  return false;
}

/** True when some `<!` in `bytes` starts a DTD marker (searching for the rare `!` keeps this fast). */
function findMarker(bytes: Uint8Array): boolean {
  for (let j = bytes.indexOf(BANG, 1); j >= 0; j = bytes.indexOf(BANG, j + 1)) {
    if (bytes[j - 1] === LT && markerAt(bytes, j - 1, 1)) return true;
    // UTF-16: `<` then `!` with a zero byte between them (after `<` in LE, before `!` in BE alike).
    if (j >= 2 && bytes[j - 1] === 0 && bytes[j - 2] === LT && markerAt(bytes, j - 2, 2)) return true;
  }
  return false;
}

/** Whether bytes hold a DTD or entity declaration, in any of the encodings above. */
export function hasDtd(bytes: Uint8Array): boolean {
  return findMarker(bytes);
}

/** A streaming DTD detector: feed it chunks in order; `found` turns true at the first marker. */
export class DtdScan {
  found = false;
  private tail = new Uint8Array(0);

  /** Scans the next chunk; returns `found`. */
  push(chunk: Uint8Array): boolean {
    if (this.found) return true;
    // A marker cut by the chunk boundary: search the end of the last chunk joined to the start of this one.
    if (this.tail.length > 0) {
      const seam = new Uint8Array(this.tail.length + Math.min(chunk.length, SPAN));
      seam.set(this.tail);
      seam.set(chunk.subarray(0, SPAN), this.tail.length);
      this.found = findMarker(seam);
    }
    if (!this.found) this.found = findMarker(chunk);
    if (this.found) return true;
    let last = chunk;
    if (chunk.length < SPAN) {
      last = new Uint8Array(this.tail.length + chunk.length);
      last.set(this.tail);
      last.set(chunk, this.tail.length);
    }
    this.tail = last.slice(Math.max(0, last.length - SPAN));
    return false;
  }
}
