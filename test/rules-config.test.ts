// Configuration: schema errors in plain Chinese/English, suggestions, extends (presets and profiles), suppressions.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load.js';
import { nodeDataSource } from '../src/data/node.js';
import { ConfigError } from '../src/errors.js';
import type { GovcatConfig, Report } from '../src/generated/schema-types.js';
import { resolveRuleSettings } from '../src/rules/settings.js';
import { getValidator, SCHEMA_IDS } from '../src/schema/ajv.js';
import { createSession, validateCatalog } from '../src/validate.js';
import { catalogOf } from './helpers/catalog.js';

/** The error thrown by `fn`, rendered in both languages. */
function configError(fn: () => unknown): { code: string; zh: string; en: string } {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return { code: err.code, zh: err.render('zh'), en: err.render('en') };
    throw err;
  }
  throw new Error('expected a ConfigError');
}

const session = (config: unknown) => () => createSession({ config: config as GovcatConfig });

describe('configuration errors', () => {
  it('names an unknown setting and suggests the right one, in the chosen language', () => {
    const e = configError(() => parseConfig('{"rulez": {}}', 'govcat.config.json'));
    expect(e.code).toBe('config/invalid');
    expect(e.zh).toBe('配置文件 govcat.config.json 有误：有未知的配置项“rulez”，是否指“rules”？');
    expect(e.en).toBe(
      'configuration file govcat.config.json is invalid: unknown setting "rulez"; did you mean "rules"?',
    );
    expect(e.en).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('points at the line and column of a JSON syntax error', () => {
    const e = configError(() => parseConfig('{\n  "rules": {\n    "code/unique": "off",\n  }\n}', 'c.json'));
    expect(e.code).toBe('config/malformed');
    expect(e.zh).toBe('配置文件 c.json 不是有效的 JSON：第 4 行第 3 列附近有语法错误');
  });

  it('explains a bad severity once, however many schema alternatives failed', () => {
    const e = configError(() => parseConfig('{"rules": {"code/unique": "warn"}}', 'c.json'));
    expect(e.zh).toContain('规则“code/unique”的级别“warn”不对：应为 off、info、warning 或 error');
  });

  it('suggests the rule meant by an unknown rule id', () => {
    const e = configError(session({ rules: { 'naming/unique': 'off' } }));
    expect(e.code).toBe('config/unknown-rule');
    expect(e.zh).toContain('rules 中的规则“naming/unique”不存在，是否指“code/unique”？');
    const typo = configError(session({ rules: { 'naming/no-time-fragmnet': 'off' } }));
    expect(typo.en).toContain('did you mean "naming/no-time-fragment"?');
  });

  it('names the bad rule option and the right spelling', () => {
    const e = configError(
      session({ rules: { 'metadata/summary-informative': ['error', { minLenght: 3 }] } }),
    );
    expect(e.zh).toBe(
      '配置文件 govcat.config.json 中规则“metadata/summary-informative”的选项有误：rules.metadata/summary-informative 中有未知的配置项“minLenght”，是否指“minLength”？',
    );
    const wrongType = configError(
      session({ rules: { 'field/physical-name': ['error', { maxLength: 'thirty' }] } }),
    );
    expect(wrongType.zh).toContain('rules.field/physical-name.maxLength 应为整数');
  });

  it('rejects suppressions of unknown rules, bad dates and unknown vocabularies', () => {
    expect(configError(session({ suppressions: [{ rule: 'code/uniq', reason: '已报备' }] })).zh).toContain(
      'suppressions[0].rule 中的规则“code/uniq”不存在，是否指“code/unique”？',
    );
    expect(
      configError(
        session({ suppressions: [{ rule: 'code/unique', reason: '已报备', expires: '2021-13-01' }] }),
      ).zh,
    ).toContain('suppressions[0].expires 的值“2021-13-01”不是 CCYY-MM-DD 格式的日期');
    expect(configError(session({ vocabularies: { 'update-cycles': [] } })).zh).toContain(
      '词表“update-cycles”不存在',
    );
  });
});

describe('extends', () => {
  const gapCatalog = catalogOf('shared', [{}, { code: '315018001/3', name: '食品生产许可信息' }]);

  it('govcat:strict turns warnings into errors', async () => {
    const plain = await validateCatalog({ catalog: gapCatalog as never }, { today: '2021-11-23' });
    const strict = await validateCatalog(
      { catalog: gapCatalog as never },
      { config: { extends: 'govcat:strict' }, today: '2021-11-23' },
    );
    const gap = (r: Report) => r.files[0]!.findings.find((f) => f.ruleId === 'code/sequence-gaps')?.severity;
    expect(gap(plain)).toBe('warning');
    expect(gap(strict)).toBe('error');
  });

  it("reads the rules of a profile, which the configuration's own rules override", () => {
    const root = mkdtempSync(join(tmpdir(), 'govcat-profiles-'));
    mkdirSync(join(root, 'seeds', 'profiles'), { recursive: true });
    const dir = nodeDataSource(root);
    writeFileSync(
      join(root, 'seeds', 'profiles', 'guangxi-2021-city.json'),
      JSON.stringify({ rules: { 'code/sequence-gaps': 'off', 'naming/no-punctuation': 'warning' } }),
    );
    const layers = resolveRuleSettings(
      { extends: 'guangxi-2021-city', rules: { 'naming/no-punctuation': 'error' } },
      'c.json',
      dir,
    );
    expect(layers.base['code/sequence-gaps']).toBe('off');
    expect(layers.base['naming/no-punctuation']).toBe('warning');
    expect(layers.user['naming/no-punctuation']).toBe('error');
    const e = configError(() => resolveRuleSettings({ extends: 'guangxi-2021-cty' }, 'c.json', dir));
    expect(e.zh).toContain(
      'extends 中的“guangxi-2021-cty”不存在：可用 govcat:recommended、govcat:strict、guangxi-2021-city',
    );
    expect(e.zh).toContain('是否指“guangxi-2021-city”？');
  });

  it('never reads a profile outside the profiles directory', () => {
    const e = configError(() => resolveRuleSettings({ extends: '../vocabularies/share-type' }, 'c.json'));
    expect(e.code).toBe('config/invalid');
    expect(e.zh).toContain('extends 中的“../vocabularies/share-type”不存在');
  });
});

describe('suppressions', () => {
  const catalog = catalogOf('shared', [
    { providerCode: '11450100MB0H76326A' },
    { code: '315018001/2', name: '食品生产许可信息', providerCode: '11450100MB0H76326B' },
  ]);
  const run = (suppressions: GovcatConfig['suppressions']) =>
    validateCatalog(
      { catalog: catalog as never, name: 'c.json' },
      { config: { suppressions }, today: '2021-11-23' },
    );

  it('moves an accepted finding to the suppressed list with its reason; the rest still count', async () => {
    const report = await run([
      {
        rule: 'metadata/provider-code-check',
        code: '315018001/1',
        reason: '代码以新核发的为准，已核对',
        expires: '2022-06-30',
      },
    ]);
    const file = report.files[0]!;
    expect(
      file.findings.filter((f) => f.ruleId === 'metadata/provider-code-check').map((f) => f.entry),
    ).toEqual([1]);
    expect(file.suppressed).toHaveLength(1);
    expect(file.suppressed![0]).toMatchObject({
      entry: 0,
      ruleId: 'metadata/provider-code-check',
      suppression: { reason: '代码以新核发的为准，已核对', expires: '2022-06-30' },
    });
    expect(report.summary.suppressed).toBe(1);
    expect(report.summary.errors).toBe(file.findings.filter((f) => f.severity === 'error').length);
    expect(getValidator(SCHEMA_IDS.report)(report)).toBe(true);
  });

  it('keeps a finding whose suppression has expired, and says so', async () => {
    const report = await run([
      {
        rule: 'metadata/provider-code-check',
        code: '315018001/1',
        reason: '临时接受',
        expires: '2021-06-30',
      },
    ]);
    const file = report.files[0]!;
    expect(file.suppressed).toEqual([]);
    const f = file.findings.find((x) => x.ruleId === 'metadata/provider-code-check' && x.entry === 0);
    expect(f?.expiredSuppression).toEqual({ reason: '临时接受', expires: '2021-06-30' });
    expect(getValidator(SCHEMA_IDS.report)(report)).toBe(true);
  });

  it('applies to the whole file when it names neither a code nor a name', async () => {
    const report = await run([{ rule: 'metadata/provider-code-check', reason: '本批代码统一由编办核对' }]);
    expect(report.files[0]!.findings.some((f) => f.ruleId === 'metadata/provider-code-check')).toBe(false);
    expect(report.summary.suppressed).toBe(2);
  });
});

describe('rule thresholds from seeds/rules/options.json', () => {
  const optionsOf = (s: ReturnType<typeof createSession>, id: string) =>
    s.ruleSet.active.find((a) => a.rule.meta.id === id)?.options;

  it('takes the default threshold from the seeds and lets the configuration override it', () => {
    const fromSeeds = createSession();
    expect(optionsOf(fromSeeds, 'dataset/low-volume')).toEqual(
      fromSeeds.seeds.ruleOptions.get('dataset/low-volume'),
    );
    expect(optionsOf(fromSeeds, 'field/physical-name')).toEqual({ maxLength: 30 });
    const overridden = createSession({
      config: { rules: { 'field/physical-name': ['error', { maxLength: 20 }] } } as GovcatConfig,
    });
    expect(optionsOf(overridden, 'field/physical-name')).toEqual({ maxLength: 20 });
  });

  it('moves the finding when the threshold moves', async () => {
    const catalog = catalogOf('open', [{ recordCount: 12 }]);
    const lowVolume = async (config?: GovcatConfig) =>
      (
        await validateCatalog({ catalog: catalog as never }, config ? { config } : {})
      ).files[0]!.findings.filter((f) => f.ruleId === 'dataset/low-volume').length;
    expect(await lowVolume()).toBe(0);
    expect(
      await lowVolume({ rules: { 'dataset/low-volume': ['error', { threshold: 20 }] } } as GovcatConfig),
    ).toBe(1);
  });
});
