// Messages of the indicators area: input-driven rate labels, list errors, scoring, and the score and report formats.
import type { MessageTable } from '../types.js';

export const indicatorMessages = {
  'rate.published': { zh: '可发布数据资源目录完成率', en: 'publishable catalog completion rate' },
  'rate.mounted': { zh: '数据资源挂载完成率', en: 'resource mounting rate' },
  'rate.interface': { zh: '接口设计规范合格率', en: 'interface design conformance rate' },
  'rate.update': { zh: '数据更新率', en: 'data update rate' },
  'rate.timely': {
    zh: '按承诺更新周期更新的数据集占比率',
    en: 'share of data sets updated on their promised cycle',
  },

  'indicators.input.notFound': { zh: '找不到清单文件 {{file}}', en: 'list file {{file}} not found' },
  'indicators.input.directory': {
    zh: '{{file}} 是文件夹，不是清单文件',
    en: '{{file}} is a directory, not a list file',
  },
  'indicators.input.unreadable': { zh: '无法读取清单文件 {{file}}', en: 'cannot read list file {{file}}' },
  'indicators.input.empty': { zh: '清单文件 {{file}} 是空的', en: 'list file {{file}} is empty' },
  'indicators.input.format': {
    zh: '清单文件 {{file}} 的格式不受支持：请用 .csv 或 .json（xlsx 请另存为 CSV）',
    en: 'list file {{file}} has an unsupported format: use .csv or .json (save an xlsx as CSV)',
  },
  'indicators.input.encoding': {
    zh: '无法识别清单文件 {{file}} 的文字编码：请存为 UTF-8 或 GB18030',
    en: 'cannot decode list file {{file}}: save it as UTF-8 or GB18030',
  },
  'indicators.input.malformed': {
    zh: '清单文件 {{file}} 无法解析（{{detail}}）',
    en: 'list file {{file}} cannot be parsed ({{detail}})',
  },
  'indicators.input.notList': {
    zh: '清单文件 {{file}} 应为 JSON 数组（或带 rows 数组的对象）',
    en: 'list file {{file}} must be a JSON array (or an object with a rows array)',
  },
  'indicators.input.noColumn': {
    zh: '清单文件 {{file}} 缺少 {{columns}} 列（列标题见 README“合格率、评分与输出格式”）',
    en: 'list file {{file}} has no {{columns}} column (see README “Rates, scores and formats” for headers)',
  },
  'indicators.input.limit': {
    zh: '清单文件 {{file}} 超过上限 {{option}} {{limit}}',
    en: 'list file {{file}} exceeds {{option}} {{limit}}',
  },

  'score.reason.needsInput': { zh: '需要 {{option}} 清单', en: 'needs the {{option}} list' },
  'score.reason.empty': { zh: '总数为 0，没有合格率可算', en: 'the total is 0, so there is no rate' },
  'score.reason.noRule': {
    zh: '没有已启用的规则检测这一项（{{rules}}）',
    en: 'no enabled rule detects this ({{rules}})',
  },
  'score.reason.noKind': { zh: '没有{{kinds}}', en: 'no {{kinds}} given' },
  'score.kind.shared': { zh: '共享目录', en: 'shared catalog' },
  'score.kind.open': { zh: '开放目录', en: 'open catalog' },
  'score.reason.pending': {
    zh: '以下指标尚无结果：{{ids}}（用 --assessment 文件给出），总分不作推测',
    en: 'no result yet for {{ids}} (give them with --assessment); the total is not guessed',
  },
  'score.reason.allMissing': {
    zh: '全部扣分指标都标为缺少，无法计算 X',
    en: 'every deduction indicator is marked missing, so X cannot be computed',
  },
  'score.reason.noGradeLines': {
    zh: '原文未给出各等级的分数线，等级未考核',
    en: 'the text gives no score lines for the grades, so the grade is not assessed',
  },
  'score.reason.noTotal': {
    zh: '总分无法计算，等级未考核',
    en: 'the total cannot be computed, so the grade is not assessed',
  },
  'score.assessment.profile': {
    zh: '评估文件 {{file}} 适用于档案 {{profile}}，而不是 {{expected}}',
    en: 'assessment file {{file}} is for profile {{profile}}, not {{expected}}',
  },
  'score.assessment.unknown': {
    zh: '评估文件 {{file}} 中的指标 {{id}} 不在档案 {{profile}} 中',
    en: 'assessment file {{file}} names indicator {{id}}, which profile {{profile}} does not have',
  },
  'score.assessment.notOptional': {
    zh: '评估文件 {{file}}：原文不允许缺少指标 {{id}}，不能标为 missing',
    en: 'assessment file {{file}}: the text does not allow indicator {{id}} to be missing',
  },
  'score.assessment.invalid': {
    zh: '评估文件 {{file}} 不符合 schemas/assessment.schema.json：{{problem}}',
    en: 'assessment file {{file}} does not match schemas/assessment.schema.json: {{problem}}',
  },
  'score.assessment.unreadable': {
    zh: '无法读取评估文件 {{file}}：{{problem}}',
    en: 'cannot read assessment file {{file}}: {{problem}}',
  },
  'score.profile.unknown': {
    zh: '未知的评分档案“{{profile}}”：可用 {{profiles}}，或给出档案文件路径',
    en: 'unknown scoring profile "{{profile}}": use {{profiles}}, or a profile file path',
  },
  'score.period.invalid': {
    zh: '--period“{{value}}”无效：应为 CCYY-MM-DD..CCYY-MM-DD，且起始不晚于结束',
    en: '--period "{{value}}" is invalid: use CCYY-MM-DD..CCYY-MM-DD with the start not after the end',
  },
  'score.severities.invalid': {
    zh: '--rate-severities“{{value}}”无效：可用 error、warning、info，用逗号分隔',
    en: '--rate-severities "{{value}}" is invalid: use error, warning, info separated by commas',
  },

  'score.heading': { zh: '评分：{{title}}（{{id}}）', en: 'Score: {{title}} ({{id}})' },
  'score.severities': {
    zh: '计入合格率的级别：{{severities}}',
    en: 'severities counted in rates: {{severities}}',
  },
  'score.status.assessed': { zh: '已考核', en: 'assessed' },
  'score.status.partial': { zh: '部分考核', en: 'partly assessed' },
  'score.status.not-assessed': { zh: '未考核', en: 'not assessed' },
  'score.status.not-applicable': { zh: '不适用', en: 'not applicable' },
  'score.status.informational': { zh: '参考', en: 'for reference' },
  'score.col.indicator': { zh: '指标', en: 'indicator' },
  'score.col.item': { zh: '考核点', en: 'item' },
  'score.col.rate': { zh: '合格率', en: 'rate' },
  'score.col.base': { zh: '基础分', en: 'base' },
  'score.col.earned': { zh: '得分', en: 'earned' },
  'score.col.deducted': { zh: '扣分', en: 'deducted' },
  'score.col.bonus': { zh: '加分', en: 'bonus' },
  'score.col.net': { zh: '小计', en: 'net' },
  'score.col.status': { zh: '状态', en: 'status' },
  'score.col.next': { zh: '下一个门槛', en: 'next threshold' },
  'score.points': {
    zh: '基础分 {{base}}  得分 {{earned}}  扣分 {{deducted}}  加分 {{bonus}}  小计 {{net}}',
    en: 'base {{base}}  earned {{earned}}  deducted {{deducted}}  bonus {{bonus}}  net {{net}}',
  },
  'score.itemPoints': {
    zh: '得 {{earned}}  扣 {{deducted}}  加 {{bonus}}',
    en: 'earned {{earned}}  deducted {{deducted}}  bonus {{bonus}}',
  },
  'score.next.findings': {
    zh: '修正 {{findings}} 个问题（{{need}} 条目录）即可 {{threshold}}，{{gain}} 分',
    en: 'fix {{findings}} findings ({{need}} entries) to reach {{threshold}}, {{gain}} points',
  },
  'score.next.entry': {
    zh: '再有 {{need}} 条目录达标即可 {{threshold}}，{{gain}} 分',
    en: '{{need}} more conforming entries reach {{threshold}}, {{gain}} points',
  },
  'score.next.interface': {
    zh: '再有 {{need}} 个接口合格即可 {{threshold}}，{{gain}} 分',
    en: '{{need}} more conforming interfaces reach {{threshold}}, {{gain}} points',
  },
  'score.next.update': {
    zh: '再有 {{need}} 次按时更新即可 {{threshold}}，{{gain}} 分',
    en: '{{need}} more on-time updates reach {{threshold}}, {{gain}} points',
  },
  'score.next.finding': {
    zh: '再修正 {{need}} 条目录即可使涉及条数 {{threshold}}，少扣 {{gain}} 分',
    en: 'fix {{need}} more entries to bring the count to {{threshold}}, {{gain}} points less deducted',
  },
  'score.next.none': { zh: '已是最高档', en: 'at the top tier' },
  'score.totals': {
    zh: '合计（已考核 {{assessed}} 项、部分考核 {{partial}} 项、未考核 {{notAssessed}} 项、不适用 {{notApplicable}} 项）：得分 {{earned}}，扣分 {{deducted}}，加分 {{bonus}}，净得分 {{net}}',
    en: 'totals ({{assessed}} assessed, {{partial}} partly, {{notAssessed}} not assessed, {{notApplicable}} not applicable): earned {{earned}}, deducted {{deducted}}, bonus {{bonus}}, net {{net}}',
  },
  'score.xy': {
    zh: 'X = {{x}}（M = {{m}}，N = {{n}}，扣分 {{deductions}}），Y = {{y}}，总分 ALL = {{all}}，{{band}}',
    en: 'X = {{x}} (M = {{m}}, N = {{n}}, deductions {{deductions}}), Y = {{y}}, ALL = {{all}}, {{band}}',
  },
  'score.band': { zh: '等级“{{band}}”', en: 'band "{{band}}"' },
  'score.noBonus': { zh: 'X 未达到门槛，Y 记 0', en: 'X is below the threshold, so Y is 0' },
  'score.lists': { zh: '列入{{lists}}', en: 'on the {{lists}}' },
  'score.grade': { zh: '等级：{{grade}}', en: 'grade: {{grade}}' },
  'score.notAssessed': { zh: '未考核', en: 'not assessed' },
  'score.targetMet': { zh: '达到目标', en: 'target met' },
  'score.targetMissed': { zh: '未达到目标', en: 'target missed' },
  'score.notes': { zh: '说明', en: 'notes' },
  'score.assessmentSource': { zh: '（评估文件给出）', en: '(from the assessment file)' },
  'score.missing': { zh: '缺少该指标', en: 'indicator missing' },

  'report.byProvider': { zh: '按提供方', en: 'by provider' },
  'report.provider': { zh: '提供方', en: 'provider' },
  'report.byRule': { zh: '按规则', en: 'by rule' },
  'report.count': { zh: '个数', en: 'count' },
  'report.examples': { zh: '示例', en: 'examples' },
  'report.rule': { zh: '规则', en: 'rule' },
  'report.severityLabel': { zh: '级别', en: 'severity' },
  'report.location': { zh: '位置', en: 'location' },
  'report.message': { zh: '说明', en: 'message' },
  'report.entries': { zh: '目录条数', en: 'entries' },
  'report.file': { zh: '文件', en: 'file' },
  'report.allFiles': { zh: '全部文件合计', en: 'all files' },
  'report.tooManyWarnings': {
    zh: '警告 {{warnings}} 个，超过 --max-warnings {{max}}',
    en: '{{warnings}} warnings exceed --max-warnings {{max}}',
  },
  'report.quietHidden': {
    zh: '--quiet：未列出警告和提示',
    en: '--quiet: warnings and infos are not listed',
  },
  'report.unmatched': {
    zh: '{{label}}：清单中 {{count}} 行在目录中找不到（第 {{rows}} 行）',
    en: '{{label}}: {{count}} list rows match no entry (rows {{rows}})',
  },
  'report.invalid': {
    zh: '{{label}}：清单中 {{count}} 行无法使用（第 {{rows}} 行）',
    en: '{{label}}: {{count}} list rows cannot be used (rows {{rows}})',
  },
  'report.period': { zh: '统计期 {{from}} 至 {{to}}', en: 'period {{from}} to {{to}}' },
  'report.noFindings': { zh: '未发现问题', en: 'no problems found' },
  'report.title': { zh: '政务数据资源目录校验报告', en: 'Government data resource catalog report' },
  'report.generated': { zh: '由 govcat {{version}} 生成', en: 'generated by govcat {{version}}' },
  'report.threshold': { zh: '门槛线 {{percent}}%', en: 'threshold {{percent}}%' },
  'report.failingEntries': { zh: '不合格条目', en: 'failing entries' },
} satisfies MessageTable;
