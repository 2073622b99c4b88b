// Finds every value of an entry that a vocabulary governs (via the vocabulary's `fields`) and how it matches.
import { interpolate, messageOf } from '../../i18n/index.js';
import { both, list, type TextArg } from '../../i18n/text.js';
import type { EntryData, Normalization } from '../../model/types.js';
import type { Seeds, Vocabulary, VocabularyMatch } from '../../seeds/index.js';
import { getOrCreate, memoize } from '../../util/maps.js';
import type { EntryView } from '../types.js';
import { type ParsedDataType, parseDataType } from './data-type.js';
import { isPlaceholder } from './values.js';

/** The vocabulary whose values need the data-type syntax (type code plus optional length). */
export const DATA_TYPE_VOCABULARY = 'data-type';

/** One governed value: where it is, what was written, and the term it matched (if any). */
export interface VocabValue {
  vocab: Vocabulary;
  /** JSON Pointer inside the entry, e.g. /format/1 or /items/3/type. */
  pointer: string;
  raw: unknown;
  text: string;
  match?: VocabularyMatch;
  /** For data types: the parsed type and length (undefined when the syntax is wrong). */
  dataType?: ParsedDataType;
  /** For data types: the text is not of the form type or type(length[,scale]). */
  malformed?: boolean;
}

interface FieldRef {
  vocab: Vocabulary;
  segments: string[];
  pattern: string;
}

const refsCache = new WeakMap<Seeds, FieldRef[]>();

function fieldRefs(seeds: Seeds): FieldRef[] {
  let refs = refsCache.get(seeds);
  if (!refs) {
    refs = [];
    for (const vocab of seeds.vocabularies.values()) {
      for (const pattern of vocab.fields)
        refs.push({ vocab, pattern, segments: pattern.split('/').slice(1) });
    }
    refsCache.set(seeds, refs);
  }
  return refs;
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'boolean') return String(value);
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

/** What a text is to a vocabulary: the term it matched and, for data types, its syntax. */
export type ValueMatch = Omit<VocabValue, 'vocab' | 'pointer' | 'raw'>;

/** Texts up to this length are remembered per vocabulary (codes, data types, cycles, formats repeat). */
const MATCH_MEMO_MAX_LENGTH = 32;
const matchMemos = new WeakMap<Vocabulary, (text: string) => ValueMatch>();

/**
 * Matches a text against a vocabulary; data types are matched whole first, then by their type part. The
 * answer for a short text is remembered and shared between calls: read it, do not change it.
 */
export function matchValue(vocab: Vocabulary, text: string): ValueMatch {
  if (text.length > MATCH_MEMO_MAX_LENGTH) return matchText(vocab, text);
  const memo = getOrCreate(matchMemos, vocab, () => memoize((t: string) => matchText(vocab, t), 10_000));
  return memo(text);
}

function matchText(vocab: Vocabulary, text: string): ValueMatch {
  const whole = vocab.lookup(text);
  if (vocab.id !== DATA_TYPE_VOCABULARY) return whole ? { text, match: whole } : { text };
  if (whole) return { text, match: whole, dataType: { type: text, hasLength: false } };
  const parsed = parseDataType(text);
  if (!parsed) return { text, malformed: true };
  const hit = vocab.lookup(parsed.type);
  return hit ? { text, match: hit, dataType: parsed } : { text, dataType: parsed };
}

// The engine runs every rule on one entry before the next, so the vocabulary rules share one computation. It
// is kept for the entry's view, which each run of the engine makes anew: a later run over the same entry
// objects (compile re-validates after fixing values in place) works it out again.
let last: { seeds: Seeds; entry: EntryView; values: VocabValue[] } | undefined;

/**
 * The values of the entry governed by a vocabulary that a vocabulary rule may report, in field order: those
 * no term matches (or malformed data types), synonyms and discouraged terms. Values spelled as a standard
 * term (nearly all of them) are left out, and so are blank values and placeholders (completeness rules report
 * them); booleans are read as text (true → synonym of 1).
 */
export function reportableVocabularyValues(seeds: Seeds, entry: EntryView): VocabValue[] {
  if (last && last.seeds === seeds && last.entry === entry) return last.values;
  const out = collect(seeds, entry.data);
  last = { seeds, entry, values: out };
  return out;
}

function collect(seeds: Seeds, data: EntryData): VocabValue[] {
  const out: VocabValue[] = [];
  for (const ref of fieldRefs(seeds)) visit(out, seeds, ref, data, 0, '');
  return out;
}

const CHILDREN = new Map<string, Map<string | number, string>>();

