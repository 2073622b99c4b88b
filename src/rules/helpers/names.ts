// Name analysis shared by the naming and dataset rules: generic suffixes, department prefixes, fragment stems.
import type { NamingData, RegionIndex } from '../../seeds/index.js';
import { foldText } from './text.js';

/** Stands in for a removed time fragment while the stem is built. */
const TIME_MARK = '\uE000';
/** A range connector between two removed time fragments. */
const TIME_RANGE = /\uE000\s*(?:至|到|[-—–~～])\s*\uE000/gu;

/** Removes trailing generic words (信息, 数据, 数据集 …) as long as something meaningful remains. */
export function stripGenericSuffixes(name: string, naming: NamingData): string {
  let out = name;
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of naming.genericSuffixes) {
      if (out.length > suffix.length + 1 && out.endsWith(suffix)) {
        out = out.slice(0, -suffix.length);
        changed = true;
        break;
      }
    }
  }
  return out;
}

/**
 * The department names contained in a provider string, longest first: every prefix ending in a department
 * suffix (南宁市卫生健康委员会医政医管科 → 南宁市卫生健康委员会医政医管科, 南宁市卫生健康委员会), and the same
 * without each level of the leading region (卫生健康委员会医政医管科, 卫生健康委员会). Only names of 3 or more
 * characters.
 */
export function departmentNames(provider: string, naming: NamingData, regions: RegionIndex): string[] {
  const out = new Set<string>();
  const add = (text: string) => {
    for (let end = text.length; end >= 3; end--) {
      const head = text.slice(0, end);
      const next = text.charAt(end);
      // 宾阳县科学技术局 has no department 宾阳县科: a suffix that forms a word with the next character ends none.
      const ends = naming.departmentSuffixes.some(
        (s) => head.endsWith(s) && !(next !== '' && naming.suffixCompounds.get(s)?.includes(next)),
      );
      if (ends) out.add(head);
    }
  };
  add(provider);
  // Also without each level of the leading region: 南宁市青秀区教育局 → 青秀区教育局 → 教育局.
  const lead = regions.leading(provider, naming.separators);
  if (lead) {
    const boundaries = [0];
    for (let end = 2; end <= lead.length && end < provider.length; end++) {
      if (!boundaries.some((b) => regions.byName.has(provider.slice(b, end)))) continue;
      let start = end;
      while (start < provider.length && naming.separators.has(provider[start]!)) start++;
      boundaries.push(start);
      add(provider.slice(start));
    }
  }
  return [...out].sort((a, b) => b.length - a.length);
}

/**
 * Department names known in a catalog (the providers' departments), for finding a leading department in a
 * name: looked up only at the lengths and first characters that some known department has.
 */
export class DepartmentSet {
  private readonly names = new Set<string>();
  private readonly firsts = new Set<number>();
  /** Distinct lengths of the names, longest first. */
  private lengths: number[] = [];

  add(name: string): void {
    if (this.names.has(name)) return;
    this.names.add(name);
    this.firsts.add(name.charCodeAt(0));
    if (!this.lengths.includes(name.length))
      this.lengths = [...this.lengths, name.length].sort((a, b) => b - a);
  }

  has(name: string): boolean {
    return this.names.has(name);
  }

  /** The length of the longest known department that `text` starts with, at most `max` and at least 2; 0 if none. */
  longestPrefix(text: string, max: number): number {
    if (!this.firsts.has(text.charCodeAt(0))) return 0;
    for (const length of this.lengths) {
      if (length > max || length > text.length) continue;
      if (length < 2) break;
      if (this.names.has(text.slice(0, length))) return length;
    }
    return 0;
  }
}

/** Whether the text holds one of the separator characters. */
function hasSeparator(text: string, separators: ReadonlySet<string>): boolean {
  for (let i = 0; i < text.length; i++) if (separators.has(text[i]!)) return true;
  return false;
}

/**
 * The stem of a name for fragmentation: time fragments, region names and a leading department removed, then
 * folded. Two names of one provider with the same stem but different text were split by time, region or
 * department. `departments` are the known departments (those of the providers in the catalog).
 */
export function fragmentStem(
  name: string,
  naming: NamingData,
  regions: RegionIndex,
  departments: DepartmentSet,
): string {
  let text = name;
  // Most names hold no time at all: one scan says so before each pattern is tried.
  if (naming.anyTimeFragment?.test(text) !== false)
    for (const p of naming.timeFragments) text = text.replace(p.global, TIME_MARK);
  // 2018年10月至2019年10月 leaves 至 between the two removed times: it goes with them.
  if (text.includes(TIME_MARK)) text = text.replace(TIME_RANGE, TIME_MARK).replaceAll(TIME_MARK, ' ');
  text = text.replace(regions.anywhere, ' ').trim();
  // The explicit prefix needs a separator after the department: without one it cannot match.
  const explicit = hasSeparator(text, naming.separators) ? naming.departmentPrefix.exec(text) : null;
  if (explicit) text = text.slice(explicit[0].length);
  else {
    const length = departments.longestPrefix(text, Math.min(text.length - 1, 30));
    if (length > 0) text = text.slice(length);
  }
  return foldText(stripGenericSuffixes(foldText(text), naming));
}
