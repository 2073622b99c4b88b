// Messages of compile, code assignment, the lock file, annotated workbooks and govcat init.
import type { MessageTable } from '../types.js';

export const compileMessages = {
  // Findings of code assignment (rule ids compile/code-not-assigned and compile/lock-code-taken).
  'compile.codeNoClassification': {
    zh: '缺少数据资源分类，无法生成数据资源代码：请先填写分类码（类 1 位 + 项 2 位 + 目 3 位 + 细目），再运行 govcat compile',
    en: 'no classification code, so no resource code was generated: fill in the classification (class 1 digit + item 2 + category 3 + sub-category) and compile again',
  },
  'compile.codeBadClassification': {
    zh: '数据资源分类“{{classification}}”无效，未生成数据资源代码：分类码应为数字，类 1 位（1/2/3）+ 项 2 位 + 目 3 位 + 细目若干位，例如 301001001',
    en: 'classification "{{classification}}" is invalid, so no resource code was generated: use digits, class (1/2/3) + item (2) + category (3) + sub-category, e.g. 301001001',
  },
  'compile.lockCodeTaken': {
    zh: '锁文件为本资源登记的代码“{{code}}”已被第 {{other}} 条目录使用，本条已另行编码：请核对两条目录是否为同一资源',
    en: 'the lock file holds code "{{code}}" for this resource, but entry {{other}} uses it, so a new code was assigned: check whether both entries are the same resource',
  },
  'compile.sheetOverflow.rows': {
    zh: '{{file}} 编译后有 {{count}} 行，超过 {{format}} 工作表的 {{limit}} 行上限：请输出为 csv 或 json',
    en: '{{file}} compiles to {{count}} rows, over the {{limit}}-row limit of an {{format}} sheet: write csv or json instead',
  },
  'compile.sheetOverflow.memory': {
    zh: '{{file}} 编译后有 {{count}} 行，超过工作簿输出的 {{limit}} 行上限（--max-sheet-rows，按内存估算）：请输出为 csv 或 json，或调高该上限',
    en: '{{file}} compiles to {{count}} rows, over the {{limit}}-row limit of workbook outputs (--max-sheet-rows, a memory budget): write csv or json, or raise the limit',
  },
  'cli.compile.maxSheetRows': {
    zh: '写入 xlsx/xls 的最多行数（整个工作簿在内存中生成，约每行 2.7 KB；默认 {{limit}}）',
    en: 'most rows written to an xlsx/xls (the workbook is built in memory, about 2.7 KB a row; default {{limit}})',
  },
  'annotate.tooLarge': {
    zh: '{{file}} 有 {{count}} 行，超过带批注副本的 {{limit}} 行上限（--max-sheet-rows，按内存估算）：请调高该上限，或不加 --annotate',
    en: '{{file}} has {{count}} rows, over the {{limit}}-row limit of annotated copies (--max-sheet-rows, a memory budget): raise it, or leave out --annotate',
  },
  'compile.sheetOverflow.columns': {
    zh: '{{file}} 编译后有 {{count}} 列，超过 {{format}} 工作表的 {{limit}} 列上限：请输出为 csv 或 json',
    en: '{{file}} compiles to {{count}} columns, over the {{limit}}-column limit of an {{format}} sheet: write csv or json instead',
  },
  'compile.sheetOverflow.cell': {
    zh: '{{file}} 第 {{entry}} 条目录的“{{header}}”有 {{length}} 个字符，超过 {{format}} 单元格的 {{limit}} 字符上限：请缩短该值，或输出为 csv 或 json',
    en: '{{file}} entry {{entry}}: "{{header}}" has {{length}} characters, over the {{limit}}-character limit of an {{format}} cell: shorten it, or write csv or json instead',
  },
  'compile.lockMalformed': {
    zh: '锁文件 {{file}} 不是有效的 JSON：{{reason}}',
    en: 'lock file {{file}} is not valid JSON: {{reason}}',
  },
  'compile.lockInvalid': {
    zh: '锁文件 {{file}} 的内容不符合 schemas/lock.schema.json：{{problem}}',
    en: 'lock file {{file}} does not match schemas/lock.schema.json: {{problem}}',
  },

  // govcat compile
  'cli.compile.description': {
    zh: '编译目录：安全修复、生成缺少的资源代码，输出 json / xlsx / xml / csv（输入文件不会被修改）',
    en: 'compile a catalog: safe fixes, missing resource codes, output as json / xlsx / xml / csv (the input is never modified)',
  },
  'cli.compile.input': {
    zh: '目录文件（.xlsx .xls .csv .json .jsonl .xml）',
    en: 'catalog file (.xlsx .xls .csv .json .jsonl .xml)',
  },
  'cli.compile.out': {
    zh: '输出文件，格式由扩展名决定（.json .jsonl .xlsx .xls .csv .xml），原子写入',
    en: 'output file; its extension picks the format (.json .jsonl .xlsx .xls .csv .xml); written atomically',
  },
  'cli.compile.write': {
    zh: '原地替换输入文件（原子写入，原文件先备份为 <文件>.bak）',
    en: 'replace the input file in place (atomically, after backing it up as <file>.bak)',
  },
  'cli.compile.to': {
    zh: '输出格式（默认按 --out 的扩展名，--write 时与输入相同）：{{formats}}',
    en: 'output format (default: from the --out extension; with --write the input format): {{formats}}',
  },
  'cli.compile.lock': {
    zh: '锁文件路径（默认为输入文件所在目录的 govcat.lock.json）',
    en: 'lock file (default: govcat.lock.json next to the input)',
  },
  'cli.compile.noLock': {
    zh: '不读写锁文件（代码仍按目录内容确定地生成）',
    en: 'do not read or write a lock file (codes are still generated deterministically)',
  },
  'cli.compile.noCodes': {
    zh: '不生成资源代码，只做安全修复',
    en: 'do not assign resource codes; safe fixes only',
  },
  'cli.compile.sequenceWidth': {
    zh: '新分类码下顺序码的位数（补 0），默认取配置 compile.sequenceWidth，否则 1',
    en: 'digits of sequence numbers under a new classification prefix (zero-padded); default: config compile.sequenceWidth, else 1',
  },
  'cli.compile.dryRun': {
    zh: '只显示将要做的修复和生成的代码，不写任何文件',
    en: 'show the fixes and codes without writing any file',
  },
  'cli.compile.reportFormat': {
    zh: '报告格式：{{formats}}（json 报告含 fixes 与 codes）',
    en: 'report format: {{formats}} (the json report includes fixes and codes)',
  },
  'cli.compile.needOutput': {
    zh: '请用 --out <文件> 指定输出文件，或用 --write 原地替换输入文件（--dry-run 只预览）',
    en: 'give --out <file> for the output, or --write to replace the input in place (--dry-run to preview)',
  },
  'cli.compile.outAndWrite': {
    zh: '--out 与 --write 只能二选一',
    en: '--out and --write cannot be combined',
  },
  'cli.compile.outIsInput': {
    zh: '输出文件 {{file}} 就是输入文件：原地替换请使用 --write（会先备份）',
    en: 'the output {{file}} is the input file: use --write to replace it in place (with a backup)',
  },
  'cli.compile.unknownOutput': {
    zh: '无法确定输出格式“{{value}}”：可用 {{formats}}（用 --to 指定，或给 --out 合适的扩展名）',
    en: 'cannot tell the output format "{{value}}": use {{formats}} (set --to, or give --out a known extension)',
  },
  'cli.compile.badWidth': {
    zh: '--sequence-width 应为 1 到 12 的整数，而不是“{{value}}”',
    en: '--sequence-width must be an integer from 1 to 12, not "{{value}}"',
  },
  'cli.compile.noWriteXlsm': {
    zh: '{{file}} 是带宏的工作簿，--write 写回会丢失宏：请用 --out 另存为 .xlsx',
    en: '{{file}} is a macro workbook and --write would drop its macros: save to an .xlsx with --out instead',
  },
  'cli.compile.backupFailed': {
    zh: '无法备份 {{file}}：{{reason}}（输入文件未被修改）',
    en: 'cannot back up {{file}}: {{reason}} (the input was not modified)',
  },
  'compile.summary': {
    zh: '已编译 {{input}} → {{output}}：{{entries}} 条目录，生成 {{codes}} 个资源代码，应用 {{fixes}} 处修复',
    en: 'compiled {{input}} → {{output}}: {{entries}} entries, {{codes}} resource codes assigned, {{fixes}} fixes applied',
  },
  'compile.dryRunSummary': {
    zh: '试运行（未写入任何文件）{{input}}：{{entries}} 条目录，将生成 {{codes}} 个资源代码，将应用 {{fixes}} 处修复',
    en: 'dry run (nothing written) {{input}}: {{entries}} entries, {{codes}} resource codes to assign, {{fixes}} fixes to apply',
  },
  'compile.backup': { zh: '原文件已备份为 {{file}}', en: 'the original was backed up as {{file}}' },
  'compile.lockWritten': {
    zh: '锁文件已更新：{{file}}（{{count}} 个代码）',
    en: 'lock file updated: {{file}} ({{count}} codes)',
  },
  'compile.fixesHeading': { zh: '已应用的修复（{{count}} 处）', en: 'fixes applied ({{count}})' },
  'compile.fixesPreview': { zh: '可自动修复（{{count}} 处）', en: 'safe fixes ({{count}})' },
  'compile.fixLine': {
    zh: '{{location}}  {{field}}：{{from}} → {{to}}（{{kind}}）',
    en: '{{location}}  {{field}}: {{from}} → {{to}} ({{kind}})',
  },
  'compile.codesHeading': { zh: '生成的资源代码（{{count}} 个）', en: 'resource codes assigned ({{count}})' },
  'compile.codeLine': {
    zh: '{{location}}  第 {{entry}} 条 {{name}}：{{code}}（{{source}}）',
    en: '{{location}}  entry {{entry}} {{name}}: {{code}} ({{source}})',
  },
  'compile.more': {
    zh: '… 另有 {{count}} 项未列出（--format json 可看全部）',
    en: '… {{count}} more not shown (--format json lists all)',
  },
  'compile.source.lock': { zh: '取自锁文件', en: 'from the lock file' },
  'compile.source.sequence': { zh: '新编', en: 'new' },
  'compile.kind.whitespace': { zh: '空白', en: 'whitespace' },
  'compile.kind.width': { zh: '全角转半角', en: 'full-width to half-width' },
  'compile.kind.date': { zh: '日期格式', en: 'date form' },
  'compile.kind.form': { zh: '取值写法', en: 'vocabulary form' },
  'compile.kind.type-syntax': { zh: '数据类型写法', en: 'data type syntax' },
  'compile.kind.number': { zh: '数字', en: 'number' },
  'compile.kind.list': { zh: '列表', en: 'list' },
  'compile.kind.rule': { zh: '规则 {{rule}}', en: 'rule {{rule}}' },

  // govcat validate --annotate / --fix
  'cli.validate.annotate': {
    zh: '另存一份带批注的工作簿（仅 xlsx/xls）：有问题的单元格加批注，首个工作表“校验结果”列出全部发现和合格率',
    en: 'save an annotated copy of the workbook (xlsx/xls only): comments on cells with findings, a first sheet listing every finding and the rates',
  },
  'cli.validate.fix': {
    zh: '按 govcat compile 会做的安全修复来校验，并列出这些修复（不写入任何文件）',
    en: 'validate as govcat compile would fix the catalog, and list those fixes (nothing is written)',
  },
  'annotate.oneFile': {
    zh: '--annotate 一次只能标注一个工作簿，但给出了 {{count}} 个文件',
    en: '--annotate annotates one workbook at a time, but {{count}} files were given',
  },
  'annotate.needWorkbook': {
    zh: '--annotate 只能用于 xlsx / xls 工作簿或 CSV 文件，{{file}} 不是',
    en: '--annotate needs an xlsx / xls workbook or a CSV file; {{file}} is neither',
  },
  'annotate.outIsInput': {
    zh: '--annotate 的输出 {{file}} 就是输入文件：请另给文件名，原文件不会被改动',
    en: 'the --annotate output {{file}} is the input file: give another name; the input is never modified',
  },
  'annotate.written': {
    zh: '已写出带批注的工作簿 {{file}}：{{comments}} 个单元格有批注，{{findings}} 条发现列在“{{sheet}}”',
    en: 'annotated workbook written to {{file}}: {{comments}} cells commented, {{findings}} findings listed on "{{sheet}}"',
  },
  'annotate.unreadable': {
    zh: '无法为 {{file}} 写出带批注的工作簿：{{reason}}（校验结果已输出，原文件未改动）',
    en: 'cannot write an annotated copy of {{file}}: {{reason}} (the report was written; the input is unchanged)',
  },
  'annotate.sheet': { zh: '校验结果', en: 'Validation' },
  'annotate.title': { zh: '校验结果：{{file}}', en: 'Validation of {{file}}' },
  'annotate.counts': {
    zh: '{{entries}} 条目录，{{errors}} 个错误，{{warnings}} 个警告，{{infos}} 个提示（govcat {{version}}）',
    en: '{{entries}} entries, {{errors}} errors, {{warnings}} warnings, {{infos}} infos (govcat {{version}})',
  },
  'annotate.ratesHeading': { zh: '合格率', en: 'Rates' },
  'annotate.rateHeader': { zh: '指标|合格数|总数|合格率', en: 'Indicator|Conforming|Total|Rate' },
  'annotate.findingsHeading': { zh: '发现（{{count}} 条）', en: 'Findings ({{count}})' },
  'annotate.findingHeader': {
    zh: '序号|级别|位置|条目|资源代码|字段|问题与修改建议|规则',
    en: 'No.|Severity|Location|Entry|Resource code|Field|Problem and how to fix it|Rule',
  },
  'annotate.fixesHeading': {
    zh: '编译时将自动修复（{{count}} 处）',
    en: 'Fixed automatically by compile ({{count}})',
  },
  'annotate.fixHeader': {
    zh: '序号|位置|条目|字段|原值|修复为|类型',
    en: 'No.|Location|Entry|Field|From|To|Kind',
  },
  'annotate.fixComment': {
    zh: 'govcat compile 会把此处“{{from}}”改为“{{to}}”（{{kind}}）',
    en: 'govcat compile changes "{{from}}" here to "{{to}}" ({{kind}})',
  },
  'annotate.none': { zh: '没有发现问题', en: 'no findings' },

  // govcat init
  'cli.init.description': {
    zh: '生成空白目录模板工作簿（指南附录 2 的版式），附“填表说明”工作表',
    en: 'write a blank catalog template workbook (the layout of the guide, Appendix 2) with a sheet of filling instructions',
  },
  'cli.init.file': {
    zh: '要生成的文件（默认 {{file}}）',
    en: 'file to write (default {{file}})',
  },
  'cli.init.kind': {
    zh: '模板类型：shared 共享目录（默认）或 open 开放目录',
    en: 'template kind: shared (default) or open',
  },
  'cli.init.extended': {
    zh: '加入可发布目录的扩展元数据列（数据库名称、表名称、字段名称、字段类型、字段长度、是否主键 …）',
    en: 'add the extended metadata columns of publishable catalogs (database, table, field name, field type, length, primary key …)',
  },
  'cli.init.force': { zh: '文件已存在时覆盖', en: 'overwrite an existing file' },
  'cli.init.classification': {
    zh: '分类选择列（类、项、目逐级下拉）所用的分类树：seeds/classification 中的 id（{{ids}}，默认 {{default}}），或一个分类树 JSON 文件（如省级目录的类项目及代码）',
    en: 'classification tree of the picker columns (class, item, category dropdowns): an id in seeds/classification ({{ids}}, default {{default}}) or a tree JSON file (e.g. a provincial tree with codes)',
  },
  'init.noClassification': {
    zh: '找不到分类树“{{tree}}”：它既不是 seeds/classification 中的 id（{{ids}}），也不是一个文件',
    en: 'no classification tree "{{tree}}": it is neither an id in seeds/classification ({{ids}}) nor a file',
  },
  'init.badClassification': {
    zh: '无法使用分类树“{{tree}}”：{{reason}}；可用 seeds/classification 中的 {{ids}}，或符合 schemas/seeds/classification-tree.schema.json 的文件',
    en: 'cannot use the classification tree "{{tree}}": {{reason}}; use {{ids}} from seeds/classification or a file matching schemas/seeds/classification-tree.schema.json',
  },
  'init.exists': {
    zh: '{{file}} 已存在：换一个文件名，或加 --force 覆盖',
    en: '{{file}} already exists: choose another name, or add --force to overwrite it',
  },
  'init.needXlsx': {
    zh: '模板只能写成 .xlsx 或 .xls 文件，而不是 {{file}}',
    en: 'the template is written as .xlsx or .xls, not {{file}}',
  },
  'init.written': {
    zh: '已生成空白模板 {{file}}：{{columns}} 列，“填表说明”工作表列出 {{fields}} 个字段的含义与取值',
    en: 'blank template written to {{file}}: {{columns}} columns; the instructions sheet explains {{fields}} fields',
  },
  'init.writtenPickers': {
    zh: '已生成空白模板 {{file}}：{{columns}} 列，另有 {{pickers}} 列“选择分类”（逐级选择类、项、目，自动填入空着的数据资源分类），“填表说明”工作表列出 {{fields}} 个字段的含义与取值',
    en: 'blank template written to {{file}}: {{columns}} columns, plus {{pickers}} classification picker columns (pick class, item and entry level by level to fill an empty classification); the instructions sheet explains {{fields}} fields',
  },
  'init.guideTitle': {
    zh: '填表说明（依据《政务数据资源目录编制指南》附录 1 元数据说明、附录 2 目录模板）',
    en: 'How to fill in the catalog (guide Appendix 1 metadata and Appendix 2 template)',
  },
  'init.guideNotes': {
    zh: '每条目录占一行；有多个数据项时，每个数据项占一行，目录级的单元格可合并或在后续行留空。填好后运行 govcat validate 检查，govcat compile 生成缺少的资源代码。',
    en: 'One row per entry; an entry with several data items takes one row per item, its entry cells merged or left blank on the following rows. Then run govcat validate to check and govcat compile to assign missing resource codes.',
  },
  'init.guideHeader': {
    zh: '序号|列名|字段|共享目录|开放目录|含义|取值与示例',
    en: 'No.|Column|Field|Shared catalog|Open catalog|Meaning|Values and examples',
  },
  'init.required': { zh: '必填', en: 'required' },
  'init.optional': { zh: '选填', en: 'optional' },
  'init.requiredStructured': { zh: '结构化资源必填', en: 'required for structured resources' },
  'init.requiredShareTypes': { zh: '共享类型 1、2 必填', en: 'required for sharing types 1 and 2' },
  'init.notUsed': { zh: '不适用', en: 'not used' },
  'init.inTemplate': { zh: '（模板列）', en: ' (template column)' },
} satisfies MessageTable;
