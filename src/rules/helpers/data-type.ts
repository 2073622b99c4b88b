// Parses 数据类型 of a data item: a type code or name with an optional (length[,scale]), e.g. C(18), N(10,2), VARCHAR2(50).

/** A data type as written. */
export interface ParsedDataType {
  /** The type part before the parentheses, as written (C, VARCHAR2, 字符型). */
  type: string;
  length?: number;
  scale?: number;
  /** Whether a (…) part was written. */
  hasLength: boolean;
}

const TYPE_SYNTAX =
  /^([A-Za-z][A-Za-z0-9 ]*?|\p{Script=Han}+)\s*(?:[(（]\s*([0-9]*)\s*(?:[,，]\s*([0-9]*)\s*)?[)）])?$/u;

const PARSED = new Map<string, ParsedDataType | null>();

/**
 * Parses a data type; undefined when it does not have the form type or type(length[,scale]). Catalogs
 * repeat a few dozen types over every data item, so results are remembered and shared: read them only.
 */
export function parseDataType(raw: string): ParsedDataType | undefined {
  let hit = PARSED.get(raw);
  if (hit === undefined) {
    hit = parse(raw) ?? null;
    if (PARSED.size >= 10_000) PARSED.clear();
    PARSED.set(raw, hit);
  }
  return hit ?? undefined;
}

function parse(raw: string): ParsedDataType | undefined {
  const m = TYPE_SYNTAX.exec(raw.trim());
  if (!m) return undefined;
  const out: ParsedDataType = { type: m[1]!.trim(), hasLength: m[2] !== undefined };
  if (m[2]) out.length = Number(m[2]);
  if (m[3]) out.scale = Number(m[3]);
  return out;
}

/** Writes a type back with its length: C + 18 → C(18); N + 10,2 → N(10,2). */
export function formatDataType(code: string, length?: number, scale?: number): string {
  if (length === undefined) return code;
  return scale === undefined ? `${code}(${length})` : `${code}(${length},${scale})`;
}
