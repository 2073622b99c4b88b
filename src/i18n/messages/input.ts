// Messages of input errors: files that cannot be read as catalogs.
import type { MessageTable } from '../types.js';

export const inputMessages = {
  'input.notFound': {
    zh: '找不到文件 {{file}}，请检查路径是否正确',
    en: 'file not found: {{file}}; check the path',
  },
  'input.isDirectory': {
    zh: '{{file}} 是文件夹，请给出目录文件（.xlsx .xls .csv .json .jsonl .xml）',
    en: '{{file}} is a directory; give a catalog file (.xlsx .xls .csv .json .jsonl .xml)',
  },
  'input.unreadable': {
    zh: '无法读取文件 {{file}}：{{reason}}',
    en: 'cannot read {{file}}: {{reason}}',
  },
  'input.empty': {
    zh: '文件 {{file}} 是空的（0 字节），没有可读取的目录',
    en: '{{file}} is empty (0 bytes); there is no catalog to read',
  },
  'input.unsupportedFormat': {
    zh: '不支持的文件格式“{{ext}}”（{{file}}）：支持 .xlsx .xls .csv .json .jsonl .xml',
    en: 'unsupported file format "{{ext}}" ({{file}}): supported are .xlsx .xls .csv .json .jsonl .xml',
  },
  'input.readerUnavailable': {
    zh: '{{file}} 是 {{format}} 文件，此版本尚不能读取该格式',
    en: '{{file}} is a {{format}} file, which this version cannot read yet',
  },
  'input.tooLarge': {
    zh: '{{file}} 大小 {{size}} 字节，超过上限 --max-bytes {{limit}}',
    en: '{{file}} is {{size}} bytes, over the limit --max-bytes {{limit}}',
  },
  'input.jsonMalformed': {
    zh: '{{file}} 不是有效的 JSON：{{reason}}',
    en: '{{file}} is not valid JSON: {{reason}}',
  },
  'input.jsonTooDeep': {
    zh: '{{file}} 的 JSON 嵌套超过 {{limit}} 层（--max-depth），已停止读取',
    en: '{{file}} nests JSON deeper than {{limit}} levels (--max-depth); reading stopped',
  },
  'input.notCatalog': {
    zh: '{{file}} 不是目录：顶层应为含 entries 数组的对象，或条目数组',
    en: '{{file}} is not a catalog: the top level must be an object with an entries array, or an array of entries',
  },
  'input.notCatalogKeys': {
    zh: '{{file}} 不是目录：顶层对象里找不到条目数组（找到的键：{{keys}}）。条目数组应在顶层，或包在 {{wrappers}} 之一里（可嵌套，如 data.list）',
    en: '{{file}} is not a catalog: its top-level object holds no array of entries (keys found: {{keys}}); put the entries at the top level or inside one of {{wrappers}} (nested, e.g. data.list)',
  },
  'input.tooManyEntries': {
    zh: '{{file}} 含 {{count}} 条目录，超过上限 --max-entries {{limit}}',
    en: '{{file}} holds {{count}} entries, over the limit --max-entries {{limit}}',
  },
  'input.unknownKind': {
    zh: '{{file}} 的目录类型“{{kind}}”无效：应为 shared（共享目录）或 open（开放目录）',
    en: '{{file}} declares an invalid catalog kind "{{kind}}": use shared or open',
  },
} satisfies MessageTable;
