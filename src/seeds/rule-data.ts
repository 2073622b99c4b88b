// Loads the rules' reference data from seeds/ (naming patterns, sharing words, regions), validated and compiled once.

import { type DataSource, PerSource } from '../data/source.js';
import type {
  NamingPattern,
  NamingRules,
  Region as RegionFile,
  RegionList,
  SharingRules,
} from '../generated/schema-types.js';
import { getValidator, SCHEMA_BASE } from '../schema/ajv.js';
import { compareCodeUnits } from '../util/strings.js';
import { SeedError } from './errors.js';

/** Schema ids of the rule data files. */
export const RULE_DATA_SCHEMAS = {
  naming: `${SCHEMA_BASE}seeds/naming-rules.schema.json`,
  sharing: `${SCHEMA_BASE}seeds/sharing-rules.schema.json`,
  regions: `${SCHEMA_BASE}seeds/regions.schema.json`,
} as const;

/** Raised when a rule data file is missing, does not match its schema, or holds a bad pattern. */
export class RuleDataError extends SeedError {
  constructor(file: string, problem: string) {
    super(file, problem);
    this.name = 'RuleDataError';
  }
}

/** A pattern from seeds/, compiled once (`re` tests; `global` finds or strips every occurrence). */
export interface CompiledPattern {
  id: string;
  label: { zh: string; en: string };
  re: RegExp;
  global: RegExp;
}

/** Naming rule data, compiled. */
export interface NamingData {
  basis: string;
  timeFragments: readonly CompiledPattern[];
  /** Matches where any time fragment does (one scan instead of one per pattern); undefined if not made. */
  anyTimeFragment: RegExp | undefined;
  /** Time series written in names (1978年以来, 1993-2021年): not a fragment of one period. */
  timeSeries: readonly CompiledPattern[];
  /** Matches where any time series does; undefined if not made. */
  anyTimeSeries: RegExp | undefined;
  testNames: readonly CompiledPattern[];
  documentTitles: readonly CompiledPattern[];
  /** Document words, longest first, with their group. */
  documentWords: readonly { word: string; group: { id: string; label: string; en: string } }[];
  /** Longest first. */
  documentExceptions: readonly string[];
  /** Longest first. */
  genericSuffixes: readonly string[];
  /** Longest first. */
  departmentSuffixes: readonly string[];
  separators: ReadonlySet<string>;
  /** Matches a leading “department + separator” (某局_): group 1 is the department. */
  departmentPrefix: RegExp;
  /** A department suffix → the next characters that make it part of a word instead (科 → 学: 科学). */
  suffixCompounds: ReadonlyMap<string, string>;
  /** Open-attribute words that do not belong in a name (可开放), longest first. */
  openAttributeWords: readonly string[];
}

/** One administrative region. */
export interface Region {
  name: string;
  level: 'province' | 'city' | 'county';
  depth: number;
  parent?: Region;
  code?: string;
}

/** Regions of every seeds/regions/*.json file, with lookups. */
export interface RegionIndex {
  regions: readonly Region[];
  /** Full names and aliases → region. */
  byName: ReadonlyMap<string, Region>;
  /** GB/T 2260 code → region. */
  byCode: ReadonlyMap<string, Region>;
  /** Every full name and alias, longest first, as one global alternation (for stripping). */
  anywhere: RegExp;
  /**
   * The deepest region named at the very start of `text`, following the hierarchy (广西壮族自治区南宁市青秀区…),
   * skipping separators between and after levels. `length` is how many characters the prefix takes.
   */
  leading(text: string, separators?: ReadonlySet<string>): { region: Region; length: number } | undefined;
  /** Whether `a` is `b` or one of its ancestors. */
  covers(a: Region, b: Region): boolean;
}

/** Sharing rule data, compiled. */
export interface SharingData {
  basis: string;
  /** Folded (no spaces or punctuation). */
  vagueConditions: ReadonlySet<string>;
  scopeWords: readonly string[];
  usageWords: readonly string[];
  legalBasis: readonly CompiledPattern[];
  /** Global alternation of the vague legal phrases (stripped before looking for a basis). */
  vagueLegal: RegExp;
  methodKinds: readonly { id: string; label: string; en: string; words: readonly string[] }[];
}

