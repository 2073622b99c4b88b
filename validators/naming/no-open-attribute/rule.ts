// naming/no-open-attribute: a name carries no open (or share) attribute as a segment (“旅行社信息_可开放”).
import { defineRule } from '../../../src/rules/define.js';
import { meaningful } from '../../../src/rules/helpers/values.js';
import { escapeRegExp } from '../../../src/seeds/rule-data.js';

const OPEN_BRACKETS = '（(【[［';
const CLOSE_BRACKETS = '）)】]］';

export default defineRule({
  meta: {
    id: 'naming/no-open-attribute',
    category: 'naming',
    scope: 'entry',
    defaultSeverity: 'error',
    docs: {
      title: { zh: '名称不带开放属性', en: 'names carry no open attribute' },
      basis:
        '004_f07732752052f62b.txt 指南附录 1 第 2 项（名称“缩略描述政务数据资源内容的标题”）与第 9、10 项（共享属性、开放属性是单独的元数据项）；000_828fab9d00fd14b0.txt C2-1 ①、D2-1 ①（目录命名规范合格率）',
      recommended: true,
    },
    messages: {
      openAttribute: {
        zh: '名称“{{name}}”带着开放属性“{{segment}}”：开放属性不是资源内容，另有“开放属性”字段，请从名称中去掉“{{segment}}”',
        en: 'the name "{{name}}" carries the open attribute "{{segment}}": it says nothing about the content and has its own field; remove "{{segment}}" from the name',
      },
    },
  },
  create(context) {
    const { naming } = context.seeds.ruleData;
    const words = naming.openAttributeWords.map(escapeRegExp).join('|');
    const seps = [...naming.separators].map(escapeRegExp).join('');
    const open = escapeRegExp(OPEN_BRACKETS);
    const close = escapeRegExp(CLOSE_BRACKETS);
    // A separated segment at the end (…_可开放, …（可开放）) or at the start (可开放_…).
    const tail = words ? new RegExp(`[${seps}${open}]+(?:${words})[${close}]?$`, 'u') : undefined;
    const head = words ? new RegExp(`^[${open}]?(?:${words})[${close}${seps}]+(?=.)`, 'u') : undefined;
    return {
      entry(entry) {
        const name = meaningful(context.seeds, entry.data.name);
        if (!name || !tail || !head) return;
        const hit = tail.exec(name) ?? head.exec(name);
        if (!hit) return;
        context.report({ messageId: 'openAttribute', field: '/name', data: { name, segment: hit[0] } });
      },
    };
  },
});
