// Hostile and broken inputs, run through the real CLI process: one clear line, exit 2, seconds, bounded memory.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateLayout } from './helpers/layouts.js';
import { buildZip, part, sheetXml, workbookParts, zeroBombPart } from './helpers/zip.js';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'govcat.js');
const preload = join(import.meta.dirname, 'helpers', 'max-rss.mjs');
/** Seconds one hostile file may take, start-up included (two shared cores). */
const MAX_SECONDS = 15;
/** Peak memory one hostile file may use. */
const MAX_RSS_MIB = 700;

let dir: string;
/** Figures per file, printed when GOVCAT_HOSTILE_REPORT is set (for the README and reviews). */
const figures: string[] = [];

/** A deterministic byte stream (xorshift), so failures reproduce. */
function pseudoRandom(length: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** Random letters (compress only ~1.6:1, so the zip ratio guard does not fire first). */
function randomLetters(length: number): string {
  const bytes = pseudoRandom(length, 12345);
  for (let i = 0; i < length; i++) bytes[i] = 97 + (bytes[i]! % 26);
  return Buffer.from(bytes).toString('latin1');
}

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<catalog><entry><name>&lol9;</name></entry></catalog>
`;
const XXE = `<?xml version="1.0"?>
<!DOCTYPE catalog [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<catalog><entry><name>&xxe;</name></entry></catalog>
`;

/** file name → the error code it must end in. */
const CORPUS: Record<string, string> = {
  'empty.xlsx': 'input/empty',
  'csv-named.xlsx': 'input/format-mismatch',
  'workbook-named.csv': 'input/format-mismatch',
  'truncated.xlsx': 'input/malformed',
  'random.xlsx': 'input/format-mismatch',
  'random.csv': 'input/format-mismatch',
  'gigabytes.xlsx': 'input/limit',
  'lying-sizes.xlsx': 'input/unsafe',
  'ratio.xlsx': 'input/limit',
  'billion-laughs.xml': 'input/unsafe',
  'external-entity.xml': 'input/unsafe',
  'deep.json': 'input/limit',
  'deep.xml': 'input/limit',
  'prototype.json': 'input/unsafe',
  'huge-cell.xlsx': 'input/limit',
  'huge-cell.csv': 'input/limit',
  'huge-string.json': 'input/limit',
  'blank-rows.xlsx': 'input/no-header',
  'blank-rows.csv': 'input/no-header',
  'wide-row.csv': 'input/limit',
  'many-entries.json': 'input/limit',
  'many-nodes.json': 'input/limit',
  'many-values.json': 'input/limit',
  'many-lines.jsonl': 'input/limit',
  'many-entries.xml': 'input/limit',
  'huge-cdata.xml': 'input/limit',
  'many-attributes.xml': 'input/limit',
  'long-name.xml': 'input/limit',
  'unclosed-attribute.xml': 'input/limit',
  'duplicate-parts.xlsx': 'input/unsafe',
  'dtd-in-part.xlsx': 'input/unsafe',
  'dtd-utf16.xls': 'input/unsafe',
};

function writeCorpus(): void {
  const put = (name: string, bytes: Uint8Array | string) => writeFileSync(join(dir, name), bytes);
  const template = templateLayout().bytes;
  put('empty.xlsx', new Uint8Array(0));
  put(
    'csv-named.xlsx',
    '数据资源名称,数据资源代码,数据资源提供方\r\n人口基本信息,101001001/1,南宁市公安局\r\n',
  );
  put('workbook-named.csv', template);
  put('truncated.xlsx', template.subarray(0, Math.floor(template.length * 0.6)));
  put('random.xlsx', pseudoRandom(64 * 1024));
  put('random.csv', pseudoRandom(64 * 1024, 7));
  // Two sheet parts that honestly declare 2 GiB each: rejected from the declared sizes alone.
  put(
    'gigabytes.xlsx',
    buildZip([
      ...workbookParts(zeroBombPart('xl/worksheets/sheet1.xml', 2048)),
      zeroBombPart('xl/media/a.bin', 2048),
    ]),
  );
  // A part that declares 4 KiB but inflates to 2 GiB: caught by the streaming check.
  put('lying-sizes.xlsx', buildZip(workbookParts(zeroBombPart('xl/worksheets/sheet1.xml', 2048, 4096))));
  put('ratio.xlsx', buildZip(workbookParts(zeroBombPart('xl/worksheets/sheet1.xml', 64))));
  put('billion-laughs.xml', BILLION_LAUGHS);
  put('external-entity.xml', XXE);
  put('deep.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
  put('deep.xml', `<catalog>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</catalog>`);
  put('prototype.json', '{"kind":"shared","entries":[{"name":"人口基本信息","__proto__":{"isAdmin":true}}]}');
  const huge = randomLetters(30 * 1024 * 1024);
  // Excel itself refuses cells over 32,767 characters, so this sheet is written by hand.
  const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const hugeSheet = sheetXml(
    `<row r="1">${cell('A1', '数据资源名称')}${cell('B1', '数据资源代码')}${cell('C1', '数据资源提供方')}</row>` +
      `<row r="2">${cell('A2', huge)}${cell('B2', '101001001/1')}${cell('C2', '南宁市公安局')}</row>`,
  );
  put('huge-cell.xlsx', buildZip(workbookParts(part('xl/worksheets/sheet1.xml', hugeSheet))));
  put('huge-cell.csv', `数据资源名称,数据资源代码,数据资源提供方\r\n"${huge}",101001001/1,南宁市公安局\r\n`);
  put('huge-string.json', JSON.stringify({ kind: 'shared', entries: [{ name: huge }] }));
  const blank: string[] = [];
  for (let r = 1; r <= 300_000; r++)
    blank.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t></t></is></c></row>`);
  put('blank-rows.xlsx', buildZip(workbookParts(part('xl/worksheets/sheet1.xml', sheetXml(blank.join(''))))));
  put('blank-rows.csv', ',,,\r\n'.repeat(300_000));
  // One line of thirty million delimiters: counted before papaparse builds the cells (12 s, 1.5 GB before).
  put('wide-row.csv', `数据资源名称,数据资源代码,数据资源提供方\r\n${','.repeat(30_000_000)}\r\n`);
  // 60 MB of empty entries: counted against --max-entries before JSON.parse (which needed 5 GB).
  put('many-entries.json', `[${'{},'.repeat(20_000_000)}{}]`);
  // One entry holding ten million empty objects: counted against --max-nodes.
  put('many-nodes.json', `[{"extra":[${'{},'.repeat(10_000_000)}{}]}]`);
  // Fifteen million numbers in one entry (30 MB): values count, not only objects (74 s and 3.1 GB before).
  put('many-values.json', `[{"extra":[${'0,'.repeat(15_000_000)}0]}]`);
  put('many-lines.jsonl', '{}\n'.repeat(10_000_000));
  put('many-entries.xml', `<catalog>${'<entry/>'.repeat(2_000_000)}</catalog>`);
  put(
    'huge-cdata.xml',
    `<catalog><entry><name><![CDATA[${randomLetters(100 * 1024 * 1024)}]]></name></entry></catalog>`,
  );
  const attributes: string[] = [];
  for (let i = 0; i < 1_000_000; i++) attributes.push(`a${i}="1"`);
  put('many-attributes.xml', `<catalog><entry ${attributes.join(' ')}><name>x</name></entry></catalog>`);
  const name = 'n'.repeat(10 * 1024 * 1024);
  put('long-name.xml', `<catalog><entry><${name}>x</${name}></entry></catalog>`);
  // An attribute value that never closes: the validator needed 60 s and 3.6 GB for 100 MB of it.
  put('unclosed-attribute.xml', `<catalog><entry name="${randomLetters(30 * 1024 * 1024)}`);
  const rows = (entry: string) =>
    sheetXml(
      `<row r="1">${cell('A1', '数据资源名称')}${cell('B1', '数据资源代码')}${cell('C1', '数据资源提供方')}</row>` +
        `<row r="2">${cell('A2', entry)}${cell('B2', '101001001/1')}${cell('C2', '南宁市公安局')}</row>`,
    );
  put(
    'duplicate-parts.xlsx',
    buildZip([
      ...workbookParts(part('xl/worksheets/sheet1.xml', rows('人口基本信息'))),
      part('xl/worksheets/sheet1.xml', rows('车辆登记信息')),
    ]),
  );
  put(
    'dtd-in-part.xlsx',
    buildZip([
      ...workbookParts(part('xl/worksheets/sheet1.xml', rows('人口基本信息'))),
      part('xl/styles.xml', `<?xml version="1.0"?>${BILLION_LAUGHS.slice(22)}`),
    ]),
  );
  put('dtd-utf16.xls', Buffer.from(`\ufeff${BILLION_LAUGHS.replace('<catalog>', '<Workbook>')}`, 'utf16le'));
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  rssMiB: number;
}

