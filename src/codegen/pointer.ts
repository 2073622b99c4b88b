// Reads and writes values inside an entry by JSON Pointer, and converts the report's dotted paths back to pointers.

/** Splits a JSON Pointer (/items/2/type) into its unescaped segments. */
export function segments(pointer: string): string[] {
  if (pointer === '') return [];
  const parts = pointer.slice(1).split('/');
  return pointer.includes('~') ? parts.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')) : parts;
}

/** The value at a pointer, or undefined when any step is missing. */
export function getAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const seg of segments(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    if (!Object.hasOwn(node, seg)) return undefined;
    node = (node as Record<string, unknown>)[seg];
  }
  return node;
}

/**
 * Sets the value at a pointer whose parent exists; returns false (and changes nothing) when it does not.
 * `undefined` removes the key.
 */
export function setAt(root: unknown, pointer: string, value: unknown): boolean {
  const segs = segments(pointer);
  const last = segs.pop();
  if (last === undefined) return false;
  const parent = getAt(root, segs.length ? `/${segs.join('/')}` : '');
  if (parent === null || typeof parent !== 'object') return false;
  if (Array.isArray(parent)) {
    const i = Number(last);
    if (!Number.isInteger(i) || i < 0 || i >= parent.length) return false;
    parent[i] = value;
    return true;
  }
  const obj = parent as Record<string, unknown>;
  if (value === undefined) delete obj[last];
  else obj[last] = value;
  return true;
}

/** Turns the report's dotted path (items[2].type, share.type) into a JSON Pointer (/items/2/type). */
export function pathToPointer(path: string): string {
  if (path === '') return '';
  const parts: string[] = [];
  for (const piece of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(piece);
    if (!m) return `/${path}`;
    if (m[1]) parts.push(m[1]);
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) parts.push(idx[1]!);
  }
  return `/${parts.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}

/** A deep copy of JSON-like data whose objects have no prototype (input keys such as __proto__ stay plain keys). */
export function cloneData<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => cloneData(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(value)) out[key] = cloneData((value as Record<string, unknown>)[key]);
    return out as T;
  }
  return value;
}

/** Structural equality of JSON-like values. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => sameValue(v, b[i]));
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) =>
      Object.hasOwn(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}
