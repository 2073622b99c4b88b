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
 * The stem of a name for fragmentation: time fragments, region names and a leading department removed, then
 * folded. Two names of one provider with the same stem but different text were split by time, region or
 * department. `isDepartment` tells whether a leading text is a known department (a provider in the catalog).
 */
export function fragmentStem(
  name: string,
  naming: NamingData,
  regions: RegionIndex,
  isDepartment: (head: string) => boolean,
): string {
  let text = name;
  for (const p of naming.timeFragments) text = text.replace(p.global, TIME_MARK);
  // 2018年10月至2019年10月 leaves 至 between the two removed times: it goes with them.
  text = text.replace(TIME_RANGE, TIME_MARK).replaceAll(TIME_MARK, ' ');
  text = text.replace(regions.anywhere, ' ').trim();
  const explicit = naming.departmentPrefix.exec(text);
  if (explicit) text = text.slice(explicit[0].length);
  else {
    for (let end = Math.min(text.length - 1, 30); end >= 2; end--) {
      if (isDepartment(text.slice(0, end))) {
        text = text.slice(end);
        break;
      }
    }
  }
  return foldText(stripGenericSuffixes(foldText(text), naming));
}
