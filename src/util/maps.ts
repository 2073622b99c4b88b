// Small Map helpers shared across modules.

/** Returns map.get(key), creating and storing the value with `create()` when absent. */
export function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
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
