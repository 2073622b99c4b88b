// Small Map helpers shared across modules.

/** Returns map.get(key), creating and storing the value with `create()` when absent (a Map or a WeakMap). */
export function getOrCreate<K, V>(
  map: { get(key: K): V | undefined; set(key: K, value: V): unknown },
  key: K,
  create: () => V,
): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

/**
 * A memo for a pure string function, bounded: it is emptied when it reaches `max` keys, so memory stays
 * flat however many distinct inputs pass through (catalog values repeat: providers, conditions, item names).
 */
export function memoize<V>(fn: (key: string) => V, max = 65_536): (key: string) => V {
  const cache = new Map<string, V>();
  return (key: string): V => {
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as V;
    const value = fn(key);
    if (cache.size >= max) cache.clear();
    cache.set(key, value);
    return value;
  };
}

/**
 * Finds the keys that occur more than once among many that occur once (names, codes), cheaply: a key seen
 * once keeps its position as a number, a list is made only when a second position joins it. A key is a pair
 * (`scope`, `key`: a provider and a name), kept in a map per scope rather than joined into one string.
 * Positions must be added in ascending order.
 */
export class Repeats {
  private readonly scopes = new Map<string, Map<string, number | number[]>>();
  private readonly lists: number[][] = [];

  add(scope: string, key: string, position: number): void {
    let keys = this.scopes.get(scope);
    if (!keys) {
      keys = new Map();
      this.scopes.set(scope, keys);
    }
    const seen = keys.get(key);
    if (seen === undefined) keys.set(key, position);
    else if (typeof seen === 'number') {
      const list = [seen, position];
      keys.set(key, list);
      this.lists.push(list);
    } else seen.push(position);
  }

  /** The positions of each key added more than once, in the order the keys were first added. */
  groups(): readonly (readonly number[])[] {
    return [...this.lists].sort((a, b) => a[0]! - b[0]!);
  }
}
