// A linear pre-scan of JSON text before JSON.parse: nesting depth, values and entries — so a hostile
// document is refused in the memory of its text, never by V8 running out of heap while parsing.
import { CatalogInputError } from '../../errors.js';
import type { ResolvedLimits } from '../../limits.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** What one document may hold; `entries: false` for a JSON Lines record (its lines are counted instead). */
export interface JsonBounds {
  limits: Pick<ResolvedLimits, 'maxDepth' | 'maxEntries' | 'maxNodes'>;
  /** Count the elements of arrays that could hold the entries against --max-entries (default true). */
  entries?: boolean;
  /** Values already counted in earlier records of the same file (JSON Lines). */
  nodesBefore?: number;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * Scans JSON text once, without building anything, and throws `input/limit` when it nests deeper than
 * --max-depth, holds more values (objects, arrays, strings, numbers, booleans and nulls: each costs memory
 * once parsed, however few bytes it takes) than --max-nodes, or an array that can hold the entries (one with
 * no array around it: the top-level array, `{"entries": […]}`, `{"data": {"list": […]}}` …) has more
 * elements than --max-entries. Returns the values counted so far. Malformed text is left to JSON.parse,
 * which reports it with its position.
 */
export function scanJson(text: string, file: string, bounds: JsonBounds): number {
  const { maxDepth, maxEntries, maxNodes } = bounds.limits;
  const countEntries = bounds.entries !== false;
  // Per open container: whether it is an array, and how many arrays enclose it (itself included).
  const isArray = new Uint8Array(maxDepth + 2);
  const arraysAround = new Uint32Array(maxDepth + 2);
  const commas = new Uint32Array(maxDepth + 2);
  let depth = 0;
  // Values: the document itself, one per object member (its colon), one per array element.
  let nodes = (bounds.nodesBefore ?? 0) + 1;
  const tooMany = () =>
    new CatalogInputError('input/limit', 'readers.jsonTooManyNodes', { file, limit: maxNodes });
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // Skip the string: to the next quote not escaped.
      for (i++; i < n; i++) {
        const s = text.charCodeAt(i);
        if (s === BACKSLASH) i++;
        else if (s === QUOTE) break;
      }
    } else if (c === COLON) {
      if (++nodes > maxNodes) throw tooMany();
    } else if (c === COMMA) {
      if (depth === 0 || isArray[depth] !== 1) continue;
      if (++nodes > maxNodes) throw tooMany();
      // n commas separate n + 1 elements.
      if (countEntries && arraysAround[depth] === 1 && ++commas[depth]! >= maxEntries) {
        throw new CatalogInputError('input/limit', 'readers.jsonTooManyEntries', { file, limit: maxEntries });
      }
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > maxDepth) {
        throw new CatalogInputError('input/limit', 'input.jsonTooDeep', { file, limit: maxDepth });
      }
      const array = c === OPEN_BRACKET;
      isArray[depth] = array ? 1 : 0;
      arraysAround[depth] = arraysAround[depth - 1]! + (array ? 1 : 0);
      commas[depth] = 0;
      if (array) {
        // The first element of a non-empty array (the others follow commas).
        let j = i + 1;
        while (j < n && isSpace(text.charCodeAt(j))) j++;
        if (j < n && text.charCodeAt(j) !== CLOSE_BRACKET && ++nodes > maxNodes) throw tooMany();
      }
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (depth > 0) depth--;
    }
  }
  return nodes;
}

/** Non-blank lines of JSON Lines text (the records), counted before any is parsed. */
export function countRecords(text: string): number {
  let records = 0;
  let blank = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      if (!blank) records++;
      blank = true;
    } else if (blank && !isSpace(c)) blank = false;
  }
  return blank ? records : records + 1;
}
