// `govcat init [file.xlsx]`: write a blank template workbook in the guide's layout with a 填表说明 sheet.
import { constants, existsSync, readFileSync } from 'node:fs';
import { access } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { ClassificationTree } from '../../generated/schema-types.js';
import { type Lang, translate } from '../../i18n/index.js';
import { writeFileAtomic } from '../../io/writers/atomic.js';
import { templateSheets } from '../../io/writers/template.js';
import { templateWorkbook } from '../../io/writers/template-xlsx.js';
import { writeWorkbook } from '../../io/writers/xlsx.js';
import type { CatalogKind } from '../../model/types.js';
import { SCHEMA_IDS } from '../../schema/ajv.js';
import { loadSeeds, parseValidated, SeedError, type Seeds } from '../../seeds/index.js';
import { type CliIO, EXIT } from '../io.js';
import { checkOutputPath } from '../output-target.js';
import { langOption, UsageError } from '../shared.js';

/** The file init writes when none is named. */
export const DEFAULT_TEMPLATE_FILE = '政务数据资源目录.xlsx';

interface InitCliOptions {
  kind: CatalogKind;
  classification?: string;
  extended?: boolean;
  force?: boolean;
  lang?: Lang;
}

/** Registers the init command. */
export function registerInit(program: Command, io: CliIO, lang: Lang, setExit: (code: number) => void): void {
  program
    .command('init')
    .description(translate(lang, 'cli.init.description'))
    .argument('[file]', translate(lang, 'cli.init.file', { file: DEFAULT_TEMPLATE_FILE }))
    .addOption(
      new Option('--kind <kind>', translate(lang, 'cli.init.kind')).default('shared').argParser((v) => {
        if (v !== 'shared' && v !== 'open')
          throw new InvalidArgumentError(translate(lang, 'cli.unknownKind', { kind: v }));
        return v;
      }),
    )
    .option(
      '--classification <id|file>',
      translate(lang, 'cli.init.classification', {
        ids: [...loadSeeds().classification.keys()].join('、'),
        default: loadSeeds().template.classification?.tree ?? '—',
      }),
    )
    .option('--extended', translate(lang, 'cli.init.extended'))
    .option('--force', translate(lang, 'cli.init.force'))
    .addOption(langOption(lang))
    .action(async (file: string | undefined, opts: InitCliOptions) => {
      setExit(await runInit(file ?? DEFAULT_TEMPLATE_FILE, opts, io, opts.lang ?? lang));
    });
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

/** The picker tree `--classification` names: a seeds id, else a tree file (validated by its schema). */
function classificationTree(
  given: string | undefined,
  seeds: Seeds,
  cwd: string,
  lang: Lang,
): ClassificationTree | undefined {
  if (given === undefined) return undefined;
  const bundled = seeds.classification.get(given);
  if (bundled) return bundled;
  const ids = [...seeds.classification.keys()].join('、');
  const file = resolve(cwd, given);
  if (!existsSync(file)) throw new UsageError(translate(lang, 'init.noClassification', { tree: given, ids }));
  try {
    return parseValidated<ClassificationTree>(
      readFileSync(file, 'utf8'),
      given,
      SCHEMA_IDS.classificationTree,
    );
  } catch (err) {
    if (!(err instanceof SeedError)) throw err;
    throw new UsageError(translate(lang, 'init.badClassification', { tree: given, reason: err.reason, ids }));
  }
}

async function runInit(file: string, opts: InitCliOptions, io: CliIO, lang: Lang): Promise<number> {
  const ext = extname(file).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.xls') throw new UsageError(translate(lang, 'init.needXlsx', { file }));
  const path = resolve(io.cwd, file);
  if (!opts.force && (await exists(path))) throw new UsageError(translate(lang, 'init.exists', { file }));
  // Even with --force: never a link, a device or a folder.
  await checkOutputPath(file, { lang, cwd: io.cwd, inputs: [] });
  const seeds = loadSeeds();
  const tree = classificationTree(opts.classification, seeds, io.cwd, lang);
  const options = {
    lang,
    ...(opts.extended ? { extended: true } : {}),
    ...(tree ? { classification: tree } : {}),
  };
  let bytes: Uint8Array;
  let columns: { length: number };
  let fields: number;
  let pickers = 0;
  if (ext === '.xls') {
    // The old binary format: the sheets only (dropdowns, styles and frozen panes need xlsx).
    const plain = templateSheets(opts.kind, seeds, options);
    bytes = writeWorkbook(plain.sheets, 'xls');
    ({ columns, fields } = plain);
  } else {
    ({ bytes, columns, fields, pickers } = templateWorkbook(opts.kind, seeds, options));
  }
  try {
    await writeFileAtomic(path, bytes);
  } catch (err) {
    throw new UsageError(translate(lang, 'cli.writeFailed', { file, reason: (err as Error).message }));
  }
  const written = { file, columns: columns.length, fields, pickers };
  const id = pickers > 0 ? 'init.writtenPickers' : 'init.written';
  io.stdout.write(`${translate(lang, id, written)}\n`);
  return EXIT.ok;
}
