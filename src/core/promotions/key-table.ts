/**
 * The index of a compiled map as an open-addressing hash table in one typed array: (attribute, value) keys
 * to the positions filed under them. A basket looks up each of its values (~150 for 50 lines); in a
 * Map of 10,000 string keys a miss reads a bucket, then each chained entry and its key string (several cache
 * misses), where this reads one slot pair (hash, entry) and compares strings on a hash match only. Most
 * of a basket's values are filed under nothing: a bit per hash in a filter of ~16 bits per key (32 KB for
 * 12,000 keys, which stays in cache where the slots, 16 bytes per key, do not) answers those without
 * reading a slot (~5 % of them still do).
 * Pure: built once per compiled map, read-only after.
 */

export interface KeyTable {
  /** Slots × 2: [hash, entry + 1] (entry + 1 = 0: an empty slot). */
  slots: Int32Array;
  mask: number;
  /** One bit per key hash (filterBit): a clear bit means no key has that hash. */
  filter: Int32Array;
  filterShift: number;
  attributes: readonly string[];
  values: readonly string[];
  lists: readonly (readonly number[])[];
}

/** FNV-1a over the attribute, a separator and the value (32 bits). */
export function attributeSeed(attribute: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < attribute.length; i++) h = Math.imul(h ^ attribute.charCodeAt(i), 0x01000193);
  return Math.imul(h ^ 0x1f, 0x01000193);
}

export function keyHash(seed: number, value: string): number {
  let h = seed;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
  return h | 0;
}

export function buildKeyTable(keys: ReadonlyMap<string, ReadonlyMap<string, readonly number[]>>): KeyTable {
  const attributes: string[] = [];
  const values: string[] = [];
  const lists: (readonly number[])[] = [];
  for (const [attribute, byValue] of keys)
    for (const [value, list] of byValue) {
      attributes.push(attribute);
      values.push(value);
      lists.push(list);
    }
  let size = 8;
  while (size < lists.length * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size * 2);
  for (let e = 0; e < lists.length; e++) {
    const h = keyHash(attributeSeed(attributes[e]!), values[e]!);
    let i = h & mask;
    while (slots[2 * i + 1] !== 0) i = (i + 1) & mask;
    slots[2 * i] = h;
    slots[2 * i + 1] = e + 1;
  }
  let bits = 1024;
  while (bits < lists.length * 16) bits *= 2;
  const filterShift = 32 - Math.log2(bits);
  const filter = new Int32Array(bits / 32);
  for (let i = 0; i < size; i++)
    if (slots[2 * i + 1] !== 0) {
      const b = filterBit(slots[2 * i]!, filterShift);
      filter[b >>> 5]! |= 1 << (b & 31);
    }
  return { slots, mask, filter, filterShift, attributes, values, lists };
}

/** The filter's bit of a key hash: the top bits of the hash remixed (the slots use its low bits). */
const filterBit = (h: number, shift: number) => Math.imul(h, 0x9e3779b1) >>> shift;

/** The entry of (attribute, value): its index in `lists`, or -1; `seed` is attributeSeed(attribute). */
export function findKey(t: KeyTable, seed: number, attribute: string, value: string): number {
  const h = keyHash(seed, value);
  const b = filterBit(h, t.filterShift);
  if ((t.filter[b >>> 5]! & (1 << (b & 31))) === 0) return -1;
  const slots = t.slots;
  for (let i = h & t.mask; ; i = (i + 1) & t.mask) {
    const e = slots[2 * i + 1]!;
    if (e === 0) return -1;
    if (slots[2 * i] === h && t.values[e - 1] === value && t.attributes[e - 1] === attribute) return e - 1;
  }
}

/** The positions filed under (attribute, value); `seed` is attributeSeed(attribute). */
export function lookupKey(
  t: KeyTable,
  seed: number,
  attribute: string,
  value: string,
): readonly number[] | undefined {
  const e = findKey(t, seed, attribute, value);
  return e < 0 ? undefined : t.lists[e];
}
