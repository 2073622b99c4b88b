// Text bound for a terminal or a CI log: control characters from cells are shown escaped (`\x1b`), never sent.
import type { Formatter } from './types.js';

/** Line and paragraph separators and bidirectional overrides (which can make a line read otherwise). */
const SEPARATORS = '\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
/**
 * Characters a terminal acts on rather than shows: C0 controls (ESC, BEL, BS, CR, LF …), DEL, C1 controls
 * (U+009B is a one-character CSI) and the separators above.
 */
const CONTROL = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${SEPARATORS}]`, 'g');
/** The same without CR and LF, for formats that encode line breaks themselves (GitHub's `%0A`). */
const CONTROL_BUT_BREAKS = new RegExp(
  `[\\u0000-\\u0009\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f${SEPARATORS}]`,
  'g',
);
const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeOne(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * The text with every control character written as an escape (`\x1b`, `\x07`, `\n`, `\u202e`); with
 * `keepBreaks`, CR and LF stay for a format that encodes them itself.
 */
export function escapeControls(text: string, keepBreaks = false): string {
  const pattern = keepBreaks ? CONTROL_BUT_BREAKS : CONTROL;
  pattern.lastIndex = 0;
  return pattern.test(text) ? text.replace(pattern, escapeOne) : text;
}

/** A deep copy of a JSON value with every string escaped (the report as terminal formats may print it). */
export function escapeStrings<T>(value: T, keepBreaks = false): T {
  if (typeof value === 'string') return escapeControls(value, keepBreaks) as T;
  if (Array.isArray(value)) return value.map((v) => escapeStrings(v, keepBreaks)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = escapeStrings(v, keepBreaks);
    return out as T;
  }
  return value;
}

/**
 * A format read in a terminal or a CI log: it sees the report with control characters escaped, so a cell
 * cannot clear the screen or retitle the window. The other formats keep their own escaping (JSON, XML, HTML).
 */
export function forTerminal(formatter: Formatter, keepBreaks = false): Formatter {
  return (report, context) => formatter(escapeStrings(report, keepBreaks), context);
}
