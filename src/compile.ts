// The compile pipeline: read → safe fixes → resource codes → validate with rule fixes → write (bytes, never files).
import {
  assignCodes,
  type CodeAssignment,
  type CodegenProblem,
  type CodeSeparator,
  needsCode,
} from './codegen/codes.js';
import { applySafeFixes } from './codegen/fixes.js';
import { emptyLock, serializeLock } from './codegen/lock.js';
import { cloneData, getAt, pathToPointer, sameValue, setAt } from './codegen/pointer.js';
import { CatalogInputError } from './errors.js';
import type { AppliedFix, AssignedCode, CodeLock, Location, Report } from './generated/schema-types.js';
import { type MessageId, messageOf } from './i18n/index.js';
import { LIST_JOINER } from './io/writers/columns.js';
import { type OutputFormat, writeCatalog } from './io/writers/index.js';
import { sheetOverflow } from './io/writers/xlsx.js';
import { pointerToPath } from './model/fields.js';
import type { EntryData, Normalization, ParsedCatalog, ParsedEntry, SourceLocation } from './model/types.js';
import { assembleReport, validateParsed } from './pipeline.js';
import type { FileResult } from './report.js';
import { makeEntryView } from './rules/engine.js';
import type { Diagnostic } from './rules/types.js';
import type { Session, SessionOptions } from './session.js';

/** What compile takes besides the session's options: output and code settings (all plain data). */
export interface CompileSettings {
  /** Output format (default: the input's own format; json for catalog objects). */
  format?: OutputFormat;
  /** Assign resource codes to entries without one (default true). */
  codes?: boolean;
  /** The lock file's content (govcat.lock.json); none = start from an empty lock. */
  lock?: CodeLock;
  /** Digits of sequence numbers under a new classification prefix (default config compile.sequenceWidth, else 1). */
  sequenceWidth?: number;
  /** Most rows of an xlsx/xls output (memory budget; default 200,000). */
  maxSheetRows?: number;
  /** Name of the output, recorded in the report (files[].output). */
  outputName?: string;
}

/** Options of compileCatalog: the session's options plus output and code settings. */
export interface CompileOptions extends SessionOptions, CompileSettings {}

/** Everything compile produced. Nothing is written: the caller decides where the bytes and the lock go. */
export interface CompileResult {
  /** The compiled catalog in the output format. */
  output: Uint8Array;
  format: OutputFormat;
  /** The compiled catalog as a ParsedCatalog, with the source's locations (for annotations and rates). */
  parsed: ParsedCatalog;
  /** The validation report of the compiled catalog, with files[0].fixes and files[0].codes. */
  report: Report;
  /** Every fix applied: reader normalizations and compile's safe fixes in entry order, then rule fixes. */
  fixes: AppliedFix[];
  /** Codes given to entries that had none. */
  codes: AssignedCode[];
  /** The lock updated with every code of the catalog. */
  lock: CodeLock;
  /** Whether the lock differs from the one given. */
  lockChanged: boolean;
  /** The file result behind the report (diagnostics with their fixes). */
  result: FileResult;
}

const RULE_FIX_PASSES = 3;

function reportLocation(loc: SourceLocation | undefined, field: string): Location {
  const out: Location = {};
  if (loc?.sheet !== undefined) out.sheet = loc.sheet;
  if (loc?.row !== undefined) out.row = loc.row;
  if (loc?.column !== undefined) out.column = loc.column;
  if (loc?.cell !== undefined) out.cell = loc.cell;
  const path = pointerToPath(field);
  if (path) out.field = path;
  return out;
}

function entryName(data: EntryData): string | undefined {
  return typeof data.name === 'string' && data.name.trim() !== '' ? data.name.trim() : undefined;
}

function fixRecord(
  entry: ParsedEntry,
  change: Normalization | { field: string; kind: 'rule'; from: unknown; to: unknown },
  by: AppliedFix['by'],
  ruleId?: string,
): AppliedFix {
  const fix: AppliedFix = {
    entry: entry.index,
    field: pointerToPath(change.field),
    kind: change.kind,
    from: change.from ?? null,
    to: change.to ?? null,
    by,
    location: reportLocation(makeEntryView(entry).locate(change.field), change.field),
  };
  const name = entryName(entry.data);
  if (name) fix.entryName = name;
  if (ruleId) fix.ruleId = ruleId;
  return fix;
}

