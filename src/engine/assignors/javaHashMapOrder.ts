// java.util.HashMap iteration order, emulated. The (cooperative-)sticky assignor walks its members
// in the order of a HashMap keyed by member id, and picks "the first" element of HashSets of
// TopicPartitions; where Kafka's output depends on those orders, so must ours.
//
// The model (OpenJDK 8+ HashMap):
// - a key's bucket is `spread(hashCode) & (capacity - 1)`, with `spread(h) = h ^ (h >>> 16)`;
// - capacity starts at 16 (or `tableSizeFor(n)` for `new HashMap<>(n)`) and doubles whenever the
//   size exceeds 0.75 x capacity; it never shrinks;
// - iteration walks buckets in ascending order and each bucket in insertion order; a resize splits
//   every bucket into two while keeping the relative order, so re-inserting the old iteration order
//   into the larger table gives the same result;
// - a bucket that reaches 9 entries in a table smaller than 64 makes the table resize instead of
//   treeifying (emulated). In a table of 64 or more such a bucket becomes a red-black tree whose
//   iteration order can differ: NOT emulated (it needs 9 colliding keys in one bucket, which member
//   ids and a topic's partitions practically never produce).
// Plain data and functions; only the sticky assignor's internals hold one of these tables.

import { javaStringHashCode } from "../consumerOffsetsPartition";

const DEFAULT_INITIAL_CAPACITY = 16;
const LOAD_FACTOR = 0.75;
const TREEIFY_THRESHOLD = 8;
const MIN_TREEIFY_CAPACITY = 64;

/** HashMap.hash(): folds the high half of the hash code into the low half. */
export function javaHashSpread(hashCode: number): number {
  return hashCode ^ (hashCode >>> 16);
}

/** HashMap.tableSizeFor: the smallest power of two at least `n` (and at least 1). */
export function tableSizeFor(n: number): number {
  let capacity = 1;
  while (capacity < n) capacity *= 2;
  return capacity;
}

interface JavaHashEntry<K> {
  /** Equality of keys: two entries with the same id are the same key. */
  readonly id: string;
  readonly key: K;
  readonly spread: number;
}

export interface JavaHashTable<K> {
  capacity: number;
  size: number;
  buckets: JavaHashEntry<K>[][];
}

export function newJavaHashTable<K>(
  initialCapacity: number = DEFAULT_INITIAL_CAPACITY,
): JavaHashTable<K> {
  const capacity = tableSizeFor(initialCapacity);
  return { capacity, size: 0, buckets: Array.from({ length: capacity }, () => []) };
}

function bucketOf<K>(table: JavaHashTable<K>, spread: number): JavaHashEntry<K>[] {
  // capacity - 1 is a bit mask below 2^31, so the index is never negative.
  const bucket = table.buckets[spread & (table.capacity - 1)];
  if (bucket === undefined) throw new Error("hash table bucket out of range");
  return bucket;
}

function resize<K>(table: JavaHashTable<K>): void {
  const entries = table.buckets.flat();
  table.capacity *= 2;
  table.buckets = Array.from({ length: table.capacity }, () => []);
  for (const entry of entries) bucketOf(table, entry.spread).push(entry);
}

/** HashMap.put for a new key (an existing key keeps its place, as in Java). */
export function javaHashPut<K>(
  table: JavaHashTable<K>,
  id: string,
  key: K,
  hashCode: number,
): void {
  const spread = javaHashSpread(hashCode);
  const bucket = bucketOf(table, spread);
  if (bucket.some((entry) => entry.id === id)) return;
  bucket.push({ id, key, spread });
  // putVal -> treeifyBin: a 9th entry in one bucket of a small table resizes the table.
  if (bucket.length > TREEIFY_THRESHOLD && table.capacity < MIN_TREEIFY_CAPACITY) resize(table);
  table.size += 1;
  if (table.size > Math.floor(table.capacity * LOAD_FACTOR)) resize(table);
}

/** HashMap.remove: unlinks the entry; the others keep their order and the capacity stays. */
export function javaHashRemove<K>(table: JavaHashTable<K>, id: string, hashCode: number): boolean {
  const bucket = bucketOf(table, javaHashSpread(hashCode));
  const index = bucket.findIndex((entry) => entry.id === id);
  if (index < 0) return false;
  bucket.splice(index, 1);
  table.size -= 1;
  return true;
}

/** The keys in iteration order. */
export function javaHashKeys<K>(table: JavaHashTable<K>): K[] {
  return table.buckets.flatMap((bucket) => bucket.map((entry) => entry.key));
}

/**
 * The iteration order of a `HashMap<String, ?>` (or `HashSet<String>`) after `put`ting `keys` in
 * the given order. Repeated keys keep their first place, as `put` on an existing key does.
 */
export function javaHashMapOrder(
  keys: readonly string[],
  initialCapacity: number = DEFAULT_INITIAL_CAPACITY,
): string[] {
  const table = newJavaHashTable<string>(initialCapacity);
  for (const key of keys) javaHashPut(table, key, key, javaStringHashCode(key));
  return javaHashKeys(table);
}
