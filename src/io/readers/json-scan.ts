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
  const scanner = new JsonScanner(file, bounds);
  scanner.write(text);
  return scanner.nodes;
}

/**
 * scanJson over text that arrives in pieces. With `split`, it also parses the document as it goes: each
 * element of an array with no array around it (those that can hold the entries) is parsed on its own with
 * JSON.parse as soon as it ends, and the rest — the skeleton, with each such array written `[k]` — at the
 * end; document() puts the two together. So the whole text is never held, only the values. Splitting is
 * exact on well-formed JSON: every array of the skeleton is one of those arrays. On anything else
 * document() answers undefined, and the caller parses the whole text to report the error JSON.parse reports.
 */
export class JsonScanner {
  /** Values counted so far. */
  nodes: number;
  private readonly maxDepth: number;
  private readonly maxEntries: number;
  private readonly maxNodes: number;
  private readonly countEntries: boolean;
  // Per open container: whether it is an array, and how many arrays enclose it (itself included).
  private readonly isArray: Uint8Array;
  private readonly arraysAround: Uint32Array;
  private readonly commas: Uint32Array;
  private depth = 0;
  private inString = false;
  /** The last piece ended on a backslash inside a string. */
  private escaped = false;
  /** An array just opened: its first element (a value) is counted when the next non-blank is not `]`. */
  private firstPending = false;
  // Splitting.
  private readonly skeleton: string[] = [];
  private readonly arrays: unknown[][] = [];
  private current: unknown[] | undefined;
  private candidateDepth = 0;
  private element: string[] = [];
  private elements = 0;
  private broken = false;
  /** Whether the current array's elements go to `hooks.element` (see JsonSplitHooks). */
  private handing = false;

  constructor(
    private readonly file: string,
    bounds: JsonBounds,
    private readonly split = false,
    private readonly hooks?: JsonSplitHooks,
  ) {
    const { maxDepth, maxEntries, maxNodes } = bounds.limits;
    this.maxDepth = maxDepth;
    this.maxEntries = maxEntries;
    this.maxNodes = maxNodes;
    this.countEntries = bounds.entries !== false;
    this.isArray = new Uint8Array(maxDepth + 2);
    this.arraysAround = new Uint32Array(maxDepth + 2);
    this.commas = new Uint32Array(maxDepth + 2);
    // Values: the document itself, one per object member (its colon), one per array element.
    this.nodes = (bounds.nodesBefore ?? 0) + 1;
  }

  private tooMany(): CatalogInputError {
    return new CatalogInputError('input/limit', 'readers.jsonTooManyNodes', {
      file: this.file,
      limit: this.maxNodes,
    });
  }

