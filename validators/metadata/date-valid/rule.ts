// metadata/date-valid: 发布日期 (and 更新日期) are real CCYY-MM-DD calendar dates, not in the future.
import { defineRule } from '../../../src/rules/define.js';
import { meaningful } from '../../../src/rules/helpers/values.js';

interface Options {
  earliest: string;
}

const CANONICAL = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
// Other unambiguous year-month-day spellings: 2021/7/13, 2021.7.13, 2021年7月13日, 20210713.
const LOOSE = /^([0-9]{4})\s*(?:[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?|([0-9]{2})([0-9]{2}))$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, '0');

export default defineRule<Options>()({
  meta: {
    id: 'metadata/date-valid',
    category: 'metadata',
    scope: 'entry',
    defaultSeverity: 'error',
    fixable: true,
    docs: {
      title: { zh: '日期真实且不在未来', en: 'dates are real and not in the future' },
      basis:
        '004_f07732752052f62b.txt 指南附录 1 第 12 项（发布日期：日期型，格式为 CCYY-MM-DD，提供方发布共享、开放资源的日期）；spec §4.2（日期真实、不在未来）',
      recommended: true,
    },
    messages: {
      format: {
        zh: '“{{label}}”写作“{{value}}”：日期应写成 CCYY-MM-DD，即“{{canonical}}”',
        en: '"{{label}}" is written "{{value}}": write dates as CCYY-MM-DD, i.e. "{{canonical}}"',
      },
      malformed: {
        zh: '“{{label}}”的值“{{value}}”不是日期：应为 CCYY-MM-DD，如 2021-07-13',
        en: '"{{label}}" value "{{value}}" is not a date: use CCYY-MM-DD, e.g. 2021-07-13',
      },
      badMonth: {
        zh: '“{{label}}”的值“{{value}}”不是真实的日期：月份应在 01–12 之间',
        en: '"{{label}}" value "{{value}}" is not a real date: the month must be 01–12',
      },
      badDay: {
        zh: '“{{label}}”的值“{{value}}”不是真实的日期：{{year}} 年 {{month}} 月只有 {{days}} 天',
        en: '"{{label}}" value "{{value}}" is not a real date: month {{month}} of {{year}} has {{days}} days',
      },
      future: {
        zh: '“{{label}}”{{value}} 在今天（{{today}}）之后：日期不能在未来，请填写实际的日期',
        en: '"{{label}}" {{value}} is after today ({{today}}): it cannot be in the future; give the actual date',
      },
      tooEarly: {
        zh: '“{{label}}”{{value}} 早于 {{earliest}}，多半是占位值或日期转换错误：请核对',
        en: '"{{label}}" {{value}} is before {{earliest}}, most likely a placeholder or a conversion error: check it',
      },
    },
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['earliest'],
      properties: {
        earliest: {
          type: 'string',
          pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
          description: '早于此日期的视为可疑（CCYY-MM-DD）',
        },
      },
    },
    supersedes: [
      { keyword: 'format', path: '/publishDate' },
      { keyword: 'pattern', path: '/publishDate' },
      { keyword: 'format', path: '/updateDate' },
      { keyword: 'pattern', path: '/updateDate' },
    ],
  },
  create(context) {
    const { today } = context.settings;
    const { earliest } = context.options;
    /** Checks one date field; returns the canonical date when it is a real one. */
    const check = (field: string, raw: unknown): string | undefined => {
      if (typeof raw !== 'string') return undefined;
      const value = meaningful(context.seeds, raw);
      if (!value) return undefined;
      let y: number;
      let m: number;
      let d: number;
      const canonical = CANONICAL.exec(value);
      const loose = canonical ? undefined : LOOSE.exec(value);
      if (canonical) [y, m, d] = [Number(canonical[1]), Number(canonical[2]), Number(canonical[3])];
      else if (loose) {
        y = Number(loose[1]);
        m = Number(loose[2] ?? loose[4]);
        d = Number(loose[3] ?? loose[5]);
      } else {
        context.report({ messageId: 'malformed', field, data: { value } });
        return undefined;
      }
      if (m < 1 || m > 12) {
        context.report({ messageId: 'badMonth', field, data: { value } });
        return undefined;
      }
      const days = daysIn(y, m);
      if (d < 1 || d > days) {
        context.report({ messageId: 'badDay', field, data: { value, year: y, month: m, days } });
        return undefined;
      }
      const iso = `${y}-${pad(m)}-${pad(d)}`;
      if (!canonical)
        context.report({
          messageId: 'format',
          field,
          data: { value, canonical: iso },
          fix: { from: raw, to: iso },
        });
      if (iso > today) context.report({ messageId: 'future', field, data: { value: iso, today } });
      else if (iso < earliest)
        context.report({ messageId: 'tooEarly', field, data: { value: iso, earliest } });
      return iso;
    };
    return {
      // 更新日期 before 发布日期 is not checked: data last updated before the entry was published (a historic
      // data set published later) is ordinary, and the documents set no order between the two.
      entry(entry) {
        check('/publishDate', entry.data.publishDate);
        check('/updateDate', entry.data.updateDate);
      },
    };
  },
});
