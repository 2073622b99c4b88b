// Rule settings a configuration resolves to: the recommended preset, each "extends" (presets and
// seeds/profiles/<name>.json from the data source), then the configuration's own "rules".
import { presets } from '../../validators/presets.js';
import { CONFIG_FILE_NAME, withSuggestion } from '../config/check.js';
import { LocalizedConfigError } from '../config/errors.js';
import { type DataSource, dataSource } from '../data/source.js';
import type { GovcatConfig, RuleSetting } from '../generated/schema-types.js';

const PROFILES = 'seeds/profiles';

/** Names a configuration may extend: rule presets and seeds/profiles/*.json (by file name). */
export function extendableNames(data: DataSource = dataSource()): string[] {
  const profiles = data.list(PROFILES).map((f) => f.slice(PROFILES.length + 1, -5));
  return [...Object.keys(presets), ...profiles.sort()];
}

function profileRules(name: string, source: string, data: DataSource): Record<string, RuleSetting> {
  // Profile names are file names inside seeds/profiles, never paths.
  const safe = /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name);
  const text = safe ? data.read(`${PROFILES}/${name}.json`) : undefined;
  if (text === undefined) {
    const available = extendableNames(data);
    throw new LocalizedConfigError(
      'config/invalid',
      'config.invalid',
      { file: source },
      withSuggestion(
        [{ id: 'config.detail.unknownExtends', data: { name, available: available.join('、') } }],
        name,
        available,
      ),
    );
  }
  try {
    const profile = JSON.parse(text) as { rules?: Record<string, RuleSetting> };
    return profile.rules ?? {};
  } catch (err) {
    throw new LocalizedConfigError('config/invalid', 'config.invalid', { file: source }, [
      {
        id: 'config.detail.badProfile',
        data: { name, path: `seeds/profiles/${name}.json`, reason: (err as Error).message },
      },
    ]);
  }
}

/** Rule settings in two layers: presets and extends (may name rules another registry lacks), then the user's own. */
export interface RuleSettingLayers {
  base: Record<string, RuleSetting>;
  user: Record<string, RuleSetting>;
}

/**
 * The rule settings a configuration resolves to: the recommended preset, then each "extends" in order
 * (the base layer: presets, or the `rules` object of seeds/profiles/<name>.json), then its own "rules"
 * (the user layer, where unknown ids are errors).
 */
export function resolveRuleSettings(
  config: GovcatConfig,
  source = CONFIG_FILE_NAME,
  data: DataSource = dataSource(),
): RuleSettingLayers {
  const names =
    config.extends === undefined ? [] : Array.isArray(config.extends) ? config.extends : [config.extends];
  const base: Record<string, RuleSetting> = { ...presets['govcat:recommended'] };
  for (const name of names) {
    Object.assign(base, presets[name] ?? profileRules(name, source, data));
  }
  const user: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(config.rules ?? {}))
    if (setting !== undefined) user[id] = setting;
  return { base, user };
}
