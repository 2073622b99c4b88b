// The rule engine: schema findings taken over by rules (statically and per finding), kinds, options, ordering.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/errors.js';
import { parsedFromObject, validateParsed } from '../src/pipeline.js';
import { defineRule } from '../src/rules/define.js';
import type { AnyRule } from '../src/rules/types.js';
import { createSession } from '../src/session.js';
import { validateCatalog } from '../src/validate.js';
import { catalogOf } from './helpers/catalog.js';

/** Reports every 共享类型 that is not 1, 2 or 3, and takes the schema's enum/type errors on it. */
const shareTypeRule = defineRule({
  meta: {
    id: 'metadata/test-share-type',
    category: 'metadata',
    scope: 'entry',
    defaultSeverity: 'error',
    kinds: ['shared'],
    docs: { title: { zh: '测试', en: 'test' }, basis: 'spec §3.1', recommended: true },
    messages: { bad: { zh: '共享类型“{{value}}”不对', en: 'bad sharing type "{{value}}"' } },
    supersedes: [
      { keyword: 'enum', path: '/share/type' },
      { keyword: 'type', path: '/share/type' },
    ],
  },
  create(context) {
    return {
      entry(entry) {
        const t = entry.data.share?.type;
        if (t !== 1 && t !== 2 && t !== 3)
          context.report({ messageId: 'bad', field: '/share/type', data: { value: String(t) } });
      },
    };
  },
});

/** Reports a placeholder provider code as empty and replaces the schema's pattern error on that cell only. */
const placeholderRule = defineRule<{ words: string[] }>()({
  meta: {
    id: 'completeness/test-placeholder',
    category: 'completeness',
    scope: 'entry',
    defaultSeverity: 'error',
    docs: { title: { zh: '测试', en: 'test' }, basis: 'spec §4.2', recommended: true },
    messages: { empty: { zh: '“{{label}}”等于没填', en: '"{{label}}" is empty' } },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: { words: { type: 'array', items: { type: 'string' } } },
    },
    defaultOptions: { words: ['无', '/'] },
  },
  create(context) {
    return {
      entry(entry) {
        if (context.options.words.includes(String(entry.data.providerCode)))
          context.report({ messageId: 'empty', field: '/providerCode', replacesSchema: true });
      },
    };
  },
});

async function findings(rules: AnyRule[], patches: Record<string, unknown>[], config = {}, kind = 'shared') {
  const report = await validateCatalog(
    { catalog: catalogOf(kind as 'shared', patches) as never, name: 'test.json' },
    { rules, config, today: '2021-11-23' },
  );
  return report.files[0]!.findings.map((f) => [f.entry, f.ruleId, f.location.field ?? '']);
}

describe('rule engine', () => {
  it('drops schema errors a running rule supersedes, and gives them back when the rule is off', async () => {
    const patch = { share: { type: '部分共享' } };
    expect(await findings([shareTypeRule], [patch])).toEqual([[0, 'metadata/test-share-type', 'share.type']]);
    expect(
      await findings([shareTypeRule], [patch], { rules: { 'metadata/test-share-type': 'off' } }),
    ).toEqual([[0, 'schema/type', 'share.type']]);
  });

  it('drops a schema error only on the cell a finding replaces, and only for that entry', async () => {
    const rows = await findings(
      [placeholderRule],
      [{ providerCode: '无' }, { providerCode: 'ABC', code: '315018001/2' }],
    );
    expect(rows).toEqual([
      [0, 'completeness/test-placeholder', 'providerCode'],
      [1, 'schema/pattern', 'providerCode'],
    ]);
  });

  it('skips rules that do not apply to the catalog kind', async () => {
    const rows = await findings([shareTypeRule], [{}], {}, 'open');
    expect(rows).toEqual([]);
  });

  it('validates rule options from the configuration and explains what is wrong', async () => {
    const rows = await findings([placeholderRule], [{ providerCode: 'N/A' }], {
      rules: { 'completeness/test-placeholder': ['error', { words: ['N/A'] }] },
    });
    expect(rows).toEqual([[0, 'completeness/test-placeholder', 'providerCode']]);
    const bad = validateCatalog(
      { catalog: catalogOf('shared', [{}]) as never },
      {
        rules: [placeholderRule],
        config: { rules: { 'completeness/test-placeholder': ['error', { word: 'x' }] } },
      },
    );
    await expect(bad).rejects.toBeInstanceOf(ConfigError);
    await expect(bad).rejects.toThrow(/completeness\/test-placeholder/);
  });

  it('lists findings in entry order whatever the rule order', async () => {
    const rows = await findings(
      [shareTypeRule, placeholderRule],
      [
        { code: '315018001/2', summary: '' },
        { share: { type: 9 }, providerCode: '/' },
      ],
    );
    expect(rows.map((r) => r[0])).toEqual([0, 1, 1]);
  });
});

describe('rule engine: values worked out once per entry', () => {
  it('a second run over the same entry objects sees what changed between the runs (compile fixes in place)', () => {
    const session = createSession({ today: '2024-06-30' });
    const parsed = parsedFromObject(
      catalogOf('shared', [{ updateCycle: '每两周一次', format: ['纸质文档'] }]) as never,
      'one.json',
      session,
    );
    const ids = () =>
      validateParsed(parsed, session)
        .diagnostics.filter(
          (d) => d.ruleId === 'metadata/vocabulary' || d.ruleId === 'naming/document-not-data',
        )
        .map((d) => `${d.ruleId} ${d.location.field}`);
    expect(ids()).toContain('metadata/vocabulary updateCycle');
    const data = parsed.entries[0]!.data as Record<string, unknown>;
    data.updateCycle = '每日';
    (data.format as string[])[0] = '电子表格';
    expect(ids()).not.toContain('metadata/vocabulary updateCycle');
    expect(ids()).not.toContain('metadata/vocabulary format[0]');
  });
});
