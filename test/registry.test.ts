// Keeps rule folders, the registry, docs, presets, messages and the README rule table in parity.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { rulesMarkdown } from '../src/cli/commands/rules.js';
import { placeholders } from '../src/i18n/index.js';
import { registryRules } from '../src/rules/registry.js';
import { SCHEMA_RULES } from '../src/rules/schema-check.js';
import { compileSchema } from '../src/schema/ajv.js';
import { loadSeeds } from '../src/seeds/index.js';
import { presets } from '../validators/presets.js';

const root = join(import.meta.dirname, '..');
const validatorsDir = join(root, 'validators');
const CATEGORIES = ['naming', 'metadata', 'completeness', 'classification', 'code', 'field', 'dataset'];
/** The source documents rules cite (the guide, the indicators, the work plan …). */
const SEED_FILES = [
  '000_828fab9d00fd14b0.txt',
  '001_3b6ff615b0b25898.txt',
  '002_ff8f7ac047c85c93.txt',
  '003_a94f68a5400e08ea.txt',
  '004_f07732752052f62b.txt',
];

/** The string literals a source gives as a `messageId` (property values, including both arms of a condition). */
function reportedMessageIds(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const literals = (node: ts.Node) => {
    if (ts.isStringLiteral(node)) out.push(node.text);
    else if (ts.isConditionalExpression(node)) {
      literals(node.whenTrue);
      literals(node.whenFalse);
    } else if (ts.isParenthesizedExpression(node)) literals(node.expression);
  };
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAssignment(node) && node.name.getText(source) === 'messageId')
      literals(node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function ruleFolders(): string[] {
  const out: string[] = [];
  for (const category of readdirSync(validatorsDir)) {
    const dir = join(validatorsDir, category);
    if (!statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir)) {
      if (statSync(join(dir, name)).isDirectory()) out.push(`${category}/${name}`);
    }
  }
  return out.sort();
}

describe('rule registry', () => {
  const rules = registryRules();
  const seeds = loadSeeds();
  const ids = rules.map((r) => r.meta.id);

  it('registers exactly the folders under validators/, sorted, without duplicates', () => {
    expect(ids).toEqual(ruleFolders());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => a.localeCompare(b))).toEqual(ids);
  });

  for (const rule of rules) {
    const { meta } = rule;
    describe(meta.id, () => {
      it('has an id prefixed by its category and a known scope and severity', () => {
        expect(CATEGORIES).toContain(meta.category);
        expect(meta.id.startsWith(`${meta.category}/`)).toBe(true);
        expect(meta.id).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
        expect(['entry', 'item', 'catalog']).toContain(meta.scope);
        expect(['error', 'warning', 'info']).toContain(meta.defaultSeverity);
      });

      it('cites a seed document or the spec in its basis', () => {
        expect(
          SEED_FILES.some((f) => meta.docs.basis.includes(f)) || /spec §|GB \d+/.test(meta.docs.basis),
        ).toBe(true);
        expect(meta.docs.title.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(meta.docs.title.en).not.toMatch(/[\u4e00-\u9fff]/);
      });

      it('reports only message ids it has (a missing id fails here, not at run time)', () => {
        const reported = reportedMessageIds(join(validatorsDir, meta.id, 'rule.ts'));
        expect(reported.filter((id) => !(id in meta.messages))).toEqual([]);
      });

      it('has messages in both languages with the same placeholders', () => {
        expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
        for (const [id, m] of Object.entries(meta.messages)) {
          expect(placeholders(m.zh), `${meta.id}.${id}`).toEqual(placeholders(m.en));
          expect(m.zh, `${meta.id}.${id} zh`).toMatch(/[\u4e00-\u9fff]/);
          expect(m.en, `${meta.id}.${id} en has no Chinese template text`).not.toMatch(/[\u4e00-\u9fff]/);
        }
      });

      it('has a README whose heading is the id and which cites the basis', () => {
        const readme = join(validatorsDir, meta.id, 'README.md');
        expect(existsSync(readme)).toBe(true);
        const text = readFileSync(readme, 'utf8');
        expect(text.split('\n')[0]).toBe(`# ${meta.id}`);
        expect(text).toContain(meta.docs.title.zh);
        const seed = SEED_FILES.find((f) => meta.docs.basis.includes(f));
        if (seed) expect(text).toContain(seed);
      });

      it('has complete, valid default options: its own and its thresholds in seeds/rules/options.json', () => {
        const fromSeeds = seeds.ruleOptions.get(meta.id);
        if (!meta.options) {
          expect(fromSeeds).toBeUndefined();
          return;
        }
        const validate = compileSchema(meta.options);
        const defaults = { ...(meta.defaultOptions ?? {}), ...(fromSeeds ?? {}) };
        expect(validate(defaults), JSON.stringify(validate.errors)).toBe(true);
        // The rule's README states every default as it is in the seeds, so docs cannot drift from data.
        const text = readFileSync(join(validatorsDir, meta.id, 'README.md'), 'utf8');
        for (const [key, value] of Object.entries(defaults)) {
          expect(text, `${meta.id} README names option ${key}`).toContain(`\`${key}\``);
          const shown = typeof value === 'string' ? `\`${value}\`` : String(value);
          expect(text, `${meta.id} README states the default of ${key}`).toContain(`默认 ${shown}`);
        }
      });

      it('appears in every preset', () => {
        for (const preset of Object.values(presets)) expect(preset[meta.id]).toBeDefined();
      });
    });
  }

  it('seeds/rules/options.json only names registered rules', () => {
    for (const id of seeds.ruleOptions.keys()) expect(ids).toContain(id);
  });

  it('schema pseudo-rules do not collide with rule ids', () => {
    for (const s of SCHEMA_RULES) expect(ids).not.toContain(s.id);
  });

  it('README lists every rule (generated by `npm run docs`)', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const start = readme.indexOf('<!-- rules:start -->');
    const end = readme.indexOf('<!-- rules:end -->');
    expect(start).toBeGreaterThan(0);
    expect(readme.slice(start + '<!-- rules:start -->'.length, end).trim()).toBe(rulesMarkdown().trim());
  });
});
