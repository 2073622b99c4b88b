// String helpers for values a run keeps.

/** Below this length V8 copies a substring instead of pointing into its parent (SlicedString::kMinLength). */
const MIN_SLICE = 13;

/**
 * A copy of `s` that does not keep the text it was cut from alive. A parser's cells are substrings of the
 * whole decoded file; V8 represents the longer ones as slices pointing into it, so one kept cell kept the
 * entire file text (about 0.7 KB per entry of a template CSV). Concatenating and slicing flattens the cell
 * into a string of its own.
 */
export function detach(s: string): string {
  return s.length < MIN_SLICE ? s : ` ${s}`.slice(1);
}

/** Texts up to this length are pooled (data types, vocabulary values, item and provider names repeat). */
const MAX_POOLED = 24;

/**
 * The strings a reader keeps, each short text once: a catalog repeats its data types, vocabulary values and
 * item names thousands of times, and one copy per cell was about 0.6 KB per entry of a template CSV. Longer
 * texts are detached (see detach). The pool lives while a file is read.
 */
export class StringPool {
  private readonly known = new Map<string, string>();

  /**
   * `max`: the most texts kept at once; past it the pool starts afresh. For a reader that hands its entries
   * on rather than keeping them (see EntryStream): the texts of entries let go need not stay.
   */
  constructor(private readonly max = Number.POSITIVE_INFINITY) {}

  keep(s: string): string {
    // Most cells of a template sheet are empty: no lookup for them.
    if (s.length === 0) return s;
    if (s.length > MAX_POOLED) return detach(s);
    let kept = this.known.get(s);
    if (kept === undefined) {
      kept = detach(s);
      if (this.known.size >= this.max) this.known.clear();
      // Keyed by the copy: the cell itself may be a slice that keeps the whole chunk of text it was cut from.
      this.known.set(kept, kept);
    }
    return kept;
  }
}

/**
 * Orders texts by their UTF-16 code units, the same on every machine. `localeCompare` without a locale follows
 * the process's locale (LANG) and starts ICU's collator, about 8 ms of CPU that a small run paid for sorting
 * rule ids and seed word lists (README “Performance”).
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
