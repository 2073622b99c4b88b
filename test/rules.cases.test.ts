// The shared rule-case runner: executes validators/<id>/cases.json for every registered rule.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GovcatConfig } from '../src/generated/schema-types.js';
import type { Lang } from '../src/i18n/index.js';
import type { CatalogKind, Normalization, ParsedCatalog, ReaderNotice } from '../src/model/types.js';
import { toFinding } from '../src/report.js';
import { registryRules } from '../src/rules/registry.js';
import type { AnyRule } from '../src/rules/types.js';
import { createSession, validateParsed } from '../src/validate.js';
import { baseEntry, merge } from './helpers/catalog.js';

interface ExpectedError {
  messageId: string;
  entry?: number | null;
  field?: string;
  data?: Record<string, string | number>;
  fix?: { field?: string; to: unknown };
}
interface Case {
  name: string;
  entry?: Record<string, unknown>;
  entries?: Record<string, unknown>[];
  /** Notices a reader would have produced (for rules that report reader findings). */
  notices?: ReaderNotice[];
  kind?: CatalogKind;
  options?: Record<string, unknown>;
  config?: GovcatConfig;
  today?: string;
  errors?: ExpectedError[];
}
interface CaseFile {
  kind?: CatalogKind;
  today?: string;
  config?: GovcatConfig;
  valid: Case[];
  invalid: Case[];
}

const root = join(import.meta.dirname, '..');

function toParsed(c: Case, file: CaseFile): ParsedCatalog {
  const kind = c.kind ?? file.kind ?? 'shared';
  const patches = c.entries ?? [c.entry ?? {}];
  return {
    file: 'cases.json',
    format: 'json',
    kind,
    kindSource: 'option',
    entries: patches.map((patch, index) => {
      const { $normalizations, ...rest } = patch as { $normalizations?: Normalization[] };
      return {
        index,
        data: merge(baseEntry(kind), rest),
        locations: new Map([['', { sheet: '目录', row: index + 3 }]]),
        normalizations: $normalizations ?? [],
      };
    }),
    notices: c.notices ?? [],
  };
}

function run(rule: AnyRule, c: Case, file: CaseFile, lang: Lang) {
  const severity = rule.meta.defaultSeverity;
  const config: GovcatConfig = {
    ...(file.config ?? {}),
    ...(c.config ?? {}),
    rules: { [rule.meta.id]: c.options ? [severity, c.options] : severity },
  };
  const session = createSession({
    rules: [rule],
    config,
    lang,
    today: c.today ?? file.today ?? '2021-11-23',
  });
  return validateParsed(toParsed(c, file), session).diagnostics.filter((d) => d.ruleId === rule.meta.id);
}

for (const rule of registryRules()) {
  const path = join(root, 'validators', rule.meta.id, 'cases.json');
  describe(rule.meta.id, () => {
    it('has cases.json with valid and invalid cases', () => {
      expect(existsSync(path)).toBe(true);
      const file = JSON.parse(readFileSync(path, 'utf8')) as CaseFile;
      expect(file.valid.length).toBeGreaterThan(0);
      expect(file.invalid.length).toBeGreaterThan(0);
    });
    if (!existsSync(path)) return;
    const file = JSON.parse(readFileSync(path, 'utf8')) as CaseFile;
    for (const c of file.valid) {
      it(`valid: ${c.name}`, () => {
        expect(
          run(rule, c, file, 'zh').map((d) => [d.entry, d.messageId, toFinding(d, 'zh').message]),
        ).toEqual([]);
      });
    }
    for (const c of file.invalid) {
      it(`invalid: ${c.name}`, () => {
        const found = run(rule, c, file, 'zh');
        const key = (e: { entry?: number | null; field?: string; messageId: string }) =>
          JSON.stringify([e.entry ?? 0, e.field ?? '', e.messageId]);
        const actual = found
          .map((d) => key({ entry: d.entry, field: fieldPointer(d.location.field), messageId: d.messageId }))
          .sort();
        const expected = (c.errors ?? [])
          .map((e) => key({ ...e, entry: e.entry === undefined ? 0 : e.entry }))
          .sort();
        expect(actual).toEqual(expected);
        for (const e of c.errors ?? []) {
          const d = found.find(
            (x) =>
              x.messageId === e.messageId &&
              x.entry === (e.entry === undefined ? 0 : e.entry) &&
              (e.field === undefined || fieldPointer(x.location.field) === e.field),
          );
          // Cases give data as the Chinese report shows it.
          if (e.data) expect(d && toFinding(d, 'zh').data).toMatchObject(e.data);
          if (e.fix) expect(d?.fix).toMatchObject(e.fix);
        }
        for (const d of found) {
          expect(toFinding(d, 'zh').message).not.toMatch(/\{\{/);
          expect(d.category).toBe(rule.meta.category);
        }
        // The same findings render in English too, without leftover placeholders.
        for (const d of run(rule, c, file, 'en')) expect(toFinding(d, 'en').message).not.toMatch(/\{\{/);
      });
    }
  });
}

/** items[2].type → /items/2/type (the cases name fields by pointer). */
function fieldPointer(path: string | undefined): string {
  if (!path) return '';
  return `/${path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .join('/')}`;
}
