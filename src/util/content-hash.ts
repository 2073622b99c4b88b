// A fingerprint of a value's JSON content, object keys in any order: two values whose JSON with sorted keys is
// the same text get the same number. Lets a rule remember what an entry held without keeping the entry.

// Two 32-bit lanes (FNV-1a and a multiply–xorshift) fed one UTF-16 code at a time; kept in module state so
// hashing allocates nothing.
let laneA = 0;
let laneB = 0;

const SEED_A = 0x811c9dc5;
const SEED_B = 0x9747b28c;

function feed(code: number): void {
  laneA = Math.imul(laneA ^ code, 0x01000193);
  const b = Math.imul(laneB ^ code, 0x5bd1e995);
  laneB = b ^ (b >>> 15);
}

function feedText(text: string): void {
  feed(text.length & 0xffff);
  // feed() per character, with the lanes in locals (module variables are slower to update in a loop).
  let a = laneA;
  let b = laneB;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    const m = Math.imul(b ^ code, 0x5bd1e995);
    b = m ^ (m >>> 15);
  }
  laneA = a;
  laneB = b;
}

function feed32(value: number): void {
  feed(value & 0xffff);
  feed(value >>> 16);
}

// Tags of the JSON types (a string "1" and the number 1 differ, as in JSON).
const NULL = 0x10001;
const TRUE = 0x10002;
const FALSE = 0x10003;
const NUMBER = 0x10004;
const STRING = 0x10005;
const ARRAY = 0x10006;
const OBJECT = 0x10007;

function feedValue(value: unknown, depth: number): void {
  if (value === null || value === undefined) feed(NULL);
  else if (typeof value === 'string') {
    feed(STRING);
    feedText(value);
  } else if (typeof value === 'number') {
    if (Number.isFinite(value)) {
      feed(NUMBER);
      feedText(String(value));
    } else feed(NULL);
  } else if (typeof value === 'boolean') feed(value ? TRUE : FALSE);
  else if (Array.isArray(value)) {
    feed(ARRAY);
    feed32(value.length);
    for (let i = 0; i < value.length; i++) feedValue(value[i], depth + 1);
  } else if (typeof value === 'object') feedObject(value as Record<string, unknown>, depth);
  // Functions and symbols are not JSON: left out, as JSON.stringify leaves them out of objects.
  else feed(NULL);
}

/** An object: each key with its value hashed alone, the pairs summed, so the keys' order does not matter. */
function feedObject(value: Record<string, unknown>, depth: number): void {
  const outerA = laneA;
  const outerB = laneB;
  let sumA = 0;
  let sumB = 0;
  let count = 0;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const v = value[key];
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    laneA = SEED_A ^ depth;
    laneB = SEED_B ^ depth;
    feedText(key);
    feedValue(v, depth + 1);
    sumA = (sumA + laneA) | 0;
    sumB = (sumB + laneB) | 0;
    count++;
  }
  laneA = outerA;
  laneB = outerB;
  feed(OBJECT);
  feed32(count);
  feed32(sumA);
  feed32(sumB);
}

/**
 * The fingerprint of a value's JSON content as a whole number below 2⁵³: equal for values whose JSON with
 * object keys sorted is the same text (undefined members left out, non-finite numbers as null); different
 * values differ but for a chance of about one in 2⁵³ per pair compared.
 */
export function contentHash(value: unknown): number {
  laneA = SEED_A;
  laneB = SEED_B;
  feedValue(value, 0);
  return (laneA >>> 0) * 0x200000 + ((laneB >>> 0) & 0x1fffff);
}
