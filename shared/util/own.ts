/**
 * The value a record holds under `key` itself, or undefined. An id is data, and a scenario may call a
 * dimension or a proposal "constructor" or "toString": `record[key]` would then read Object.prototype's
 * member for a record that has no such entry, and a missing effect would count as a function. Reads of a
 * record by an id that comes from a scenario, an action or a log go through here, so an absent key reads as
 * absent and state stays plain JSON.
 */
export function own<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
