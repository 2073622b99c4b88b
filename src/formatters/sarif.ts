// SARIF 2.1.0 for code scanning: rules with help text, results located by file + region, sheet!cell in properties.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type * as Sarif from 'sarif';
import type { Finding, Report } from '../generated/schema-types.js';
import { type Lang, labelled, translate } from '../i18n/index.js';
import { displayLocation } from './location.js';
import { ruleInfos } from './rule-info.js';
import type { Formatter } from './types.js';
import { tooManyWarnings } from './visible.js';

const LEVEL: Record<Finding['severity'], Sarif.Result.level> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/** A relative file path as a URI reference: forward slashes, each segment percent-encoded. */
export function fileUri(path: string): string {
  const p = path.replace(/\\/g, '/');
  const absolute = p.startsWith('/');
  const encoded = p
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
  return absolute ? `file://${encoded}` : encoded;
}

/** Column letters → 1-based number (A → 1, AA → 27). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function fingerprint(file: string, f: Finding): string {
  const key = [
    f.ruleId,
    file,
    f.resourceCode ?? `#${f.entry ?? '-'}`,
    f.location.field ?? '',
    f.messageId ?? '',
  ].join('\u0000');
  return bytesToHex(sha256(new TextEncoder().encode(key))).slice(0, 32);
}

/** The rule descriptors: every known rule, and any rule a finding names, sorted by id. */
function ruleDescriptors(
  report: Report,
  lang: Lang,
): { rules: Sarif.ReportingDescriptor[]; index: Map<string, number> } {
  const infos = ruleInfos();
  const used = new Set<string>();
  for (const file of report.files) for (const f of file.findings) used.add(f.ruleId);
  const ids = [...new Set([...infos.keys(), ...used])].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const rules: Sarif.ReportingDescriptor[] = ids.map((id) => {
    const info = infos.get(id);
    const title = info ? info.title[lang] : id;
    const basis = info?.basis ?? '';
    const help = translate(lang, 'format.sarifHelp', { title, basis });
    return {
      id,
      name: id.replace(/(^|[/-])([a-z])/g, (_m, _s, c: string) => c.toUpperCase()),
      shortDescription: { text: title },
      fullDescription: { text: help },
      help: {
        text: info?.docs ? `${help}\n${info.docs}` : help,
        markdown: `**${title}**\n\n${translate(lang, 'format.basis')}: ${basis}${info?.docs ? `\n\n[${info.docs}](${info.docs})` : ''}`,
      },
      defaultConfiguration: { level: LEVEL[info?.defaultSeverity ?? 'error'] },
      properties: { category: info?.category ?? 'metadata', tags: ['govcat', info?.category ?? 'metadata'] },
    };
  });
  return { rules, index };
}

/** One finding as a SARIF result: located by file and row/column, the sheet, cell and entry in its properties. */
function findingResult(
  f: Finding,
  path: string,
  fileIndex: number,
  ruleIndex: Map<string, number>,
  lang: Lang,
): Sarif.Result {
  const where = displayLocation(f, lang);
  // Code scanning needs a line; spreadsheets give the Excel row, JSON sources point at the file start.
  const region: Sarif.Region = { startLine: f.location.row ?? 1 };
  if (f.location.column) region.startColumn = columnNumber(f.location.column);
  const properties: Sarif.PropertyBag = { category: f.category, severity: f.severity };
  for (const key of ['sheet', 'cell', 'field'] as const)
    if (f.location[key]) properties[key] = f.location[key];
  if (f.entry !== null) properties.entry = f.entry + 1;
  if (f.entryName) properties.entryName = f.entryName;
  if (f.resourceCode) properties.resourceCode = f.resourceCode;
  if (f.messageId) properties.messageId = f.messageId;
  const logical: Sarif.LogicalLocation = { fullyQualifiedName: where, kind: 'element' };
  if (f.resourceCode ?? f.entryName) logical.name = (f.resourceCode ?? f.entryName)!;
  const result: Sarif.Result = {
    ruleId: f.ruleId,
    ruleIndex: ruleIndex.get(f.ruleId)!,
    level: LEVEL[f.severity],
    message: { text: labelled(where, f.message, lang) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: fileUri(path), uriBaseId: '%SRCROOT%', index: fileIndex },
          region,
        },
        logicalLocations: [logical],
      },
    ],
    partialFingerprints: { 'govcatFinding/v1': fingerprint(path, f) },
    properties,
  };
  if (f.baseline) result.baselineState = f.baseline === 'new' ? 'new' : 'unchanged';
  return result;
}

/** The notification of a file that could not be read. */
function unreadableNotification(
  path: string,
  error: NonNullable<Report['files'][number]['error']>,
  fileIndex: number,
): Sarif.Notification {
  return {
    level: 'error',
    message: { text: `${path}: ${error.message}` },
    descriptor: { id: error.code },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: fileUri(path), uriBaseId: '%SRCROOT%', index: fileIndex },
        },
      },
    ],
  };
}

export const sarif: Formatter = (report: Report, ctx) => {
  const { rules, index } = ruleDescriptors(report, ctx.lang);
  const results: Sarif.Result[] = [];
  const artifacts: Sarif.Artifact[] = [];
  const notifications: Sarif.Notification[] = [];
  report.files.forEach((file, fileIndex) => {
    artifacts.push({
      location: { uri: fileUri(file.path), uriBaseId: '%SRCROOT%' },
      roles: ['analysisTarget'],
    });
    if (file.error) notifications.push(unreadableNotification(file.path, file.error, fileIndex));
    else for (const f of file.findings) results.push(findingResult(f, file.path, fileIndex, index, ctx.lang));
  });
  if (tooManyWarnings(report, ctx)) {
    notifications.push({
      level: 'error',
      message: {
        text: translate(ctx.lang, 'report.tooManyWarnings', {
          warnings: report.summary.warnings,
          max: ctx.maxWarnings,
        }),
      },
      descriptor: { id: 'max-warnings' },
    });
  }
  const invocation: Sarif.Invocation = {
    executionSuccessful: !report.files.some((f) => f.error),
    toolExecutionNotifications: notifications,
  };
  const runProperties: Sarif.PropertyBag = { summary: report.summary };
  if (report.rates) runProperties.rates = report.rates;
  if (report.score) runProperties.score = report.score;
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'govcat',
            version: report.tool?.version ?? '0.0.0',
            semanticVersion: report.tool?.version ?? '0.0.0',
            language: translate(ctx.lang, 'format.sarifLanguage'),
            rules,
          },
        },
        invocations: [invocation],
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'the directory govcat ran in' } } },
        artifacts,
        results,
        columnKind: 'unicodeCodePoints',
        properties: runProperties,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
