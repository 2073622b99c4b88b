// Language at the edge: message ids are typed (a missing id does not compile), and no inline `lang === 'zh' ? '…'`
// text bypasses the message tables.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { allMessages, placeholders, translate, translateId } from '../src/i18n/index.js';

const root = join(import.meta.dirname, '..');

/** TypeScript's errors for a snippet that imports the message module. */
function compileErrors(snippet: string): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'govcat-ids-'));
  try {
    const file = join(dir, 'snippet.ts');
    const i18n = join(root, 'src', 'i18n', 'index.js');
    writeFileSync(file, `import { translate } from ${JSON.stringify(i18n)};\n${snippet}\n`);
    const program = ts.createProgram([file], {
      strict: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      noEmit: true,
      skipLibCheck: true,
      types: [],
    });
    return ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file?.fileName === file)
      .map((d) => d.code);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('message ids', () => {
  it('a known id compiles, a missing one is a type error', () => {
    expect(compileErrors("export const a = translate('zh', 'report.fileLevel');")).toEqual([]);
    expect(compileErrors("export const b = translate('zh', 'report.noSuchMessage');")).toEqual([2345]);
  }, 60_000);

  it('renders the tables; ids that arrive as data fall back to themselves', () => {
    expect(translate('en', 'format.row', { row: 7 })).toBe('row 7');
    expect(translate('zh', 'format.row', { row: 7 })).toBe('第7行');
    expect(translateId('zh', 'no.such.id')).toBe('no.such.id');
  });

  it('every message has the same placeholders in both languages', () => {
    const mismatched = [...allMessages()]
      .filter(([, m]) => placeholders(m.zh).join() !== placeholders(m.en).join())
      .map(([id]) => id);
    expect(mismatched).toEqual([]);
  });
});

describe('language at the edge', () => {
  it('no inline Chinese text chosen by `lang === …` in src/ (it belongs in a message table)', async () => {
    const files = await glob('src/**/*.ts', {
      cwd: root,
      ignore: ['src/i18n/messages/**', 'src/generated/**'],
    });
    const inline = /\blang\s*===\s*'(?:zh|en)'\s*\?\s*[`'"][^`'"\n]*[\u4e00-\u9fff]/g;
    const found: string[] = [];
    for (const file of files.sort()) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const m of text.matchAll(inline))
        found.push(`${file}:${text.slice(0, m.index).split('\n').length}`);
    }
    expect(found).toEqual([]);
  });

  it('the check finds an inline text', () => {
    const inline = /\blang\s*===\s*'(?:zh|en)'\s*\?\s*[`'"][^`'"\n]*[\u4e00-\u9fff]/g;
    expect("x = lang === 'zh'\n  ? '默认'\n  : 'default'".match(inline)).not.toBeNull();
    expect("x = lang === 'zh' ? i.zh : i.en".match(inline)).toBeNull();
  });
});
