// The report formats: SARIF against the SARIF 2.1.0 schema, JUnit XML, GitHub annotations, Markdown,
// and --quiet / --max-warnings honoured by every format.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as ajvFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { formatNames, getFormatter, renderReport } from '../src/formatters/index.js';
import type { FormatContext } from '../src/formatters/types.js';
import type { Finding, Report } from '../src/generated/schema-types.js';
import { getValidator, SCHEMA_IDS } from '../src/schema/ajv.js';
import { runCli } from './helpers/cli.js';

const root = join(import.meta.dirname, '..');
const schemaFile = join(root, 'test', 'data', 'sarif-schema-2.1.0.json');

/** The SARIF schema is external test data (not a govcat schema), so it gets its own validator here. */
function sarifValidator() {
  type AddFormats = (ajv: Ajv2020) => unknown;
  const m = ajvFormats as unknown as { default: AddFormats | { default: AddFormats } };
  const addFormats = typeof m.default === 'function' ? m.default : m.default.default;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
}

function finding(over: Partial<Finding>): Finding {
  return {
    ruleId: 'schema/required',
    severity: 'error',
    category: 'completeness',
    message: '缺少必填项“数据资源提供方代码”，请填写数据资源提供方代码',
    messageId: 'schema.required',
    data: {},
    entry: 5,
    entryName: '执业医师注册信息',
    resourceCode: '315015001/2',
    location: { sheet: '目录', row: 7, column: 'E', cell: 'E7', field: 'providerCode' },
    ...over,
  };
}

/** A report as a spreadsheet would produce it: cells, a warning with awkward characters, an unreadable file. */
function sampleReport(): Report {
  return {
    version: 1,
    tool: { name: 'govcat', version: '0.1.0' },
    files: [
      {
        path: 'catalogs/南宁市 2021,共享.xlsx',
        format: 'xlsx',
        kind: 'shared',
        entries: 6,
        findings: [
          finding({}),
          finding({
            ruleId: 'naming/no-date-fragment',
            severity: 'warning',
            category: 'naming',
            message: '名称“2021年第3季度 <b>食品</b> & “抽检”, 100%”\n含有时间片段',
            entry: 2,
            entryName: '2021年第3季度食品抽检',
            resourceCode: '315018001/3',
            location: { sheet: '目录', row: 4, column: 'B', cell: 'B4', field: 'name' },
          }),
          finding({
            ruleId: 'metadata/unknown-column',
            severity: 'info',
            category: 'metadata',
            message: '未识别的列“备注\u0007”',
            entry: null,
            location: { sheet: '目录', row: 1, column: 'Q', cell: 'Q1' },
          }),
        ],
        rates: {
          naming: {
            label: '目录命名规范合格率',
            conforming: 5,
            total: 6,
            rate: 5 / 6,
            byProvider: {
              南宁市市场监督管理局: { conforming: 4, total: 5, rate: 0.8 },
              南宁市卫生健康委员会: { conforming: 1, total: 1, rate: 1 },
            },
          },
        },
      },
      {
        path: 'catalogs/broken.xlsx',
        format: 'xlsx',
        entries: 0,
        error: {
          code: 'input/malformed',
          message: '文件 catalogs/broken.xlsx 已损坏：不是有效的 xlsx（zip）文件',
        },
        findings: [],
        rates: {},
      },
    ],
    summary: { files: 2, unreadable: 1, entries: 6, errors: 1, warnings: 1, infos: 1, suppressed: 0 },
  };
}

const ctx = (over: Partial<FormatContext> = {}): FormatContext => ({ lang: 'zh', color: false, ...over });
const render = (name: string, report: Report, over: Partial<FormatContext> = {}) =>
  renderReport(getFormatter(name)!, report, ctx(over));

