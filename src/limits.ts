// Limits for reading untrusted files: explicit, with safe defaults, overridable by options and config.
import { CatalogInputError } from './errors.js';
import type { Limits } from './generated/schema-types.js';

/** Every limit, resolved. */
export type ResolvedLimits = Required<Limits>;

/** Safe defaults (documented in README “Limits”). */
export const DEFAULT_LIMITS: ResolvedLimits = {
  /** Bytes of one input file. */
  maxBytes: 256 * 1024 * 1024,
  /** Total uncompressed bytes of an xlsx (zip) before anything is inflated. */
  maxInflatedBytes: 1024 * 1024 * 1024,
  /** Largest compression ratio of one zip entry (inflated / compressed). */
  maxZipRatio: 1000,
  /** Entries in an xlsx zip. */
  maxZipEntries: 10_000,
  /** Rows of one sheet or CSV. */
  maxRows: 1_000_000,
  /** Columns of one sheet or CSV. */
  maxColumns: 1_000,
  /** Characters of one cell (Excel's own limit is 32,767). */
  maxCellChars: 32_767,
  /** Nesting depth of JSON and XML. */
  maxDepth: 64,
  /** Values of a JSON file, elements of an XML file (each costs memory whatever its size in bytes). */
  maxNodes: 2_000_000,
  /** Catalog entries of one file. */
  maxEntries: 500_000,
  /** Findings listed per file (all are counted in the summary). */
  maxFindings: 50_000,
  /** Wall time of reading one file, in milliseconds. */
  timeoutMs: 120_000,
};

/** Merges partial limits over the defaults (later wins). */
export function resolveLimits(...partials: (Limits | undefined)[]): ResolvedLimits {
  const out: ResolvedLimits = { ...DEFAULT_LIMITS };
  for (const p of partials) {
    if (!p) continue;
    for (const [k, v] of Object.entries(p))
      if (v !== undefined) (out as Record<string, number>)[k] = v as number;
  }
  return out;
}

/** A wall-clock budget for reading one file; readers call check() between phases and every few thousand rows. */
export class Deadline {
  private end: number;
  constructor(
    private readonly file: string,
    private readonly limitMs: number,
    now: number = Date.now(),
  ) {
    this.end = now + limitMs;
  }

  /** Moves the end later by `ms` (time spent on something else than reading, e.g. rules on streamed entries). */
  extend(ms: number): void {
    this.end += ms;
  }

  /** Throws `input/timeout` once the budget is spent. */
  check(): void {
    if (Date.now() > this.end) {
      throw new CatalogInputError('input/timeout', 'readers.timeout', {
        file: this.file,
        limit: this.limitMs,
      });
    }
  }
}
