// Loads seeds/ (vocabularies, classification trees, header aliases, profiles) from the data source, each validated by
// its schema.

import { type DataSource, dataSource, PerSource } from '../data/source.js';
import type {
  ClassificationTree,
  HeaderAliases,
  RuleOptionDefaults,
  TemplateSeed,
  Vocabulary as VocabularyFile,
  VocabularyTerm,
} from '../generated/schema-types.js';
import { getValidator, SCHEMA_IDS } from '../schema/ajv.js';
import { SeedError } from './errors.js';
import { loadRuleData, type RuleData } from './rule-data.js';
import { Vocabulary } from './vocabulary.js';

export { SeedError } from './errors.js';
export type { NamingData, Region, RegionIndex, RuleData, SharingData } from './rule-data.js';
export type { VocabularyMatch } from './vocabulary.js';
export { foldKey, Vocabulary } from './vocabulary.js';

/** Reference data used by readers and rules. */
export interface Seeds {
  vocabularies: ReadonlyMap<string, Vocabulary>;
  classification: ReadonlyMap<string, ClassificationTree>;
  headerAliases: HeaderAliases;
  /** Naming patterns, sharing words and regions used by rules (seeds/rules, seeds/regions). */
  ruleData: RuleData;
  /** Default options of rules (seeds/rules/options.json): thresholds are data, not code. */
  ruleOptions: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
  /** The govcat init template: version, dropdown lists, text columns (seeds/template.json). */
  template: TemplateSeed;
  /** Returns a vocabulary by id or throws (a missing vocabulary is a packaging bug). */
  vocab(id: string): Vocabulary;
}

/** Parses a seeds/ JSON text and validates it against its schema; SeedError names the file and the problem. */
export function parseValidated<T>(text: string, file: string, schemaId: string): T {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new SeedError(file, (err as Error).message);
  }
  const validate = getValidator<T>(schemaId);
  if (!validate(data)) {
    const first = validate.errors?.[0];
    throw new SeedError(
      file,
      `${first?.instancePath || '/'} ${first?.message ?? 'does not match its schema'}`,
    );
  }
  return data;
}

/**
 * Reads a data file (`seeds/…`) from a data source and validates it against its schema — unless the build
 * validated exactly this text already (DataSource.checked).
 */
export function readValidated<T>(source: DataSource, name: string, schemaId: string): T {
  const text = source.read(name);
  if (text === undefined) throw new SeedError(source.where(name), 'file not found');
  if (source.checked?.(name, schemaId, text)) return JSON.parse(text) as T;
  return parseValidated<T>(text, source.where(name), schemaId);
}

/** The last part of a data file's name (`seeds/profiles/a.json` → `a.json`). */
export function baseName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

interface RawSeeds {
  vocabularies: VocabularyFile[];
  classification: ClassificationTree[];
  headerAliases: HeaderAliases;
  ruleOptions: RuleOptionDefaults;
  template: TemplateSeed;
}

const rawCache = new PerSource<RawSeeds>();

function loadRaw(source: DataSource): RawSeeds {
  return rawCache.get(source, () => ({
    vocabularies: source.list('seeds/vocabularies').map((name) => {
      const v = readValidated<VocabularyFile>(source, name, SCHEMA_IDS.vocabulary);
      if (`${v.id}.json` !== baseName(name))
        throw new SeedError(source.where(name), `id "${v.id}" must equal the file name`);
      return v;
    }),
    classification: source
      .list('seeds/classification')
      .map((name) => readValidated<ClassificationTree>(source, name, SCHEMA_IDS.classificationTree)),
    headerAliases: readValidated<HeaderAliases>(
      source,
      'seeds/header-aliases.json',
      SCHEMA_IDS.headerAliases,
    ),
    ruleOptions: readValidated<RuleOptionDefaults>(
      source,
      'seeds/rules/options.json',
      SCHEMA_IDS.ruleOptions,
    ),
    template: readValidated<TemplateSeed>(source, 'seeds/template.json', SCHEMA_IDS.template),
  }));
}

/** Extra data a configuration adds on top of seeds/. */
export interface SeedExtensions {
  vocabularies?: Record<string, VocabularyTerm[] | undefined>;
  aliases?: Record<string, string[] | undefined>;
}

/**
 * Loads seeds/ (cached per data source) and applies a configuration's extra vocabulary terms and aliases.
 * Throws SeedError when a file does not match its schema.
 */
export function loadSeeds(extensions: SeedExtensions = {}, source: DataSource = dataSource()): Seeds {
  const raw = loadRaw(source);
  const vocabularies = new Map<string, Vocabulary>();
  for (const file of raw.vocabularies) {
    vocabularies.set(file.id, new Vocabulary(file, extensions.vocabularies?.[file.id] ?? []));
  }
  const headerAliases: HeaderAliases = extensions.aliases
    ? {
        ...raw.headerAliases,
        fields: Object.fromEntries(
          [...new Set([...Object.keys(raw.headerAliases.fields), ...Object.keys(extensions.aliases)])].map(
            (field) => {
              const base = raw.headerAliases.fields[field];
              const extra = extensions.aliases?.[field] ?? [];
              return [field, { ...(base ?? {}), headers: [...(base?.headers ?? []), ...extra] }];
            },
          ),
        ),
      }
    : raw.headerAliases;
  return {
    vocabularies,
    classification: new Map(raw.classification.map((t) => [t.id, t])),
    headerAliases,
    ruleData: loadRuleData(source),
    template: raw.template,
    ruleOptions: new Map(
      Object.entries(raw.ruleOptions.rules).flatMap(([id, d]) => (d ? [[id, d.options] as const] : [])),
    ),
    vocab(id: string): Vocabulary {
      const v = vocabularies.get(id);
      if (!v) throw new SeedError(id, 'vocabulary not found');
      return v;
    },
  };
}
