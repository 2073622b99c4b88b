// Where the core reads the package's data (seeds/, schemas/, precompiled validators): one source, set by an adapter.
// The Node adapters install the file system (data/node.ts); a browser page installs the bundled copy (browser.ts).

import type { Ajv2020 } from 'ajv/dist/2020.js';

/** The Ajv compiler: its class and ajv-formats (loaded by the source, so a built package can go without them). */
export interface SchemaCompiler {
  Ajv: new (options: Record<string, unknown>) => Ajv2020;
  addFormats: (ajv: Ajv2020, formats: string[]) => unknown;
}

/** The module of validators the build precompiles (see schema/standalone.ts): `keys` maps a schema key to an export. */
export interface PrecompiledValidators {
  keys: Record<string, string>;
  [name: string]: unknown;
}

/** The package's data files, by their name in the package (`seeds/template.json`, `schemas/catalog.schema.json`). */
export interface DataSource {
  /** The text of a data file, or undefined when there is none. */
  read(name: string): string | undefined;
  /** Names of the JSON files in a folder (`seeds/profiles`), sorted; with `deep`, in its subfolders too. */
  list(folder: string, deep?: boolean): string[];
  /** How a file is named in messages: its path on disk, or its name in the package. */
  where(name: string): string;
  /** Validators precompiled at build time, or null (schemas are then compiled on first use). */
  validators(): PrecompiledValidators | null;
  /** The Ajv compiler, for schemas without a precompiled validator. */
  compiler(): SchemaCompiler;
  /**
   * Whether the build already validated exactly this text of a data file against this schema (see
   * scripts/gen-validators.mjs): a run then parses it without checking it again. Any other text is checked.
   */
  checked?(name: string, schemaId: string, text: string): boolean;
}

/** What the build records of each seeds/ file it validated: its schema and its text. */
export interface CheckedSeeds {
  files: Record<string, { schema: string; text: string }>;
}

let current: DataSource | undefined;

/** Installs the data source every later read goes through (the caches of the former one are not reused). */
export function setDataSource(source: DataSource): void {
  current = source;
}

/** The installed data source; throws when no adapter installed one. */
export function dataSource(): DataSource {
  if (!current)
    throw new Error(
      'govcat: no data source installed (Node adapters install one; in a browser call useBundledData() first)',
    );
  return current;
}

/** Whether a data source is installed. */
export function hasDataSource(): boolean {
  return current !== undefined;
}

/**
 * A per-source cache: `get(source, make)` returns the value made once for that source. A new source (another
 * package copy, a test's folder) gets its own value; a dropped source takes its value with it.
 */
export class PerSource<T> {
  private readonly values = new WeakMap<DataSource, T>();

  get(source: DataSource, make: () => T): T {
    let value = this.values.get(source);
    if (value === undefined) {
      value = make();
      this.values.set(source, value);
    }
    return value;
  }
}
