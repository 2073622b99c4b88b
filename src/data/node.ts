// The Node data source: seeds/ and schemas/ read with node:fs from the package folder (or another root, for tests),
// and the validators the build precompiled. Installing it reads nothing: files are read on first use.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';
import { type DataSource, type PrecompiledValidators, setDataSource } from './source.js';

/** File name of the module of precompiled validators, next to schema/ajv.js in the build (see standalone.ts). */
export const PRECOMPILED_FILE = 'validators.cjs';

let precompiled: PrecompiledValidators | null | undefined;

function loadPrecompiled(): PrecompiledValidators | null {
  if (precompiled === undefined) {
    try {
      // Compiling the schemas is most of a short run's start-up; the build does it once instead.
      precompiled = createRequire(import.meta.url)(`../schema/${PRECOMPILED_FILE}`) as PrecompiledValidators;
    } catch {
      // Running from the sources: nothing precompiled.
      precompiled = null;
    }
  }
  return precompiled;
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
  };
}

let packageSource: DataSource | undefined;

/**
 * Installs the package folder (or `root`) as the data source: the CLI, worker threads, the service and the library
 * do. The package's source is one object, so installing it again keeps what its caches hold.
 */
export function useNodeData(root?: string): DataSource {
  if (root === undefined) packageSource ??= nodeDataSource();
  const source = root === undefined ? packageSource! : nodeDataSource(root);
  setDataSource(source);
  return source;
}
