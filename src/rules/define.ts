// defineRule(): identity with types, so rule modules get their options and message ids checked.
import type { Rule } from './types.js';

/** Declares a rule module. */
export function defineRule<Options extends object = Record<string, never>>(
  rule: Rule<Options>,
): Rule<Options> {
  return rule;
}
