// Locates the package root (for schemas/ and seeds/) from this module, in a clone (src/) or installed (dist/src/).
// Node only: the core reads the package's data through the data source (data/source.ts), never through paths.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(start: string): string {
  let dir = start;
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      try {
        const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string };
        if (pkg.name === 'govcat') return dir;
      } catch {
        // not ours; keep walking up
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('govcat: package root not found');
    dir = parent;
  }
}

let root: string | undefined;

/** Absolute path of the govcat package root (found on first use). */
export function packageRoot(): string {
  root ??= findPackageRoot(dirname(fileURLToPath(import.meta.url)));
  return root;
}

/** Absolute path of seeds/. */
export function seedsDir(): string {
  return join(packageRoot(), 'seeds');
}
