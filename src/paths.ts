// Locates the package root (for schemas/ and seeds/) from this module, in a clone (src/) or installed (dist/src/).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GOVCAT_VERSION } from './version.js';

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

/** Absolute path of the govcat package root. */
export const packageRoot: string = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
/** Absolute path of schemas/. */
export const schemasDir: string = join(packageRoot, 'schemas');
/** Absolute path of seeds/. */
export const seedsDir: string = join(packageRoot, 'seeds');

/** The package version (package.json "version"). */
export function govcatVersion(): string {
  return GOVCAT_VERSION;
}
