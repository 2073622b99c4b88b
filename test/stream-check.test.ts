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
import { streamCatalogBytes } from '../src/io/readers/bytes.js';
import { runPipeline } from '../src/pipeline.js';
import type { FileResult } from '../src/report.js';
import { checkSource, createSession, type Session, validateSource } from '../src/validate.js';
import { baseEntry, merge } from './helpers/catalog.js';
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

/** `count` shared entries, every tenth a duplicate name, as text of the canonical form. */
function entriesJson(count: number, patch: (i: number) => Record<string, unknown> = () => ({})): string[] {
  const base = baseEntry('shared');
  return Array.from({ length: count }, (_, i) =>
    JSON.stringify(
      merge(base, {
        name: `${base.name as string}${i % 10 === 0 ? '' : i}`,
        code: `${base.classification as string}/${i + 1}`,
        ...patch(i),
      }),
    ),
  );
}

/** JSON documents the streaming reader reads as they come, and those it must read whole (or again). */
function jsonShapes(): Record<string, string> {
  const list = entriesJson(120).join(',\n');
  return {
    'declared-first.json': `{"kind": "shared", "title": "目录", "entries": [${list}]}`,
    'declared-after.json': `{"entries": [${list}], "kind": "open"}`,
    'declared-twice.json': `{"kind": "shared", "entries": [${list}], "kind": "open"}`,
    'declared-bad-after.json': `{"kind": "shared", "entries": [${list}], "kind": "both"}`,
    'undeclared.json': `{"entries": [${list}]}`,
    'root-array.json': `[${list}]`,
    'data-wrapper.json': `{"kind": "shared", "data": [${list}]}`,
    'two-wrappers.json': `{"kind": "shared", "data": [${entriesJson(3).join(',')}], "entries": [${list}]}`,
    'nested-wrapper.json': `{"kind": "shared", "data": {"list": [${list}]}}`,
    'empty.json': '{"kind": "shared", "entries": []}',
    'proto-late.json': `{"kind": "shared", "entries": [${entriesJson(80, (i) =>
      i === 70 ? { extra: { ok: '1' } } : {},
    )
      .join(',')
      .replace('"ok"', '"__proto__"')}]}`,
    'proto-early.json': `{"kind": "shared", "entries": [${entriesJson(80, (i) =>
      i === 3 ? { extra: { ok: '1' } } : {},
    )
      .join(',')
      .replace('"ok"', '"__proto__"')}]}`,
    'long-string.json': `{"kind": "shared", "entries": [${entriesJson(80, (i) => (i === 65 ? { summary: 'x'.repeat(40_000) } : {})).join(',')}]}`,
    'aliases.json': `{"kind": "shared", "entries": [{"数据资源名称": "企业登记信息", "数据资源提供方": "南宁市市场监督管理局"}, ${list}]}`,
    'truncated.json': `{"kind": "shared", "entries": [${list}`,
  };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'govcat-stream-'));
  for (const [name, text] of Object.entries(jsonShapes())) writeFileSync(join(dir, name), text);
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
      createSession({ today: TODAY, limits: { maxCellChars: 30_000 } }),
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

describe('the streaming readers', () => {
  /** Bytes read a range at a time, remembering how far reading got. */
  function ranges(bytes: Uint8Array): {
    byteLength: number;
    read: number;
    subarray(a: number, b: number): Uint8Array;
  } {
    return {
      byteLength: bytes.byteLength,
      read: 0,
      subarray(a, b) {
        this.read = Math.max(this.read, Math.min(b, bytes.byteLength));
        return bytes.subarray(a, b);
      },
    };
  }

  async function firstEntryAt(
    name: string,
    text: string,
  ): Promise<{ at: number; size: number; entries: number }> {
    const session = createSession({ today: TODAY });
    const bytes = ranges(new TextEncoder().encode(text));
    let at = -1;
    let entries = 0;
    await streamCatalogBytes(
      { name, bytes },
      { kind: session.kind, limits: session.limits, seeds: session.seeds },
      {
        open: () => ({
          entry: () => {
            if (entries++ === 0) at = bytes.read;
          },
        }),
      },
    );
    return { at, size: bytes.byteLength, entries };
  }

  it('hand a large CSV or canonical JSON catalog on while reading it, not after', async () => {
    const json = `{"kind": "shared", "entries": [${entriesJson(1500).join(',')}]}`;
    const got = await firstEntryAt('big.json', json);
    expect(got.entries).toBe(1500);
    expect(got.size).toBeGreaterThan(1_000_000);
    expect(got.at).toBeLessThan(got.size / 4);
    const csv = rowPerItemCsv('utf-8-bom').bytes;
    const text = new TextDecoder().decode(csv);
    const [head, ...rows] = text.split('\r\n');
    const many = [head, ...Array.from({ length: 200 }, () => rows.filter((r) => r !== '')).flat()].join(
      '\r\n',
    );
    const gotCsv = await firstEntryAt('big.csv', many);
    // The CSV reader holds its first 1 M characters back (papaparse guesses the line endings from them).
    expect(gotCsv.size).toBeGreaterThan(6_000_000);
    expect(gotCsv.at).toBeLessThan(gotCsv.size / 2);
  });

  it('read a JSON catalog whose kind comes after its entries whole', async () => {
    const json = `{"entries": [${entriesJson(1500).join(',')}], "kind": "shared"}`;
    const got = await firstEntryAt('late.json', json);
    expect(got.entries).toBe(1500);
    expect(got.at).toBe(got.size);
  });
});
