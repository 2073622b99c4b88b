// The reader interface: bytes of one file in, a ParsedCatalog (entries with cell locations) out.
import type { ResolvedLimits } from '../../limits.js';
import type { CatalogKind, InputFormat, ParsedCatalog } from '../../model/types.js';
import type { Seeds } from '../../seeds/index.js';

/** Options every reader receives. */
export interface ReadOptions {
  /** Catalog kind forced by --kind or config; 'auto' detects from the columns or the data. */
  kind: CatalogKind | 'auto';
  limits: ResolvedLimits;
  seeds: Seeds;
}

/** One input to read. `name` is what messages call it (the path as given, or an upload name). */
export interface ReadSource {
  name: string;
  bytes: Uint8Array;
}

/** A reader of one format. */
export interface Reader {
  format: InputFormat;
  read(source: ReadSource, options: ReadOptions): ParsedCatalog | Promise<ParsedCatalog>;
}
