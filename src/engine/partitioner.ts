// How a Kafka producer picks the partition of a record: keyed records by murmur2 of the key
// (BuiltInPartitioner.partitionForKey), unkeyed ones by the built-in "uniform sticky" partitioner
// (KIP-480, KIP-794), or by RoundRobinPartitioner when a scenario configures it.
// Pure functions; the only state is the plain sticky-partitioner object the engine owns.

const MURMUR2_SEED = 0x9747b28c | 0;
const MURMUR2_M = 0x5bd1e995;
const MURMUR2_R = 24;

/**
 * Kafka's `Utils.murmur2`: MurmurHash2 in Java's signed 32-bit arithmetic, returned as a signed
 * int32. `Math.imul` stands in for Java's wrapping `*`, `>>>` for Java's `>>>`.
 */
export function murmur2(bytes: Uint8Array): number {
  const length = bytes.length;
  let h = MURMUR2_SEED ^ length;
  const tailStart = length - (length % 4);

  for (let i = 0; i < tailStart; i += 4) {
    // Little-endian 4-byte block; `!` because i + 3 < tailStart <= length.
    let k = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    k = Math.imul(k, MURMUR2_M);
    k ^= k >>> MURMUR2_R;
    k = Math.imul(k, MURMUR2_M);
    h = Math.imul(h, MURMUR2_M);
    h ^= k;
  }

  // Kafka's fall-through switch on the 1-3 trailing bytes: mix each in, then multiply once.
  const tail = length - tailStart;
  if (tail === 3) h ^= bytes[tailStart + 2]! << 16;
  if (tail >= 2) h ^= bytes[tailStart + 1]! << 8;
  if (tail >= 1) {
    h ^= bytes[tailStart]!;
    h = Math.imul(h, MURMUR2_M);
  }

  h ^= h >>> 13;
  h = Math.imul(h, MURMUR2_M);
  h ^= h >>> 15;
  return h | 0;
}

/** Kafka's `Utils.toPositive`: clears the sign bit. Not `Math.abs`, which picks another partition. */
export function toPositive(n: number): number {
  return n & 0x7fffffff;
}

/**
 * The bytes Kafka's StringSerializer sends: Java's `String.getBytes(UTF_8)`.
 * Written by hand because the engine has no DOM or Node types (no TextEncoder), and because Java
 * differs from TextEncoder on one point: an unpaired surrogate becomes `?` (0x3F), not U+FFFD.
 */
export function utf8Bytes(s: string): Uint8Array {
  // At most 3 bytes per UTF-16 unit (a surrogate pair is 2 units for 4 bytes).
  const out = new Uint8Array(s.length * 3);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
    } else if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
      out[n++] = 0x80 | (c & 0x3f);
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        out[n++] = 0xf0 | (cp >> 18);
        out[n++] = 0x80 | ((cp >> 12) & 0x3f);
        out[n++] = 0x80 | ((cp >> 6) & 0x3f);
        out[n++] = 0x80 | (cp & 0x3f);
        i++;
      } else {
        out[n++] = 0x3f; // Java's replacement for an unpaired surrogate
      }
    } else {
      out[n++] = 0xe0 | (c >> 12);
      out[n++] = 0x80 | ((c >> 6) & 0x3f);
      out[n++] = 0x80 | (c & 0x3f);
    }
  }
  return out.slice(0, n);
}

/**
 * The partition of a keyed record: `toPositive(murmur2(utf8(key))) % numPartitions`.
 * `numPartitions` counts every partition of the topic, led or not: a key keeps its partition
 * (and waits for it) when that partition is offline.
 */
export function partitionForKey(key: string, numPartitions: number): number {
  assertPartitionCount(numPartitions);
  return keyHash(key) % numPartitions;
}

/**
 * toPositive(murmur2(utf8(key))), remembered per key: a producer draws its keys from a short
 * list, and hashing one costs an allocation. A pure function's cache, so bounded by clearing.
 */
const KEY_HASHES = new Map<string, number>();

function keyHash(key: string): number {
  let h = KEY_HASHES.get(key);
  if (h === undefined) {
    if (KEY_HASHES.size >= 4096) KEY_HASHES.clear();
    h = toPositive(murmur2(utf8Bytes(key)));
    KEY_HASHES.set(key, h);
  }
  return h;
}

/**
 * The built-in partitioner's state for one topic of one producer (Kafka keeps one
 * BuiltInPartitioner per topic). Plain JSON-safe data owned by the engine; `stickyPartition` and
 * `onStickyAppend` change it in place.
 */
export interface StickyPartitionerState {
  /** The sticky partition, or null until the next unkeyed record draws one. */
  current: number | null;
  /** Bytes appended to `current` since it was drawn (Kafka's producedBytes). */
  bytesInCurrent: number;
}

export function initialStickyPartitionerState(): StickyPartitionerState {
  return { current: null, bytesInCurrent: 0 };
}

/**
 * Adaptive partitioning weights (KIP-794, `partitioner.adaptive.partitioning.enable`): a
 * cumulative frequency table over the partitions that have a leader, where a partition with a
 * shorter queue gets a larger share.
 */
export interface PartitionLoadStats {
  readonly cumulativeFrequencyTable: readonly number[];
  readonly partitionIds: readonly number[];
}

