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
