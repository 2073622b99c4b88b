// The committed generated types must equal what `npm run gen:types` produces from the schemas; the type-level
// contracts (rule message ids) hold when compiled with the project's compiler options.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { generate } from '../scripts/gen-types.mjs';

const root = join(import.meta.dirname, '..');

it('src/generated/schema-types.ts is up to date with schemas/ (run npm run gen:types)', async () => {
  const committed = readFileSync(join(root, 'src', 'generated', 'schema-types.ts'), 'utf8');
  expect(await generate()).toBe(committed);
}, 60_000);

/** The compiler options of tsconfig.json (what `tsc -p tsconfig.json` uses). */
function projectOptions(): ts.CompilerOptions {
  const file = join(root, 'tsconfig.json');
  const config = ts.readConfigFile(file, ts.sys.readFile);
  return { ...ts.parseJsonConfigFileContent(config.config, ts.sys, root).options, noEmit: true };
}

/** Compiles one file (its text optionally replaced) and returns its diagnostics as "line:code" strings. */
function compile(file: string, edit?: (text: string) => string): string[] {
  const options = projectOptions();
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => {
    const text = readFile(name);
    return edit && text !== undefined && name === file ? edit(text) : text;
  };
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file
      ? `${d.file.fileName.slice(root.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
      : '';
    return `${where}:TS${d.code}`;
  });
}

describe('rule message ids are typed', () => {
  const file = join(root, 'test', 'typecheck', 'rule-message-ids.ts');
  const text = readFileSync(file, 'utf8');
  const expected = text
    .split('\n')
    .flatMap((line, i) => (/^\s*\/\/ @ts-expect-error /.test(line) ? [i + 2] : []));

  it('compiles: every @ts-expect-error in test/typecheck/rule-message-ids.ts is needed', () => {
    expect(expected.length).toBe(5);
    expect(compile(file)).toEqual([]);
  }, 60_000);

  it('without the expectations, each marked line fails to compile (an unknown id is a type error)', () => {
    const errors = compile(file, (t) => t.replaceAll('// @ts-expect-error ', '// expected: '));
    const lines = [...new Set(errors.map((e) => Number(e.split(':')[1])))];
    expect(lines).toEqual(expected);
    for (const e of errors) expect(e.startsWith('test/typecheck/rule-message-ids.ts:')).toBe(true);
  }, 60_000);
});
