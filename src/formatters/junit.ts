// JUnit XML for CI test reports: one test suite per file, one test case per entry, failures per finding.
import { XMLBuilder } from 'fast-xml-parser';
import type { FileReport, Finding, Report } from '../generated/schema-types.js';
import { aside, type Lang, translate } from '../i18n/index.js';
import { displayLocation } from './location.js';
import type { FormatContext, Formatter } from './types.js';
import { tooManyWarnings } from './visible.js';

// XML 1.0 cannot carry most control characters, even escaped; cell text from spreadsheets sometimes has them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const clean = (s: string) => s.replace(INVALID_XML, '');

type Node = Record<string, unknown>;

function findingLine(f: Finding, lang: Lang): string {
  return `${displayLocation(f, lang)}  ${translate(lang, `report.severity.${f.severity}`)}  ${f.message}  (${f.ruleId})`;
}

function caseName(entry: number, findings: Finding[], lang: Lang): string {
  const f = findings[0];
  const name = f?.entryName ?? translate(lang, 'report.unnamed');
  const code = f?.resourceCode ? aside(f.resourceCode, lang) : '';
  return translate(lang, 'report.entryHeading', { number: entry + 1, name, code });
}

function suite(file: FileReport, ctx: FormatContext, warningsFail: boolean): Node {
  const name = clean(file.path);
  if (file.error) {
    return {
      '@_name': name,
      '@_tests': 1,
      '@_failures': 0,
      '@_errors': 1,
      '@_skipped': 0,
      testcase: [
        {
          '@_name': translate(ctx.lang, 'report.fileError'),
          '@_classname': name,
          error: {
            '@_message': clean(file.error.message),
            '@_type': file.error.code,
            '#text': clean(file.error.message),
          },
        },
      ],
    };
  }
  const byEntry = new Map<number, Finding[]>();
  const fileLevel: Finding[] = [];
  for (const f of file.findings) {
    if (f.entry === null) fileLevel.push(f);
    else {
      const list = byEntry.get(f.entry) ?? [];
      list.push(f);
      byEntry.set(f.entry, list);
    }
  }
  const cases: Node[] = [];
  let failures = 0;
  const addCase = (name: string, findings: Finding[]) => {
    const failing = findings.filter(
      (f) => f.severity === 'error' || (warningsFail && f.severity === 'warning'),
    );
    const c: Node = { '@_name': clean(name), '@_classname': name === file.path ? name : clean(file.path) };
    if (failing.length > 0) {
      failures++;
      c.failure = {
        '@_message': clean(`${failing.length} × ${failing[0]!.ruleId}: ${failing[0]!.message}`),
        '@_type': failing[0]!.ruleId,
        '#text': clean(failing.map((f) => findingLine(f, ctx.lang)).join('\n')),
      };
    }
    const notes = findings.filter((f) => !failing.includes(f));
    if (notes.length > 0) c['system-out'] = clean(notes.map((f) => findingLine(f, ctx.lang)).join('\n'));
    cases.push(c);
  };
  if (fileLevel.length > 0) addCase(translate(ctx.lang, 'report.fileLevel'), fileLevel);
  for (let i = 0; i < file.entries; i++) {
    const findings = byEntry.get(i) ?? [];
    addCase(
      findings.length > 0
        ? caseName(i, findings, ctx.lang)
        : translate(ctx.lang, 'report.entryHeading', { number: i + 1, name: '', code: '' }).trim(),
      findings,
    );
  }
  return {
    '@_name': name,
    '@_tests': cases.length,
    '@_failures': failures,
    '@_errors': 0,
    '@_skipped': 0,
    testcase: cases,
  };
}

export const junit: Formatter = (report: Report, ctx) => {
  const warningsFail = tooManyWarnings(report, ctx);
  const suites = report.files.map((f) => suite(f, ctx, warningsFail));
  const sum = (k: string) => suites.reduce((n, s) => n + (s[k] as number), 0);
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    indentBy: '  ',
    suppressEmptyNode: true,
  });
  const xml = builder.build({
    testsuites: {
      '@_name': 'govcat',
      '@_tests': sum('@_tests'),
      '@_failures': sum('@_failures'),
      '@_errors': sum('@_errors'),
      testsuite: suites,
    },
  }) as string;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`;
};
