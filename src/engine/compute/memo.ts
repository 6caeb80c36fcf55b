/**
 * A memo for one analysis. Several rules, the scores and the write plan all ask for the same
 * objective's schedule grid, row matches and phase weights; inside `withComputeMemo` each is
 * computed once per objective (keyed by the objects themselves, so nothing outlives the plan).
 * Outside it nothing is kept: a caller that changes an objective and asks again gets fresh
 * figures. The plan must not change while the memo is active (analyse() never changes it).
 */
export interface ComputeMemo {
  readonly tables: Map<string, WeakMap<object, unknown>>;
}

let active: ComputeMemo | null = null;

/** Runs `fn` with a fresh memo (nested calls share the outer one). */
export function withComputeMemo<T>(fn: () => T): T {
  if (active) return fn();
  active = { tables: new Map() };
  try {
    return fn();
  } finally {
    active = null;
  }
}

/** `compute(key)`, memoised under `table` while a memo is active. */
export function memoised<K extends object, V>(table: string, key: K, compute: (key: K) => V): V {
  if (!active) return compute(key);
  let map = active.tables.get(table) as WeakMap<K, V> | undefined;
  if (!map) {
    map = new WeakMap<K, V>();
    active.tables.set(table, map as WeakMap<object, unknown>);
  }
  if (map.has(key)) return map.get(key) as V;
  const value = compute(key);
  map.set(key, value);
  return value;
}
