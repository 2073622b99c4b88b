// `govcat web --out FILE [--force]`: write the offline page (dist/govcat-web.html, built by npm run build).
import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { type Lang, translate } from '../../i18n/index.js';
import { writeFileAtomic } from '../../io/writers/atomic.js';
import { packageRoot } from '../../paths.js';
import { type CliIO, EXIT } from '../io.js';
import { checkOutputPath } from '../output-target.js';
import { langOption, UsageError } from '../shared.js';

/** Where the build writes the page, inside the package. */
export function webPagePath(): string {
  return join(packageRoot(), 'dist', 'govcat-web.html');
}

/** The page's HTML (throws UsageError when the package was not built). */
export async function readWebPage(lang: Lang): Promise<Uint8Array> {
  const file = webPagePath();
  try {
    return await readFile(file);
  } catch {
    throw new UsageError(translate(lang, 'web.missing', { file }));
  }
}

interface WebCliOptions {
  out: string;
  force?: boolean;
  lang?: Lang;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

/** Registers the web command. */
export function registerWeb(program: Command, io: CliIO, lang: Lang, setExit: (code: number) => void): void {
  program
    .command('web')
    .description(translate(lang, 'cli.web.description'))
    .requiredOption('--out <file>', translate(lang, 'cli.web.out'))
    .option('--force', translate(lang, 'cli.web.force'))
    .addOption(langOption(lang))
    .action(async (opts: WebCliOptions) => {
      setExit(await runWeb(opts, io, opts.lang ?? lang));
    });
}

async function runWeb(opts: WebCliOptions, io: CliIO, lang: Lang): Promise<number> {
  // Never a link, a device or a folder (even with --force); an existing file only with --force.
  const path = await checkOutputPath(opts.out, { lang, cwd: io.cwd, inputs: [] });
  if (!opts.force && (await exists(path)))
    throw new UsageError(translate(lang, 'web.exists', { file: opts.out }));
  const html = await readWebPage(lang);
  try {
    await writeFileAtomic(path, html);
  } catch (err) {
    throw new UsageError(
      translate(lang, 'cli.writeFailed', { file: opts.out, reason: (err as Error).message }),
    );
  }
  const size = Math.round(html.byteLength / 1024);
  io.stdout.write(`${translate(lang, 'web.written', { file: opts.out, size })}\n`);
  return EXIT.ok;
}
