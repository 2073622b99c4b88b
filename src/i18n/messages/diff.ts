// Messages of govcat diff, validate --baseline and score --plan.
import type { MessageTable } from '../types.js';

export const diffMessages = {
  'diff.title': { zh: '目录差异：{{old}} → {{new}}', en: 'Catalog diff: {{old}} → {{new}}' },
  'diff.summary.entries': {
    zh: '条目：新增 {{added}}，删除 {{removed}}，修改 {{changed}}，未变 {{unchanged}}；资源代码变更 {{recoded}}，资源代码被复用 {{codeReused}}',
    en: 'Entries: {{added}} added, {{removed}} removed, {{changed}} changed, {{unchanged}} unchanged; {{recoded}} re-coded, {{codeReused}} codes reused',
  },
  'diff.summary.findings': {
    zh: '发现：新增 {{new}}（其中错误 {{newErrors}}），已修正 {{fixed}}，仍存在 {{open}}',
    en: 'Findings: {{new}} new ({{newErrors}} errors), {{fixed}} fixed, {{open}} still open',
  },
  'diff.summary.counts': {
    zh: '错误 {{errors}} → {{errorsAfter}}，警告 {{warnings}} → {{warningsAfter}}',
    en: 'errors {{errors}} → {{errorsAfter}}, warnings {{warnings}} → {{warningsAfter}}',
  },
  'diff.status.added': { zh: '新增', en: 'added' },
  'diff.status.removed': { zh: '删除', en: 'removed' },
  'diff.status.changed': { zh: '修改', en: 'changed' },
  'diff.status.unchanged': { zh: '未变', en: 'unchanged' },
  'diff.match.code': { zh: '按资源代码对上', en: 'matched by resource code' },
  'diff.match.name-provider': {
    zh: '资源代码是新的或缺失，按名称和提供方对上',
    en: 'code new or missing, matched by name and provider',
  },
  'diff.entry': { zh: '第 {{n}} 条', en: 'entry {{n}}' },
  'diff.recoded': { zh: '资源代码：{{from}} → {{to}}', en: 'resource code: {{from}} → {{to}}' },
  'diff.items.added': { zh: '新增信息项：{{names}}', en: 'data items added: {{names}}' },
  'diff.items.removed': { zh: '删除信息项：{{names}}', en: 'data items removed: {{names}}' },
  'diff.items.changed': { zh: '信息项“{{name}}”', en: 'data item “{{name}}”' },
  'diff.findings.new': { zh: '新增', en: 'new' },
  'diff.findings.fixed': { zh: '已修正', en: 'fixed' },
  'diff.findings.open': { zh: '仍存在的发现 {{n}} 个', en: '{{n}} findings still open' },
  'diff.codeReused': {
    zh: '资源代码 {{code}} 原指“{{old}}”（{{oldProvider}}），现指“{{new}}”（{{newProvider}}）：一个代码不应改给另一个资源，请为新资源另编代码',
    en: 'resource code {{code}} named “{{old}}” ({{oldProvider}}) and now names “{{new}}” ({{newProvider}}): a code should not move to another resource; give the new resource its own code',
  },
  'diff.catalogFindings': { zh: '整个目录的发现', en: 'Catalog-wide findings' },
  'diff.rates': { zh: '合格率（前 → 后）', en: 'Rates (before → after)' },
  'diff.score': {
    zh: '得分（{{profile}}）：{{before}} → {{after}}',
    en: 'Score ({{profile}}): {{before}} → {{after}}',
  },
  'diff.none': { zh: '两个版本的条目和发现没有差异', en: 'No difference in entries or findings' },
  'diff.empty': { zh: '（空）', en: '(empty)' },
  'diff.column.status': { zh: '变化', en: 'Change' },
  'diff.column.entry': { zh: '条目', en: 'Entry' },
  'diff.column.details': { zh: '详情', en: 'Details' },
  'diff.column.rate': { zh: '合格率', en: 'Rate' },
  'diff.column.before': { zh: '前', en: 'Before' },
  'diff.column.after': { zh: '后', en: 'After' },
  'diff.failOn.unknown': {
    zh: '--fail-on 的值“{{value}}”无效：可用 new-errors、errors、never',
    en: 'invalid --fail-on value “{{value}}”: use new-errors, errors or never',
  },
  'baseline.unreadable': {
    zh: '基线文件 {{file}} 无法读取：{{problem}}。--baseline 接受 govcat validate --format json 的报告，或上一版本的目录文件',
    en: 'baseline {{file}} cannot be read: {{problem}}. --baseline takes a report of govcat validate --format json, or a previous version of the catalog',
  },
  'baseline.summary': {
    zh: '与基线 {{file}} 相比：新增发现 {{new}} 个（其中错误 {{newErrors}} 个），已有发现 {{existing}} 个，已修正 {{fixed}} 个',
    en: 'against the baseline {{file}}: {{new}} new findings ({{newErrors}} errors), {{existing}} existing, {{fixed}} fixed',
  },
  'baseline.new': { zh: '新增', en: 'new' },
  'cli.validate.baseline': {
    zh: '基线：上次 govcat validate --format json 的报告，或上一版本的目录。发现标为新增或已有（按规则、资源代码和字段对上，不看行号）；只有新增的错误使退出码为 1',
    en: 'baseline: an earlier report of govcat validate --format json, or a previous version of the catalog. Findings are marked new or existing (matched by rule, resource code and field, not by row); only new errors exit 1',
  },
  'plan.heading': {
    zh: '修正计划（{{profile}}，得分最多的在前）',
    en: 'Fix plan ({{profile}}, most points first)',
  },
  'plan.step.rate': {
    zh: '{{indicator}} 修正这 {{findings}} 个发现（{{entries}} 条目录），{{rateLabel}} +{{delta}} 个百分点，越过 {{threshold}}，+{{gain}} 分',
    en: '{{indicator}} fix these {{findings}} findings ({{entries}} entries): {{rateLabel}} +{{delta}} percentage points, past {{threshold}}, +{{gain}} points',
  },
  'plan.step.findings': {
    zh: '{{indicator}} 修正这 {{findings}} 个“{{label}}”发现（{{entries}} 条目录），少扣 {{gain}} 分',
    en: '{{indicator}} fix these {{findings}} “{{label}}” findings ({{entries}} entries): {{gain}} points less deducted',
  },
  'plan.provider': { zh: '{{provider}}（{{entries}} 条）', en: '{{provider}} ({{entries}} entries)' },
  'plan.none': {
    zh: '没有能靠修正发现提高得分的项',
    en: 'no item gains points by fixing findings',
  },
  'cli.score.plan': {
    zh: '列出修正计划：得分最多的修正排在前面，按提供方分组（stylish、json、html、markdown）',
    en: 'list a fix plan: the fixes that gain the most points first, grouped by provider (stylish, json, html, markdown)',
  },
  'cli.diff.description': {
    zh: '比较同一目录的两个版本：新增、删除、修改的条目，资源代码的变更与复用，新增和已修正的发现，合格率和得分的变化',
    en: 'compare two versions of a catalog: entries added, removed and changed, codes changed or reused, findings new and fixed, rates and score before → after',
  },
  'cli.diff.old': { zh: '旧版本（任何可读格式）', en: 'the old version (any readable format)' },
  'cli.diff.new': { zh: '新版本（任何可读格式）', en: 'the new version (any readable format)' },
  'cli.diff.optionFormat': { zh: '输出格式：{{formats}}', en: 'output format: {{formats}}' },
  'cli.diff.optionProfile': {
    zh: '给出前后得分所用的评分档案（默认 {{profile}}）',
    en: 'scoring profile for the score before → after (default {{profile}})',
  },
  'cli.diff.optionNoProfile': { zh: '不计算得分', en: 'no score' },
  'cli.diff.optionFailOn': {
    zh: '何时以退出码 1 结束：new-errors 新版本新增了错误；errors 新版本有错误；never 从不',
    en: 'when to exit 1: new-errors (the new version adds errors), errors (it has any), never',
  },
} satisfies MessageTable;
