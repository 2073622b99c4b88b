// Loads the indicator seeds from the data source: scoring profiles (seeds/profiles/*.json) and input column aliases,
// each schema-validated.
import { type DataSource, dataSource, PerSource } from '../data/source.js';
import type { IndicatorInputs, ScoringProfile } from '../generated/schema-types.js';
import { SCHEMA_IDS } from '../schema/ajv.js';
import { baseName, parseValidated, readValidated, SeedError } from '../seeds/index.js';

/** Checks what the schema cannot: unique ids, item ids unique per indicator. */
function checkProfile(name: string, file: string, profile: ScoringProfile): void {
  if (`${profile.id}.json` !== baseName(name))
    throw new SeedError(file, `id "${profile.id}" must equal the file name`);
  const ids = new Set<string>();
  for (const ind of profile.indicators) {
    if (ids.has(ind.id)) throw new SeedError(file, `duplicate indicator ${ind.id}`);
    ids.add(ind.id);
    const items = new Set<string>();
    for (const item of ind.items) {
      if (items.has(item.id)) throw new SeedError(file, `duplicate item ${ind.id}/${item.id}`);
      items.add(item.id);
    }
  }
}

const profileCache = new PerSource<Map<string, ScoringProfile>>();

/** Every scoring profile in seeds/profiles, by id (validated once per data source, then cached). */
export function loadProfiles(source: DataSource = dataSource()): ReadonlyMap<string, ScoringProfile> {
  return profileCache.get(source, () => {
    const out = new Map<string, ScoringProfile>();
    for (const name of source.list('seeds/profiles')) {
      const profile = readValidated<ScoringProfile>(source, name, SCHEMA_IDS.scoringProfile);
      checkProfile(name, source.where(name), profile);
      out.set(profile.id, profile);
    }
    return out;
  });
}

/** Validates and returns a profile given as JSON text (a province's own profile); `file` names it in errors. */
export function parseProfile(text: string, file: string): ScoringProfile {
  const profile = parseValidated<ScoringProfile>(text, file, SCHEMA_IDS.scoringProfile);
  const ids = new Set<string>();
  for (const ind of profile.indicators) {
    if (ids.has(ind.id)) throw new SeedError(file, `duplicate indicator ${ind.id}`);
    ids.add(ind.id);
  }
  return profile;
}

const inputsCache = new PerSource<IndicatorInputs>();

/** Column aliases, yes/no words and update-cycle windows for the indicator input lists. */
export function loadInputSeeds(source: DataSource = dataSource()): IndicatorInputs {
  return inputsCache.get(source, () =>
    readValidated<IndicatorInputs>(source, 'seeds/indicator-inputs.json', SCHEMA_IDS.indicatorInputs),
  );
}