function govcat(file: string, ...args: string[]): Run {
  const rssFile = join(dir, `${file}.rss`);
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', preload, bin, 'validate', join(dir, file), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', GOVCAT_TEST_RSS_FILE: rssFile },
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rssMiB = Number(readFileSync(rssFile, 'utf8')) / 1024;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, seconds, rssMiB };
}

describe('hostile and broken inputs through the CLI process', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'govcat-hostile-'));
    writeCorpus();
  }, 120_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    if (process.env.GOVCAT_HOSTILE_REPORT) console.log(figures.join('\n'));
  });

  for (const [file, code] of Object.entries(CORPUS)) {
    it(`${file} → ${code}: one line, exit 2, no stack trace, seconds, bounded memory`, () => {
      const r = govcat(file, '--format', 'json', '--no-config');
      figures.push(`| ${file} | ${code} | ${r.seconds.toFixed(2)} s | ${r.rssMiB.toFixed(0)} MiB |`);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(2);
      const error = JSON.parse(r.stdout).files[0].error as { code: string; message: string };
      expect(error.code).toBe(code);
      expect(error.message).toContain(file);
      expect(error.message).not.toMatch(/\n|\bat .+:\d+:\d+/);
      expect(error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(r.seconds).toBeLessThan(MAX_SECONDS);
      expect(r.rssMiB).toBeLessThan(MAX_RSS_MIB);
    });
  }

  it('prints the error as one Chinese line in the default output, and in English with --lang en', () => {
    const zh = govcat('lying-sizes.xlsx', '--no-config');
    expect(zh.status).toBe(2);
    const line = zh.stdout
      .split('\n')
      .find((l) => l.includes('lying-sizes.xlsx') && l.includes('input/unsafe'));
    expect(line).toContain('伪造的大小');
    const en = govcat('lying-sizes.xlsx', '--no-config', '--lang', 'en');
    expect(en.stdout).toContain('falsified sizes');
  });

  it('names the option when a limit is hit (--max-zip-ratio, --max-rows)', () => {
    const ratio = JSON.parse(govcat('ratio.xlsx', '--format', 'json', '--no-config').stdout).files[0].error;
    expect(ratio.message).toContain('--max-zip-ratio 1000');
    const rows = govcat('blank-rows.csv', '--format', 'json', '--no-config', '--max-rows', '1000');
    expect(rows.status).toBe(2);
    expect(JSON.parse(rows.stdout).files[0].error.message).toContain('--max-rows');
  });
});
