// Builds catalogs for tests from the base fixtures: each entry is a deep merge over a valid base entry.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogKind } from '../../src/model/types.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures');

/** A valid entry of each kind. */
export function baseEntry(kind: CatalogKind): Record<string, unknown> {
  return JSON.parse(readFileSync(join(fixtures, `base-${kind}-entry.json`), 'utf8')) as Record<
    string,
    unknown
  >;
}

/** Deep merge: objects merge, arrays and scalars replace, null deletes the key. */
export function merge(
  base: Record<string, unknown>,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else if (
      typeof value === 'object' &&
      !Array.isArray(value) &&
      typeof out[key] === 'object' &&
      out[key] !== null &&
      !Array.isArray(out[key])
    ) {
      out[key] = merge(out[key] as Record<string, unknown>, value as Record<string, unknown>);
    } else out[key] = value;
  }
  return out;
}

/** A catalog object of `kind` whose entries are the patches merged over the base entry. */
export function catalogOf(
  kind: CatalogKind,
  patches: Record<string, unknown>[],
): { kind: CatalogKind; entries: Record<string, unknown>[] } {
  return { kind, entries: patches.map((p) => merge(baseEntry(kind), p)) };
}
