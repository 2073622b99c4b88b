// classification/refusal-legal-basis: 不予共享 cites a law, administrative regulation or central policy.
import { defineRule } from '../../../src/rules/define.js';
import { meaningful, shareTypeOf } from '../../../src/rules/helpers/values.js';

export default defineRule({
  meta: {
    id: 'classification/refusal-legal-basis',
    category: 'classification',
    scope: 'entry',
    defaultSeverity: 'error',
    kinds: ['shared'],
    docs: {
      title: { zh: '不予共享注明法律政策依据', en: 'refusal to share cites its legal basis' },
      basis:
        '004_f07732752052f62b.txt 指南 5.1.3（有条件共享和不予共享需提供有关法律、法规和规章依据，否则应当无条件共享）与附录 1 第 9.2 项（不予共享类应注明相关的法律、行政法规或党中央、国务院政策依据）；000_828fab9d00fd14b0.txt C2-1 ③',
      recommended: true,
    },
    messages: {
      noBasis: {
        zh: '不予共享的共享条件“{{condition}}”没有引用具体的法律、行政法规或党中央、国务院政策：请写明依据，如“依据《中华人民共和国统计法》第二十五条”；没有依据的应改为无条件共享',
        en: 'the condition "{{condition}}" of a resource not shared cites no specific law, regulation or central policy: name it (e.g. Article 25 of the Statistics Law); without a basis the resource must be shared unconditionally',
      },
    },
  },
  create(context) {
    const sharing = context.seeds.ruleData.sharing;
    return {
      entry(entry) {
        if (shareTypeOf(context.seeds, entry.data) !== 3) return;
        const condition = meaningful(context.seeds, entry.data.share?.condition);
        if (!condition) return;
        // “相关法律法规”“有关规定” name nothing: remove them before looking for a citation.
        const text = condition.replace(sharing.vagueLegal, '，');
        if (sharing.legalBasis.some((p) => p.re.test(text))) return;
        context.report({ messageId: 'noBasis', field: '/share/condition', data: { condition } });
      },
    };
  },
});
