// The classification pickers of the govcat init template (选择分类·类 / ·项 / ·目): the value of each level is
// "<code> <label>" when the tree gives that level a code, else the label alone. When an entry's 数据资源分类
// is empty and all three levels were picked with codes, the classification is made of those codes.

/** Digits of each level's code: 类 1, 项 2, 目 3 (guide 5.3.1). */
const LEVEL_WIDTHS = [1, 2, 3] as const;

/** A list value of a picker: the code in front when the node has one (`01 人口信息资源库`). */
export function pickerValue(code: string | undefined, label: string): string {
  return code === undefined ? label : `${code} ${label}`;
}

/** The code in front of a picked value, padded to its level's width, or undefined when it has none. */
export function pickedCode(value: string | undefined, level: 0 | 1 | 2): string | undefined {
  const m = /^\s*(\d{1,3})\s+\S/.exec(value ?? '');
  if (!m || m[1]!.length > LEVEL_WIDTHS[level]) return undefined;
  return m[1]!.padStart(LEVEL_WIDTHS[level], '0');
}

/**
 * The classification code the picks make (类 + 项 + 目, six digits), or undefined unless all three levels were
 * picked with codes.
 */
export function classificationFromPicks(picks: readonly (string | undefined)[]): string | undefined {
  let code = '';
  for (const level of [0, 1, 2] as const) {
    const part = pickedCode(picks[level], level);
    if (part === undefined) return undefined;
    code += part;
  }
  return code;
}
