// The commander program in the chosen language: builds it with the commands the arguments need, runs it.
import { Command, CommanderError, type Option } from 'commander';
import { useNodeData } from '../data/node.js';
import { CatalogInputError, ConfigError } from '../errors.js';
import { aside, type Lang, translate } from '../i18n/index.js';
import { SeedError } from '../seeds/errors.js';
import { govcatVersion } from '../version.js';
import { type CliIO, EXIT } from './io.js';
import { langOption, sniffLang, UsageError } from './shared.js';

const HELP_TITLES: Record<Lang, Record<string, string>> = {
  zh: {
    'Usage:': '用法：',
    'Arguments:': '参数：',
    'Options:': '选项：',
    'Commands:': '命令：',
    'Global Options:': '全局选项：',
  },
  en: {},
};

/** A command registration: adds one subcommand to the program. */
export type RegisterCommand = (
  program: Command,
  io: CliIO,
  lang: Lang,
  setExit: (code: number) => void,
) => void;

/**
 * Each command's module, loaded only when the command runs (or for the program's help): a run of `validate`
 * loads neither the service nor the compiler, the writers or the scoring. In help order.
 */
const COMMANDS: Record<string, () => Promise<RegisterCommand>> = {
  validate: async () => (await import('./commands/validate.js')).registerValidate,
  compile: async () => (await import('./commands/compile.js')).registerCompile,
  init: async () => (await import('./commands/init.js')).registerInit,
  score: async () => (await import('./commands/score.js')).registerScore,
  rules: async () => (await import('./commands/rules.js')).registerRules,
  serve: async () => (await import('./commands/serve.js')).registerServe,
  diff: async () => (await import('./commands/diff.js')).registerDiff,
  web: async () => (await import('./commands/web.js')).registerWeb,
};

/**
 * The command the arguments name (skipping the global `--lang`), or undefined when the program's help, an
 * unknown command or no command is asked for — those need every command registered.
 */
export function commandOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--lang') {
      i++;
      continue;
    }
    if (a.startsWith('-')) return undefined;
    if (a === 'help') {
      const next = argv[i + 1];
      return next !== undefined && Object.hasOwn(COMMANDS, next) ? next : undefined;
    }
    return Object.hasOwn(COMMANDS, a) ? a : undefined;
  }
  return undefined;
}

/** The registrations of the named command, or of every command. */
export async function loadCommands(name?: string): Promise<RegisterCommand[]> {
  const names = name === undefined ? Object.keys(COMMANDS) : [name];
  return Promise.all(names.map((n) => COMMANDS[n]!()));
}

/** An option's help line with its default in the help's language (commander writes “(default: …)”). */
function optionDescription(option: Option, lang: Lang): string {
  const showDefault = option.defaultValue !== undefined && (option.required || option.optional);
  if (!showDefault) return option.description;
  const value = option.defaultValueDescription ?? String(option.defaultValue);
  return translate(lang, 'cli.helpDefault', { description: option.description, value });
}

/** Builds the program. Exposed for tests of help output. */
export function buildProgram(
  io: CliIO,
  lang: Lang,
  setExit: (code: number) => void,
  commands: readonly RegisterCommand[],
): Command {
  const program = new Command('govcat');
  const titles = HELP_TITLES[lang];
  const help = {
    styleTitle: (s: string) => titles[s] ?? s,
    optionDescription: (option: Option) => optionDescription(option, lang),
  };
  program
    .description(translate(lang, 'cli.description'))
    .version(govcatVersion(), '-v, --version', translate(lang, 'cli.version'))
    .helpOption('-h, --help', translate(lang, 'cli.help'))
    .helpCommand('help [command]', translate(lang, 'cli.helpCommand'))
    .addOption(langOption(lang))
    .configureHelp({ ...help, showGlobalOptions: false })
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // Errors are rendered by run() in the user's language.
      outputError: () => {},
    })
    .exitOverride()
    .showSuggestionAfterError(true);
  for (const register of commands) register(program, io, lang, setExit);
  for (const sub of program.commands) {
    sub
      .helpOption('-h, --help', translate(lang, 'cli.help'))
      .configureHelp(help)
      .configureOutput({
        writeOut: (s) => io.stdout.write(s),
        writeErr: (s) => io.stderr.write(s),
        outputError: () => {},
      })
      .exitOverride();
  }
  return program;
}

const COMMANDER_ZH: Record<string, (m: string) => string> = {
  'commander.unknownOption': (m) => `未知选项${quoted(m)}`,
  'commander.unknownCommand': (m) => `未知命令${quoted(m)}`,
  'commander.missingArgument': (m) => `缺少参数${quoted(m)}`,
  'commander.optionMissingArgument': (m) => `选项${quoted(m)}缺少取值`,
  'commander.missingMandatoryOptionValue': (m) => `缺少必需的选项${quoted(m)}`,
  'commander.excessArguments': () => '参数过多',
  'commander.invalidArgument': (m) =>
    m
      .replace(/^error: /, '')
      .replace(/^option '([^']+)' argument '([^']*)' is invalid\.\s*/, '选项 $1 的取值“$2”无效：'),
};

function quoted(message: string): string {
  const m = message.match(/'([^']+)'/);
  return m ? `“${m[1]}”` : '';
}

function commanderMessage(err: CommanderError, lang: Lang): string {
  const raw = err.message.replace(/^error: /, '');
  if (lang === 'zh') {
    const zh = COMMANDER_ZH[err.code];
    if (zh) return zh(err.message);
  }
  return raw;
}

/** Runs the program with `argv` (without node and script). Never throws; returns 0, 1 or 2. */
export async function runProgram(argv: readonly string[], io: CliIO): Promise<number> {
  // Cheap: seeds/ and schemas/ are read on first use only.
  useNodeData();
  const lang = sniffLang(argv, io.env);
  let exitCode: number = EXIT.ok;
  const commands = await loadCommands(commandOf(argv));
  const program = buildProgram(
    io,
    lang,
    (code) => {
      exitCode = code;
    },
    commands,
  );
  const fail = (message: string): number => {
    io.stderr.write(`${translate(lang, 'cli.error', { message })}\n`);
    return EXIT.usage;
  };
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT.usage;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (
        err.code === 'commander.helpDisplayed' ||
        err.code === 'commander.version' ||
        err.code === 'commander.help'
      ) {
        return EXIT.ok;
      }
      return fail(translate(lang, 'cli.usageError', { message: commanderMessage(err, lang) }));
    }
    if (err instanceof UsageError) return fail(err.message);
    if (err instanceof ConfigError || err instanceof CatalogInputError)
      return fail(`${err.render(lang)}${aside(err.code, lang)}`);
    if (err instanceof SeedError) return fail(err.message);
    const message = err instanceof Error ? err.message : String(err);
    if (io.env.GOVCAT_DEBUG && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
    return fail(translate(lang, 'cli.internalError', { message }));
  }
}
