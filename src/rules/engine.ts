// The rule engine: runs the schema check and every active rule's hooks over a parsed catalog, in one pass.
import type { Severity } from '../generated/schema-types.js';
import { type Bilingual, messageOf } from '../i18n/index.js';
import type { TextArg } from '../i18n/text.js';
import { fieldLabelText, pointerToPath } from '../model/fields.js';
import type { ItemData, ParsedCatalog, ParsedEntry, SourceLocation } from '../model/types.js';
import type { Seeds } from '../seeds/index.js';
import type { RuleSet } from './ruleset.js';
import { checkEntrySchema } from './schema-check.js';
import type {
  AnyRule,
  Diagnostic,
  DiagnosticLocation,
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

/** The view a rule sees of one parsed entry: a class, so its locate() is one function for all entries. */
class ParsedEntryView implements EntryView {
  readonly index: number;
  readonly data: ParsedEntry['data'];
  readonly normalizations: ParsedEntry['normalizations'];
  readonly code: string | undefined;
  readonly name: string | undefined;
  readonly #locations: ParsedEntry['locations'];

  constructor(entry: ParsedEntry) {
    this.index = entry.index;
    this.data = entry.data;
    this.normalizations = entry.normalizations;
    this.code = trimmed(entry.data?.code);
    this.name = trimmed(entry.data?.name);
    this.#locations = entry.locations;
  }

  locate(field = ''): SourceLocation | undefined {
    let pointer = field;
    for (;;) {
      const hit = this.#locations.get(pointer);
      if (hit) return hit;
      if (pointer === '') return undefined;
      pointer = parentPointer(pointer);
    }
  }
}

/** Builds the view a rule sees of one parsed entry. */
export function makeEntryView(entry: ParsedEntry): EntryView {
  return new ParsedEntryView(entry);
}

function locationFor(
  file: string,
  view: EntryView | undefined,
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
  current: { view?: EntryView };
  // The hooks again as plain fields of one shape: hook objects differ per rule, and reading them per
  // entry would go through a megamorphic lookup.
  entry: RuleHooks['entry'];
  item: RuleHooks['item'];
}

/**
 * One run of the engine over a catalog, in the order it happens: the schema check per entry, the rules
 * (start → entry/item per entry → end), the reader notices; then the schema findings rules did not replace.
 */
class EngineRun {
  private readonly views: EntryView[];
  private readonly out: Diagnostic[] = [];
  /** Schema findings with their field pointer, kept apart until rules may have replaced some of them. */
  private readonly schemaFindings: { d: Diagnostic; pointer: string }[] = [];
  /** Fields per entry whose schema findings a rule replaced. */
  private readonly replaced = new Map<number, string[]>();

  constructor(private readonly input: EngineInput) {
    this.views = input.catalog.entries.map(makeEntryView);
  }

  run(): Diagnostic[] {
    this.checkSchema();
    this.runRules(this.startRules());
    this.reportNotices();
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
    view: EntryView | undefined,
    field: string | undefined,
    explicit?: SourceLocation,
    fix?: Diagnostic['fix'],
  ): void {
    const { catalog } = this.input;
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
      location: locationFor(catalog.file, view, field, explicit),
    };
    if (view?.name) d.entryName = view.name;
    if (view?.code) d.resourceCode = view.code;
    if (fix) d.fix = fix;
    this.out.push(d);
  }

  /** 1. The schema check, per entry. */
  private checkSchema(): void {
    const { catalog, ruleSet } = this.input;
    for (const view of this.views) {
      for (const f of checkEntrySchema(view.data, catalog.kind, ruleSet.supersededFor(catalog.kind))) {
        const severity = ruleSet.schemaLevel(f.ruleId);
        if (severity === 'off') continue;
        this.push(f.ruleId, f.category, severity, f.messageId, messageOf(f.messageId), f.data, view, f.field);
        this.schemaFindings.push({ d: this.out.pop()!, pointer: f.field });
      }
    }
  }

  /** 2a. Creates each active rule that applies to the catalog's kind, with its context. */
  private startRules(): ActiveHooks[] {
    const { catalog, ruleSet } = this.input;
    const active: ActiveHooks[] = [];
    for (const { rule, severity, options } of ruleSet.active) {
      if (rule.meta.kinds && !rule.meta.kinds.includes(catalog.kind)) continue;
      const current: { view?: EntryView } = {};
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
    current: { view?: EntryView },
  ): RuleContext<object> {
    const { catalog, seeds, settings } = this.input;
    return {
      id: rule.meta.id,
      options,
      kind: catalog.kind,
      file: catalog.file,
      entries: this.views,
      seeds,
      settings,
      report: (descriptor: ReportDescriptor): void => this.report(rule, severity, current, descriptor),
    };
  }

  private report(
    rule: AnyRule,
    severity: Severity,
    current: { view?: EntryView },
    descriptor: ReportDescriptor,
  ): void {
    const message = rule.meta.messages[descriptor.messageId];
    if (!message) throw new Error(`rule ${rule.meta.id} reported unknown messageId ${descriptor.messageId}`);
    let view: EntryView | undefined;
    if (descriptor.entry === null) view = undefined;
    else if (descriptor.entry !== undefined) view = this.views[descriptor.entry];
    else view = current.view;
    const fix = descriptor.fix
      ? {
          field: pointerToPath(descriptor.fix.field ?? descriptor.field ?? ''),
          ...(descriptor.fix.from !== undefined ? { from: descriptor.fix.from } : {}),
          to: descriptor.fix.to,
        }
      : undefined;
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
    );
    if (descriptor.replacesSchema && view && descriptor.field !== undefined) {
      const list = this.replaced.get(view.index);
      if (list) list.push(descriptor.field);
      else this.replaced.set(view.index, [descriptor.field]);
    }
  }

  /** 2b. The rules' hooks: start, then entry and item per entry, then end. */
  private runRules(active: readonly ActiveHooks[]): void {
    for (const a of active) a.hooks.start?.();
    for (const view of this.views) {
      const items = Array.isArray(view.data.items) ? view.data.items : undefined;
      // A data item that is not an object is the schema's finding; item hooks see objects only. Asked once
      // per entry: nearly always every item is one.
      const allObjects = items?.every(isItemObject) === true;
      for (const a of active) {
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
    for (const a of active) {
      a.current.view = undefined;
      a.hooks.end?.();
    }
  }

  /** 3. Reader notices, reported under the rule that owns them. */
  private reportNotices(): void {
    const { catalog, ruleSet } = this.input;
    for (const notice of catalog.notices) {
      const owner = ruleSet.byId.get(notice.ruleId);
      // A caller may run a subset of the registry (tests, plugins): notices of rules it left out are off.
      if (!owner) continue;
      const severity = ruleSet.level(notice.ruleId);
      if (severity === 'off') continue;
      if (owner.meta.kinds && !owner.meta.kinds.includes(catalog.kind)) continue;
      const message = owner.meta.messages[notice.messageId];
      if (!message) throw new Error(`rule ${notice.ruleId} has no message ${notice.messageId}`);
      const view = notice.entry !== undefined ? this.views[notice.entry] : undefined;
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
      );
    }
  }
}

/** Runs the schema check and all active rules over one catalog; returns diagnostics in file order. */
export function runEngine(input: EngineInput): Diagnostic[] {
  return new EngineRun(input).run();
}

/** Orders diagnostics: file-level first, then by entry, row, column, rule id. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  const colNum = (c?: string) => (c ? c.split('').reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0) : 0);
  return list
    .map((d, i) => ({ d, i }))
    .sort((a, b) => {
      const ea = a.d.entry ?? -1;
      const eb = b.d.entry ?? -1;
      if (ea !== eb) return ea - eb;
      const ra = a.d.location.row ?? 0;
      const rb = b.d.location.row ?? 0;
      if (ra !== rb) return ra - rb;
      const ca = colNum(a.d.location.column);
      const cb = colNum(b.d.location.column);
      if (ca !== cb) return ca - cb;
      return a.i - b.i;
    })
    .map((x) => x.d);
}
