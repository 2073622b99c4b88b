// Checking a catalog as it streams (checkSource: entries handed to the engine as they are read, only findings
// and a few facts per entry kept) gives the same report as validating the whole parsed catalog
// (validateSource), byte for byte: examples, fixtures, every real portal catalog, CSV layouts (UTF-8 and
// GB18030, open and shared, template pickers, entries spanning rows) and files that fail part-way.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfiles } from '../src/indicators/data.js';
import { DEFAULT_PROFILE } from '../src/indicators/default-profile.js';
import { runPipeline } from '../src/pipeline.js';
import type { FileResult } from '../src/report.js';
import { checkSource, createSession, type Session, validateSource } from '../src/validate.js';
import { portalLayout, rowPerItemCsv } from './helpers/layouts.js';

const TODAY = '2024-06-30';
let dir = '';

function catalogsIn(folder: string): string[] {
  return readdirSync(folder)
    .filter((f) => /\.(json|csv|xlsx|xml|jsonl)$/.test(f) && !f.endsWith('.expected.json'))
    .map((f) => join(folder, f));
}

/** A CSV typed into the govcat template: its classification picker columns and a continuation row per item. */
function pickerCsv(): string {
  const header =
    '数据资源分类,选择分类·类,选择分类·项,选择分类·目,数据资源名称,数据资源代码,数据资源提供方,数据提供方代码,数据资源摘要,数据资源格式,数据项名称,数据类型,共享类型,共享条件,共享方式,是否向社会开放,更新周期,发布日期';
  const rows = [
    ',1 基础信息资源类,01 法人单位,001 基本信息,企业登记信息,,南宁市市场监督管理局,11450100007922092P,企业登记基本信息,数据库,统一社会信用代码,C(18),1,,共享平台（服务接口）,是,每日,2021-01-01',
    ',,,,,,,,,,企业名称,C(100),,,,,,',
    '3150100001,,,,企业年报信息,3150100001/2,南宁市市场监督管理局,11450100007922092P,企业年度报告,电子表格,年度,N(4),2,仅用于监管,共享平台（库表交换）,否,每年,2021-02-30',
    ',,,,企业年报信息,,南宁市市场监督管理局,,,,资产总额,"N(16,2)",,,,,,',
    ',,,,企业年报信息,3150100001/2,南宁市市场监督管理局,11450100007922093P,,,,,,,,,,',
  ];
  return `${[header, ...rows].join('\r\n')}\r\n`;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'govcat-stream-'));
  writeFileSync(join(dir, 'row-per-item.csv'), rowPerItemCsv('utf-8-bom').bytes);
  writeFileSync(join(dir, 'row-per-item-gbk.csv'), rowPerItemCsv('gb18030').bytes);
  writeFileSync(join(dir, 'portal.csv'), portalLayout('csv').bytes);
  writeFileSync(join(dir, 'portal.xlsx'), portalLayout('xlsx').bytes);
  writeFileSync(join(dir, 'pickers.csv'), pickerCsv());
  // Mapped entries first, then a problem the reader reports at the end: the file is unreadable either way.
  writeFileSync(join(dir, 'long-cell.csv'), `${pickerCsv()}${'x'.repeat(40_000)},a\r\n`);
  writeFileSync(join(dir, 'no-header.csv'), 'a,b,c\r\n1,2,3\r\n');
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function sameResult(whole: FileResult, streamed: FileResult): void {
  expect(JSON.stringify(streamed.report)).toBe(JSON.stringify(whole.report));
  expect(streamed.counts).toEqual(whole.counts);
  expect(streamed.diagnostics.length).toBe(whole.diagnostics.length);
  expect(streamed.parsed).toBeUndefined();
}

describe('checking a catalog as it streams', () => {
  const files = () => [
    ...catalogsIn('examples'),
    ...catalogsIn('test/fixtures'),
    ...catalogsIn('test/data/real-data'),
    ...catalogsIn(dir),
  ];

  it('covers CSV layouts, examples, fixtures and the real catalogs', () => {
    const all = files();
    expect(all.filter((f) => f.endsWith('.csv')).length).toBeGreaterThanOrEqual(6);
    expect(all.filter((f) => f.includes('real-data')).length).toBeGreaterThanOrEqual(13);
  });

  it('gives the same file report as the whole catalog, in both languages and with a tight entry limit', async () => {
    const sessions: Session[] = [
      createSession({ today: TODAY }),
      createSession({ today: TODAY, lang: 'en' }),
      createSession({ today: TODAY, limits: { maxEntries: 3 } }),
      createSession({ today: TODAY, kind: 'open' }),
    ];
    for (const file of files())
      for (const session of sessions) {
        const whole = await validateSource(file, session);
        const streamed = await checkSource(file, session);
        sameResult(whole, streamed);
      }
  }, 300_000);

  it('gives the same report with rates counted on other severities and a score', async () => {
    const sources = files();
    const session = createSession({ today: TODAY });
    const run = (validate: typeof validateSource) =>
      runPipeline(sources, {
        session,
        validate,
        countSeverities: ['error', 'warning'],
        profile: loadProfiles().get(DEFAULT_PROFILE)!,
      });
    const whole = await run(validateSource);
    const streamed = await run(checkSource);
    expect(whole.report.score).toBeDefined();
    expect(JSON.stringify(streamed.report)).toBe(JSON.stringify(whole.report));
  }, 300_000);
});
