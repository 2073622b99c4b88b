// Field labels for messages, including elements of list fields (/format/2 is labelled 数据资源格式).
import type { TextArg } from '../../i18n/text.js';
import { fieldInfo, fieldLabelText } from '../../model/fields.js';

/** The label of a field pointer (in both languages); list elements take their list's label. */
export function labelFor(pointer: string): TextArg {
  if (!fieldInfo(pointer)) {
    const parent = pointer.replace(/\/\d+$/, '');
    if (parent !== pointer && fieldInfo(parent)) return fieldLabelText(parent);
  }
  return fieldLabelText(pointer);
}