/**
 * A list read from one cell written the way the writers write lists (values joined with 、, or a single
 * value): that is the spreadsheet form of a list, not something that needed fixing.
 */
function isCellList(n: Normalization): boolean {
  return (
    n.kind === 'list' &&
    typeof n.from === 'string' &&
    Array.isArray(n.to) &&
    n.to.every((v) => typeof v === 'string') &&
    n.from === n.to.join(LIST_JOINER)
  );
}

/** Applies the rule fixes of a validation result; returns how many applied. */
function applyRuleFixes(entries: ParsedEntry[], result: FileResult, fixes: AppliedFix[]): number {
  let applied = 0;
  const touched = new Set<string>();
  for (const d of result.diagnostics) {
    if (!d.fix || d.entry === null) continue;
    const entry = entries[d.entry];
    if (!entry) continue;
    const pointer = pathToPointer(d.fix.field);
    const key = `${d.entry}:${pointer}`;
    // One fix per field and pass: a second one was computed against the old value.
    if (touched.has(key)) continue;
    const current = getAt(entry.data, pointer);
    if (d.fix.from !== undefined && !sameValue(current, d.fix.from)) continue;
    if (sameValue(current, d.fix.to)) continue;
    // Snapshots, so later changes to the entry cannot alter what the fix list says.
    const from = cloneData(current);
    if (!setAt(entry.data, pointer, cloneData(d.fix.to))) continue;
    touched.add(key);
    fixes.push(
      fixRecord(entry, { field: pointer, kind: 'rule', from, to: cloneData(d.fix.to) }, 'rule', d.ruleId),
    );
    applied++;
  }
  return applied;
}

function problemDiagnostic(problem: CodegenProblem, entry: ParsedEntry, parsed: ParsedCatalog): Diagnostic {
  const view = makeEntryView(entry);
  let messageId: MessageId;
  let data: Record<string, string | number> = {};
  let ruleId = 'compile/code-not-assigned';
  let severity: Diagnostic['severity'] = 'error';
  let field = '/classification';
  switch (problem.kind) {
    case 'missing-classification':
      messageId = 'compile.codeNoClassification';
      break;
    case 'invalid-classification':
      messageId = 'compile.codeBadClassification';
      data = { classification: problem.classification };
      break;
    case 'lock-code-taken':
      ruleId = 'compile/lock-code-taken';
      severity = 'warning';
      messageId = 'compile.lockCodeTaken';
      data = { code: problem.code, other: problem.other + 1 };
      field = '/code';
      break;
  }
  const loc = view.locate(field);
  const d: Diagnostic = {
    ruleId,
    category: 'code',
    severity,
    messageId,
    template: messageOf(messageId),
    data,
    entry: entry.index,
    location: { file: parsed.file, ...(loc ?? {}), field: pointerToPath(field) },
  };
  if (view.name) d.entryName = view.name;
  if (view.code) d.resourceCode = view.code;
  return d;
}

/**
 * Runs only the rules that propose fixes (no schema check) and applies their fixes until none is left: the
 * same fixes the final validation would apply, taken before codes are assigned from the fixed values.
 */
function applyFixableRules(parsed: ParsedCatalog, session: Session, fixes: AppliedFix[]): void {
  const active = session.ruleSet.active.filter((a) => a.rule.meta.fixable);
  if (active.length === 0) return;
  const fixing: Session = { ...session, ruleSet: { ...session.ruleSet, active, schemaLevel: () => 'off' } };
  for (let pass = 0; pass < RULE_FIX_PASSES; pass++) {
    if (applyRuleFixes(parsed.entries, validateParsed(parsed, fixing), fixes) === 0) break;
  }
}

/** The compiled catalog before serialization (what validate --fix needs). */
export type FixedCatalog = Omit<CompileResult, 'output' | 'format'>;

/** Copies of the entries with the safe fixes applied; the readers' normalizations and the fixes go to `fixes`. */
function safelyFixed(source: ParsedCatalog, session: Session, fixes: AppliedFix[]): ParsedEntry[] {
  return source.entries.map((entry) => {
    for (const n of entry.normalizations) if (!isCellList(n)) fixes.push(fixRecord(entry, n, 'reader'));
    const { data, changes } = applySafeFixes(entry.data, session.seeds);
    const fixed: ParsedEntry = { index: entry.index, data, locations: entry.locations, normalizations: [] };
    for (const c of changes) fixes.push(fixRecord(fixed, c, 'compile'));
    return fixed;
  });
}

