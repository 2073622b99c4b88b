// Loads seeds/ (vocabularies, classification trees, header aliases, profiles), each validated by its schema.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type {
  ClassificationTree,
  HeaderAliases,
  RuleOptionDefaults,
  TemplateSeed,
  Vocabulary as VocabularyFile,
  VocabularyTerm,
} from '../generated/schema-types.js';
import { seedsDir } from '../paths.js';
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

/** Reads a seeds/ JSON file and validates it against its schema; SeedError names the file and the problem. */
export function readValidated<T>(file: string, schemaId: string): T {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
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

function jsonFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f));
}

interface RawSeeds {
  vocabularies: VocabularyFile[];
  classification: ClassificationTree[];
  headerAliases: HeaderAliases;
  ruleOptions: RuleOptionDefaults;
  template: TemplateSeed;
}

const rawCache = new Map<string, RawSeeds>();

function loadRaw(dir: string): RawSeeds {
  const cached = rawCache.get(dir);
  if (cached) return cached;
  const raw: RawSeeds = {
    vocabularies: jsonFiles(join(dir, 'vocabularies')).map((f) => {
      const v = readValidated<VocabularyFile>(f, SCHEMA_IDS.vocabulary);
      if (`${v.id}.json` !== basename(f)) throw new SeedError(f, `id "${v.id}" must equal the file name`);
      return v;
    }),
    classification: jsonFiles(join(dir, 'classification')).map((f) =>
      readValidated<ClassificationTree>(f, SCHEMA_IDS.classificationTree),
    ),
    headerAliases: readValidated<HeaderAliases>(join(dir, 'header-aliases.json'), SCHEMA_IDS.headerAliases),
    ruleOptions: readValidated<RuleOptionDefaults>(
      join(dir, 'rules', 'options.json'),
      SCHEMA_IDS.ruleOptions,
    ),
    template: readValidated<TemplateSeed>(join(dir, 'template.json'), SCHEMA_IDS.template),
  };
  rawCache.set(dir, raw);
  return raw;
}

/** Extra data a configuration adds on top of seeds/. */
export interface SeedExtensions {
  vocabularies?: Record<string, VocabularyTerm[] | undefined>;
  aliases?: Record<string, string[] | undefined>;
}

/**
 * Loads seeds/ (cached per directory) and applies a configuration's extra vocabulary terms and aliases.
 * Throws SeedError when a file does not match its schema.
 */
export function loadSeeds(extensions: SeedExtensions = {}, dir: string = seedsDir): Seeds {
  const raw = loadRaw(dir);
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
    ruleData: loadRuleData(dir),
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
