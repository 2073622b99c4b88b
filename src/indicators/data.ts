// Loads the indicator seeds: scoring profiles (seeds/profiles/*.json) and input column aliases, each schema-validated.
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { IndicatorInputs, ScoringProfile } from '../generated/schema-types.js';
import { seedsDir } from '../paths.js';
import { SCHEMA_IDS } from '../schema/ajv.js';
import { readValidated, SeedError } from '../seeds/index.js';

/** Checks what the schema cannot: unique ids, item ids unique per indicator. */
function checkProfile(file: string, profile: ScoringProfile): void {
  if (`${profile.id}.json` !== basename(file))
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

const profileCache = new Map<string, Map<string, ScoringProfile>>();

/** Every scoring profile in `dir`/profiles, by id (validated once, then cached). */
export function loadProfiles(dir: string = seedsDir): ReadonlyMap<string, ScoringProfile> {
  const cached = profileCache.get(dir);
  if (cached) return cached;
  const out = new Map<string, ScoringProfile>();
  const profilesDir = join(dir, 'profiles');
  if (existsSync(profilesDir)) {
    for (const name of readdirSync(profilesDir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const file = join(profilesDir, name);
      const profile = readValidated<ScoringProfile>(file, SCHEMA_IDS.scoringProfile);
      checkProfile(file, profile);
      out.set(profile.id, profile);
    }
  }
  profileCache.set(dir, out);
  return out;
}

/** Validates and returns a profile read from any JSON file (a province's own profile). */
export function loadProfileFile(file: string): ScoringProfile {
  const profile = readValidated<ScoringProfile>(file, SCHEMA_IDS.scoringProfile);
  const ids = new Set<string>();
  for (const ind of profile.indicators) {
    if (ids.has(ind.id)) throw new SeedError(file, `duplicate indicator ${ind.id}`);
    ids.add(ind.id);
  }
  return profile;
}

let inputsCache: IndicatorInputs | undefined;

/** Column aliases, yes/no words and update-cycle windows for the indicator input lists. */
export function loadInputSeeds(dir: string = seedsDir): IndicatorInputs {
  if (dir === seedsDir && inputsCache) return inputsCache;
  const data = readValidated<IndicatorInputs>(join(dir, 'indicator-inputs.json'), SCHEMA_IDS.indicatorInputs);
  if (dir === seedsDir) inputsCache = data;
  return data;
}
