// The CLI entry: builds the commander program in the chosen language, runs it, returns the exit code.
import { Command, CommanderError, type Option } from 'commander';
import { useNodeData } from '../data/node.js';
import { CatalogInputError, ConfigError } from '../errors.js';
import { type Lang, translate } from '../i18n/index.js';
import { SeedError } from '../seeds/index.js';
import { govcatVersion } from '../version.js';
import { registerCompile } from './commands/compile.js';
import { registerDiff } from './commands/diff.js';
import { registerInit } from './commands/init.js';
import { registerRules } from './commands/rules.js';
import { registerScore } from './commands/score.js';
import { registerServe } from './commands/serve.js';
import { registerValidate } from './commands/validate.js';
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

const commands: RegisterCommand[] = [
  registerValidate,
  registerCompile,
  registerInit,
  registerScore,
  registerRules,
  registerServe,
  registerDiff,
];

/** Adds a subcommand (used by later modules: compile, score, init, serve). */
export function addCommand(register: RegisterCommand): void {
  commands.push(register);
}

/** An option's help line with its default in the help's language (commander writes “(default: …)”). */
function optionDescription(option: Option, lang: Lang): string {
  const showDefault = option.defaultValue !== undefined && (option.required || option.optional);
  if (!showDefault) return option.description;
  const value = option.defaultValueDescription ?? String(option.defaultValue);
  return translate(lang, 'cli.helpDefault', { description: option.description, value });
}

/** Builds the program. Exposed for tests of help output. */
export function buildProgram(io: CliIO, lang: Lang, setExit: (code: number) => void): Command {
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

/** Runs govcat with `argv` (without node and script). Never throws; returns 0, 1 or 2. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  // Cheap: seeds/ and schemas/ are read on first use, so --version and --help read none of them.
  useNodeData();
  const lang = sniffLang(argv, io.env);
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, lang, (code) => {
    exitCode = code;
  });
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
      return fail(`${err.render(lang)}（${err.code}）`);
    if (err instanceof SeedError) return fail(err.message);
    const message = err instanceof Error ? err.message : String(err);
    if (io.env.GOVCAT_DEBUG && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
    return fail(translate(lang, 'cli.internalError', { message }));
  }
}
