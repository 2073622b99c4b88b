// A controlled vocabulary from seeds/vocabularies/: lookup of canonical values, equivalent forms and synonyms.
import type {
  Vocabulary as VocabularyFile,
  VocabularyGroup,
  VocabularyTerm,
} from '../generated/schema-types.js';

/** How a raw text matched a vocabulary term. */
export type VocabularyMatch =
  | { kind: 'value'; term: VocabularyTerm }
  | { kind: 'form'; term: VocabularyTerm }
  | { kind: 'synonym'; term: VocabularyTerm };

/** Raw texts up to this length are remembered per vocabulary. */
const MEMO_MAX_LENGTH = 16;
const SPACE = /\s/;
/** A note in brackets after a value: 每月(更新说明:暂无新业务数据产生). */
const TRAILING_NOTE = /\s*[(（][^()（）]*[)）]\s*$/;

/** Whether a text without its whitespace could be at most `max` characters long (stops early). */
function mayFoldTo(text: string, max: number): boolean {
  let kept = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Cheap pre-check: ASCII whitespace and the common Unicode spaces; anything else defers to the regex.
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c > 127 && SPACE.test(text[i]!)) continue;
    if (++kept > max) return false;
  }
  return true;
}

/** Folds case of ASCII letters and removes spaces, so “SQL Server”, “sqlserver” and “Sql server” meet. */
export function foldKey(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}

/** A loaded vocabulary with O(1) lookups. */
export class Vocabulary {
  readonly id: string;
  readonly title: string;
  readonly basis: string;
  /** Entry fields the vocabulary governs (JSON Pointers, * for array indexes). */
  readonly fields: readonly string[];
  readonly terms: readonly VocabularyTerm[];
  readonly groups: ReadonlyMap<string, VocabularyGroup>;
  private readonly exact = new Map<string, VocabularyMatch>();
  private readonly folded = new Map<string, VocabularyMatch>();
  /** Longest folded key: longer texts without spaces cannot match, so they skip folding (hot path). */
  private longestKey = 0;
  /** Results of recent lookups by raw text (null = no match). */
  private readonly memo = new Map<string, VocabularyMatch | null>();
  /**
   * First characters of every spelling and folded key, as a bitmap of UTF-16 code units: a text starting with
   * none of them cannot match. A bitmap, not a Set: this is asked about almost every value of every entry.
   */
  private readonly firstChars = new Uint32Array(2048);
  /** Separators of “category-format” pairs (数据库-oracle), when the vocabulary has them. */
  private readonly pairSeparators: string | undefined;
  private readonly trailingNote: boolean;
  /** Unlisted values that count as valid (an open list: rdf, geojson). */
  private readonly unlisted: RegExp | undefined;
  /** Pairs, notes or unlisted values: the first character rules nothing out. */
  private readonly openEnded: boolean;

  constructor(file: VocabularyFile, extraTerms: readonly VocabularyTerm[] = []) {
    this.id = file.id;
    this.title = file.title;
    this.basis = file.basis;
    this.fields = file.fields ?? [];
    this.terms = [...file.terms, ...extraTerms];
    this.groups = new Map((file.groups ?? []).map((g) => [g.id, g]));
    this.pairSeparators = file.pairs?.separators;
    this.trailingNote = file.trailingNote === true;
    this.unlisted = file.unlisted ? new RegExp(file.unlisted.pattern, 'u') : undefined;
    this.openEnded = this.unlisted !== undefined || this.pairSeparators !== undefined || this.trailingNote;
    for (const term of this.terms) {
      this.add(String(term.value), { kind: 'value', term });
      if (term.label) this.add(term.label, { kind: 'form', term });
      for (const form of term.forms ?? []) this.add(form, { kind: 'form', term });
      for (const synonym of term.synonyms ?? []) this.add(synonym, { kind: 'synonym', term });
    }
  }

  private add(text: string, match: VocabularyMatch): void {
    if (!this.exact.has(text)) this.exact.set(text, match);
    const key = foldKey(text);
    const trimmed = text.trim();
    if (trimmed !== '') this.addFirst(trimmed.charCodeAt(0));
    if (key !== '') this.addFirst(key.charCodeAt(0));
    if (!this.folded.has(key)) this.folded.set(key, match);
    if (key.length > this.longestKey) this.longestKey = key.length;
  }

  private addFirst(c: number): void {
    this.firstChars[c >>> 5]! |= 1 << (c & 31);
  }

  private hasFirst(c: number): boolean {
    return (this.firstChars[c >>> 5]! & (1 << (c & 31))) !== 0;
  }

