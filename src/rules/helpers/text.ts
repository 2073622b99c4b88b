// Pure text helpers shared by rules: trimming, folding for comparison, script tests.

const FOLD_DROP = /[\s\p{P}\p{S}]+/gu;
const HAN = /\p{Script=Han}/u;
/** CJK unified ideographs, digits and lower-case ASCII letters only: texts foldText returns unchanged. */
const ALREADY_FOLDED = /^[0-9a-z\u4e00-\u9fff]*$/;
/** Printable ASCII, CJK ideographs, 、。“”《》 and full-width （），：；！？ (punctuation before and after NFKC). */
const NFKC_STABLE =
  /^[\u0020-\u007e\u4e00-\u9fff\u3001\u3002\u201c\u201d\u300a\u300b\uff08\uff09\uff0c\uff1a\uff1b\uff01\uff1f]*$/;

/** A scalar as trimmed text, or undefined when it is not text/number or is blank. */
export function textOf(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

/**
 * Folds text for comparisons: NFKC (full-width letters, digits and punctuation become half-width),
 * whitespace, punctuation and symbols removed, ASCII lower-cased. “食品 经营（许可）” and “食品经营许可” meet.
 */
export function foldText(text: string): string {
  // Most catalog texts are plain Chinese, digits and lower-case letters: NFKC, dropping and lower-casing
  // leave them as they are.
  if (ALREADY_FOLDED.test(text)) return text;
  // ASCII, CJK ideographs and the common Chinese punctuation are left as they are by NFKC, or turned into
  // punctuation that is dropped all the same: NFKC (slow) can be skipped.
  if (NFKC_STABLE.test(text)) return text.replace(FOLD_DROP, '').toLowerCase();
  return text.normalize('NFKC').replace(FOLD_DROP, '').toLowerCase();
}

/**
 * Whether the text is only CJK unified ideographs (U+4E00–U+9FFF, every one a letter), ASCII letters and
 * digits: a text every character of which matches /[\p{L}\p{N}]/u, found without a regular expression.
 */
export function onlyIdeographsLettersDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) continue;
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) continue;
    return false;
  }
  return true;
}

/** Whether the text contains a Chinese (Han) character. */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/** Joins values for a message, at most `max` of them, then “等 N 个” / “and N more”. */
export function listForMessage(values: readonly (string | number)[], max = 5, sep = '、'): string {
  const shown = values.slice(0, max).join(sep);
  return values.length > max ? `${shown}${sep}…（${values.length}）` : shown;
}

/** Counts characters as people do (code points, so a CJK extension character counts once). */
export function charCount(text: string): number {
  // As many as `for (const _ of text)` counts, without the one-character string it makes per step: a
  // surrogate pair is one character, a lone surrogate one too.
  let n = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}
