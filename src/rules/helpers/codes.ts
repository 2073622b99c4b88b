// Splits a 数据资源代码 into classification prefix, separator and sequence number.

/** A resource code that has the shape digits + separator + digits. */
export interface SplitCode {
  prefix: string;
  separator: string;
  sequence: string;
  /** The sequence as a number (leading zeros allowed). */
  number: number;
}

const CODE_SHAPE = /^([0-9]+)([/._-])([0-9]+)$/;

/** Splits a code of the shape 315018001/12 (any of / . _ -), else undefined. */
export function splitCode(code: string): SplitCode | undefined {
  const m = CODE_SHAPE.exec(code);
  if (!m) return undefined;
  return { prefix: m[1]!, separator: m[2]!, sequence: m[3]!, number: Number(m[3]) };
}
