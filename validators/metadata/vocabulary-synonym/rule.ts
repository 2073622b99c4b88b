// metadata/vocabulary-synonym: a known synonym (每天, VARCHAR2(50), excel) is written as its canonical value.
import { defineRule } from '../../../src/rules/define.js';
import { formatDataType } from '../../../src/rules/helpers/data-type.js';
import { labelFor } from '../../../src/rules/helpers/labels.js';
import {
  DATA_TYPE_VOCABULARY,
  reportableVocabularyValues,
  vocabularyNormalizations,
} from '../../../src/rules/helpers/vocab-fields.js';

export default defineRule({
  meta: {
    id: 'metadata/vocabulary-synonym',
    category: 'metadata',
    scope: 'entry',
    defaultSeverity: 'warning',
    fixable: true,
    docs: {
      title: { zh: '用规范取值代替同义词', en: 'canonical values instead of synonyms' },
      basis:
        '004_f07732752052f62b.txt 指南附录 1 第 7、8.2、9.1、10.1、11 项（各字段的规范取值）；spec §1.1（开放平台常把“每日”写作“每天”）',
      recommended: true,
    },
    messages: {
      synonym: {
        zh: '“{{label}}”写作“{{value}}”，规范写法是“{{canonical}}”：请改为“{{canonical}}”',
        en: '"{{label}}" is written "{{value}}"; the canonical value is "{{canonical}}": write "{{canonical}}"',
      },
    },
  },
  create(context) {
    return {
      entry(entry) {
        for (const v of reportableVocabularyValues(context.seeds, entry)) {
          // A synonym of a discouraged value (不定时 for 不定期) is metadata/vocabulary-discouraged's to report.
          if (v.match?.kind !== 'synonym' || v.match.term.status === 'discouraged') continue;
          const term = v.match.term;
          const canonical =
            v.vocab.id === DATA_TYPE_VOCABULARY && v.dataType
              ? formatDataType(String(term.value), v.dataType.length, v.dataType.scale)
              : term.value;
          context.report({
            messageId: 'synonym',
            field: v.pointer,
            data: { label: labelFor(v.pointer), value: v.text, canonical: String(canonical) },
            fix: { from: v.raw, to: canonical },
          });
        }
        // A reader may already have turned the synonym into the canonical value; the finding still counts.
        for (const { n, from, match } of vocabularyNormalizations(context.seeds, entry.normalizations)) {
          if (match.kind !== 'synonym' || match.term.status === 'discouraged') continue;
          context.report({
            messageId: 'synonym',
            field: n.field,
            data: { label: labelFor(n.field), value: from, canonical: String(n.to) },
            fix: { from: n.from, to: n.to },
          });
        }
      },
    };
  },
});