  /** Scans the next piece of the text. */
  write(text: string): void {
    const n = text.length;
    const { isArray, arraysAround, commas, split } = this;
    // Where the current piece of skeleton or array element starts in this text.
    let from = 0;
    let i = 0;
    if (this.inString) {
      i = this.stringEnd(text, 0);
      if (i < 0) {
        this.keep(text, 0, n);
        return;
      }
      this.inString = false;
      i++;
    }
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (this.firstPending && !isSpace(c)) {
        this.firstPending = false;
        if (c !== CLOSE_BRACKET && ++this.nodes > this.maxNodes) throw this.tooMany();
      }
      if (c === QUOTE) {
        const end = this.stringEnd(text, i + 1);
        if (end < 0) {
          this.inString = true;
          break;
        }
        i = end;
      } else if (c === COLON) {
        if (++this.nodes > this.maxNodes) throw this.tooMany();
      } else if (c === COMMA) {
        const depth = this.depth;
        if (depth === 0 || isArray[depth] !== 1) continue;
        if (++this.nodes > this.maxNodes) throw this.tooMany();
        // n commas separate n + 1 elements.
        if (this.countEntries && arraysAround[depth] === 1 && ++commas[depth]! >= this.maxEntries) {
          throw new CatalogInputError('input/limit', 'readers.jsonTooManyEntries', {
            file: this.file,
            limit: this.maxEntries,
          });
        }
        if (split && this.current && depth === this.candidateDepth) {
          this.endElement(text, from, i);
          from = i + 1;
        }
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        from = this.opened(text, from, i, c === OPEN_BRACKET);
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        if (this.depth === 0) continue;
        if (split && this.current && this.depth === this.candidateDepth) {
          if (c !== CLOSE_BRACKET) this.broken = true;
          this.endArray(text, from, i);
          from = i + 1;
        }
        this.depth--;
      }
    }
    this.keep(text, from, n);
  }

  /**
   * An object or array opens at `i`: depth checked, and an array that can hold the entries starts a piece of
   * its own (see split). Returns where the current piece of skeleton or element now starts.
   */
  private opened(text: string, from: number, i: number, array: boolean): number {
    const { isArray, arraysAround, commas } = this;
    const depth = ++this.depth;
    if (depth > this.maxDepth) {
      throw new CatalogInputError('input/limit', 'input.jsonTooDeep', {
        file: this.file,
        limit: this.maxDepth,
      });
    }
    isArray[depth] = array ? 1 : 0;
    arraysAround[depth] = arraysAround[depth - 1]! + (array ? 1 : 0);
    commas[depth] = 0;
    if (array) this.firstPending = true;
    if (!this.split || !array || arraysAround[depth] !== 1) return from;
    // An array that can hold the entries: the skeleton gets its number, its elements are parsed apart.
    this.skeleton.push(text.slice(from, i));
    this.handing = this.hooks?.open(this.arrays.length, depth, this.skeleton) === true;
    this.skeleton.push(`[${this.arrays.length}]`);
    this.current = [];
    this.arrays.push(this.current);
    this.candidateDepth = depth;
    this.elements = 0;
    return i + 1;
  }

  /** The index of the quote that ends the string going on at `from`, or -1 when the text ends first. */
  private stringEnd(text: string, from: number): number {
    const n = text.length;
    let i = from;
    if (this.escaped) {
      this.escaped = false;
      i++;
    }
    for (; i < n; i++) {
      const s = text.charCodeAt(i);
      if (s === BACKSLASH) {
        if (i + 1 === n) {
          this.escaped = true;
          return -1;
        }
        i++;
      } else if (s === QUOTE) return i;
    }
    return -1;
  }

  /** Keeps the rest of a piece: part of the element going on, or of the skeleton. */
  private keep(text: string, from: number, to: number): void {
    if (!this.split || from >= to) return;
    if (this.current) {
      if (!this.broken) this.element.push(text.slice(from, to));
    } else this.skeleton.push(text.slice(from, to));
  }

  private endElement(text: string, from: number, to: number): void {
    const source = this.elementText(text, from, to);
    this.elements++;
    if (this.broken) return;
    this.parsed(source);
  }

  /** An element of the current array parsed: kept, or handed on. */
  private parsed(source: string): void {
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch {
      this.broken = true;
      return;
    }
    if (this.handing) this.handing = this.hooks!.element(value, this.current!);
    else this.current!.push(value);
  }

  private endArray(text: string, from: number, to: number): void {
    const source = this.elementText(text, from, to);
    // `[]` and `[ ]` have no element; anything else between the brackets is one.
    if (this.elements > 0 || source.trim() !== '') {
      if (!this.broken) this.parsed(source);
    }
    if (this.handing && !this.broken) this.hooks!.close(this.current!);
    this.handing = false;
    this.current = undefined;
  }

  private elementText(text: string, from: number, to: number): string {
    if (this.element.length === 0) return text.slice(from, to);
    this.element.push(text.slice(from, to));
    const joined = this.element.join('');
    this.element = [];
    return joined;
  }

  /**
   * The parsed document (split mode), or undefined when the text is not well-formed JSON (the caller then
   * parses the whole text to report the error).
   */
  document(): unknown {
    if (this.broken || this.inString || this.current || this.depth !== 0) return undefined;
    let doc: unknown;
    try {
      doc = JSON.parse(this.skeleton.join(''));
    } catch {
      return undefined;
    }
    const arrays = this.arrays;
    const arrayOf = (placeholder: unknown[]): unknown[] => arrays[placeholder[0] as number]!;
    if (Array.isArray(doc)) return arrayOf(doc);
    if (doc === null || typeof doc !== 'object') return doc;
    const stack: Record<string, unknown>[] = [doc as Record<string, unknown>];
    while (stack.length > 0) {
      const node = stack.pop()!;
      for (const key of Object.keys(node)) {
        const value = node[key];
        if (Array.isArray(value)) {
          // defineProperty: an own `__proto__` key stays a key (checkParsed refuses it with its pointer).
          Object.defineProperty(node, key, {
            value: arrayOf(value),
            writable: true,
            enumerable: true,
            configurable: true,
          });
        } else if (value !== null && typeof value === 'object') stack.push(value as Record<string, unknown>);
      }
    }
    return doc;
  }
}

/**
 * What a splitting scanner does with the arrays that can hold the entries: `open` is told of each such array
 * as it opens (its number, depth and the skeleton's text up to its opening bracket) and says whether its elements go to `element`
 * instead of the array. `element` gets each parsed element (and the array, which it may fill itself) and
 * says whether the next ones go to it too; `close` is told when such an array ends.
 */
export interface JsonSplitHooks {
  open(array: number, depth: number, skeleton: readonly string[]): boolean;
  element(value: unknown, array: unknown[]): boolean;
  close(array: unknown[]): void;
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
