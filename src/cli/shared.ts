// Pieces shared by commands: the options several commands declare (language, kind, configuration, today,
// format, output, limits), configuration per input, usage errors.
import { resolve } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { type LoadedConfig, loadConfig, searchDirFor } from '../config/load.js';
import type { Limits } from '../generated/schema-types.js';
import { type Lang, parseLang, translate } from '../i18n/index.js';
import { DEFAULT_LIMITS } from '../limits.js';
import type { CatalogKind } from '../model/types.js';
import { createSession, isKindOption, type Session } from '../session.js';
import { getOrCreate } from '../util/maps.js';

/** A usage error raised by option parsing; rendered as one line, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Finds `--lang X` / `--lang=X` before commander runs, so help text is already in that language. */
export function sniffLang(argv: readonly string[], env: Record<string, string | undefined>): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--lang') return parseLang(argv[i + 1]) ?? 'zh';
    if (a.startsWith('--lang=')) return parseLang(a.slice(7)) ?? 'zh';
  }
  return parseLang(env.GOVCAT_LANG) ?? 'zh';
}

/** Parses --lang. */
export function langOption(lang: Lang): Option {
  return new Option('--lang <lang>', translate(lang, 'cli.optionLang')).argParser((v) => {
    const parsed = parseLang(v);
    if (!parsed) throw new InvalidArgumentError(translate(lang, 'cli.unknownLang', { lang: v }));
    return parsed;
  });
}

/** Parses --kind. */
export function kindOption(lang: Lang): Option {
  return new Option('--kind <kind>', translate(lang, 'cli.optionKind')).argParser((v) => {
    if (!isKindOption(v)) throw new InvalidArgumentError(translate(lang, 'cli.unknownKind', { kind: v }));
    return v;
  });
}

/** -c, --config <file> and --no-config (a command may state its own help for --config). */
export function addConfigOptions(
  cmd: Command,
  lang: Lang,
  description: string = translate(lang, 'cli.optionConfig'),
): Command {
  return cmd
    .option('-c, --config <file>', description)
    .option('--no-config', translate(lang, 'cli.optionNoConfig'));
}

/** The session options a command takes on the command line (addSessionOptions; serve has no --today). */
export interface SessionCliOptions {
  lang?: Lang;
  kind?: CatalogKind | 'auto';
  config?: string | false;
  today?: string;
}

/** The options every command that validates takes: --lang, --kind, --config/--no-config, --today. */
export function addSessionOptions(cmd: Command, lang: Lang): Command {
  cmd.addOption(langOption(lang)).addOption(kindOption(lang));
  return addConfigOptions(cmd, lang).option('--today <date>', translate(lang, 'cli.optionToday'));
}

/** -f, --format <format> with its default (stylish, the terminal report, unless the command says otherwise). */
export function formatOption(description: string, fallback = 'stylish'): Option {
  return new Option('-f, --format <format>', description).default(fallback);
}

/** -o, --output <file>: where the report goes instead of stdout. */
export function outputOption(lang: Lang): Option {
  return new Option('-o, --output <file>', translate(lang, 'cli.optionOutput'));
}

