// Compiled (not run) by test/types.test.ts: a rule may report only the message ids its `messages` declare.
// Every `@ts-expect-error` below must be needed — an unused one is itself a compile error.
import { defineRule } from '../../src/rules/define.js';
import type { AnyRule } from '../../src/rules/types.js';

const withoutOptions = defineRule({
  meta: {
    id: 'code/typecheck-plain',
    category: 'code',
    scope: 'entry',
    defaultSeverity: 'error',
    docs: { title: { zh: '类型检查', en: 'type check' }, basis: 'spec §4.2', recommended: true },
    messages: {
      empty: { zh: '“{{label}}”为空', en: '"{{label}}" is empty' },
      tooLong: { zh: '太长', en: 'too long' },
    },
  },
  create(context) {
    return {
      entry() {
        context.report({ messageId: 'empty', data: { label: '名称' } });
        context.report({ messageId: 'tooLong' });
        // @ts-expect-error an id the rule does not declare
        context.report({ messageId: 'unknown-id' });
        // @ts-expect-error ids are case-sensitive
        context.report({ messageId: 'Empty' });
      },
    };
  },
});

const withOptions = defineRule<{ limit: number }>()({
  meta: {
    id: 'code/typecheck-options',
    category: 'code',
    scope: 'entry',
    defaultSeverity: 'warning',
    docs: { title: { zh: '类型检查', en: 'type check' }, basis: 'spec §4.2', recommended: true },
    messages: { over: { zh: '超过 {{limit}}', en: 'over {{limit}}' } },
    defaultOptions: { limit: 3 },
  },
  create(context) {
    const limit: number = context.options.limit;
    return {
      entry() {
        context.report({ messageId: 'over', data: { limit } });
        // @ts-expect-error an id the rule does not declare, in a rule with options
        context.report({ messageId: 'under' });
        // @ts-expect-error options are typed too
        context.report({ messageId: 'over', data: { limit: context.options.missing } });
      },
    };
  },
});

/** The message ids are inferred as a union, not widened to string. */
const plainIds: Array<keyof typeof withoutOptions.meta.messages> = ['empty', 'tooLong'];
// @ts-expect-error the inferred union has no other member
const wrongIds: Array<keyof typeof withoutOptions.meta.messages> = ['unknown-id'];

/** Typed rules still go into a registry of rules of any options and ids. */
export const registry: AnyRule[] = [withoutOptions, withOptions];
export { plainIds, wrongIds };