/** Everything the rules read from seeds/ besides vocabularies. */
export interface RuleData {
  naming: NamingData;
  sharing: SharingData;
  regions: RegionIndex;
}

function readValidated<T>(source: DataSource, name: string, schemaId: string): T {
  const file = source.where(name);
  const text = source.read(name);
  if (text === undefined) throw new RuleDataError(file, 'file not found');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new RuleDataError(file, (err as Error).message);
  }
  // The build validated exactly this text already (DataSource.checked).
  if (source.checked?.(name, schemaId, text)) return data as T;
  const validate = getValidator<T>(schemaId);
  if (!validate(data)) {
    const first = validate.errors?.[0];
    throw new RuleDataError(
      file,
      `${first?.instancePath || '/'} ${first?.message ?? 'does not match its schema'}`,
    );
  }
  return data;
}

function compile(file: string, source: string, flags: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (err) {
    throw new RuleDataError(file, `bad pattern ${source}: ${(err as Error).message}`);
  }
}

function compilePattern(file: string, p: NamingPattern | { id: string; pattern: string; label: string }) {
  const flags = `u${'ignoreCase' in p && p.ignoreCase ? 'i' : ''}`;
  const en = 'en' in p ? p.en : p.label;
  return {
    id: p.id,
    label: { zh: p.label, en },
    re: compile(file, p.pattern, flags),
    global: compile(file, p.pattern, `${flags}g`),
  };
}

/** Escapes text for use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * One expression matching wherever any of the patterns does, to rule a text out with one scan: a text none of
 * the patterns matches is left alone by all of them. Made only when the patterns share their flags and none
 * refers back to a group (numbers would shift); undefined otherwise, and the patterns are tried one by one.
 */
export function unionOf(patterns: readonly CompiledPattern[]): RegExp | undefined {
  if (patterns.length < 2) return undefined;
  const flags = patterns[0]!.re.flags;
  if (patterns.some((p) => p.re.flags !== flags || /\\[1-9]|\\k</.test(p.re.source))) return undefined;
  try {
    return new RegExp(patterns.map((p) => `(?:${p.re.source})`).join('|'), flags);
  } catch {
    return undefined;
  }
}

const byLengthDesc = (a: string, b: string) => b.length - a.length || compareCodeUnits(a, b);

function compileNaming(file: string, raw: NamingRules): NamingData {
  const groups = new Map(raw.documentGroups.map((g) => [g.id, g]));
  const documentWords = raw.documentWords.map((w) => {
    const group = groups.get(w.group);
    if (!group) throw new RuleDataError(file, `document word ${w.word} names unknown group ${w.group}`);
    return { word: w.word, group };
  });
  documentWords.sort((a, b) => byLengthDesc(a.word, b.word));
  const departmentSuffixes = [...raw.departmentSuffixes].sort(byLengthDesc);
  const separators = new Set([...raw.nameSeparators]);
  const sepClass = [...separators].map(escapeRegExp).join('');
  const suffixAlt = departmentSuffixes.map(escapeRegExp).join('|');
  const timeFragments = raw.timeFragments.map((p) => compilePattern(file, p));
  const timeSeries = (raw.timeSeries ?? []).map((p) => compilePattern(file, p));
  return {
    basis: raw.basis,
    timeFragments,
    anyTimeFragment: unionOf(timeFragments),
    timeSeries,
    anyTimeSeries: unionOf(timeSeries),
    testNames: raw.testNames.map((p) => compilePattern(file, p)),
    documentTitles: raw.documentTitlePatterns.map((p) => compilePattern(file, p)),
    documentWords,
    documentExceptions: [...raw.documentExceptions].sort(byLengthDesc),
    genericSuffixes: [...raw.genericSuffixes].sort(byLengthDesc),
    departmentSuffixes,
    separators,
    departmentPrefix: compile(file, `^([^${sepClass}]{1,30}?(?:${suffixAlt}))[${sepClass}]+(?=.)`, 'u'),
    suffixCompounds: new Map(
      Object.entries(raw.suffixCompounds ?? {}).flatMap(([k, v]) => (v ? [[k, v] as [string, string]] : [])),
    ),
    openAttributeWords: [...(raw.openAttributeWords ?? [])].sort(byLengthDesc),
  };
}

