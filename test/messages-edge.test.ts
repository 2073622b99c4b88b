// Language at the edge: message ids are typed (a missing id does not compile), no inline `lang === 'zh' ? '…'`
// text bypasses the message tables, and the core (model, rules, indicators, plan, codegen, the rules in
// validators/, the readers) carries message ids and neutral texts; only the report's edge (pipeline, report,
// indicators/render), the formatters, the writers of human-facing workbooks and the adapters take a language.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { allMessages, placeholders, translate, translateId } from '../src/i18n/index.js';
import { both, list, localize, msg, msgOf, renderText } from '../src/i18n/text.js';

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

  it('renders the tables; an id that arrives as data and names no message throws instead of showing', () => {
    expect(translate('en', 'format.row', { row: 7 })).toBe('row 7');
    expect(translate('zh', 'format.row', { row: 7 })).toBe('第7行');
    expect(() => translateId('zh', 'no.such.id')).toThrow(/unknown message id no\.such\.id/);
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

/** The language-neutral core. */
const CORE = [
  'src/io/readers/**/*.ts',
  'src/schema/**/*.ts',
  'src/seeds/**/*.ts',
  'src/model/**/*.ts',
  'src/rules/**/*.ts',
  'src/indicators/**/*.ts',
  'src/plan/plan.ts',
  'src/codegen/**/*.ts',
  'src/diff/diff.ts',
  'src/compile.ts',
  'validators/**/*.ts',
];
/** Where the core's texts are rendered: the indicator stage's edge (the pipeline calls it as it builds reports). */
const EDGE = ['src/indicators/render.ts'];

/**
 * Core modules that still take a language (a `lang` parameter, field or property read), still to convert to
 * message ids and neutral data rendered at the edge. Empty since the rules, the engine and the schema check
 * became language-neutral; it may not grow.
 */
const STILL_TAKE_LANG: string[] = [];

/** Whether a node sits in a `render(lang)` method (typed errors carry an id and data and render at the edge). */
function inRenderMethod(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n; n = n.parent)
    if (ts.isMethodDeclaration(n) && n.name.getText() === 'render') return true;
  return false;
}

/** Whether a module takes a language: an identifier `lang` or the type `Lang` outside imports and render methods. */
function takesLang(file: string): boolean {
  const text = readFileSync(join(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  let found = false;
  const visit = (node: ts.Node) => {
    if (found || ts.isImportDeclaration(node)) return;
    if (ts.isIdentifier(node) && (node.text === 'lang' || node.text === 'Lang') && !inRenderMethod(node)) {
      found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the core is language-neutral', () => {
  it('no core module takes a language, except those listed to convert', async () => {
    const files = (await glob(CORE, { cwd: root, ignore: EDGE })).sort();
    expect(files.length).toBeGreaterThan(50);
    const taking = files.filter(takesLang);
    expect(taking.filter((f) => !STILL_TAKE_LANG.includes(f))).toEqual([]);
    // A converted module leaves the list.
    expect(STILL_TAKE_LANG.filter((f) => !taking.includes(f))).toEqual([]);
  });

  it('the indicator stage (rates, input rates, score, apply) is language-neutral', async () => {
    const files = await glob('src/indicators/*.ts', { cwd: root, ignore: EDGE });
    expect(files.filter(takesLang)).toEqual([]);
  });

  it('renders neutral texts in either language, and refuses an unknown id instead of showing it', () => {
    const text = msg('score.reason.noKind', {
      kinds: list([msg('score.kind.shared'), msg('score.kind.open')]),
    });
    expect(renderText(text, 'zh')).toBe(
      translateId('zh', 'score.reason.noKind', {
        kinds: `${translateId('zh', 'score.kind.shared')}、${translateId('zh', 'score.kind.open')}`,
      }),
    );
    expect(renderText(text, 'en')).toContain(', ');
    expect(renderText(both('甲', 'A'), 'en')).toBe('A');
    expect(() => msgOf('rate.no-such-rate')).toThrow(/unknown message id rate\.no-such-rate/);
  });

  it('localize keeps keys in order and renders texts at any depth', () => {
    const neutral = { a: 1, label: both('乙', 'B'), nested: [{ reason: msg('score.reason.empty'), z: 'x' }] };
    const zh = localize<{ a: number; label: string; nested: { reason: string; z: string }[] }>(neutral, 'zh');
    expect(JSON.stringify(zh)).toBe(
      JSON.stringify({
        a: 1,
        label: '乙',
        nested: [{ reason: translateId('zh', 'score.reason.empty'), z: 'x' }],
      }),
    );
  });
});
