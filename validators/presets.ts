// Rule presets: recommended (the default) and strict. Config files select one with "extends".
import type { RuleSetting } from '../src/generated/schema-types.js';
import { SCHEMA_RULES } from '../src/rules/schema-check.js';
import { rules } from './index.js';

/** Preset name → rule settings. */
export const presets: Readonly<Record<string, Readonly<Record<string, RuleSetting>>>> = {
  /** Every rule marked recommended at its default severity; the others off. */
  'govcat:recommended': Object.fromEntries(
    rules.map((r) => [r.meta.id, r.meta.docs.recommended ? r.meta.defaultSeverity : 'off']),
  ),
  /** Every rule on; warnings become errors (what an assessor would reject). */
  'govcat:strict': Object.fromEntries([
    ...rules.map((r) => [r.meta.id, r.meta.defaultSeverity === 'info' ? 'info' : 'error'] as const),
    ...SCHEMA_RULES.map((r) => [r.id, 'error'] as const),
  ]),
};

/** The preset used when a configuration extends nothing. */
export const DEFAULT_PRESET = 'govcat:recommended';