describe('sarif', () => {
  it('ships the SARIF 2.1.0 schema unchanged (hash) and the schema rejects a broken log', () => {
    expect(createHash('sha256').update(readFileSync(schemaFile)).digest('hex')).toBe(
      '1c49a0f2b60444c71bb14878e21e0d882198eff4c539861b133093ad89ed798c',
    );
    const validate = sarifValidator();
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
  });

  it('validates against the SARIF 2.1.0 schema, with rules, levels, file + region and sheet!cell', () => {
    const validate = sarifValidator();
    const log = JSON.parse(render('sarif', sampleReport())) as Sarif.Log;
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const run = log.runs[0]!;
    const rules = run.tool.driver.rules!;
    const required = rules.find((r) => r.id === 'schema/required')!;
    expect(required.shortDescription?.text).toBe('必填项缺失');
    expect(required.help?.text).toContain('依据');
    expect(run.results).toHaveLength(3);
    const [err, warn, info] = run.results!;
    expect(rules[err!.ruleIndex!]!.id).toBe('schema/required');
    expect([err!.level, warn!.level, info!.level]).toEqual(['error', 'warning', 'note']);
    const loc = err!.locations![0]!.physicalLocation!;
    expect(loc.artifactLocation!.uri).toBe(
      'catalogs/%E5%8D%97%E5%AE%81%E5%B8%82%202021%2C%E5%85%B1%E4%BA%AB.xlsx',
    );
    expect(loc.region).toEqual({ startLine: 7, startColumn: 5 });
    expect(err!.message.text).toMatch(/^目录!E7：缺少必填项/);
    expect(err!.properties).toMatchObject({ sheet: '目录', cell: 'E7', field: 'providerCode', entry: 6 });
    expect(err!.partialFingerprints!['govcatFinding/v1']).toMatch(/^[0-9a-f]{32}$/);
    expect(run.invocations![0]!.executionSuccessful).toBe(false);
    expect(run.invocations![0]!.toolExecutionNotifications![0]!.message.text).toContain('broken.xlsx');
  });

  it('gives JSON sources a region at line 1 and the entry path in the message', async () => {
    const r = await runCli([
      'validate',
      join(root, 'examples', 'nanning-shared-catalog.json'),
      '-f',
      'sarif',
    ]);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as Sarif.Log;
    expect(sarifValidator()(log)).toBe(true);
    const result = log.runs[0]!.results!.find((x) => x.ruleId === 'schema/required')!;
    expect(result.locations![0]!.physicalLocation!.region).toEqual({ startLine: 1 });
    expect(result.message.text).toMatch(/^entries\[10\]\.providerCode：/);
  });
});

describe('junit', () => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (n) => n === 'testcase' || n === 'testsuite',
  });

  it('has a suite per file, a case per entry, failures for errors and an error for an unreadable file', () => {
    const xml = render('junit', sampleReport());
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml).not.toContain('\u0007');
    const doc = parser.parse(xml);
    const [catalog, broken] = doc.testsuites.testsuite;
    expect(catalog.testcase).toHaveLength(7); // file-level + 6 entries
    expect(Number(catalog.failures)).toBe(1);
    expect(catalog.testcase.find((c: { name: string }) => c.name.startsWith('第 6 条')).failure.type).toBe(
      'schema/required',
    );
    // The warning is noted, not failed, while within --max-warnings.
    const third = catalog.testcase.find((c: { name: string }) => c.name.startsWith('第 3 条'));
    expect(third.failure).toBeUndefined();
    expect(third['system-out']).toContain('<b>食品</b> & “抽检”');
    expect(broken.testcase[0].error.type).toBe('input/malformed');
  });

  it('fails the warnings too once they exceed --max-warnings', () => {
    const doc = parser.parse(render('junit', sampleReport(), { maxWarnings: 0 }));
    const third = doc.testsuites.testsuite[0].testcase.find((c: { name: string }) =>
      c.name.startsWith('第 3 条'),
    );
    expect(third.failure.type).toBe('naming/no-date-fragment');
  });
});