/** A code assignment as the report lists it: where the code goes, and the entry's name. */
function assignedCode(a: CodeAssignment, entry: ParsedEntry): AssignedCode {
  const out: AssignedCode = {
    entry: a.entry,
    code: a.code,
    classification: a.classification,
    sequence: a.sequence,
    source: a.source,
    location: reportLocation(makeEntryView(entry).locate('/code'), '/code'),
  };
  const name = entryName(entry.data);
  if (name) out.entryName = name;
  return out;
}

/**
 * Applies the safe fixes and the fixes rules propose, assigns missing resource codes (spec §2) unless
 * `codes` is false, and validates the result. The ParsedCatalog given is not modified.
 */
export function fixCatalog(
  source: ParsedCatalog,
  session: Session,
  options: CompileSettings = {},
): FixedCatalog {
  const fixes: AppliedFix[] = [];
  const entries = safelyFixed(source, session, fixes);
  const parsed: ParsedCatalog = { ...source, entries, notices: source.notices };

  // Codes are made from the classification, name and provider: the fixes rules propose for them
  // (315.018.001 → 315018001) come first, so one run assigns every code it can.
  const separator = session.settings.codeSeparator as CodeSeparator;
  const lockIn = options.lock ?? emptyLock(separator);
  let assignments: CodeAssignment[] = [];
  let problems: CodegenProblem[] = [];
  let lock = lockIn;
  const placeholders = session.seeds.vocab('placeholder');
  const isPlaceholder = (text: string) => placeholders.has(text);
  if (options.codes !== false && entries.some((e) => needsCode(e.data, isPlaceholder))) {
    applyFixableRules(parsed, session, fixes);
  }
  if (options.codes !== false) {
    const codegen = assignCodes(
      entries.map((e) => e.data),
      {
        separator,
        sequenceWidth: options.sequenceWidth ?? session.config.compile?.sequenceWidth ?? 1,
        lock: lockIn,
        isPlaceholder,
      },
    );
    assignments = codegen.assignments;
    // Open catalogs carry no code by design: only an invalid classification given is worth a finding.
    problems = codegen.problems.filter(
      (p) => parsed.kind === 'shared' || p.kind !== 'missing-classification',
    );
    lock = codegen.lock;
    for (const a of assignments) setAt(entries[a.entry]!.data, '/code', a.code);
  }
  const codes = assignments.map((a) => assignedCode(a, entries[a.entry]!));

  // Then validation, applying the fixes rules propose until none is left (one pass in the common case).
  const extra = problems.map((p) => problemDiagnostic(p, entries[p.entry]!, parsed));
  let result = validateParsed(parsed, session, extra);
  for (let pass = 0; pass < RULE_FIX_PASSES; pass++) {
    if (applyRuleFixes(entries, result, fixes) === 0) break;
    result = validateParsed(parsed, session, extra);
  }
  result.report.fixes = fixes;
  if (options.codes !== false) result.report.codes = codes;
  if (options.outputName !== undefined) result.report.output = options.outputName;

  return {
    parsed,
    report: assembleReport([result]),
    fixes,
    codes,
    lock,
    lockChanged: options.codes !== false && serializeLock(lock) !== serializeLock(lockIn),
    result,
  };
}

/**
 * Compiles a parsed catalog (fixCatalog) and serializes it in the output format. Throws CatalogInputError
 * (input/limit) when the catalog does not fit one worksheet of an xlsx or xls output.
 */
export function compileParsed(
  source: ParsedCatalog,
  session: Session,
  options: CompileSettings = {},
): CompileResult {
  const fixed = fixCatalog(source, session, options);
  const format = options.format ?? source.format;
  const { parsed } = fixed;
  const catalog = {
    kind: parsed.kind,
    ...(parsed.title !== undefined ? { title: parsed.title } : {}),
    entries: parsed.entries.map((e) => e.data),
  };
  if (format === 'xlsx' || format === 'xls') {
    const overflow = sheetOverflow(catalog, format, options.maxSheetRows);
    if (overflow) {
      const data: Record<string, string | number> = { file: source.file, format, ...overflow };
      if (overflow.kind === 'cell') data.entry = overflow.entry + 1;
      throw new CatalogInputError('input/limit', `compile.sheetOverflow.${overflow.kind}`, data);
    }
  }
  return { ...fixed, output: writeCatalog(catalog, format), format };
}
