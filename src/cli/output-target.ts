// Where an output may go: standard output when asked (`-`, /dev/stdout), else a regular file that is none
// of the inputs (same real file or inode), not a symbolic link, not a device, pipe, socket or folder.
import { lstat, realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type Lang, translate, translateId } from '../i18n/index.js';
import { UsageError } from './shared.js';

/** Output names that mean standard output. */
const STDOUT_NAMES = new Set(['-', '/dev/stdout']);

/** Whether an output name asks for standard output (`-o -`, `-o /dev/stdout`). */
export function isStdout(name: string | undefined): boolean {
  return name !== undefined && STDOUT_NAMES.has(name);
}

/** What to check an output path against. */
export interface OutputCheck {
  lang: Lang;
  cwd: string;
  /** Paths of every file the command reads (catalogs, lists, configuration, lock). */
  inputs: readonly string[];
  /** Message for an output that is an input (default `output.isInput`; data: file, input). */
  isInputId?: string;
}

type Kind = 'directory' | 'device' | 'pipe' | 'socket' | 'other';

function kindOf(info: Awaited<ReturnType<typeof lstat>>): Kind {
  if (info.isDirectory()) return 'directory';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'device';
  if (info.isFIFO()) return 'pipe';
  if (info.isSocket()) return 'socket';
  return 'other';
}

async function statOrUndefined(path: string): Promise<Awaited<ReturnType<typeof stat>> | undefined> {
  try {
    return await stat(path);
  } catch {
    return undefined;
  }
}

/**
 * Checks an output file before anything is written and returns its absolute path. Throws UsageError (exit 2)
 * when it is one of the inputs (compared by device and inode, so hard links and other spellings of the
 * path count), a symbolic link (writing would replace the link), or anything but a regular file. A path
 * that does not exist yet is fine: the atomic write creates it.
 */
export async function checkOutputPath(output: string, check: OutputCheck): Promise<string> {
  const { lang } = check;
  const path = resolve(check.cwd, output);
  let info: Awaited<ReturnType<typeof lstat>>;
  try {
    info = await lstat(path);
  } catch {
    return path;
  }
  if (info.isSymbolicLink()) {
    const target = await realpath(path).catch(() => '?');
    throw new UsageError(translate(lang, 'output.symlink', { file: output, target }));
  }
  if (!info.isFile()) {
    const kind = translate(lang, `output.kind.${kindOf(info)}`);
    throw new UsageError(translate(lang, 'output.notRegular', { file: output, kind }));
  }
  for (const input of check.inputs) {
    const other = await statOrUndefined(resolve(check.cwd, input));
    if (other && other.dev === info.dev && other.ino === info.ino) {
      throw new UsageError(translateId(lang, check.isInputId ?? 'output.isInput', { file: output, input }));
    }
  }
  return path;
}

/** Options naming files a report command reads besides its catalogs. */
export interface ReportInputOptions {
  config?: string | false;
  published?: string;
  mounted?: string;
  interfaces?: string;
  updates?: string;
  assessment?: string;
}

/** The files a report command reads besides its catalogs: lists, the configuration given, an assessment. */
export function reportInputs(opts: ReportInputOptions): string[] {
  const named = [opts.published, opts.mounted, opts.interfaces, opts.updates, opts.assessment];
  if (typeof opts.config === 'string') named.push(opts.config);
  return named.filter((f): f is string => f !== undefined);
}

/**
 * The --output of a report command: undefined for standard output (none given, `-` or /dev/stdout), else
 * the name as given, once checked (checkOutputPath) against the catalogs and the other inputs.
 */
export async function reportOutput(
  output: string | undefined,
  files: readonly string[],
  opts: ReportInputOptions,
  lang: Lang,
  cwd: string,
): Promise<string | undefined> {
  if (output === undefined || isStdout(output)) return undefined;
  await checkOutputPath(output, { lang, cwd, inputs: [...files, ...reportInputs(opts)] });
  return output;
}
