// The rule engine: runs the schema check and every active rule's hooks over a parsed catalog, in one pass.
import type { Severity } from '../generated/schema-types.js';
import { type Bilingual, messageOf } from '../i18n/index.js';
import type { TextArg } from '../i18n/text.js';
import { fieldLabelText, pointerToPath } from '../model/fields.js';
import type {
  CatalogKind,
  ItemData,
  LocationMap,
  ParsedCatalog,
  ParsedEntry,
  ReaderNotice,
  SourceLocation,
} from '../model/types.js';
import type { Seeds } from '../seeds/index.js';
import type { RuleSet } from './ruleset.js';
import { checkEntrySchema } from './schema-check.js';
import type {
  AnyRule,
  Diagnostic,
  DiagnosticLocation,
  EntryRef,
  EntryView,
  ReportDescriptor,
  RuleContext,
  RuleHooks,
  RuleSettings,
} from './types.js';

/** What the engine needs for one file. */
export interface EngineInput {
  catalog: ParsedCatalog;
  ruleSet: RuleSet;
  seeds: Seeds;
  settings: RuleSettings;
}

function trimmed(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

function parentPointer(pointer: string): string {
  const i = pointer.lastIndexOf('/');
  return i <= 0 ? '' : pointer.slice(0, i);
}

/** Finds a location by pointer, else by its nearest parent that has one. */
function locateIn(locations: LocationMap, field: string): SourceLocation | undefined {
  let pointer = field;
  for (;;) {
    const hit = locations.get(pointer);
    if (hit) return hit;
    if (pointer === '') return undefined;
    pointer = parentPointer(pointer);
  }
}

/**
 * What the engine keeps of an entry once its hooks ran (context.entries, findings reported at the end): its
 * index, code, name and locations — not its data, so a catalog checked as it streams keeps no entries.
 */
class PastEntry implements EntryRef {
  constructor(
    readonly index: number,
    readonly code: string | undefined,
    readonly name: string | undefined,
    private readonly locations: LocationMap,
  ) {}

  locate(field = ''): SourceLocation | undefined {
    return locateIn(this.locations, field);
  }
}

/** The view a rule sees of one parsed entry: a class, so its locate() is one function for all entries. */
class ParsedEntryView implements EntryView {
  readonly index: number;
  readonly data: ParsedEntry['data'];
  readonly normalizations: ParsedEntry['normalizations'];
  readonly code: string | undefined;
  readonly name: string | undefined;
  readonly locations: ParsedEntry['locations'];

  constructor(entry: ParsedEntry) {
    this.index = entry.index;
    this.data = entry.data;
    this.normalizations = entry.normalizations;
    this.code = trimmed(entry.data?.code);
    this.name = trimmed(entry.data?.name);
    this.locations = entry.locations;
  }

  locate(field = ''): SourceLocation | undefined {
    return locateIn(this.locations, field);
  }
}

/** Builds the view a rule sees of one parsed entry. */
export function makeEntryView(entry: ParsedEntry): EntryView {
  return new ParsedEntryView(entry);
}

function locationFor(
  file: string,
  view: EntryRef | undefined,
  field: string | undefined,
  explicit?: SourceLocation,
): DiagnosticLocation {
  const loc: DiagnosticLocation = { file };
  const source = explicit ?? view?.locate(field ?? '');
  if (source) {
    if (source.sheet !== undefined) loc.sheet = source.sheet;
    if (source.row !== undefined) loc.row = source.row;
    if (source.column !== undefined) loc.column = source.column;
    if (source.cell !== undefined) loc.cell = source.cell;
    if (source.pointer !== undefined) loc.pointer = source.pointer;
  }
  if (field) loc.field = pointerToPath(field);
  return loc;
}

/** Whether a data item is an object (item hooks see nothing else). */
function isItemObject(item: unknown): boolean {
  return item !== null && typeof item === 'object' && !Array.isArray(item);
}

/** One active rule during a run: its hooks, and the entry it is looking at (for reports without an entry). */
interface ActiveHooks {
  rule: AnyRule;
  severity: Severity;
  hooks: RuleHooks;
  current: { view?: EntryRef };
  // The hooks again as plain fields of one shape: hook objects differ per rule, and reading them per
  // entry would go through a megamorphic lookup.
  entry: RuleHooks['entry'];
  item: RuleHooks['item'];
}

/** What the engine needs for one file before its entries: its name and kind, the rules and their settings. */
export interface EngineSetup {
  file: string;
  kind: CatalogKind;
  ruleSet: RuleSet;
  seeds: Seeds;
  settings: RuleSettings;
}

/**
 * One run of the engine over a catalog, fed one entry at a time (the entries of a file as they are read, or
 * those of a parsed catalog): per entry the schema check, then each rule's entry and item hooks; at the end
 * the rules' end hooks, the reader notices, then the schema findings rules did not replace. Rules start when
 * the run is made. Once its hooks ran, an entry is kept as a PastEntry (index, code, name, locations) only.
 */
export class EngineRun {
  private readonly views: PastEntry[] = [];
  private readonly out: Diagnostic[] = [];
  /** Schema findings with their field pointer, kept apart until rules may have replaced some of them. */
  private readonly schemaFindings: { d: Diagnostic; pointer: string }[] = [];
  /** Fields per entry whose schema findings a rule replaced. */
  private readonly replaced = new Map<number, string[]>();
  private readonly active: ActiveHooks[];
  private readonly superseded: ReturnType<RuleSet['supersededFor']>;
  private finished = false;

  constructor(private readonly input: EngineSetup) {
    this.superseded = input.ruleSet.supersededFor(input.kind);
    this.active = this.startRules();
    for (const a of this.active) a.hooks.start?.();
  }

  /** Checks the next entry (entries come in file order, their indexes 0, 1, 2 …). */
  entry(entry: ParsedEntry): void {
    if (entry.index !== this.views.length) throw new Error(`engine: entry ${entry.index} out of order`);
    const view = new ParsedEntryView(entry);
    this.checkSchema(view);
    this.runHooks(view);
    this.views.push(new PastEntry(view.index, view.code, view.name, view.locations));
  }

  /** Ends the rules, reports the reader notices; returns every finding in file order. */
  finish(notices: readonly ReaderNotice[]): Diagnostic[] {
    if (this.finished) throw new Error('engine: finished twice');
    this.finished = true;
    for (const a of this.active) {
      a.current.view = undefined;
      a.hooks.end?.();
    }
    this.reportNotices(notices);
    const kept = this.schemaFindings
      .filter(({ d, pointer }) => {
        const fields = d.entry === null ? undefined : this.replaced.get(d.entry);
        return !fields?.some((f) => pointer === f || pointer.startsWith(`${f}/`));
      })
      .map((s) => s.d);
    return sortDiagnostics([...kept, ...this.out]);
  }

  private push(
    ruleId: string,
    category: Diagnostic['category'],
    severity: Severity,
    messageId: string,
    template: Bilingual,
    data: Record<string, TextArg>,
    view: EntryRef | undefined,
    field: string | undefined,
    explicit?: SourceLocation,
    fix?: Diagnostic['fix'],
  ): Diagnostic {
    const filled =
      field !== undefined && data.label === undefined ? { ...data, label: fieldLabelText(field) } : data;
    const d: Diagnostic = {
      ruleId,
      category,
      severity,
      messageId,
      template,
      data: filled,
      entry: view ? view.index : null,
      location: locationFor(this.input.file, view, field, explicit),
    };
    if (view?.name) d.entryName = view.name;
    if (view?.code) d.resourceCode = view.code;
    if (fix) d.fix = fix;
    return d;
  }

  /** The schema check of one entry. */
  private checkSchema(view: ParsedEntryView): void {
    const { kind, ruleSet } = this.input;
    for (const f of checkEntrySchema(view.data, kind, this.superseded)) {
      const severity = ruleSet.schemaLevel(f.ruleId);
      if (severity === 'off') continue;
      const d = this.push(
        f.ruleId,
        f.category,
        severity,
        f.messageId,
        messageOf(f.messageId),
        f.data,
        view,
        f.field,
      );
      this.schemaFindings.push({ d, pointer: f.field });
    }
  }

  /** Creates each active rule that applies to the catalog's kind, with its context. */
  private startRules(): ActiveHooks[] {
    const { kind, ruleSet } = this.input;
    const active: ActiveHooks[] = [];
    for (const { rule, severity, options } of ruleSet.active) {
      if (rule.meta.kinds && !rule.meta.kinds.includes(kind)) continue;
      const current: { view?: EntryRef } = {};
      const hooks = rule.create(this.context(rule, severity, options, current));
      active.push({ rule, severity, hooks, current, entry: hooks.entry, item: hooks.item });
    }
    return active;
  }

  /** The context a rule reports through. */
  private context(
    rule: AnyRule,
    severity: Severity,
    options: RuleContext<object>['options'],
    current: { view?: EntryRef },
  ): RuleContext<object> {
    const { kind, file, seeds, settings } = this.input;
    return {
      id: rule.meta.id,
      options,
      kind,
      file,
      entries: this.views,
      seeds,
      settings,
      report: (descriptor: ReportDescriptor): void => this.report(rule, severity, current, descriptor),
    };
  }

  private report(
    rule: AnyRule,
    severity: Severity,
    current: { view?: EntryRef },
    descriptor: ReportDescriptor,
  ): void {
    const message = rule.meta.messages[descriptor.messageId];
    if (!message) throw new Error(`rule ${rule.meta.id} reported unknown messageId ${descriptor.messageId}`);
    let view: EntryRef | undefined;
    if (descriptor.entry === null) view = undefined;
    else if (descriptor.entry !== undefined)
      view = current.view?.index === descriptor.entry ? current.view : this.views[descriptor.entry];
    else view = current.view;
    const fix = descriptor.fix
      ? {
          field: pointerToPath(descriptor.fix.field ?? descriptor.field ?? ''),
          ...(descriptor.fix.from !== undefined ? { from: descriptor.fix.from } : {}),
          to: descriptor.fix.to,
        }
      : undefined;
    this.out.push(
      this.push(
        rule.meta.id,
        rule.meta.category,
        severity,
        descriptor.messageId,
        message,
        descriptor.data ?? {},
        view,
        descriptor.field,
        descriptor.location,
        fix,
      ),
    );
    if (descriptor.replacesSchema && view && descriptor.field !== undefined) {
      const list = this.replaced.get(view.index);
      if (list) list.push(descriptor.field);
      else this.replaced.set(view.index, [descriptor.field]);
    }
  }

  /** The rules' entry and item hooks over one entry. */
  private runHooks(view: ParsedEntryView): void {
    const items = Array.isArray(view.data.items) ? view.data.items : undefined;
    // A data item that is not an object is the schema's finding; item hooks see objects only. Asked once
    // per entry: nearly always every item is one.
    const allObjects = items?.every(isItemObject) === true;
    for (const a of this.active) {
      a.current.view = view;
      if (a.entry !== undefined) a.entry.call(a.hooks, view);
      if (a.item === undefined || items === undefined) continue;
      if (allObjects)
        for (let i = 0; i < items.length; i++) a.item.call(a.hooks, items[i] as ItemData, i, view);
      else
        for (let i = 0; i < items.length; i++) {
          const item = items[i];
          if (isItemObject(item)) a.item.call(a.hooks, item as ItemData, i, view);
        }
    }
  }

  /** Reader notices, reported under the rule that owns them. */
  private reportNotices(notices: readonly ReaderNotice[]): void {
    const { kind, ruleSet } = this.input;
    for (const notice of notices) {
      const owner = ruleSet.byId.get(notice.ruleId);
      // A caller may run a subset of the registry (tests, plugins): notices of rules it left out are off.
      if (!owner) continue;
      const severity = ruleSet.level(notice.ruleId);
      if (severity === 'off') continue;
      if (owner.meta.kinds && !owner.meta.kinds.includes(kind)) continue;
      const message = owner.meta.messages[notice.messageId];
      if (!message) throw new Error(`rule ${notice.ruleId} has no message ${notice.messageId}`);
      const view = notice.entry !== undefined ? this.views[notice.entry] : undefined;
      this.out.push(
        this.push(
          notice.ruleId,
          owner.meta.category,
          severity,
          notice.messageId,
          message,
          notice.data,
          view,
          undefined,
          notice.location,
        ),
      );
    }
  }
}

/** Runs the schema check and all active rules over one catalog; returns diagnostics in file order. */
export function runEngine(input: EngineInput): Diagnostic[] {
  const { catalog } = input;
  const run = new EngineRun({ ...input, file: catalog.file, kind: catalog.kind });
  for (const entry of catalog.entries) run.entry(entry);
  return run.finish(catalog.notices);
}

/** The number of a column's letters (A = 1, Z = 26, AA = 27); 0 without a column. */
function columnNumber(column: string | undefined): number {
  if (!column) return 0;
  let n = 0;
  for (let i = 0; i < column.length; i++) n = n * 26 + (column.charCodeAt(i) - 64);
  return n;
}

/** Orders diagnostics: file-level first, then by entry, row, column, then as found. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  // Each key worked out once per diagnostic, not once per comparison.
  return list
    .map((d, i) => ({
      d,
      i,
      entry: d.entry ?? -1,
      row: d.location.row ?? 0,
      column: columnNumber(d.location.column),
    }))
    .sort((a, b) => a.entry - b.entry || a.row - b.row || a.column - b.column || a.i - b.i)
    .map((x) => x.d);
}
