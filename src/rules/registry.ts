// Access to the rule registry in validators/ (kept separate so the engine does not import rule modules).
import { rules } from '../../validators/index.js';
import type { AnyRule } from './types.js';

/** Every registered rule, sorted by id. */
export function registryRules(): readonly AnyRule[] {
  return rules;
}
