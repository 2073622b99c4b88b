// Header mapping: column titles (and XML/JSON keys) → field pointers, driven by seeds/header-aliases.json.
import leven from 'leven';
import type { HeaderAliases } from '../generated/schema-types.js';
import { allFields } from './fields.js';
import type { CatalogKind } from './types.js';

const BRACKET_NOTE = /\([^()]*\)|\[[^\]]*\]|【[^】]*】|<[^<>]*>/g;
/** A label's trailing colon (创建日期：), as portal pages print their field labels. */
const TRAILING_COLON = /:+$/;
const LEADING_NUMBER = /^(?:\d+(?:\.\d+)*[.、)]?|\(\d+\))/;
const MARKERS = /[*※★☆#]/g;
const SPACES = /\s+/g;

/**
 * Normalizes a header for comparison: NFKC (full-width → half-width), no spaces or line breaks, no
 * bracketed notes (`发布日期（CCYY-MM-DD）` → `发布日期`), no leading numbering (`1.`, `8.1`), no
 * required-markers (`*`), no trailing colon (`创建日期：`), ASCII lower-cased.
 */
export function normalizeHeader(text: string): string {
  const base = text.normalize('NFKC').replace(SPACES, '').replace(MARKERS, '').replace(TRAILING_COLON, '');
  let out = base.replace(BRACKET_NOTE, '');
  if (out === '') out = base.replace(/[()[\]【】<>]/g, '');
  return out.replace(LEADING_NUMBER, '').toLowerCase() || out.toLowerCase();
}

/** A field a header may name, with the catalog kinds it applies to (undefined = both). */
export interface HeaderCandidate {
  pointer: string;
  kinds?: readonly CatalogKind[];
}

/** Where a value goes when it is not in its field's vocabulary (seeds: fields[…].valueRoutes). */
export interface ValueRoute {
  vocabulary?: string;
  pointer: string;
}

/** A column that is known but holds no catalog metadata (详情页网址, 联系方式). */
export interface KnownColumn {
  meaning: string;
  kindEvidence?: CatalogKind;
}

/** Header → pointer overrides that hold for one file (seeds: together). */
export type HeaderOverrides = ReadonlyMap<string, string>;

const NO_OVERRIDES: HeaderOverrides = new Map();

/** Resolves headers to field pointers; built once per seeds object. */
export class HeaderIndex {
  private readonly general = new Map<string, HeaderCandidate[]>();
  private readonly grouped = new Map<string, Map<string, HeaderCandidate[]>>();
  private readonly groupPrefixes = new Map<string, string[]>();
  private readonly ignoredSheets: string[];
  private readonly notePrefixes: string[];
  /** Element names (normalized) that hold one entry / one data item in XML. */
  readonly entryElements: ReadonlySet<string>;
  readonly itemElements: ReadonlySet<string>;
  /** Every pointer pattern a header can name. */
  readonly pointers: ReadonlySet<string>;
  /** Keys that wrap the record array of a JSON export, in the order they are tried. */
  readonly jsonWrappers: readonly string[];
  private readonly routes = new Map<string, { vocabulary?: string; routes: readonly ValueRoute[] }>();
  private readonly knownColumns = new Map<string, KnownColumn>();
  private readonly together: { headers: string[]; fields: [string, string][] }[] = [];

  constructor(aliases: HeaderAliases) {
    const pointers = new Set<string>();
    const add = (map: Map<string, HeaderCandidate[]>, header: string, candidate: HeaderCandidate) => {
      const key = normalizeHeader(header);
      if (key === '') return;
      const list = map.get(key) ?? [];
      if (!list.some((c) => c.pointer === candidate.pointer)) list.push(candidate);
      map.set(key, list);
    };
    for (const [pointer, spec] of Object.entries(aliases.fields)) {
      if (!spec) continue;
      pointers.add(pointer);
      const candidate: HeaderCandidate = spec.kinds ? { pointer, kinds: spec.kinds } : { pointer };
      for (const header of spec.headers) {
        if (spec.group) this.addGrouped(spec.group, header, candidate, add);
        else add(this.general, header, candidate);
      }
      for (const kind of ['shared', 'open'] as const) {
        for (const header of spec.headersByKind?.[kind] ?? [])
          add(this.general, header, { pointer, kinds: [kind] });
      }
      if (spec.valueRoutes) {
        const entry = spec.vocabulary
          ? { vocabulary: spec.vocabulary, routes: spec.valueRoutes }
          : { routes: spec.valueRoutes };
        this.routes.set(pointer, entry);
      }
      for (const [group, headers] of Object.entries(spec.inGroup ?? {})) {
        for (const header of headers ?? []) this.addGrouped(group, header, candidate, add);
      }
    }
    // The schemas' own labels and the canonical English paths are headers too (share.type, items.type).
    const fields = allFields();
    const containers = new Set<string>(['/extra']);
    for (const info of fields) {
      for (let i = info.path.lastIndexOf('/'); i > 0; i = info.path.lastIndexOf('/', i - 1)) {
        containers.add(info.path.slice(0, i));
      }
    }
    for (const info of fields) {
      if (info.path.endsWith('/*') || containers.has(info.path)) continue;
      pointers.add(info.path);
      const candidate = { pointer: info.path };
      if (!this.general.has(normalizeHeader(info.label.zh))) add(this.general, info.label.zh, candidate);
      const dotted = info.path
        .slice(1)
        .replace(/\/\*\//g, '.')
        .replace(/\//g, '.');
      add(this.general, dotted, candidate);
      if (dotted.startsWith('items.')) add(this.general, `item.${dotted.slice(6)}`, candidate);
    }
    for (const [group, prefixes] of Object.entries(aliases.groups ?? {})) {
      this.groupPrefixes.set(normalizeHeader(group), prefixes ?? []);
    }
    this.ignoredSheets = (aliases.ignoreSheets ?? []).map(normalizeHeader);
    this.notePrefixes = (aliases.noteRows ?? []).map((p) => p.normalize('NFKC').replace(SPACES, ''));
    this.entryElements = new Set(['entry', ...(aliases.entryElements ?? [])].map(normalizeHeader));
    this.itemElements = new Set(['item', ...(aliases.itemElements ?? [])].map(normalizeHeader));
    this.pointers = pointers;
    this.jsonWrappers = aliases.jsonWrappers ?? ['entries'];
    for (const group of aliases.knownColumns ?? []) {
      const known: KnownColumn = group.kindEvidence
        ? { meaning: group.meaning, kindEvidence: group.kindEvidence }
        : { meaning: group.meaning };
      for (const header of group.headers) this.knownColumns.set(normalizeHeader(header), known);
    }
    for (const rule of aliases.together ?? []) {
      this.together.push({
        headers: rule.headers.map(normalizeHeader),
        fields: Object.entries(rule.fields).flatMap(([h, p]) =>
          p ? [[normalizeHeader(h), p] as [string, string]] : [],
        ),
      });
    }
  }

  private addGrouped(
    group: string,
    header: string,
    candidate: HeaderCandidate,
    add: (map: Map<string, HeaderCandidate[]>, header: string, candidate: HeaderCandidate) => void,
  ): void {
    const key = normalizeHeader(group);
    let map = this.grouped.get(key);
    if (!map) {
      map = new Map();
      this.grouped.set(key, map);
    }
    add(map, header, candidate);
  }

  /** The field prefixes of a group header (数据项信息 → /items/*), or undefined when it is not a group. */
  groupOf(header: string): readonly string[] | undefined {
    return this.groupPrefixes.get(normalizeHeader(header));
  }

  /** Whether a sheet name marks instructions or code lists (skipped without a notice). */
  isIgnoredSheet(name: string): boolean {
    const key = normalizeHeader(name);
    // Equal to or ending with a listed name (附件1填表说明); not merely containing it (资源目录（含说明）).
    return this.ignoredSheets.some((s) => key === s || key.endsWith(s));
  }

  /** Whether a lone cell in the data area is a note or sign-off (注：…, 填表人：…) rather than data. */
  isNoteText(text: string): boolean {
    const t = text.normalize('NFKC').replace(SPACES, '');
    for (const prefix of this.notePrefixes) {
      if (!t.startsWith(prefix)) continue;
      const next = t.charAt(prefix.length);
      if (next === '' || next === ':' || next === '、' || (next >= '0' && next <= '9')) return true;
    }
    return false;
  }

  /** A known column that holds no catalog metadata (详情页网址, 联系方式), or undefined. */
  knownColumn(header: string): KnownColumn | undefined {
    return this.knownColumns.get(normalizeHeader(header));
  }

  /** Where values outside a field's vocabulary go (开放条件 text in an open catalog), or undefined. */
  routesOf(pointer: string): { vocabulary?: string; routes: readonly ValueRoute[] } | undefined {
    return this.routes.get(pointer);
  }

  /**
   * The header meanings that change because of the other headers of the same file (seeds: together): with
   * 创建日期 beside it, 发布日期 is the latest release, i.e. the update date.
   */
  overridesFor(headers: Iterable<string>): HeaderOverrides {
    if (this.together.length === 0) return NO_OVERRIDES;
    const present = new Set<string>();
    for (const h of headers) present.add(normalizeHeader(h));
    const out = new Map<string, string>();
    for (const rule of this.together) {
      if (!rule.headers.every((h) => present.has(h))) continue;
      for (const [header, pointer] of rule.fields) out.set(header, pointer);
    }
    return out.size === 0 ? NO_OVERRIDES : out;
  }

  /**
   * The known header closest to `header` by edit distance (资源名 → 资源名称), when it differs in at most
   * half of its characters; for naming the nearest fields when no column of a file maps.
   */
  nearest(header: string): string | undefined {
    const key = normalizeHeader(header);
    if (key === '') return undefined;
    let best: string | undefined;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const [known, list] of this.general) {
      if (list.every((c) => c.pointer === '/extra' || c.pointer.startsWith('/extra/'))) continue;
      const limit = Math.floor(Math.max(key.length, known.length) / 2);
      const d = leven(key, known, { maxDistance: limit + 1 });
      if (d <= limit && d < bestDistance) {
        best = known;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Every field a header may name, group-specific aliases first, restricted to the group's prefixes. */
  candidates(header: string, group?: string): HeaderCandidate[] {
    const key = normalizeHeader(header);
    if (key === '') return [];
    const groupKey = group === undefined ? undefined : normalizeHeader(group);
    const inGroup = groupKey === undefined ? undefined : this.grouped.get(groupKey)?.get(key);
    if (inGroup && inGroup.length > 0) return inGroup;
    const general = this.general.get(key) ?? [];
    const prefixes = groupKey === undefined ? undefined : this.groupPrefixes.get(groupKey);
    if (prefixes && general.length > 1) {
      const within = general.filter((c) => prefixes.some((p) => c.pointer.startsWith(p)));
      if (within.length > 0) return within;
    }
    return general;
  }

  /**
   * The pointer a header names for a catalog kind; undefined when unknown. An alias for the kind wins over
   * one for both kinds (资源分类 is 所属领域 in an open catalog). With kind undefined, a header whose meaning
   * depends on the kind (开放条件) resolves only when every candidate agrees. `overrides` (overridesFor) win.
   */
  resolve(
    header: string,
    group?: string,
    kind?: CatalogKind,
    overrides: HeaderOverrides = NO_OVERRIDES,
  ): string | undefined {
    if (overrides.size > 0) {
      const forced = overrides.get(normalizeHeader(header));
      if (forced !== undefined && (group === undefined || forced.startsWith('/items/'))) return forced;
    }
    const list = this.candidates(header, group);
    if (list.length === 0) return undefined;
    if (kind !== undefined) {
      const fit = list.find((c) => c.kinds?.includes(kind)) ?? list.find((c) => !c.kinds);
      return fit?.pointer;
    }
    const first = list[0]!.pointer;
    return list.every((c) => c.pointer === first) ? first : undefined;
  }

  /** True when the header names some field (for any kind). */
  known(header: string, group?: string): boolean {
    return this.candidates(header, group).length > 0;
  }
}

const cache = new WeakMap<HeaderAliases, HeaderIndex>();

/** The header index of a seeds header-alias table (cached per table). */
export function headerIndex(aliases: HeaderAliases): HeaderIndex {
  let index = cache.get(aliases);
  if (!index) {
    index = new HeaderIndex(aliases);
    cache.set(aliases, index);
  }
  return index;
}

/** Fields whose presence marks a shared catalog, and those only open-data portal exports carry. */
const SHARED_SIGNS = ['/share/type', '/share/condition', '/share/method'];
const OPEN_SIGNS = ['/recordCount', '/updateDate', '/domain', '/tags', '/open/mode'];
const SHARED_LEANING = ['/classification', '/providerCode', '/code'];

/**
 * Why a kind was detected: sharing attributes (share), columns only portal exports carry (open), a
 * classification, code or provider code (code), or canonical entries without sharing attributes (no-share);
 * `headers` are the columns or keys that showed it, as the file spells them.
 */
export interface KindEvidence {
  basis: 'share' | 'open' | 'code' | 'no-share';
  headers: string[];
}

/** What a file's columns show: the fields they name (pointer → first header naming it), groups, known columns. */
export interface KindSigns {
  fields: ReadonlyMap<string, string>;
  /** The header of a 共享属性 group, when there is one. */
  shareGroup?: string;
  /** Known non-metadata columns that only portal exports carry (详情页网址). */
  portalColumns?: readonly string[];
}

function signHeaders(fields: ReadonlyMap<string, string>, pointers: readonly string[]): string[] {
  return pointers.flatMap((p) => (fields.has(p) ? [fields.get(p)!] : []));
}

/**
 * Detects the catalog kind from the fields its columns name: sharing attributes mean shared; otherwise
 * columns only portal exports have (数据量, 更新时间, 所属行业, 标签, 开放类型, 详情页网址) mean open; otherwise
 * classification, code or provider code mean shared. Undefined when nothing tells.
 */
export function detectKindFromFields(signs: KindSigns): (KindEvidence & { kind: CatalogKind }) | undefined {
  const share = signHeaders(signs.fields, SHARED_SIGNS);
  if (signs.shareGroup !== undefined) share.unshift(signs.shareGroup);
  if (share.length > 0) return { kind: 'shared', basis: 'share', headers: share };
  const open = [...signHeaders(signs.fields, OPEN_SIGNS), ...(signs.portalColumns ?? [])];
  if (open.length > 0) return { kind: 'open', basis: 'open', headers: open };
  const code = signHeaders(signs.fields, SHARED_LEANING);
  if (code.length > 0) return { kind: 'shared', basis: 'code', headers: code };
  return undefined;
}

/** How a catalog's kind was decided, and from what. */
export interface KindDecision {
  kind: CatalogKind;
  kindSource: 'option' | 'declared' | 'detected' | 'default';
  kindEvidence?: KindEvidence;
}

/**
 * Decides a catalog's kind: --kind (or the config) wins, then what the file declares, then what its columns
 * or fields show (`detect`, called only when needed), else shared by default.
 */
export function decideKind(
  option: CatalogKind | 'auto',
  declared: CatalogKind | undefined,
  detect: () => (KindEvidence & { kind: CatalogKind }) | undefined,
): KindDecision {
  if (option !== 'auto') return { kind: option, kindSource: 'option' };
  if (declared) return { kind: declared, kindSource: 'declared' };
  const detected = detect();
  if (!detected) return { kind: 'shared', kindSource: 'default' };
  return {
    kind: detected.kind,
    kindSource: 'detected',
    kindEvidence: { basis: detected.basis, headers: detected.headers },
  };
}
