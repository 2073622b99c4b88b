// Types of the rule framework: rule modules, their context and hooks, and the Diagnostic they produce.
import type { Category, Severity } from '../generated/schema-types.js';
import type { Bilingual } from '../i18n/index.js';
import type { TextArg } from '../i18n/text.js';
import type {
  CatalogKind,
  EntryData,
  ItemData,
  Normalization,
  ParsedEntry,
  SourceLocation,
} from '../model/types.js';
import type { Seeds } from '../seeds/index.js';

export type { Category, Severity };
/** A severity a user can configure; off disables the rule. */
export type RuleLevel = Severity | 'off';
/** What a rule looks at. */
export type RuleScope = 'entry' | 'item' | 'catalog';

/** Where a finding points, as reported. `field` is the dotted path (items[2].type). */
export interface DiagnosticLocation extends SourceLocation {
  file?: string;
  field?: string;
}

/** A change that fixes a finding safely: set `field` (dotted path) from `from` to `to`. */
export interface DiagnosticFix {
  field: string;
  from?: unknown;
  to: unknown;
}

/**
 * The common currency of the pipeline: one finding about one place. Language-neutral: the message is its
 * template in both languages and its data (texts in it neutral too), rendered as the report is built.
 */
export interface Diagnostic {
  ruleId: string;
  category: Category;
  severity: Severity;
  messageId: string;
  /** The message's template in both languages (a rule's own, or one of the tables). */
  template: Bilingual;
  data: Record<string, TextArg>;
  /** 0-based index of the entry in file order, or null for file-level findings. */
  entry: number | null;
  entryName?: string;
  resourceCode?: string;
  location: DiagnosticLocation;
  fix?: DiagnosticFix;
  /** A configured suppression that matched this finding but has expired (so the finding counts again). */
  expiredSuppression?: { reason: string; expires: string };
}

/** Documentation every rule carries (kept in parity with validators/<id>/README.md by a test). */
export interface RuleDocs {
  title: Bilingual;
  /** Seed file and section the rule enforces, e.g. "004_f07732752052f62b.txt 指南附录 1 第 2 项". */
  basis: string;
  /** Whether the rule is on in the recommended preset. */
  recommended: boolean;
}

/** Schema errors a rule reports better itself: dropped from the schema check (keyword and/or field path). */
export interface SchemaMatch {
  keyword?: string;
  /** Field pattern (JSON Pointer with * for indexes); matches the field and everything below it. */
  path?: string;
}

/**
 * Static description of a rule. `MessageId` is the union of its message ids: defineRule() infers it from
 * `messages`, so reporting an id the rule does not have is a type error.
 */
export interface RuleMeta<Options extends object = Record<string, never>, MessageId extends string = string> {
  id: string;
  category: Category;
  scope: RuleScope;
  defaultSeverity: Severity;
  /** Catalog kinds the rule applies to (default both). */
  kinds?: readonly CatalogKind[];
  docs: RuleDocs;
  /** message id → { zh, en } templates with the same {{placeholders}}. */
  messages: Record<MessageId, Bilingual>;
  /** JSON Schema of the options object (validated when a config sets options). */
  options?: Record<string, unknown>;
  defaultOptions?: Options;
  supersedes?: readonly SchemaMatch[];
  /** True when the rule proposes safe fixes. */
  fixable?: boolean;
}

/**
 * What a rule can look up of any entry already checked (context.entries): its index, resource code and name
 * as read (trimmed), and where its values sit. Not its data: a catalog may be checked as it streams, its
 * entries let go once their hooks ran — a cross-entry rule keeps, in entry(), the compact keys its end needs.
 */
export interface EntryRef {
  readonly index: number;
  /** The entry's resource code and name as read (trimmed), for messages and cross-entry maps. */
  readonly code?: string | undefined;
  readonly name?: string | undefined;
  /** Location of the entry itself (its first row) and of a field by pointer. */
  locate(field?: string): SourceLocation | undefined;
}

/** A view of one entry handed to rule hooks: the entry being checked, with its data. */
export interface EntryView extends EntryRef {
  readonly data: EntryData;
  readonly normalizations: readonly Normalization[];
}

/** What a rule reports: one of its message ids and data, never prose or locations in text. */
export interface ReportDescriptor<MessageId extends string = string> {
  messageId: MessageId;
  /** The message's data: plain values, or texts not yet in a language (src/i18n/text.ts). */
  data?: Record<string, TextArg>;
  /** Entry index (defaults to the entry being visited; required in start/end). Null for file level. */
  entry?: number | null;
  /** JSON Pointer of the field inside the entry, e.g. /share/type or /items/2/fieldName. */
  field?: string;
  fix?: { field?: string; from?: unknown; to: unknown };
  /** Explicit location for file-level findings (e.g. a header cell). */
  location?: SourceLocation;
  /**
   * This finding explains the value at `field` better than the schema does (e.g. a placeholder “无” in
   * 数据资源提供方代码 is reported as empty, not as a malformed code): schema findings on that field and
   * below, for this entry, are dropped.
   */
  replacesSchema?: boolean;
}

/** Engine-wide settings that rules read (all from options or config, never from the environment). */
export interface RuleSettings {
  /** Separator between classification code and sequence number in resource codes. */
  codeSeparator: string;
  /** Today as CCYY-MM-DD (for “not in the future”). */
  today: string;
  /** Resource codes known outside this catalog. */
  externalCodes: ReadonlySet<string>;
}

/** What a rule's create() receives. */
export interface RuleContext<
  Options extends object = Record<string, never>,
  MessageId extends string = string,
> {
  readonly id: string;
  readonly options: Options;
  readonly kind: CatalogKind;
  readonly file: string;
  /** Entries already checked (in end(), all of them), by index: what they keep, not their data. */
  readonly entries: readonly EntryRef[];
  readonly seeds: Seeds;
  readonly settings: RuleSettings;
  report(descriptor: ReportDescriptor<MessageId>): void;
}

/** Hooks a rule may implement; cross-entry rules collect in entry() and report in end(). */
export interface RuleHooks {
  start?(): void;
  entry?(entry: EntryView): void;
  item?(item: ItemData, index: number, entry: EntryView): void;
  end?(): void;
}

/** A rule module. */
export interface Rule<Options extends object = Record<string, never>, MessageId extends string = string> {
  meta: RuleMeta<Options, MessageId>;
  create(context: RuleContext<Options, MessageId>): RuleHooks;
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds rules with different option types.
export type AnyRule = Rule<any>;

export type { ParsedEntry };
