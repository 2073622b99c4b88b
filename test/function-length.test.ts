// No function in src/ runs over 80 lines unless a `long-function: <reason>` comment right above it says why, or it
// is one of the listed ones still to split (a list that may only shrink).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const MAX_LINES = 80;

/** Functions over the limit that are still to be split into named parts (file and name); the list only shrinks. */
const TO_SPLIT: string[] = [];

/** The statement or member a function is written as (its comments sit above that). */
function holder(node: ts.Node): ts.Node {
  let n = node;
  while (
    n.parent &&
    !ts.isSourceFile(n.parent) &&
    !ts.isBlock(n.parent) &&
    !ts.isClassLike(n.parent) &&
    !ts.isObjectLiteralExpression(n.parent) &&
    !ts.isCallExpression(n.parent)
  )
    n = n.parent;
  return n;
}

function hasReason(node: ts.Node, text: string): boolean {
  for (const n of [node, holder(node)]) {
    const ranges = ts.getLeadingCommentRanges(text, n.getFullStart()) ?? [];
    if (ranges.some((r) => /long-function: \S/.test(text.slice(r.pos, r.end)))) return true;
  }
  return false;
}

/** Functions over the limit without a reason: `file:line name (n lines)`. */
function longFunctions(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const last = source.getLineAndCharacterOfPosition(node.end).line;
      const lines = last - first + 1;
      if (lines > MAX_LINES && !hasReason(node, text)) {
        const named =
          ts.getNameOfDeclaration(node as ts.Declaration) ??
          ts.getNameOfDeclaration(node.parent as ts.Declaration);
        const name = named?.getText(source) ?? '(anonymous)';
        out.push(`${file} ${name}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('function length', () => {
  it('finds a long function and accepts one with a reason', () => {
    const body = Array.from({ length: MAX_LINES }, (_, i) => `  const v${i} = ${i};`).join('\n');
    expect(longFunctions('a.ts', `function big() {\n${body}\n}\n`)).toEqual(['a.ts big']);
    expect(longFunctions('a.ts', `// long-function: one table\nfunction big() {\n${body}\n}\n`)).toEqual([]);
    expect(longFunctions('a.ts', `const big = () => {\n${body}\n};\n`)).toEqual(['a.ts big']);
    const short = Array.from({ length: MAX_LINES - 2 }, (_, i) => `  const v${i} = ${i};`).join('\n');
    expect(longFunctions('a.ts', `function fits() {\n${short}\n}\n`)).toEqual([]);
  });

  it(`no function in src/ is over ${MAX_LINES} lines without a reason, except those listed to split`, async () => {
    const files = await glob('src/**/*.ts', { cwd: root, ignore: ['src/generated/**'] });
    const found = files.sort().flatMap((f) => longFunctions(f, readFileSync(join(root, f), 'utf8')));
    expect(found.filter((f) => !TO_SPLIT.includes(f))).toEqual([]);
    // A function split since: take it off the list.
    expect(TO_SPLIT.filter((f) => !found.includes(f))).toEqual([]);
  });
});
