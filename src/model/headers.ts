// Header mapping: column titles (and XML/JSON keys) → field pointers, driven by seeds/header-aliases.json.
import type { HeaderAliases } from '../generated/schema-types.js';
import { allFields } from './fields.js';
import type { CatalogKind } from './types.js';

const BRACKET_NOTE = /\([^()]*\)|\[[^\]]*\]|【[^】]*】|<[^<>]*>/g;
const LEADING_NUMBER = /^(?:\d+(?:\.\d+)*[.、)]?|\(\d+\))/;
const MARKERS = /[*※★☆#]/g;
const SPACES = /\s+/g;

/**
 * Normalizes a header for comparison: NFKC (full-width → half-width), no spaces or line breaks, no
 * bracketed notes (`发布日期（CCYY-MM-DD）` → `发布日期`), no leading numbering (`1.`, `8.1`), no
 * required-markers (`*`), ASCII lower-cased.
 */
export function normalizeHeader(text: string): string {
  const base = text.normalize('NFKC').replace(SPACES, '').replace(MARKERS, '');
  let out = base.replace(BRACKET_NOTE, '');
  if (out === '') out = base.replace(/[()[\]【】<>]/g, '');
  return out.replace(LEADING_NUMBER, '').toLowerCase() || out.toLowerCase();
}

/** A field a header may name, with the catalog kinds it applies to (undefined = both). */
export interface HeaderCandidate {
  pointer: string;
  kinds?: readonly CatalogKind[];
}

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
   * The pointer a header names for a catalog kind; undefined when unknown. With kind undefined, a header
   * whose meaning depends on the kind (开放条件) resolves only when every candidate agrees.
   */
  resolve(header: string, group?: string, kind?: CatalogKind): string | undefined {
    const list = this.candidates(header, group);
    if (list.length === 0) return undefined;
    if (kind !== undefined) {
      const fit = list.find((c) => !c.kinds || c.kinds.includes(kind));
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
 * Detects the catalog kind from the fields its columns name: sharing attributes mean shared; otherwise
 * columns only portal exports have (数据量, 更新时间, 所属行业, 标签, 开放类型) mean open; otherwise
 * classification, code or provider code mean shared. Undefined when nothing tells.
 */
export function detectKindFromFields(
  fields: ReadonlySet<string>,
  hasShareGroup = false,
): CatalogKind | undefined {
  if (hasShareGroup || SHARED_SIGNS.some((f) => fields.has(f))) return 'shared';
  if (OPEN_SIGNS.some((f) => fields.has(f))) return 'open';
  if (SHARED_LEANING.some((f) => fields.has(f))) return 'shared';
  return undefined;
}

/**
 * Decides a catalog's kind: --kind (or the config) wins, then what the file declares, then what its columns
 * or fields show (`detect`, called only when needed), else shared by default.
 */
export function decideKind(
  option: CatalogKind | 'auto',
  declared: CatalogKind | undefined,
  detect: () => CatalogKind | undefined,
): { kind: CatalogKind; kindSource: 'option' | 'declared' | 'detected' | 'default' } {
  if (option !== 'auto') return { kind: option, kindSource: 'option' };
  if (declared) return { kind: declared, kindSource: 'declared' };
  const detected = detect();
  return detected ? { kind: detected, kindSource: 'detected' } : { kind: 'shared', kindSource: 'default' };
}