describe('github', () => {
  it('writes one escaped workflow command per finding with file, line and column', () => {
    const lines = render('github', sampleReport()).trim().split('\n');
    expect(lines[0]).toBe(
      '::error file=catalogs/南宁市 2021%2C共享.xlsx,line=7,col=5,title=schema/required::目录!E7：缺少必填项“数据资源提供方代码”，请填写数据资源提供方代码',
    );
    expect(lines[1]).toContain(
      '::warning file=catalogs/南宁市 2021%2C共享.xlsx,line=4,col=2,title=naming/no-date-fragment::',
    );
    expect(lines[1]).toContain('100%25”%0A含有时间片段');
    expect(lines[2]).toMatch(/^::notice /);
    expect(lines[3]).toBe(
      '::error file=catalogs/broken.xlsx,title=input/malformed::文件 catalogs/broken.xlsx 已损坏：不是有效的 xlsx（zip）文件',
    );
  });
});

describe('markdown', () => {
  it('has the rates, the provider table and findings by rule, with table cells escaped', () => {
    const md = render('markdown', sampleReport());
    expect(md).toContain('# 政务数据资源目录校验报告');
    expect(md).toContain('| 南宁市市场监督管理局 | 80.0% (4/5) |');
    expect(md).toContain('| naming/no-date-fragment | 警告 | 1 |');
    expect(md).toContain('&lt;b&gt;食品&lt;/b&gt; &amp; “抽检”, 100%” 含有时间片段');
    expect(md).toContain('- ❌ `catalogs/broken.xlsx`');
  });
});

describe('--quiet and --max-warnings in every format', () => {
  const warning = '含有时间片段';
  for (const name of formatNames()) {
    it(`${name}: --quiet drops warnings and infos but keeps errors`, () => {
      const loud = render(name, sampleReport());
      const quiet = render(name, sampleReport(), { quiet: true });
      expect(loud).toContain(warning);
      expect(quiet).not.toContain(warning);
      expect(quiet).toContain('数据资源提供方代码');
    });
  }
  it('every format says when the warnings exceed --max-warnings', () => {
    const marks: Record<string, (s: string) => boolean> = {
      stylish: (s) => s.includes('警告 1 个，超过 --max-warnings 0'),
      json: (s) => JSON.parse(s).summary.warnings === 1,
      sarif: (s) =>
        JSON.parse(s).runs[0].invocations[0].toolExecutionNotifications.some(
          (n: { descriptor?: { id: string } }) => n.descriptor?.id === 'max-warnings',
        ),
      junit: (s) => /<failure[^>]*type="naming\/no-date-fragment"/.test(s),
      github: (s) => s.includes('::error title=govcat --max-warnings::警告 1 个，超过 --max-warnings 0'),
      markdown: (s) => s.includes('> **警告 1 个，超过 --max-warnings 0**'),
      html: (s) => s.includes('<p class="alert">警告 1 个，超过 --max-warnings 0</p>'),
      compact: (s) => s.split('\n').includes('警告 1 个，超过 --max-warnings 0'),
    };
    for (const name of formatNames()) {
      const mark = marks[name];
      expect(mark, `no check for ${name}`).toBeDefined();
      expect(mark!(render(name, sampleReport(), { maxWarnings: 0 })), name).toBe(true);
      if (name !== 'json') expect(mark!(render(name, sampleReport(), { maxWarnings: 1 })), name).toBe(false);
    }
  });
  it('the JSON report records --quiet and --max-warnings in its summary', async () => {
    const r = await runCli([
      'validate',
      join(root, 'examples', 'nanning-shared-catalog.json'),
      '-f',
      'json',
      '--quiet',
      '--max-warnings',
      '3',
    ]);
    const report = JSON.parse(r.stdout);
    expect(getValidator(SCHEMA_IDS.report)(report)).toBe(true);
    expect(report.summary).toMatchObject({ quiet: true, maxWarnings: 3, tooManyWarnings: false });
  });
});
