// Formula-injection escaping for spreadsheet outputs: texts a spreadsheet would run as formulas get a leading quote.

/**
 * First characters that make Excel, WPS or LibreOffice treat a typed or imported text as a formula
 * (OWASP “CSV injection”), including their full-width forms; the same set csv-stringify's
 * `escape_formulas` uses, so xlsx and csv outputs escape alike.
 */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r', '\uff1d', '\uff0b', '\uff0d', '\uff20']);

/** Whether a text would be taken for a formula. */
export function looksLikeFormula(text: string): boolean {
  return text.length > 0 && FORMULA_START.has(text[0]!);
}

/** Prefixes a formula-like text with an apostrophe so it stays text; other texts are returned unchanged. */
export function escapeFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}