/** The parser of a whole-number option (--jobs, --max-warnings …): at least `min`, else a usage error. */
export function wholeNumber(flag: string, min: number): (value: string) => number {
  return (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${flag} ${v}`);
    return n;
  };
}

const LIMIT_FLAGS: { key: keyof Limits; flag: string; zh: string; en: string }[] = [
  { key: 'maxBytes', flag: '--max-bytes <n>', zh: '单个文件的最大字节数', en: 'largest input file in bytes' },
  {
    key: 'maxInflatedBytes',
    flag: '--max-inflated-bytes <n>',
    zh: 'xlsx 解压后的最大总字节数',
    en: 'largest total inflated size of an xlsx',
  },
  {
    key: 'maxZipRatio',
    flag: '--max-zip-ratio <n>',
    zh: 'xlsx 内单个部件的最大压缩比',
    en: 'largest compression ratio of one xlsx part',
  },
  {
    key: 'maxZipEntries',
    flag: '--max-zip-entries <n>',
    zh: 'xlsx 内的最多部件数',
    en: 'most parts in an xlsx zip',
  },
  {
    key: 'maxRows',
    flag: '--max-rows <n>',
    zh: '单个工作表或 CSV 的最大行数',
    en: 'most rows of one sheet or CSV',
  },
  { key: 'maxColumns', flag: '--max-columns <n>', zh: '最大列数', en: 'most columns' },
  {
    key: 'maxCellChars',
    flag: '--max-cell-chars <n>',
    zh: '单元格最大字符数',
    en: 'longest cell in characters',
  },
  { key: 'maxDepth', flag: '--max-depth <n>', zh: 'JSON/XML 最大嵌套层数', en: 'deepest JSON/XML nesting' },
  {
    key: 'maxNodes',
    flag: '--max-nodes <n>',
    zh: '单个文件的 JSON 值（对象、数组、字符串、数字……）或 XML 元素的最多个数',
    en: 'most JSON values (objects, arrays, strings, numbers …) or XML elements of one file',
  },
  {
    key: 'maxEntries',
    flag: '--max-entries <n>',
    zh: '单个文件的最大目录条数',
    en: 'most entries of one file',
  },
  {
    key: 'maxFindings',
    flag: '--max-findings <n>',
    zh: '每个文件列出的最多发现数（全部计入汇总）',
    en: 'most findings listed per file (all are counted)',
  },
  {
    key: 'timeoutMs',
    flag: '--timeout-ms <n>',
    zh: '读取单个文件的最长毫秒数',
    en: 'longest time to read one file, in ms',
  },
];

/** Adds the --max-* limit options (defaults shown in help). */
export function addLimitOptions(cmd: Command, lang: Lang): Command {
  for (const l of LIMIT_FLAGS) {
    cmd.addOption(
      new Option(
        l.flag,
        translate(lang, 'cli.optionDefault', { description: l[lang], value: DEFAULT_LIMITS[l.key] }),
      ).argParser((v) => {
        const n = Number(v);
        if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${l.flag.split(' ')[0]} ${v}`);
        return n;
      }),
    );
  }
  return cmd;
}

/** Collects the --max-* options given on the command line. */
export function limitsFromOptions(opts: Record<string, unknown>): Limits {
  const out: Limits = {};
  for (const l of LIMIT_FLAGS) {
    const v = opts[l.key];
    if (typeof v === 'number') (out as Record<string, number>)[l.key] = v;
  }
  return out;
}

/** Loads configurations per input file (cached per directory); one explicit --config wins for all. */
export class ConfigResolver {
  private readonly byDir = new Map<string, Promise<LoadedConfig>>();
  constructor(
    private readonly cwd: string,
    private readonly explicit: string | undefined,
    private readonly disabled: boolean,
  ) {}

  /** The configuration that applies to an input path. */
  forInput(input: string): Promise<LoadedConfig> {
    if (this.disabled) return Promise.resolve({ config: {} });
    const explicit = this.explicit;
    if (explicit) {
      const file = resolve(this.cwd, explicit);
      return getOrCreate(this.byDir, `explicit:${file}`, () =>
        loadConfig({ file }).then((c) => ({ ...c, file: explicit })),
      );
    }
    const dir = searchDirFor(resolve(this.cwd, input));
    return getOrCreate(this.byDir, dir, () => loadConfig({ searchFrom: dir }));
  }
}

/**
 * Sessions per input: the configuration that applies to each file (found upward from it, or --config),
 * resolved into one session per configuration file with the command's options.
 */
export class SessionResolver {
  private readonly configs: ConfigResolver;
  private readonly sessions = new Map<string, Session>();
  constructor(
    private readonly opts: SessionCliOptions,
    cwd: string,
    private readonly lang: Lang,
    private readonly limits: Limits,
  ) {
    this.configs = new ConfigResolver(
      cwd,
      typeof opts.config === 'string' ? opts.config : undefined,
      opts.config === false,
    );
  }

  /** The configuration and the session of one input (ConfigError on a bad configuration). */
  async forInput(input: string): Promise<{ loaded: LoadedConfig; session: Session }> {
    const loaded = await this.configs.forInput(input);
    const session = getOrCreate(this.sessions, loaded.file ?? '', () =>
      createSession({
        lang: this.lang,
        ...(this.opts.kind ? { kind: this.opts.kind } : {}),
        config: loaded.config,
        ...(loaded.file ? { configFile: loaded.file } : {}),
        ...(this.opts.today ? { today: this.opts.today } : {}),
        limits: this.limits,
      }),
    );
    return { loaded, session };
  }
}