/**
 * Builds the adaptive weights as BuiltInPartitioner.updatePartitionLoadStats does: each weight is
 * `max(queueSizes) + 1 - queueSize`, summed into a running table. Returns null (uniform draw)
 * when the topic has fewer than 2 partitions, no partition has a leader, or all queues are equal.
 *
 * RecordAccumulator only builds them once every partition of the topic has had a batch.
 *
 * @param queueSizes batches queued per led partition (RecordAccumulator counts batches, not bytes)
 * @param partitionIds the led partitions, in the same order as `queueSizes`
 * @param numPartitions all partitions of the topic, led or not
 */
export function partitionLoadStats(
  queueSizes: readonly number[],
  partitionIds: readonly number[],
  numPartitions: number,
): PartitionLoadStats | null {
  if (queueSizes.length !== partitionIds.length) {
    throw new Error("partitionLoadStats: queueSizes and partitionIds must have the same length");
  }
  if (queueSizes.length < 1 || numPartitions < 2) return null;
  const max = Math.max(...queueSizes);
  // Kafka skips the weights only if all are equal and every partition of the topic is listed.
  const allEqual = queueSizes.every((q) => q === queueSizes[0]);
  if (allEqual && queueSizes.length === numPartitions) return null;
  const cumulativeFrequencyTable: number[] = [];
  let sum = 0;
  for (const q of queueSizes) {
    sum += max + 1 - q;
    cumulativeFrequencyTable.push(sum);
  }
  return { cumulativeFrequencyTable, partitionIds: [...partitionIds] };
}

/**
 * The partition for an unkeyed record: the current sticky partition, drawn lazily when there is
 * none. MUTATES `state` when it draws (sets `current`, resets `bytesInCurrent`).
 *
 * The draw follows BuiltInPartitioner.nextPartition: `r = toPositive(nextRandomInt())`; with
 * `loadStats`, the first partition whose cumulative weight exceeds `r % total`; otherwise
 * `availablePartitions[r % available]`, or `r % numPartitions` when no partition has a leader.
 *
 * @param availablePartitions partitions that have a leader, in metadata order
 * @param nextRandomInt a seeded 32-bit integer source (Java's `nextInt()`: any int32 will do)
 */
export function stickyPartition(
  state: StickyPartitionerState,
  availablePartitions: readonly number[],
  numPartitions: number,
  nextRandomInt: () => number,
  loadStats: PartitionLoadStats | null = null,
): number {
  if (state.current === null) {
    state.current = nextPartition(availablePartitions, numPartitions, nextRandomInt, loadStats);
    state.bytesInCurrent = 0;
  }
  return state.current;
}

/**
 * Counts `appendedBytes` against the sticky partition and ends it once `batch.size` bytes were
 * produced to it (BuiltInPartitioner.updatePartitionInfo). MUTATES `state`; returns true when
 * the sticky partition ended.
 *
 * Kafka postpones the switch while the partition's last batch is not full (`enableSwitch`
 * false, from RecordAccumulator.allBatchesFull) but never past 2 x `batch.size`.
 * Kafka draws the next partition at this very moment; to reproduce that exactly, call
 * `stickyPartition` right away when this returns true, with the metadata of this moment.
 */
export function onStickyAppend(
  state: StickyPartitionerState,
  appendedBytes: number,
  batchSize: number,
  enableSwitch = true,
): boolean {
  // A record that did not go through the sticky partitioner (keyed, explicit partition).
  if (state.current === null) return false;
  // KafkaProducer uses max(1, batch.size): batch.size=0 means "no batching", i.e. 1 byte.
  const stickyBatchSize = Math.max(1, batchSize);
  state.bytesInCurrent += appendedBytes;
  const produced = state.bytesInCurrent;
  if ((produced >= stickyBatchSize && enableSwitch) || produced >= stickyBatchSize * 2) {
    state.current = null;
    state.bytesInCurrent = 0;
    return true;
  }
  return false;
}

/**
 * RoundRobinPartitioner: one step of a per-topic counter per record, over the partitions that
 * have a leader, or over all partitions when none has one. `counter` is the topic's count of
 * records partitioned so far (Kafka's getAndIncrement: the value before the increment); the
 * engine increments it. This is the behaviour since KAFKA-17632 (3.9.1, 4.0): before, a new
 * batch made Kafka call the partitioner twice per record and skip every other partition.
 */
export function roundRobinPartition(
  counter: number,
  availablePartitions: readonly number[],
  numPartitions: number,
): number {
  assertPartitionCount(numPartitions);
  // toPositive of the low 31 bits matches Java's wrapping int counter for any safe integer.
  const next = toPositive(counter);
  if (availablePartitions.length > 0) {
    return availablePartitions[next % availablePartitions.length]!;
  }
  return next % numPartitions;
}

function nextPartition(
  availablePartitions: readonly number[],
  numPartitions: number,
  nextRandomInt: () => number,
  loadStats: PartitionLoadStats | null,
): number {
  const random = toPositive(nextRandomInt());
  if (loadStats !== null) {
    const table = loadStats.cumulativeFrequencyTable;
    const weighted = random % table[table.length - 1]!;
    // Weights are >= 1, so the table is strictly increasing: take the first entry above `weighted`.
    const index = table.findIndex((c) => c > weighted);
    return loadStats.partitionIds[index]!;
  }
  if (availablePartitions.length > 0) {
    return availablePartitions[random % availablePartitions.length]!;
  }
  assertPartitionCount(numPartitions);
  return random % numPartitions;
}

function assertPartitionCount(numPartitions: number): void {
  // A topic always has at least one partition; anything else is a bug in the caller.
  if (!Number.isInteger(numPartitions) || numPartitions < 1) {
    throw new RangeError(`numPartitions must be a positive integer, got ${numPartitions}`);
  }
}
