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

const SPACE = /\s/;

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

  constructor(file: VocabularyFile, extraTerms: readonly VocabularyTerm[] = []) {
    this.id = file.id;
    this.title = file.title;
    this.basis = file.basis;
    this.fields = file.fields ?? [];
    this.terms = [...file.terms, ...extraTerms];
    this.groups = new Map((file.groups ?? []).map((g) => [g.id, g]));
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
    if (!this.folded.has(key)) this.folded.set(key, match);
    if (key.length > this.longestKey) this.longestKey = key.length;
  }

  /** Finds a term for a raw text: exact spelling first, then ignoring ASCII case and spaces. */
  lookup(raw: string | number): VocabularyMatch | undefined {
    const text = String(raw).trim();
    const hit = this.exact.get(text);
    if (hit) return hit;
    if (text.length > this.longestKey && !SPACE.test(text)) return undefined;
    const folded = this.folded.get(foldKey(text));
    if (!folded) return undefined;
    // A case/space variant of the canonical value is an equivalent form, not a synonym.
    return folded.kind === 'value' ? { kind: 'form', term: folded.term } : folded;
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

  /** The canonical values, for messages (“应为 实时、每日 …”). */
  values(status?: 'standard' | 'discouraged'): string[] {
    return this.terms
      .filter((t) => !status || (t.status ?? 'standard') === status)
      .map((t) => String(t.value));
  }
}
