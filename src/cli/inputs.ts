// Catalog arguments as the user gives them: files, folders (their catalogs) and glob patterns (expanded here,
// since Windows cmd.exe does not), in a deterministic order, without govcat's own files.
import { stat } from 'node:fs/promises';
import { basename, join, resolve, sep } from 'node:path';
import { type Lang, translate } from '../i18n/index.js';
import { UsageError } from './shared.js';

/** Files govcat writes or reads beside the catalogs, never catalogs themselves. */
export const OWN_FILES: readonly string[] = ['govcat.lock.json', 'govcat.config.json'];

/** Extensions a folder is searched for (`.txt` only when named: a folder's notes are not catalogs). */
const FOLDER_EXTENSIONS = ['xlsx', 'xlsm', 'xls', 'csv', 'json', 'jsonl', 'ndjson', 'xml'];

/**
 * Never catalogs, in folders and glob matches alike: govcat's own files, package manifests, Excel's owner
 * files of open workbooks (`~$目录.xlsx`), and installed packages. Hidden files are skipped too (dot: false).
 */
const IGNORE = [
  ...OWN_FILES.map((name) => `**/${name}`),
  '**/package.json',
  '**/package-lock.json',
  '**/tsconfig*.json',
  '**/~$*',
  '**/node_modules/**',
];

/** The catalogs to read, and the arguments left out because they are govcat's own files. */
export interface ExpandedInputs {
  files: string[];
  skipped: string[];
}

/** Whether a path names one of govcat's own files (lock, configuration). */
export function isOwnFile(path: string): boolean {
  return OWN_FILES.includes(basename(path).toLowerCase());
}

/** Sorted by code unit, so the order is the same on every machine and in every locale. */
function sorted(list: string[]): string[] {
  return list.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function kindOf(path: string): Promise<'file' | 'folder' | 'missing'> {
  try {
    return (await stat(path)).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
}

/** The catalogs inside a folder (and its sub-folders), named as the folder argument was written. */
async function folderCatalogs(arg: string, cwd: string, lang: Lang): Promise<string[]> {
  const { glob } = await import('tinyglobby');
  const found = await glob(`**/*.{${FOLDER_EXTENSIONS.join(',')}}`, {
    cwd: resolve(cwd, arg),
    ignore: IGNORE,
    caseSensitiveMatch: false,
    followSymbolicLinks: false,
  });
  if (found.length === 0) throw new UsageError(translate(lang, 'inputs.emptyFolder', { folder: arg }));
  return sorted(found).map((rel) => join(arg, rel));
}

/** The files a glob pattern matches (relative to the working directory, as the pattern was). */
async function patternMatches(arg: string, cwd: string, lang: Lang): Promise<string[]> {
  // Windows paths use backslashes, which globs read as escapes.
  const pattern = sep === '\\' ? arg.replace(/\\/g, '/') : arg;
  const { glob } = await import('tinyglobby');
  const found = await glob(pattern, { cwd, ignore: IGNORE, expandDirectories: false });
  if (found.length === 0) throw new UsageError(translate(lang, 'inputs.noMatch', { pattern: arg }));
  return sorted(found);
}

/**
 * Expands the catalog arguments: a file stays as given; a folder becomes its catalogs; a pattern that is no
 * file (`目录/*.xlsx`, `**\/*.csv`) becomes the files it matches. govcat's own files are left out (and
 * listed in `skipped`); a folder without catalogs or a pattern matching nothing is a usage error (exit 2).
 * A missing file that is no pattern stays, for the reader to report. Duplicates are dropped.
 */
export async function expandInputs(
  args: readonly string[],
  cwd: string,
  lang: Lang,
): Promise<ExpandedInputs> {
  const files: string[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = resolve(cwd, file);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  for (const arg of args) {
    if (isOwnFile(arg)) {
      skipped.push(arg);
      continue;
    }
    const kind = await kindOf(resolve(cwd, arg));
    if (kind === 'folder') for (const file of await folderCatalogs(arg, cwd, lang)) add(file);
    else if (kind === 'missing' && (await import('tinyglobby')).isDynamicPattern(arg))
      for (const file of await patternMatches(arg, cwd, lang)) add(file);
    else add(arg);
  }
  return { files, skipped };
}

/** Expands the catalog arguments of a command and says on standard error which ones were left out. */
export async function catalogArguments(
  args: readonly string[],
  io: { cwd: string; stderr: { write(text: string): unknown } },
  lang: Lang,
): Promise<string[]> {
  const { files, skipped } = await expandInputs(args, io.cwd, lang);
  for (const file of skipped) io.stderr.write(`${translate(lang, 'inputs.skipped', { file })}\n`);
  return files;
}
