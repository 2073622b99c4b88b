// Stylish output: findings grouped by entry (名称 and 代码), one line per finding with its cell, suppressions, summary.
import { describe, expect, it } from 'vitest';
import { stylish } from '../src/formatters/stylish.js';
import type { GovcatConfig } from '../src/generated/schema-types.js';
import type { Lang } from '../src/i18n/index.js';
import type { ParsedCatalog } from '../src/model/types.js';
import { makeReport, summarize } from '../src/report.js';
import { createSession, validateParsed } from '../src/validate.js';
import { baseEntry, merge } from './helpers/catalog.js';

/** A two-entry spreadsheet catalog as a reader would hand it over: sheet 目录, data from row 3, columns A–M. */
function sheetCatalog(): ParsedCatalog {
  const columns: Record<string, string> = {
    '/classification': 'A',
    '/name': 'B',
    '/code': 'C',
    '/provider': 'D',
    '/providerCode': 'E',
    '/summary': 'F',
    '/updateCycle': 'K',
    '/publishDate': 'L',
  };
  const patches = [
    { providerCode: '11450100MB0H76326A', updateCycle: '每天' },
    { name: '2020年食品生产许可信息', code: '315018001/2' },
  ];
  return {
    file: '南宁市目录.xlsx',
    format: 'xlsx',
    kind: 'shared',
    kindSource: 'option',
    entries: patches.map((patch, index) => {
      const row = index + 3;
      const locations = new Map([['', { sheet: '目录', row }]]);
      for (const [pointer, column] of Object.entries(columns))
        locations.set(pointer, { sheet: '目录', row, column, cell: `${column}${row}` });
      return { index, data: merge(baseEntry('shared'), patch), locations, normalizations: [] };
    }),
    notices: [],
  };
}

function render(config: GovcatConfig, options: { lang?: Lang; color?: boolean; quiet?: boolean } = {}) {
  const session = createSession({ config, today: '2021-11-23', lang: options.lang ?? 'zh' });
  const result = validateParsed(sheetCatalog(), session);
  const report = makeReport([result.report], summarize([result]));
  return stylish(report, {
    lang: options.lang ?? 'zh',
    color: options.color ?? false,
    quiet: options.quiet ?? false,
  });
}

describe('stylish output', () => {
  it('groups findings under 第 N 条 名称（代码） with one line each: cell, severity, message, rule id', () => {
    const lines = render({}).split('\n');
    expect(lines[0]).toBe('南宁市目录.xlsx');
    expect(lines[1]).toBe('  第 1 条 食品经营许可信息（315018001/1）');
    expect(lines[2]).toMatch(
      /^ {4}目录!E3\s+错误 {2}数据资源提供方代码“11450100MB0H76326A”的校验位应为“Q”.+ {2}metadata\/provider-code-check$/,
    );
    expect(lines[3]).toMatch(
      /^ {4}目录!K3\s+警告 {2}“更新周期”写作“每天”，规范写法是“每日”.+ {2}metadata\/vocabulary-synonym$/,
    );
    expect(lines).toContain('  第 2 条 2020年食品生产许可信息（315018001/2）');
    expect(
      lines.some((l) => /^ {4}目录!B4\s+警告 {2}名称“2020年食品生产许可信息”含有年份“2020年”/.test(l)),
    ).toBe(true);
  });

  it('ends with a summary line and the rates', () => {
    const out = render({});
    expect(out).toMatch(
      /\n✖ 2 条目录，1 个错误，3 个警告，0 个提示；1 个附有安全修复\n {2}目录命名规范合格率 100\.0%（2\/2）/,
    );
  });

  it('lists suppressed findings with their reasons and marks expired suppressions', () => {
    const out = render({
      suppressions: [
        { rule: 'metadata/provider-code-check', code: '315018001/1', reason: '代码以编办新核发的为准' },
        {
          rule: 'naming/no-time-fragment',
          code: '315018001/2',
          reason: '历史资源，已报备',
          expires: '2021-06-30',
        },
      ],
    });
    expect(out).toContain('  已抑制 1 个发现（不计入错误和警告）：');
    expect(out).toContain(
      '    第 1 条 食品经营许可信息（315018001/1）  目录!E3  metadata/provider-code-check  理由：代码以编办新核发的为准',
    );
    expect(out).toMatch(
      /含有年份“2020年”.+（对本条的抑制已于 2021-06-30 到期，重新计入；原理由：历史资源，已报备） {2}naming\/no-time-fragment/,
    );
    expect(out).toContain(
      '⚠ 2 条目录，0 个错误，3 个警告，0 个提示，1 个已抑制，1 个抑制已到期；1 个附有安全修复',
    );
  });

  it('shows only errors with --quiet, and hides the suppressed list', () => {
    const out = render(
      { suppressions: [{ rule: 'metadata/provider-code-check', code: '315018001/1', reason: '已核对' }] },
      { quiet: true },
    );
    expect(out).not.toContain('vocabulary-synonym');
    expect(out).not.toContain('已抑制 1 个发现');
    // A name carrying a year is a warning (it asks to check), so --quiet leaves it out too.
    expect(out).not.toContain('naming/no-time-fragment');
    expect(out).toContain('⚠ 2 条目录，0 个错误');
  });

  it('uses colours only when asked, and writes English with --lang en', () => {
    expect(render({}, { color: true })).toContain('\u001b[31m');
    expect(render({}, { color: false })).not.toContain('\u001b[');
    const en = render({}, { lang: 'en' });
    expect(en).toContain('  entry 1 食品经营许可信息 (315018001/1)');
    expect(en).toMatch(
      /目录!K3\s+warning {2}"update cycle" is written "每天"; the canonical value is "每日"/,
    );
    expect(en).toContain('✖ 2 entries, 1 errors, 3 warnings, 0 infos; 1 with a safe fix');
  });
});
