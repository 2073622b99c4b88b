// The platform's inflate for workbook parts, apart from the zip reader so that installing it loads no zip code.

/**
 * A platform's inflate of a whole raw-deflate part to exactly `size` bytes (never allocating more), or
 * undefined for anything else — an error, another size. The Node adapter installs one on zlib; fflate, whose
 * streaming and errors are the reference, runs whenever it answers undefined (zip-directory.ts).
 */
export type WholeInflate = (compressed: Uint8Array, size: number) => Uint8Array | undefined;

let installed: WholeInflate | undefined;

/** Installs (or, with undefined, removes) the platform's whole-part inflate. */
export function setWholeInflate(inflate: WholeInflate | undefined): void {
  installed = inflate;
}

/** The installed whole-part inflate, if any. */
export function wholeInflate(): WholeInflate | undefined {
  return installed;
}
