// Labels and relationship types cannot be parameters, so a statement that names one is built once
// per label or type, from the fixed vocabulary, and looked up by it.

/** One statement per key, built up front; the lookup is total over the keys it was built from. */
export function perLabel<K extends string, S = string>(keys: readonly K[], build: (key: K) => S): (key: K) => S {
  const built = new Map(keys.map((k) => [k, build(k)]));
  return (key) => built.get(key) ?? build(key);
}