  /** Finds a term for a raw text: exact spelling first, then ignoring ASCII case and spaces. */
  lookup(raw: string | number): VocabularyMatch | undefined {
    // Rules look up the same values many times (every entry's cycle, share type, formats, placeholders).
    if (typeof raw !== 'string') return this.find(String(raw));
    if (this.cannotMatch(raw)) return undefined;
    // Long texts (names, summaries) are nearly all distinct: remembering them would only churn the memo.
    if (raw.length > MEMO_MAX_LENGTH) return this.find(raw);
    let hit = this.memo.get(raw);
    if (hit === undefined) {
      hit = this.find(raw) ?? null;
      if (this.memo.size >= 65_536) this.memo.clear();
      this.memo.set(raw, hit);
    }
    return hit ?? undefined;
  }

  /**
   * True when the first character rules a match out (the hot path: rules ask the placeholder vocabulary
   * about almost every value). Whitespace first, or letters with case variants beyond ASCII, are not judged,
   * so a raw text whose first character is not whitespace gives the same answer as its trimmed text.
   * Vocabularies with pairs, notes or unlisted values are open-ended and never ruled out this way.
   */
  cannotMatch(raw: string): boolean {
    if (raw.length === 0 || this.openEnded) return false;
    const c = raw.charCodeAt(0);
    if (c < 128) {
      if (c <= 32) return false;
      if (c >= 65 && c <= 90) return !this.hasFirst(c) && !this.hasFirst(c + 32);
      return !this.hasFirst(c);
    }
    // CJK ideographs have no case and are not whitespace.
    return c >= 0x3400 && c <= 0x9fff && !this.hasFirst(c);
  }

  private find(raw: string): VocabularyMatch | undefined {
    const text = raw.trim();
    const hit = this.spelling(text);
    if (hit) return hit;
    if (this.trailingNote && TRAILING_NOTE.test(text)) {
      const bare = this.spelling(text.replace(TRAILING_NOTE, ''));
      if (bare) return bare;
    }
    const pair = this.pairSeparators ? this.pair(text) : undefined;
    if (pair) return pair;
    if (this.unlisted?.test(text)) return { kind: 'value', term: { value: text } };
    return undefined;
  }

  /** A listed spelling: exact, else ignoring ASCII case and spaces. */
  private spelling(text: string): VocabularyMatch | undefined {
    const hit = this.exact.get(text);
    if (hit) return hit;
    if (text.length > this.longestKey && !mayFoldTo(text, this.longestKey)) return undefined;
    const folded = this.folded.get(foldKey(text));
    if (!folded) return undefined;
    // A case/space variant of the canonical value is an equivalent form, not a synonym.
    return folded.kind === 'value' ? { kind: 'form', term: folded.term } : folded;
  }

  /**
   * A “category-format” pair, the guide's own pattern (数据库-oracle, 电子表格:xlsx, 数据库:impala): the head is a
   * group's category value, the tail a value of that group (counted as it), or “其他” or an unlisted name
   * (counted as the category).
   */
  private pair(text: string): VocabularyMatch | undefined {
    const seps = this.pairSeparators!;
    let at = -1;
    for (let i = 0; i < text.length; i++) {
      if (seps.includes(text[i]!)) {
        at = i;
        break;
      }
    }
    if (at <= 0 || at === text.length - 1) return undefined;
    const head = this.spelling(text.slice(0, at).trim());
    const group = head?.term.group !== undefined ? this.groups.get(head.term.group) : undefined;
    if (!head || !group || group.label !== String(head.term.value)) return undefined;
    const tail = this.spelling(text.slice(at + 1).trim());
    const term = tail && tail.term.group === head.term.group ? tail.term : head.term;
    return { kind: 'value', term };
  }

  /** True when the text is a canonical value of this vocabulary. */
  has(value: string | number): boolean {
    return this.exact.get(String(value))?.kind === 'value';
  }

  /** The term with this canonical value. */
  term(value: string | number): VocabularyTerm | undefined {
    const hit = this.exact.get(String(value));
    return hit?.kind === 'value' ? hit.term : undefined;
  }

  /** Whether a term counts as structured: its own flag, else its group's. */
  isStructured(term: VocabularyTerm): boolean {
    if (term.structured !== undefined) return term.structured;
    const group = term.group ? this.groups.get(term.group) : undefined;
    return group?.structured ?? false;
  }

  /** Whether a term is a database table or an API (D2-3's 库表及接口): its group says so. */
  isTableOrApi(term: VocabularyTerm): boolean {
    const group = term.group ? this.groups.get(term.group) : undefined;
    return group?.tableOrApi ?? false;
  }

  /** The canonical values, for messages (“应为 实时、每日 …”). */
  values(status?: 'standard' | 'discouraged'): string[] {
    return this.terms
      .filter((t) => !status || (t.status ?? 'standard') === status)
      .map((t) => String(t.value));
  }
}
