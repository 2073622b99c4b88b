// defineRule(): identity with types, so rule modules get their options and message ids checked.
import type { Bilingual } from '../i18n/index.js';
import type { Rule, RuleContext, RuleHooks, RuleMeta } from './types.js';

/**
 * A rule module as written: its message ids are the keys of `meta.messages` (inferred), and create() may
 * report only those — `context.report({ messageId: 'typo' })` fails to compile.
 */
export interface RuleDefinition<Options extends object, Messages extends Record<string, Bilingual>> {
  meta: RuleMeta<Options, keyof Messages & string> & { messages: Messages };
  create(context: RuleContext<Options, NoInfer<keyof Messages & string>>): RuleHooks;
}

/** A rule module's definition checker for a rule with options (`defineRule<Options>()({ meta, create })`). */
export type DefineWithOptions<Options extends object> = <const Messages extends Record<string, Bilingual>>(
  rule: RuleDefinition<Options, Messages>,
) => Rule<Options, keyof Messages & string>;

/**
 * Declares a rule module. A rule without options: `defineRule({ meta, create })`. A rule with options names
 * their type first, so its message ids are still inferred: `defineRule<Options>()({ meta, create })`.
 */
export function defineRule<Options extends object>(): DefineWithOptions<Options>;
export function defineRule<const Messages extends Record<string, Bilingual>>(
  rule: RuleDefinition<Record<string, never>, Messages>,
): Rule<Record<string, never>, keyof Messages & string>;
export function defineRule(rule?: Rule<object>): Rule<object> | DefineWithOptions<object> {
  return rule ?? ((r) => r);
}
