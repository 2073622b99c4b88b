// The page's own words, Chinese first. Messages about the catalog come from the core in the report's language.
import type { WebLang } from '../protocol.js';

export const TEXTS = {
  title: { zh: '政务数据资源目录校验', en: 'Government data catalog checker' },
  offline: {
    zh: '本页完全离线运行：文件只在这台电脑上读取和校验，不会上传或发送到任何地方。',
    en: 'This page works offline: files are read and checked on this computer only and are never uploaded or sent anywhere.',
  },
  switchLang: { zh: 'English', en: '中文' },
  switchLangLabel: { zh: 'Switch to English', en: '切换到中文' },
  drop: {
    zh: '把目录文件拖到这里，或点击选择文件（可多选）',
    en: 'Drop catalog files here, or click to choose files (several at once)',
  },
  formats: {
    zh: '支持 xlsx、xls、csv（UTF-8 或 GB18030）、json、xml；单个文件不超过 {mb} MB，一次最多 {files} 个、合计不超过 {total} MB。',
    en: 'xlsx, xls, csv (UTF-8 or GB18030), json and xml; at most {mb} MB a file, {files} files and {total} MB in all at a time.',
  },
  options: { zh: '选项', en: 'Options' },
  kind: { zh: '目录类型', en: 'Catalog kind' },
  kindAuto: { zh: '自动识别', en: 'Detect' },
  kindShared: { zh: '共享目录', en: 'Shared catalog' },
  kindOpen: { zh: '开放目录', en: 'Open catalog' },
  profile: { zh: '考核档案', en: 'Scoring profile' },
  today: { zh: '今天（留空为当天）', en: 'Today (empty: the current date)' },
  rerun: { zh: '重新校验', en: 'Check again' },
  reading: { zh: '正在读取 {file}', en: 'Reading {file}' },
  checking: { zh: '正在校验 {file}（{done}/{total}）', en: 'Checking {file} ({done}/{total})' },
  sheetsStage: { zh: '正在准备表格视图', en: 'Preparing the sheet view' },
  starting: { zh: '正在加载校验程序', en: 'Loading the checker' },
  tooMany: {
    zh: '一次最多校验 {files} 个文件，选择了 {count} 个。',
    en: 'At most {files} files at a time; {count} were chosen.',
  },
  tooLarge: {
    zh: '文件“{file}”有 {size} MB，超过本页的上限 {mb} MB：请用命令行 govcat validate 校验大文件。',
    en: 'File “{file}” is {size} MB, over this page’s limit of {mb} MB: check large files with the govcat validate command.',
  },
  tooLargeTotal: {
    zh: '所选文件合计 {size} MB，超过本页的上限 {total} MB：请分批校验。',
    en: 'The files chosen add up to {size} MB, over this page’s limit of {total} MB: check them in smaller batches.',
  },
  unsupported: {
    zh: '文件“{file}”不是支持的格式（xlsx、xls、csv、json、xml）。',
    en: 'File “{file}” is not a supported format (xlsx, xls, csv, json, xml).',
  },
  failed: { zh: '校验失败：{message}', en: 'The check failed: {message}' },
  tabSummary: { zh: '概览', en: 'Summary' },
  tabFindings: { zh: '问题列表', en: 'Findings' },
  tabSheet: { zh: '表格视图', en: 'Sheet view' },
  tabDownloads: { zh: '下载', en: 'Downloads' },
  entries: { zh: '条目录', en: 'entries' },
  errors: { zh: '个错误', en: 'errors' },
  warnings: { zh: '个警告', en: 'warnings' },
  infos: { zh: '个提示', en: 'notes' },
  files: { zh: '个文件', en: 'files' },
  unreadable: { zh: '无法读取', en: 'Could not be read' },
  rates: { zh: '五项合格率', en: 'The five conformance rates' },
  rate: { zh: '指标', en: 'Rate' },
  value: { zh: '结果', en: 'Result' },
  thresholds: { zh: '评分线', en: 'Thresholds' },
  score: { zh: '评分：{title}', en: 'Score: {title}' },
  indicator: { zh: '考核项', en: 'Indicator' },
  status: { zh: '状态', en: 'Status' },
  net: { zh: '小计', en: 'Net' },
  nextSteps: { zh: '离下一档还差', en: 'To reach the next threshold' },
  noNext: {
    zh: '已考核的合格率都没有下一档可争取。',
    en: 'No assessed rate has a next threshold within reach.',
  },
  filterSeverity: { zh: '级别', en: 'Severity' },
  filterCategory: { zh: '类别', en: 'Category' },
  filterRule: { zh: '规则', en: 'Rule' },
  filterText: { zh: '包含文字', en: 'Text' },
  all: { zh: '全部', en: 'All' },
  error: { zh: '错误', en: 'Error' },
  warning: { zh: '警告', en: 'Warning' },
  info: { zh: '提示', en: 'Note' },
  shown: { zh: '显示 {shown} / {total} 个问题', en: 'Showing {shown} of {total} findings' },
  showMore: { zh: '再显示 {count} 个', en: 'Show {count} more' },
  fileLevel: { zh: '整个文件', en: 'Whole file' },
  entryHeading: { zh: '第 {n} 条 {name}', en: 'Entry {n} {name}' },
  rowRef: { zh: '第 {row} 行', en: 'row {row}' },
  toCell: { zh: '在表格中查看 {cell}', en: 'Show {cell} in the sheet' },
  toFinding: { zh: '在问题列表中查看', en: 'Show in the findings' },
  noFindings: { zh: '没有发现问题。', en: 'No findings.' },
  noSheet: {
    zh: '这个文件不是表格（json、xml），没有表格视图：问题按条目列在“问题列表”中。',
    en: 'This file is not a spreadsheet (json, xml): it has no sheet view; its findings are listed by entry.',
  },
  file: { zh: '文件', en: 'File' },
  sheet: { zh: '工作表', en: 'Sheet' },
  omitted: {
    zh: '表格视图只显示前 {shown} 行，另有 {count} 行未显示。',
    en: 'The sheet view shows the first {shown} rows; {count} more are not shown.',
  },
  cellNone: { zh: '单元格 {cell} 没有问题。', en: 'Cell {cell} has no findings.' },
  gridHelp: {
    zh: '方向键移动，回车查看该单元格的问题；有问题的单元格按级别着色。',
    en: 'Arrow keys move, Enter shows the cell’s findings; flagged cells are coloured by severity.',
  },
  dlAnnotated: { zh: '带批注的工作簿（xlsx）', en: 'Annotated workbook (xlsx)' },
  dlJson: { zh: 'JSON 报告', en: 'JSON report' },
  dlHtml: { zh: 'HTML 报告', en: 'HTML report' },
  dlCompiled: { zh: '编译后的目录（补全资源代码）', en: 'Compiled catalog (codes assigned)' },
  dlAnnotatedHelp: {
    zh: '保留原有格式，有问题的单元格加批注并标黄，首页“校验结果”列出全部问题。',
    en: 'Keeps your formatting; flagged cells get a comment and a highlight, and a first sheet lists every finding.',
  },
  dlNotWorkbook: { zh: '（只有 xlsx、xls、csv 可加批注）', en: '(only xlsx, xls and csv can be annotated)' },
  dlFile: { zh: '文件', en: 'File' },
  aside: { zh: '（{text}）', en: ' ({text})' },
  labelHead: { zh: '{label}：', en: '{label}: ' },
  version: { zh: 'govcat {version} 离线页面', en: 'govcat {version} offline page' },
} as const;

export type TextId = keyof typeof TEXTS;

let current: WebLang = 'zh';

export function setLang(lang: WebLang): void {
  current = lang;
}

export function lang(): WebLang {
  return current;
}

/** The text of `id` in the page's language, with `{name}` replaced from `data`. */
export function t(id: TextId, data: Record<string, string | number> = {}): string {
  return TEXTS[id][current].replace(/\{(\w+)\}/g, (whole, key: string) =>
    data[key] === undefined ? whole : String(data[key]),
  );
}
