// Messages of the command line: descriptions, options, usage errors.
import type { MessageTable } from '../types.js';

export const cliMessages = {
  'cli.description': {
    zh: 'govcat：编译和校验政务数据资源目录（13 项核心元数据、资源代码、命名与字段规则、考核合格率）',
    en: 'govcat: compile and validate government data resource catalogs (13 core fields, resource codes, naming and field rules, assessment rates)',
  },
  'cli.version': { zh: '显示版本号', en: 'print the version' },
  'cli.help': { zh: '显示帮助', en: 'show help' },
  'cli.helpCommand': { zh: '显示命令的帮助', en: 'show help for a command' },
  'cli.usage': { zh: '用法：', en: 'Usage:' },
  'cli.optionLang': { zh: '消息语言：zh（默认）或 en', en: 'message language: zh (default) or en' },
  'cli.validate.description': {
    zh: '校验目录文件，输出发现与合格率',
    en: 'validate catalog files and report findings and rates',
  },
  'cli.validate.files': {
    zh: '目录文件（.xlsx .xls .csv .json .jsonl .xml）、文件夹或通配符（如 "目录/*.xlsx"，由 govcat 展开）',
    en: 'catalog files (.xlsx .xls .csv .json .jsonl .xml), folders or patterns (like "catalogs/*.xlsx", expanded by govcat)',
  },
  'cli.optionFormat': { zh: '输出格式：{{formats}}', en: 'output format: {{formats}}' },
  'cli.optionOutput': {
    zh: '把报告写入文件（原子写入）而不是标准输出',
    en: 'write the report to a file (atomically) instead of stdout',
  },
  'cli.optionKind': {
    zh: '目录类型：shared、open 或 auto（默认按列识别）',
    en: 'catalog kind: shared, open or auto (detect from columns, default)',
  },
  'cli.optionConfig': {
    zh: '配置文件路径（默认从输入文件所在目录向上查找 govcat.config.json）',
    en: 'configuration file (default: govcat.config.json found upward from the input)',
  },
  'cli.optionNoConfig': { zh: '不读取配置文件', en: 'do not read any configuration file' },
  'cli.optionToday': {
    zh: '以该日期（CCYY-MM-DD）为“今天”判断日期是否在未来、目录是否按承诺的周期更新',
    en: 'treat this date (CCYY-MM-DD) as today when checking future dates and whether entries are updated on their cycle',
  },
  'cli.rules.description': { zh: '列出全部规则', en: 'list every rule' },
  'cli.rules.format': {
    zh: '输出格式：table、md 或 json',
    en: 'output format: table, md or json',
  },
  'cli.error': { zh: 'govcat：{{message}}', en: 'govcat: {{message}}' },
  'cli.unknownFormat': {
    zh: '不支持的输出格式“{{format}}”：可用 {{formats}}',
    en: 'unknown output format "{{format}}": use {{formats}}',
  },
  'cli.unknownLang': {
    zh: '不支持的语言“{{lang}}”：可用 zh、en',
    en: 'unknown language "{{lang}}": use zh or en',
  },
  'cli.unknownKind': {
    zh: '不支持的目录类型“{{kind}}”：可用 shared、open、auto',
    en: 'unknown catalog kind "{{kind}}": use shared, open or auto',
  },
  'cli.badDate': { zh: '“{{value}}”不是 CCYY-MM-DD 格式的日期', en: '"{{value}}" is not a CCYY-MM-DD date' },
  'cli.writeFailed': { zh: '无法写入 {{file}}：{{reason}}', en: 'cannot write {{file}}: {{reason}}' },
  'cli.usageError': {
    zh: '{{message}}（运行 govcat --help 查看用法）',
    en: '{{message}} (run govcat --help for usage)',
  },
  'cli.internalError': {
    zh: '内部错误：{{message}}。这是 govcat 的缺陷，请附上输入文件报告问题',
    en: 'internal error: {{message}}. This is a govcat bug; please report it with the input file',
  },
  'cli.web.description': {
    zh: '写出离线校验页面：一个 HTML 文件，双击用浏览器打开，断网可用，文件不离开本机',
    en: 'write the offline checking page: one HTML file that opens in a browser, works without a network and sends nothing anywhere',
  },
  'cli.web.out': { zh: '写到这个文件', en: 'the file to write' },
  'cli.web.force': { zh: '文件已存在时覆盖', en: 'overwrite an existing file' },
  'web.exists': {
    zh: '文件 {{file}} 已存在：要覆盖请加 --force',
    en: '{{file}} exists: add --force to overwrite it',
  },
  'web.missing': {
    zh: '找不到离线页面 {{file}}：请先运行 npm run build',
    en: 'the offline page {{file}} is missing: run npm run build first',
  },
  'web.written': {
    zh: '已写出离线页面 {{file}}（{{size}} KB）：用浏览器打开即可，断网可用',
    en: 'wrote the offline page {{file}} ({{size}} KB): open it in a browser; it works offline',
  },
} satisfies MessageTable;
