// Field labels for messages, including elements of list fields (/format/2 is labelled 数据资源格式).
import type { Lang } from '../../i18n/index.js';
import { fieldInfo, fieldLabel } from '../../model/fields.js';

/** The Chinese or English label of a field pointer; list elements take their list's label. */
export function labelFor(pointer: string, lang: Lang): string {
  if (!fieldInfo(pointer)) {
    const parent = pointer.replace(/\/\d+$/, '');
    if (parent !== pointer && fieldInfo(parent)) return fieldLabel(parent, lang);
  }
  return fieldLabel(pointer, lang);
}