/** `${pointer}/${segment}`, shared: every entry walks the same few pointers. */
function childPointer(pointer: string, segment: string | number): string {
  let children = CHILDREN.get(pointer);
  if (!children) {
    if (CHILDREN.size >= 10_000) CHILDREN.clear();
    children = new Map();
    CHILDREN.set(pointer, children);
  }
  let child = children.get(segment);
  if (child === undefined) {
    child = `${pointer}/${segment}`;
    if (children.size < 10_000) children.set(segment, child);
  }
  return child;
}

function visit(
  out: VocabValue[],
  seeds: Seeds,
  ref: FieldRef,
  node: unknown,
  depth: number,
  pointer: string,
): void {
  if (depth === ref.segments.length) {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) visit(out, seeds, ref, node[i], depth, childPointer(pointer, i));
      return;
    }
    const text = scalarText(node);
    if (text === undefined || isPlaceholder(seeds, text)) return;
    const m = matchValue(ref.vocab, text);
    const match = m.match;
    if (match && match.kind !== 'synonym' && match.term.status !== 'discouraged') return;
    // Every value with the same fields (one object shape for the rules that read them).
    out.push({
      vocab: ref.vocab,
      pointer,
      raw: node,
      text: m.text,
      match: m.match,
      dataType: m.dataType,
      malformed: m.malformed,
    });
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const seg = ref.segments[depth]!;
  if (seg === '*') {
    if (Array.isArray(node))
      for (let i = 0; i < node.length; i++)
        visit(out, seeds, ref, node[i], depth + 1, childPointer(pointer, i));
    return;
  }
  if (Array.isArray(node)) return;
  const record = node as Record<string, unknown>;
  if (Object.hasOwn(record, seg)) visit(out, seeds, ref, record[seg], depth + 1, childPointer(pointer, seg));
}

/** The vocabulary governing a concrete pointer (/format/2 → resource-format, /items/0/type → data-type). */
export function vocabularyFor(seeds: Seeds, pointer: string): Vocabulary | undefined {
  const segments = pointer.split('/').slice(1);
  for (const ref of fieldRefs(seeds)) {
    const n = ref.segments.length;
    // A list field (/format) also governs its elements (/format/2).
    if (segments.length !== n && !(segments.length === n + 1 && /^\d+$/.test(segments[n]!))) continue;
    if (ref.segments.every((s, i) => s === '*' || s === segments[i])) return ref.vocab;
  }
  return undefined;
}

/** Reader normalizations of vocabulary values (a spreadsheet's 每天 already turned into 每日). */
export function vocabularyNormalizations(
  seeds: Seeds,
  normalizations: readonly Normalization[],
): { n: Normalization; vocab: Vocabulary; from: string; match: VocabularyMatch }[] {
  const out: { n: Normalization; vocab: Vocabulary; from: string; match: VocabularyMatch }[] = [];
  for (const n of normalizations) {
    if (n.kind !== 'form' && n.kind !== 'type-syntax') continue;
    const vocab = vocabularyFor(seeds, n.field);
    const from = scalarText(n.from);
    if (!vocab || from === undefined) continue;
    const m = matchValue(vocab, from).match;
    if (m) out.push({ n, vocab, from, match: m });
  }
  return out;
}

const allowedTexts = new WeakMap<Vocabulary, TextArg>();

/**
 * The allowed values of a vocabulary for a message (in both languages): groups for formats, “1（无条件共享）” for
 * coded values. Made once per vocabulary.
 */
export function allowedValues(vocab: Vocabulary): TextArg {
  let text = allowedTexts.get(vocab);
  if (text === undefined) {
    text = allowedValuesOf(vocab);
    allowedTexts.set(vocab, text);
  }
  return text;
}

function allowedValuesOf(vocab: Vocabulary): TextArg {
  if (vocab.id === DATA_TYPE_VOCABULARY) {
    const types = vocab.terms.filter((t) => t.group !== 'charset' && (t.status ?? 'standard') === 'standard');
    return list(
      types.map((t) => both(`${t.value} ${t.label ?? ''}`.trim(), `${t.value} ${t.en ?? ''}`.trim())),
    );
  }
  if (vocab.groups.size > 0)
    return list([...vocab.groups.values()].map((g) => both(g.label, g.en ?? g.label)));
  const template = messageOf('format.valueNamed');
  const named = (value: string | number, name: string | undefined, form: string) =>
    name && name !== String(value) ? interpolate(form, { value, name }) : String(value);
  return list(
    vocab.terms
      .filter((t) => (t.status ?? 'standard') === 'standard')
      .map((t) => both(named(t.value, t.label, template.zh), named(t.value, t.en, template.en))),
  );
}