function compileSharing(file: string, raw: SharingRules): SharingData {
  const fold = (s: string) => s.normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, '');
  const vague = [...raw.vagueLegalPhrases].sort(byLengthDesc).map(escapeRegExp).join('|');
  return {
    basis: raw.basis,
    vagueConditions: new Set(raw.vagueConditions.map(fold)),
    scopeWords: raw.scopeWords,
    usageWords: raw.usageWords,
    legalBasis: raw.legalBasisPatterns.map((p) => compilePattern(file, p)),
    vagueLegal: compile(file, vague || '(?!)', 'gu'),
    methodKinds: raw.methodKinds,
  };
}

function compileRegions(files: { file: string; list: RegionList }[]): RegionIndex {
  const regions: Region[] = [];
  const byName = new Map<string, Region>();
  const byCode = new Map<string, Region>();
  const depth = { province: 0, city: 1, county: 2 } as const;
  for (const { file, list } of files) {
    const local = new Map<string, { region: Region; raw: RegionFile }>();
    for (const raw of list.regions) {
      if (local.has(raw.name)) throw new RuleDataError(file, `region ${raw.name} listed twice`);
      const region: Region = { name: raw.name, level: raw.level, depth: depth[raw.level] };
      if (raw.code) region.code = raw.code;
      local.set(raw.name, { region, raw });
      regions.push(region);
    }
    for (const { region, raw } of local.values()) {
      if (raw.parent) {
        const parent = local.get(raw.parent);
        if (!parent) throw new RuleDataError(file, `region ${raw.name} names unknown parent ${raw.parent}`);
        if (parent.region.depth >= region.depth)
          throw new RuleDataError(file, `region ${raw.name} is not below its parent ${raw.parent}`);
        region.parent = parent.region;
      }
      for (const name of [raw.name, ...(raw.aliases ?? [])]) {
        if (!byName.has(name)) byName.set(name, region);
      }
      if (region.code) byCode.set(region.code, region);
    }
  }
  const names = [...byName.keys()].sort(byLengthDesc);
  const byFirst = new Map<string, string[]>();
  for (const name of names) {
    const first = name[0]!;
    const list = byFirst.get(first);
    if (list) list.push(name);
    else byFirst.set(first, [name]);
  }
  const covers = (a: Region, b: Region): boolean => {
    for (let r: Region | undefined = b; r; r = r.parent) if (r === a) return true;
    return false;
  };
  return {
    regions,
    byName,
    byCode,
    anywhere: names.length ? new RegExp(names.map(escapeRegExp).join('|'), 'gu') : /(?!)/gu,
    covers,
    leading(text, separators) {
      let pos = 0;
      let found: { region: Region; length: number } | undefined;
      for (;;) {
        const candidates = byFirst.get(text[pos] ?? '');
        const hit = candidates?.find((name) => {
          if (!text.startsWith(name, pos)) return false;
          const region = byName.get(name)!;
          return !found || (region.depth > found.region.depth && covers(found.region, region));
        });
        if (!hit) return found;
        pos += hit.length;
        while (separators && pos < text.length && separators.has(text[pos]!)) pos++;
        found = { region: byName.get(hit)!, length: pos };
      }
    },
  };
}

const cache = new PerSource<RuleData>();

/** Loads and compiles the rule data of a data source's seeds/ (cached per source). */
export function loadRuleData(source: DataSource): RuleData {
  return cache.get(source, () => {
    const naming = 'seeds/rules/naming.json';
    const sharing = 'seeds/rules/sharing.json';
    return {
      naming: compileNaming(
        source.where(naming),
        readValidated<NamingRules>(source, naming, RULE_DATA_SCHEMAS.naming),
      ),
      sharing: compileSharing(
        source.where(sharing),
        readValidated<SharingRules>(source, sharing, RULE_DATA_SCHEMAS.sharing),
      ),
      regions: compileRegions(
        source.list('seeds/regions').map((name) => ({
          file: source.where(name),
          list: readValidated<RegionList>(source, name, RULE_DATA_SCHEMAS.regions),
        })),
      ),
    };
  });
}
