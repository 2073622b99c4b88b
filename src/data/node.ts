// The Node data source: seeds/ and schemas/ read with node:fs from the package folder (or another root, for tests),
// and the validators the build precompiled. Installing it reads nothing: files are read on first use.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setWholeInflate } from '../io/readers/whole-inflate.js';
import { packageRoot } from '../paths.js';
import {
  type CheckedSeeds,
  type DataSource,
  type PrecompiledValidators,
  type SchemaCompiler,
  setDataSource,
} from './source.js';

/** File name of the module of all precompiled validators, next to schema/ajv.js in the build (see standalone.ts). */
export const PRECOMPILED_FILE = 'validators.cjs';
/** Folder of the precompiled validators one module each, behind `index.cjs`, next to schema/ajv.js in the build. */
export const PRECOMPILED_DIR = 'precompiled';

/** The build's record of the seeds/ files it validated (CheckedSeeds), in the folder of the precompiled validators. */
export const CHECKED_SEEDS_FILE = 'seeds-checked.json';

/**
 * Where the precompiled validators are, from this module: next to it in the bundled command (dist/cli/), in
 * schema/ from dist/src/data/. From the sources there are none. The index requires each validator's module when
 * it is first asked for.
 */
const PRECOMPILED_PLACES = [`./${PRECOMPILED_DIR}/index.cjs`, `../schema/${PRECOMPILED_DIR}/index.cjs`];

const requireHere = createRequire(import.meta.url);
let precompiled: PrecompiledValidators | null | undefined;

function loadPrecompiled(): PrecompiledValidators | null {
  if (precompiled === undefined) {
    precompiled = null;
    // Compiling the schemas is most of a short run's start-up; the build does it once instead.
    for (const place of PRECOMPILED_PLACES) {
      try {
        precompiled = requireHere(place) as PrecompiledValidators;
        break;
      } catch {
        // not there
      }
    }
  }
  return precompiled;
}

let checkedSeeds: CheckedSeeds['files'] | null | undefined;

/** The build's record of validated seeds, or null (from the sources, or a build without it). */
function loadCheckedSeeds(): CheckedSeeds['files'] | null {
  if (checkedSeeds === undefined) {
    checkedSeeds = null;
    for (const place of PRECOMPILED_PLACES) {
      const file = new URL(place.replace('index.cjs', CHECKED_SEEDS_FILE), import.meta.url);
      if (!existsSync(file)) continue;
      checkedSeeds = (JSON.parse(readFileSync(file, 'utf8')) as CheckedSeeds).files;
      break;
    }
  }
  return checkedSeeds;
}

/**
 * Whether the build validated exactly this text of `name` against `schemaId`. The record holds the texts it
 * validated, so a seed edited after the build (or another root's file) is checked at run time as before.
 * (Comparing texts costs less than hashing them: node:crypto alone was about 2 % of a small run's CPU.)
 */
function checkedByBuild(name: string, schemaId: string, text: string): boolean {
  const known = loadCheckedSeeds()?.[name];
  return known !== undefined && known.schema === schemaId && known.text === text;
}

/** A CommonJS module's function, whether interop hands it over as the module, its default, or nested in that. */
function unwrap<T>(mod: unknown): T {
  const m = mod as { default?: unknown };
  if (typeof m === 'function') return m as T;
  const d = m.default as { default?: unknown } | undefined;
  return (typeof d === 'function' ? d : d?.default) as T;
}

let compiler: SchemaCompiler | undefined;

/** The Ajv compiler, required on first use only (a built package runs on the precompiled validators). */
function loadCompiler(): SchemaCompiler {
  compiler ??= {
    Ajv: (requireHere('ajv/dist/2020.js') as { Ajv2020: SchemaCompiler['Ajv'] }).Ajv2020,
    addFormats: unwrap<SchemaCompiler['addFormats']>(requireHere('ajv-formats')),
  };
  return compiler;
}

function listJson(root: string, folder: string, deep: boolean, out: string[]): void {
  const dir = join(root, folder);
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const name = `${folder}/${entry.name}`;
    if (entry.isDirectory()) {
      if (deep) listJson(root, name, deep, out);
    } else if (entry.name.endsWith('.json')) out.push(name);
  }
}

/** A data source reading `root`/seeds and `root`/schemas (root: the package folder, found on first use). */
export function nodeDataSource(root?: string): DataSource {
  const base = () => root ?? packageRoot();
  return {
    read(name) {
      const file = join(base(), name);
      return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    },
    list(folder, deep = false) {
      const out: string[] = [];
      listJson(base(), folder, deep, out);
      return out.sort();
    },
    where(name) {
      return join(base(), name);
    },
    validators: loadPrecompiled,
    compiler: loadCompiler,
    checked: checkedByBuild,
  };
}

let packageSource: DataSource | undefined;

/**
 * zlib's inflate of a whole workbook part, to exactly `size` bytes; undefined for an error or another size
 * (fflate then inflates the part and reports what is wrong as before).
 */
export function zlibWholeInflate(compressed: Uint8Array, size: number): Uint8Array | undefined {
  try {
    // zlib loads with the first workbook part, not with every run (a CSV or JSON run needs none).
    const { inflateRawSync } = requireHere('node:zlib') as typeof import('node:zlib');
    // One output buffer a byte larger than the part: zlib's default 16 KiB pieces cost a concatenation (a copy
    // of the whole part into fresh memory) that was about as much CPU as the inflate itself.
    const out = inflateRawSync(compressed, {
      maxOutputLength: Math.max(1, size),
      chunkSize: Math.max(64, size + 1),
    });
    return out.length === size ? new Uint8Array(out.buffer, out.byteOffset, out.byteLength) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Installs the package folder (or `root`) as the data source: the CLI, worker threads, the service and the library
 * do. The package's source is one object, so installing it again keeps what its caches hold.
 */
export function useNodeData(root?: string): DataSource {
  // The Node adapter also lends the core zlib's native inflate for workbooks (the core itself uses fflate).
  setWholeInflate(zlibWholeInflate);
  if (root === undefined) packageSource ??= nodeDataSource();
  const source = root === undefined ? packageSource! : nodeDataSource(root);
  setDataSource(source);
  return source;
}
