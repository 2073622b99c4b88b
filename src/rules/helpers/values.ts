// Reading entry values the way rules need them: placeholders as empty, vocabulary-normalized share/open flags, formats.
import type { VocabularyTerm } from '../../generated/schema-types.js';
import type { EntryData } from '../../model/types.js';
import type { Seeds, Vocabulary } from '../../seeds/index.js';
import { memoize } from '../../util/maps.js';
import type { EntryView } from '../types.js';
import { textOf } from './text.js';

// Rules ask about placeholders for almost every value of every entry: the vocabulary of the last seeds asked
// about is kept at hand rather than looked up by id each time.
let placeholderSeeds: Seeds | undefined;
let placeholderVocab: Vocabulary | undefined;

function placeholders(seeds: Seeds): Vocabulary {
  if (seeds !== placeholderSeeds || placeholderVocab === undefined) {
    placeholderVocab = seeds.vocab('placeholder');
    placeholderSeeds = seeds;
  }
  return placeholderVocab;
}

/** Whether a value is a placeholder (无, 暂无, /, -, 空, N/A, 测试 …) from seeds/vocabularies/placeholder.json. */
export function isPlaceholder(seeds: Seeds, value: unknown): boolean {
  const vocab = placeholders(seeds);
  // Most values start with a character no placeholder starts with: no trimming, no lookup.
  if (typeof value === 'string' && vocab.cannotMatch(value)) return false;
  const text = textOf(value);
  return text !== undefined && vocab.lookup(text) !== undefined;
}

/** The trimmed text of a value, or undefined when it is missing, blank or a placeholder. */
export function meaningful(seeds: Seeds, value: unknown): string | undefined {
  const text = textOf(value);
  if (text === undefined) return undefined;
  return placeholders(seeds).lookup(text) ? undefined : text;
}

function vocabValue(seeds: Seeds, id: string, value: unknown): string | number | undefined {
  if (typeof value === 'boolean') value = value ? 1 : 0;
  const text = textOf(value);
  if (text === undefined) return undefined;
  return seeds.vocab(id).lookup(text)?.term.value;
}

/** 共享类型 as 1, 2 or 3 (digits, words and known synonyms all count), else undefined. */
export function shareTypeOf(seeds: Seeds, data: EntryData): 1 | 2 | 3 | undefined {
  const v = vocabValue(seeds, 'share-type', data.share?.type);
  return v === 1 || v === 2 || v === 3 ? v : undefined;
}

/** 是否向社会开放 as 1 or 0, else undefined. */
export function openFlagOf(seeds: Seeds, data: EntryData): 0 | 1 | undefined {
  const v = vocabValue(seeds, 'open-flag', data.open?.open);
  return v === 0 || v === 1 ? v : undefined;
}

/** What an entry's formats say: the recognized terms, and whether any or only unstructured ones are given. */
export interface FormatProfile {
  terms: VocabularyTerm[];
  groups: Set<string>;
  structured: boolean;
  /** At least one recognized format, and none of them structured. */
  unstructuredOnly: boolean;
}

// Three rules read an entry's formats: worked out once per entry view (a new run makes new views).
let lastFormats: { seeds: Seeds; entry: EntryView; profile: FormatProfile } | undefined;

/**
 * Reads 数据资源格式 through the resource-format vocabulary. The profile is shared by the rules that ask about
 * the same entry: read it, do not change it.
 */
export function formatProfile(seeds: Seeds, entry: EntryView): FormatProfile {
  if (lastFormats && lastFormats.seeds === seeds && lastFormats.entry === entry) return lastFormats.profile;
  const profile = readFormats(seeds, entry.data);
  lastFormats = { seeds, entry, profile };
  return profile;
}

function readFormats(seeds: Seeds, data: EntryData): FormatProfile {
  const vocab = seeds.vocab('resource-format');
  const terms: VocabularyTerm[] = [];
  const groups = new Set<string>();
  let structured = false;
  const list = Array.isArray(data.format) ? data.format : data.format === undefined ? [] : [data.format];
  for (const f of list) {
    const text = textOf(f);
    if (text === undefined) continue;
    const hit = vocab.lookup(text);
    if (!hit) continue;
    terms.push(hit.term);
    if (hit.term.group) groups.add(hit.term.group);
    if (vocab.isStructured(hit.term)) structured = true;
  }
  return { terms, groups, structured, unstructuredOnly: terms.length > 0 && !structured };
}

/** Whether the text contains any of the words. */
export function containsAny(text: string, words: readonly string[]): string | undefined {
  return words.find((w) => text.includes(w));
}

/**
 * The 共享方式 of an entry that is shared (共享类型 1 or 2) and names one, with its kinds; else undefined.
 * Rules about how shared data travels start here.
 */
export function sharedMethodOf(
  seeds: Seeds,
  data: EntryData,
): { method: string; kinds: ReadonlySet<string> } | undefined {
  const type = shareTypeOf(seeds, data);
  if (type !== 1 && type !== 2) return undefined;
  const method = meaningful(seeds, data.share?.method);
  return method ? { method, kinds: methodKindsOf(seeds, method) } : undefined;
}

const methodKindCache = new WeakMap<Seeds, (method: string) => ReadonlySet<string>>();

/**
 * The kinds of a 共享方式 text (platform, api, table, file, offline, none) by the words of
 * seeds/rules/sharing.json. The set is shared between calls with the same text: read it, do not change it.
 */
export function methodKindsOf(seeds: Seeds, method: string): ReadonlySet<string> {
  let of = methodKindCache.get(seeds);
  if (!of) {
    const kinds = seeds.ruleData.sharing.methodKinds.map((k) => ({
      id: k.id,
      words: k.words.map((w) => w.toLowerCase()),
    }));
    // Catalogs repeat a handful of method texts thousands of times.
    of = memoize((text: string) => {
      const out = new Set<string>();
      const lower = text.toLowerCase();
      for (const kind of kinds) if (kind.words.some((w) => lower.includes(w))) out.add(kind.id);
      return out;
    }, 4096);
    methodKindCache.set(seeds, of);
  }
  return of(method);
}
