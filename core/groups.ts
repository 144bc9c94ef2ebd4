/** Grouping rows read in bulk (the driver's rows) by a key. */

/** Adds `value` to the list under `key`, starting the list if there is none. */
export function append<K, T>(groups: Map<K, T[]>, key: K, value: T): void {
  const list = groups.get(key);
  if (list) list.push(value);
  else groups.set(key, [value]);
}
