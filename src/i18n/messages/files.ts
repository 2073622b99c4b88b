// Messages about the files a command reads and writes: outputs that would replace something, glob and folder inputs.
import type { MessageTable } from '../types.js';

export const fileMessages = {
  'output.isInput': {
    zh: '输出文件 {{file}} 就是输入文件 {{input}}：govcat 不会覆盖输入，请另给输出文件名',
    en: 'the output {{file}} is the input {{input}}: govcat never replaces an input; give the output another name',
  },
  'output.symlink': {
    zh: '输出文件 {{file}} 是符号链接（指向 {{target}}），govcat 不会替换链接：请直接写到它指向的文件，或另给文件名',
    en: 'the output {{file}} is a symbolic link (to {{target}}); govcat does not replace links: write to the file it points to, or give another name',
  },
  'output.notRegular': {
    zh: '输出 {{file}} 是{{kind}}，不是普通文件，govcat 只写普通文件：要写到标准输出请用 -o -',
    en: 'the output {{file}} is {{kind}}, not a regular file, and govcat writes regular files only; use -o - for standard output',
  },
  'output.kind.directory': { zh: '文件夹', en: 'a folder' },
  'output.kind.device': { zh: '设备', en: 'a device' },
  'output.kind.pipe': { zh: '命名管道', en: 'a named pipe' },
  'output.kind.socket': { zh: '套接字', en: 'a socket' },
  'output.kind.other': { zh: '特殊文件', en: 'a special file' },
  'output.annotateStdout': {
    zh: '--annotate 写出的是工作簿文件，不能写到标准输出：请给出 .xlsx 文件名',
    en: '--annotate writes a workbook file, not standard output: give an .xlsx file name',
  },
  'output.twice': {
    zh: '报告和带批注的工作簿不能写到同一个文件 {{file}}',
    en: 'the report and the annotated workbook cannot both be written to {{file}}',
  },
  'inputs.noMatch': {
    zh: '没有文件与“{{pattern}}”匹配：请检查路径和通配符（govcat 自己展开 * ? ** 和 {a,b}，Windows 命令行也一样）',
    en: 'no file matches "{{pattern}}": check the path and the wildcards (govcat expands * ? ** and {a,b} itself, on Windows too)',
  },
  'inputs.emptyFolder': {
    zh: '文件夹 {{folder}} 里没有目录文件（.xlsx .xlsm .xls .csv .json .jsonl .ndjson .xml）',
    en: 'the folder {{folder}} holds no catalog files (.xlsx .xlsm .xls .csv .json .jsonl .ndjson .xml)',
  },
  'inputs.skipped': {
    zh: 'govcat：已跳过 {{file}}：这是 govcat 自己的文件（锁文件或配置文件），不是目录',
    en: 'govcat: skipped {{file}}: it is one of govcat’s own files (lock or configuration), not a catalog',
  },
  'progress.files': {
    zh: '校验中 {bar} {value}/{total} 个文件  {file}',
    en: 'validating {bar} {value}/{total} files  {file}',
  },
} satisfies MessageTable;
