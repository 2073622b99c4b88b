// Version pairs for the diff tests: a catalog and a scripted next version (added, removed, renamed, re-coded …).
import { readFileSync } from 'node:fs';
import type { Catalog, CatalogEntry } from '../../src/generated/schema-types.js';

/** The shared example catalog. */
export function sharedExample(): Catalog {
  return JSON.parse(
    readFileSync(new URL('../../examples/nanning-shared-catalog.json', import.meta.url), 'utf8'),
  );
}

/**
 * The next submission of the shared example: entry 0 renamed, entry 1 re-coded, entry 2's items edited,
 * entry 3's sharing type changed, entry 6's provider code corrected, entry 11 removed, its code given to a
 * new resource of another department, and one new entry without a code.
 */
export function nextSharedVersion(old: Catalog): Catalog {
  const entries = structuredClone(old.entries) as CatalogEntry[];
  entries[0]!.name = '市场主体登记注册信息';
  entries[1]!.code = '202001001/9';
  const items = entries[2]!.items!;
  items[0] = { ...items[0]!, type: 'C(20)' };
  items.pop();
  items.push({ name: '缴费基数', type: 'N(12,2)' });
  entries[3]!.share = { ...entries[3]!.share!, type: 1 };
  entries[6]!.providerCode = '11450100MB1A38261B';
  entries.splice(11, 1);
  entries.push({
    ...structuredClone(old.entries[5]!),
    code: '101002001/1',
    name: '城市道路停车泊位信息',
    provider: '南宁市城市管理局',
    providerCode: '11450100MB0D44187N',
  } as CatalogEntry);
  const { code: _drop, ...noCode } = structuredClone(old.entries[7]!) as CatalogEntry;
  entries.push({ ...noCode, name: '公共自行车站点信息', provider: '南宁市交通运输局' } as CatalogEntry);
  return { ...old, entries };
}
