// Control characters from cells: escaped (`\x1b`) in the terminal formats, and each other format keeps its own escaping.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { getFormatter, renderReport } from '../src/formatters/index.js';
import { escapeControls } from '../src/formatters/terminal.js';
import type { Report } from '../src/generated/schema-types.js';
import { catalogOf } from './helpers/catalog.js';
import { runCli } from './helpers/cli.js';

/** Sets the terminal title, rings the bell, clears the screen, moves the cursor, and flips the text direction. */
const HOSTILE = '\u001b]0;已通过\u0007\u001b[2J\u001b[H\b\u009b31m\u202e';

function report(): Report {
  return {
    version: 1,
    tool: { name: 'govcat', version: '0.1.0' },
    files: [
      {
        path: `目录/南宁${HOSTILE}.xlsx`,
        format: 'xlsx',
        kind: 'shared',
        entries: 1,
        rates: {},
        findings: [
          {
            ruleId: 'naming/no-punctuation',
            severity: 'error',
            category: 'naming',
            message: `名称“食品${HOSTILE}经营许可信息”含有标点`,
            messageId: 'x',
            data: {},
            entry: 0,
            entryName: `食品${HOSTILE}经营许可信息`,
            resourceCode: `315018001/1${HOSTILE}`,
            location: { sheet: `目录${HOSTILE}`, row: 4, column: 'B', cell: 'B4', field: 'name' },
          },
        ],
      },
      {
        path: 'b.json',
        format: 'json',
        kind: 'shared',
        entries: 0,
        rates: {},
        findings: [],
        error: { code: 'input/malformed', message: `b.json 不是有效的 JSON：${HOSTILE}` },
      },
    ],
    summary: { files: 2, entries: 1, errors: 1, warnings: 0 },
  };
}

const render = (format: string, color = false) =>
  renderReport(getFormatter(format)!, report(), { lang: 'zh', color });
/** Control characters other than the line feeds a format writes itself. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** C0 controls but the line feed (what JSON escapes). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const RAW_C0 = /[\u0000-\u0009\u000b-\u001f]/;

describe('terminal formats escape control characters from cells', () => {
  it('escapes as \\x.. (\\u.... above Latin-1), with \\t \\n \\r by name', () => {
    expect(escapeControls('a\u001b[2Jb\u0007c\td\ne\u009b\u202e')).toBe(
      'a\\x1b[2Jb\\x07c\\td\\ne\\x9b\\u202e',
    );
    expect(escapeControls('南宁市 “食品经营许可信息”')).toBe('南宁市 “食品经营许可信息”');
    expect(escapeControls('a\r\nb\u001b', true)).toBe('a\r\nb\\x1b');
  });

  for (const format of ['stylish', 'compact', 'github']) {
    it(`${format}: nothing a terminal would act on, and the escapes visible`, () => {
      const out = render(format);
      expect(out).not.toMatch(RAW_CONTROL);
      expect(out).toContain('\\x1b]0;已通过\\x07\\x1b[2J');
      expect(out).toContain('\\x9b31m\\u202e');
    });
  }

  it('stylish in colour: the only escape sequences are its own colours', () => {
    const out = render('stylish', true);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
    const sequences = out.match(/\u001b[^m]*m?/g) ?? [];
    expect(sequences.length).toBeGreaterThan(0);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
    for (const s of sequences) expect(s).toMatch(/^\u001b\[\d+(;\d+)*m$/);
  });
});

describe('the other formats keep their own escaping', () => {
  it('json and sarif keep the text, escaped as JSON', () => {
    const json = render('json');
    expect(json).not.toMatch(RAW_C0);
    expect(JSON.parse(json).files[0].findings[0].entryName).toBe(`食品${HOSTILE}经营许可信息`);
    const sarif = render('sarif');
    expect(sarif).not.toMatch(RAW_C0);
    expect(JSON.parse(sarif).runs[0].results[0].message.text).toContain(HOSTILE);
  });

  it('junit stays well-formed XML 1.0, markdown and html escape markup', () => {
    const junit = render('junit');
    expect(XMLValidator.validate(junit)).toBe(true);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
    expect(junit).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    const markdown = render('markdown');
    expect(markdown).not.toMatch(RAW_CONTROL);
    const html = renderReport(getFormatter('html')!, withName('<img src=x onerror=alert(1)>'), {
      lang: 'zh',
      color: false,
    });
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

function withName(name: string): Report {
  const r = report();
  r.files[0]!.findings[0]!.message = `名称“${name}”含有标点`;
  return r;
}

describe('a catalog that tries to take over the terminal of a hook or CI log', () => {
  it('prints the escapes, not the characters, in the compact and stylish output of the CLI', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govcat-controls-'));
    // The impossible date is an error (exit 1); the control characters in the name are a warning of
    // naming/no-punctuation, printed escaped.
    const catalog = catalogOf('shared', [
      { name: `食品经营许可信息${HOSTILE}`, providerCode: '', publishDate: '2021-02-30' },
    ]);
    writeFileSync(join(dir, 'a.json'), JSON.stringify(catalog));
    for (const format of ['compact', 'stylish', 'github']) {
      const r = await runCli(['validate', 'a.json', '-f', format], { cwd: dir });
      expect([format, r.code]).toEqual([format, 1]);
      expect(r.stdout).not.toMatch(RAW_CONTROL);
      expect(r.stdout).toContain('\\x1b]0;已通过\\x07');
    }
  });
});
