// Message tables: every id has zh and en with the same placeholders; interpolation and language parsing; English
// text (messages and what the formatters render) uses ASCII punctuation.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allMessages, interpolate, parseLang, placeholders, translate } from '../src/i18n/index.js';
import { registryRules } from '../src/rules/registry.js';
import { TEXTS as PAGE_TEXTS } from '../src/web/page/texts.js';
import { runCli } from './helpers/cli.js';
import { nextSharedVersion, sharedExample } from './helpers/versions.js';

/** Full-width punctuation that has no place in English text. */
const FULL_WIDTH = /[：；（），。]/;
const ASCII_OF: Record<string, string> = { '：': ':', '；': ';', '（': '(', '）': ')', '，': ',', '。': '.' };

/** A catalog's texts with their full-width punctuation made ASCII, so what remains in a rendering is the tool's. */
function asciiPunctuation<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (_k, v) =>
      typeof v === 'string' ? v.replace(/[：；（），。]/g, (c) => ASCII_OF[c]!) : v,
    ),
  );
}

/**
 * The lines of a text that hold full-width punctuation outside “…” (which quotes the Chinese source documents, as
 * a score note does).
 */
const fullWidthLines = (text: string) =>
  text.split('\n').filter((l) => FULL_WIDTH.test(l.replace(/“[^”]*”/g, '')));

describe('i18n', () => {
  it('every message has the same placeholders in zh and en, and zh is Chinese', () => {
    for (const [id, m] of allMessages()) {
      expect(placeholders(m.zh), id).toEqual(placeholders(m.en));
      expect(m.en, id).not.toMatch(/[\u4e00-\u9fff]/);
    }
    expect(allMessages().size).toBeGreaterThan(40);
  });

  it('interpolates and leaves unknown placeholders visible', () => {
    expect(interpolate('第 {{n}} 行 {{x}}', { n: 7 })).toBe('第 7 行 {{x}}');
    expect(translate('zh', 'input.notFound', { file: 'a.xlsx' })).toBe(
      '找不到文件 a.xlsx，请检查路径是否正确',
    );
    expect(translate('en', 'input.notFound', { file: 'a.xlsx' })).toBe(
      'file not found: a.xlsx; check the path',
    );
    // @ts-expect-error: an id that names no message does not compile, and throws when it arrives as data.
    expect(() => translate('zh', 'no.such.id')).toThrow(/unknown message id/);
  });

  it('English messages (tables, rules and the offline page) use ASCII punctuation', () => {
    const found: string[] = [];
    for (const [id, m] of allMessages()) if (FULL_WIDTH.test(m.en)) found.push(`${id}: ${m.en}`);
    for (const { meta } of registryRules())
      for (const [id, m] of Object.entries(meta.messages))
        if (FULL_WIDTH.test(m.en)) found.push(`${meta.id}.${id}: ${m.en}`);
    for (const [id, m] of Object.entries(PAGE_TEXTS))
      if (FULL_WIDTH.test(m.en)) found.push(`page ${id}: ${m.en}`);
    expect(found).toEqual([]);
    // The check itself finds what it is for.
    expect(FULL_WIDTH.test(translate('zh', 'format.labelled', { label: 'a', text: 'b' }))).toBe(true);
  });

  it('English renderings of reports, diffs and plans use ASCII punctuation', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govcat-i18n-'));
    const old = asciiPunctuation(sharedExample());
    writeFileSync(join(dir, 'old.json'), JSON.stringify(old));
    writeFileSync(join(dir, 'new.json'), JSON.stringify(asciiPunctuation(nextSharedVersion(old))));
    const common = ['--lang', 'en', '--today', '2024-01-01', '--no-config'];
    const runs: string[][] = [
      ...['stylish', 'markdown', 'github', 'html', 'junit', 'compact'].map((f) => [
        'validate',
        'new.json',
        '-f',
        f,
      ]),
      ...['stylish', 'markdown', 'html'].map((f) => ['diff', 'old.json', 'new.json', '-f', f]),
      ...['stylish', 'markdown', 'html'].map((f) => ['score', 'new.json', '--plan', '--findings', '-f', f]),
      ['validate', 'missing.json'],
    ];
    const found: string[] = [];
    for (const argv of runs) {
      const r = await runCli([...argv, ...common], { cwd: dir });
      expect(r.stdout.length + r.stderr.length, argv.join(' ')).toBeGreaterThan(0);
      for (const line of fullWidthLines(r.stdout + r.stderr)) found.push(`${argv.join(' ')}: ${line}`);
    }
    // SARIF: the results' messages (its rule descriptors cite the Chinese source documents, which have no English).
    const sarif = await runCli(['validate', 'new.json', '-f', 'sarif', ...common], { cwd: dir });
    const results = (JSON.parse(sarif.stdout) as { runs: { results: { message: { text: string } }[] }[] })
      .runs[0]!.results;
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) found.push(...fullWidthLines(r.message.text).map((l) => `sarif: ${l}`));
    expect(found).toEqual([]);
    // The same renderings in Chinese do use it (the check would see it).
    const zh = await runCli(['diff', 'old.json', 'new.json', '--today', '2024-01-01', '--no-config'], {
      cwd: dir,
    });
    expect(fullWidthLines(zh.stdout).length).toBeGreaterThan(0);
  });

  it('parses language names', () => {
    expect(parseLang('zh-CN')).toBe('zh');
    expect(parseLang('EN_us')).toBe('en');
    expect(parseLang('fr')).toBeUndefined();
  });
});
