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

/** Compiles files together (their texts optionally edited) and returns the diagnostics as "file:line:code". */
function compile(files: string[], edit?: (text: string) => string): string[] {
  const options = projectOptions();
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => {
    const text = readFile(name);
    return edit && text !== undefined && files.includes(name) ? edit(text) : text;
  };
  const program = ts.createProgram(files, options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file
      ? `${d.file.fileName.slice(root.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
      : '';
    return `${where}:TS${d.code}`;
  });
}

/** Files compiled, not run: each `@ts-expect-error` marks a line that must fail to compile. */
const CASES: Record<string, number> = {
  // Rule message ids are typed: an id a rule does not declare fails to compile.
  'rule-message-ids.ts': 5,
  // The worker protocol's options are derived from the library's and stay plain data.
  'worker-options.ts': 2,
};

describe('type-level contracts (test/typecheck/, compiled with the options of tsconfig.json)', () => {
  const files = Object.keys(CASES).map((name) => join(root, 'test', 'typecheck', name));
  /** The 1-based lines after each `// @ts-expect-error`, as "file:line". */
  const marked = files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) =>
        /^\s*\/\/ @ts-expect-error /.test(line) ? [`${file.slice(root.length + 1)}:${i + 2}`] : [],
      ),
  );

  it('compiles: every @ts-expect-error is needed', () => {
    for (const [name, expectations] of Object.entries(CASES))
      expect(marked.filter((m) => m.includes(`/${name}:`)).length, name).toBe(expectations);
    expect(compile(files)).toEqual([]);
  }, 60_000);

  it('without the expectations, each marked line, and only those, fails to compile', () => {
    const errors = compile(files, (t) => t.replaceAll('// @ts-expect-error ', '// expected: '));
    const lines = [...new Set(errors.map((e) => e.split(':').slice(0, 2).join(':')))];
    expect(lines).toEqual(marked);
  }, 60_000);
});
