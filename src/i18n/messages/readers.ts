// Messages of the spreadsheet, CSV, XML and JSON readers: files that cannot be read, and why.
import type { MessageTable } from '../types.js';

export const readerMessages = {
  'readers.timeout': {
    zh: '读取 {{file}} 超过 {{limit}} 毫秒（--timeout-ms），已停止',
    en: 'reading {{file}} took longer than {{limit}} ms (--timeout-ms); stopped',
  },
  'readers.noHeader': {
    zh: '{{file}} 中找不到目录表头：前 50 行没有一行含 3 个以上可识别的列名（如 数据资源名称、数据资源代码、数据资源提供方）。请检查表头，或在配置的 aliases 中补充列名别名',
    en: '{{file}} has no catalog header: none of its first 50 rows holds 3 or more known column names (resource name, resource code, provider …); check the header, or add aliases in the configuration',
  },
  'readers.noHeaderFound': {
    zh: '{{file}} 中找不到目录表头：前 50 行没有一行含 3 个以上可识别的列名。最像表头的一行是 {{headers}}；最接近的已知列名：{{nearest}}。请改用这些列名，或在配置的 aliases 中补充别名',
    en: '{{file}} has no catalog header: none of its first 50 rows holds 3 or more known column names. The row that looks most like a header is {{headers}}; the nearest known headers: {{nearest}}. Use those names, or add aliases in the configuration',
  },
  'readers.noFieldMaps': {
    zh: '{{file}} 没有一列能对应到目录字段，不能按目录读取：找到的列是 {{headers}}；最接近的已知列名：{{nearest}}。请确认这是目录文件，或在配置的 aliases 中为这些列补充别名',
    en: '{{file}} has no column that maps to a catalog field and cannot be read as a catalog: the columns found are {{headers}}; the nearest known headers: {{nearest}}. Check that this is a catalog, or add aliases for these columns in the configuration',
  },
  'readers.onlyItems': {
    zh: '{{file}} 只有数据项表（工作表“{{sheet}}”），没有目录表：请把目录条目所在的工作表放进同一个工作簿',
    en: '{{file}} holds only a data-item sheet ("{{sheet}}") and no catalog sheet; put the sheet with the entries in the same workbook',
  },
  'readers.encoding': {
    zh: '无法识别 {{file}} 的文本编码：既不是 UTF-8 也不是 GB18030/GBK。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”',
    en: 'cannot tell the text encoding of {{file}}: it is neither UTF-8 nor GB18030/GBK; save it again as "CSV UTF-8 (comma delimited)"',
  },
  'readers.mismatchZip': {
    zh: '{{file}} 的扩展名是 {{ext}}，但内容是 zip 压缩包（xlsx 工作簿也是 zip）：如果它是 xlsx 工作簿，请把扩展名改为 .xlsx',
    en: '{{file}} is named {{ext}} but is a zip archive (as xlsx workbooks are); if it is an xlsx workbook, rename it to .xlsx',
  },
  'readers.mismatchCfb': {
    zh: '{{file}} 的扩展名是 {{ext}}，但内容是旧版 Excel（.xls）或加密的工作簿：请把扩展名改为 .xls，或在 Excel 中去掉密码后另存为 .xlsx',
    en: '{{file}} is named {{ext}} but is a legacy Excel (.xls) or password-protected workbook; rename it to .xls, or remove the password and save it as .xlsx',
  },
  'readers.mismatchPdf': {
    zh: '{{file}} 的扩展名是 {{ext}}，但内容是 PDF 文档，不是目录表格：请提供 xlsx、csv、json 或 xml 格式的目录',
    en: '{{file}} is named {{ext}} but is a PDF document, not a catalog table; provide the catalog as xlsx, csv, json or xml',
  },
  'readers.mismatchXml': {
    zh: '{{file}} 的扩展名是 {{ext}}，但内容是 XML：如果它是 XML 目录，请把扩展名改为 .xml',
    en: '{{file}} is named {{ext}} but holds XML; if it is an XML catalog, rename it to .xml',
  },
  'readers.mismatchHtml': {
    zh: '{{file}} 的扩展名是 {{ext}}，但内容是 HTML 网页：请在 Excel 中打开后另存为 .xlsx',
    en: '{{file}} is named {{ext}} but is an HTML page; open it in Excel and save it as .xlsx',
  },
  'readers.mismatchJson': {
    zh: '{{file}} 的扩展名是 {{ext}}，但内容是 JSON：如果它是 JSON 目录，请把扩展名改为 .json（每行一条则为 .jsonl）',
    en: '{{file}} is named {{ext}} but holds JSON; if it is a JSON catalog, rename it to .json (.jsonl for one entry per line)',
  },
  'readers.mismatchText': {
    zh: '{{file}} 的扩展名是 {{ext}}，但内容是纯文本而不是 Excel 工作簿：如果它是 CSV，请把扩展名改为 .csv',
    en: '{{file}} is named {{ext}} but is plain text, not an Excel workbook; if it is CSV, rename it to .csv',
  },
  'readers.mismatchBinary': {
    zh: '{{file}} 的扩展名是 {{ext}}，但内容是二进制数据，不是可读的目录文件（文件可能已损坏或不是目录）',
    en: '{{file}} is named {{ext}} but holds binary data, not a readable catalog (the file may be damaged or not a catalog)',
  },
  'readers.zipMalformed': {
    zh: '{{file}} 不是完整的 xlsx 工作簿（zip 结构损坏或文件被截断：{{reason}}）：请重新导出或重新下载',
    en: '{{file}} is not a complete xlsx workbook (broken or truncated zip: {{reason}}); export or download it again',
  },
  'readers.zipEntries': {
    zh: '{{file}} 含 {{count}} 个压缩部件，超过上限 --max-zip-entries {{limit}}，疑似恶意文件，未读取',
    en: '{{file}} holds {{count}} zip parts, over the limit --max-zip-entries {{limit}}; probably hostile, not read',
  },
  'readers.zipInflated': {
    zh: '{{file}} 解压后共 {{size}} 字节，超过上限 --max-inflated-bytes {{limit}}（疑似 zip 炸弹），未解析',
    en: '{{file}} inflates to {{size}} bytes, over the limit --max-inflated-bytes {{limit}} (a likely zip bomb); not parsed',
  },
  'readers.zipRatio': {
    zh: '{{file}} 中的部件 {{part}} 压缩比为 {{ratio}}，超过上限 --max-zip-ratio {{limit}}（疑似 zip 炸弹），未解析',
    en: 'part {{part}} of {{file}} has a compression ratio of {{ratio}}, over the limit --max-zip-ratio {{limit}} (a likely zip bomb); not parsed',
  },
  'readers.zipSizes': {
    zh: '{{file}} 中的部件 {{part}} 解压后的大小与 zip 中声明的不符（伪造的大小，疑似恶意文件），未解析',
    en: 'part {{part}} of {{file}} does not inflate to the size the zip declares (falsified sizes, probably hostile); not parsed',
  },
  'readers.encrypted': {
    zh: '{{file}} 有密码保护或已加密：请在 Excel 中去掉密码后另存为 .xlsx 再校验',
    en: '{{file}} is password-protected or encrypted; remove the password in Excel and save it as .xlsx',
  },
  'readers.zipNotWorkbook': {
    zh: '{{file}} 是 zip 压缩包，但不是 Excel 工作簿（没有 xl/workbook.xml）：请解压后分别校验其中的目录文件',
    en: '{{file}} is a zip archive but not an Excel workbook (no xl/workbook.xml); unzip it and validate the catalogs inside',
  },
  'readers.workbookMalformed': {
    zh: '{{file}} 无法作为 Excel 工作簿解析（{{reason}}）：请在 Excel 中打开后重新保存',
    en: '{{file}} cannot be parsed as an Excel workbook ({{reason}}); open it in Excel and save it again',
  },
  'readers.sheetMissing': {
    zh: '{{file}} 列出了工作表“{{sheet}}”，但其内容缺失：文件已损坏，请在 Excel 中打开后重新保存',
    en: '{{file}} lists sheet "{{sheet}}" but its content is missing; the file is damaged, open it in Excel and save it again',
  },
  'readers.tooManyRows': {
    zh: '{{file}} 的工作表“{{sheet}}”超过 {{limit}} 行（--max-rows），未读取：请拆分文件或调高上限',
    en: 'sheet "{{sheet}}" of {{file}} has more than {{limit}} rows (--max-rows); not read; split the file or raise the limit',
  },
  'readers.tooManyColumns': {
    zh: '{{file}} 的工作表“{{sheet}}”有 {{count}} 列，超过上限 --max-columns {{limit}}，未读取',
    en: 'sheet "{{sheet}}" of {{file}} has {{count}} columns, over the limit --max-columns {{limit}}; not read',
  },
  'readers.cellTooLong': {
    zh: '{{file}} 的单元格 {{cell}} 有 {{count}} 个字符，超过上限 --max-cell-chars {{limit}}，未读取',
    en: 'cell {{cell}} of {{file}} holds {{count}} characters, over the limit --max-cell-chars {{limit}}; not read',
  },
  'readers.csvRecordTooLarge': {
    zh: '{{file}} 第 {{line}} 行附近的记录过大（超过 --max-cell-chars {{limit}} 的 128 倍字节），未读取：可能缺少结束引号',
    en: 'the record near line {{line}} of {{file}} is too large (over 128 times --max-cell-chars {{limit}} in bytes); not read; a closing quote may be missing',
  },
  'readers.csvMalformed': {
    zh: '{{file}} 不是有效的 CSV（{{reason}}）：请检查引号是否成对',
    en: '{{file}} is not valid CSV ({{reason}}); check that quotes are balanced',
  },
  'readers.xmlDtd': {
    zh: '{{file}} 含 DOCTYPE 或实体声明（可被用于实体膨胀或读取外部文件），出于安全原因未读取：目录 XML 不需要 DTD，请删除后再校验',
    en: '{{file}} contains a DOCTYPE or entity declarations (usable for entity expansion or reading external files); not read for safety; catalog XML needs no DTD, remove it',
  },
  'readers.xmlTooDeep': {
    zh: '{{file}} 的 XML 嵌套超过 {{limit}} 层（--max-depth），已停止读取',
    en: '{{file}} nests XML deeper than {{limit}} levels (--max-depth); reading stopped',
  },
  'readers.xmlMalformed': {
    zh: '{{file}} 不是有效的 XML（第 {{line}} 行第 {{column}} 列：{{reason}}）',
    en: '{{file}} is not valid XML (line {{line}}, column {{column}}: {{reason}})',
  },
  'readers.xmlEmpty': {
    zh: '{{file}} 没有根元素，不是 XML 目录',
    en: '{{file}} has no root element; it is not an XML catalog',
  },
  'readers.prototypeKey': {
    zh: '{{file}} 在 {{pointer}} 处含有名为“{{key}}”的键或元素（可用于原型污染攻击），出于安全原因未读取：目录中没有这样的字段，请删除',
    en: '{{file}} holds a key or element named "{{key}}" at {{pointer}} (usable for prototype pollution); not read for safety; catalogs have no such field, remove it',
  },
  'readers.jsonStringTooLong': {
    zh: '{{file}} 中 {{pointer}} 处的字符串有 {{count}} 个字符，超过上限 --max-cell-chars {{limit}}，未读取',
    en: 'the string at {{pointer}} in {{file}} holds {{count}} characters, over the limit --max-cell-chars {{limit}}; not read',
  },
  'readers.jsonTooManyNodes': {
    zh: '{{file}} 的 JSON 值（对象、数组、字符串、数字……）个数超过上限 --max-nodes {{limit}}，未解析：目录确实这么大时请调高上限，否则文件可能是恶意的',
    en: '{{file}} holds more JSON values (objects, arrays, strings, numbers …) than the limit --max-nodes {{limit}}; not parsed; raise the limit if the catalog really is this large, else the file may be hostile',
  },
  'readers.jsonTooManyEntries': {
    zh: '{{file}} 的目录条数超过上限 --max-entries {{limit}}，未解析：请拆分文件或调高上限',
    en: '{{file}} holds more entries than the limit --max-entries {{limit}}; not parsed; split the file or raise the limit',
  },
  'readers.xmlTooManyNodes': {
    zh: '{{file}} 的 XML 元素和属性个数超过上限 --max-nodes {{limit}}，未解析：目录确实这么大时请调高上限，否则文件可能是恶意的',
    en: '{{file}} holds more XML elements and attributes than the limit --max-nodes {{limit}}; not parsed; raise the limit if the catalog really is this large, else the file may be hostile',
  },
  'readers.xmlTooManyEntries': {
    zh: '{{file}} 的目录条目元素个数超过上限 --max-entries {{limit}}，未解析：请拆分文件或调高上限',
    en: '{{file}} holds more entry elements than the limit --max-entries {{limit}}; not parsed; split the file or raise the limit',
  },
  'readers.xmlNameTooLong': {
    zh: '{{file}} 第 {{line}} 行的元素名或属性名超过 {{limit}} 个字符（--max-cell-chars），疑似恶意文件，未解析',
    en: 'an element or attribute name on line {{line}} of {{file}} is longer than {{limit}} characters (--max-cell-chars); probably hostile, not parsed',
  },
  'readers.xmlTooManyAttributes': {
    zh: '{{file}} 第 {{line}} 行的元素有超过 {{limit}} 个属性（上限 --max-columns {{limit}}），疑似恶意文件，未解析',
    en: 'an element on line {{line}} of {{file}} has more than {{limit}} attributes (the limit --max-columns {{limit}}); probably hostile, not parsed',
  },
  'readers.xmlTextTooLong': {
    zh: '{{file}} 第 {{line}} 行的文本（含 CDATA）或属性值超过 {{limit}} 个字符（上限 --max-cell-chars {{limit}}），未读取',
    en: 'a text (CDATA included) or attribute value on line {{line}} of {{file}} is longer than {{limit}} characters (the limit --max-cell-chars {{limit}}); not read',
  },
  'readers.zipDuplicate': {
    zh: '{{file}} 中有两个同名的部件 {{part}}（不同程序会读到不同的副本），疑似恶意文件，未读取：请在 Excel 中打开后重新保存',
    en: '{{file}} holds two parts named {{part}} (different programs would read different copies); probably hostile, not read; open it in Excel and save it again',
  },
  'readers.zipDtd': {
    zh: '{{file}} 中的部件 {{part}} 含 DOCTYPE 或实体声明（可被用于实体膨胀或读取外部文件），出于安全原因未读取：Excel 保存的工作簿不含 DTD，请在 Excel 中打开后重新保存',
    en: 'part {{part}} of {{file}} contains a DOCTYPE or entity declarations (usable for entity expansion or reading external files); not read for safety; workbooks Excel saves have none, open it in Excel and save it again',
  },
} satisfies MessageTable;
