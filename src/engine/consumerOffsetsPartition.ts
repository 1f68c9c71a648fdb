// Which `__consumer_offsets` partition holds a consumer group, and so which broker coordinates
// it: the leader of that partition. Kafka: GroupCoordinatorService.partitionFor =
// `Utils.abs(groupId.hashCode()) % offsets.topic.num.partitions` (transactional ids use the same
// formula over `__transaction_state`).

/** Kafka's default `offsets.topic.num.partitions`. */
export const DEFAULT_OFFSETS_TOPIC_NUM_PARTITIONS = 50;

const INT32_MIN = -2147483648;

/**
 * Java's `String.hashCode`: `s[0]*31^(n-1) + ... + s[n-1]` over UTF-16 code units (which is what
 * `charCodeAt` returns), wrapping in signed 32-bit arithmetic (`Math.imul`, `| 0`).
 */
export function javaStringHashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/**
 * Kafka's `Utils.abs`: `Math.abs`, except that `Integer.MIN_VALUE` (whose Java `Math.abs`
 * overflows back to itself) maps to 0. Not the sign-bit mask `toPositive` uses: the two differ
 * for every other negative hash.
 */
export function kafkaAbs(n: number): number {
  return n === INT32_MIN ? 0 : Math.abs(n);
}

/**
 * The `__consumer_offsets` partition of a group. `"polygenelubricants"` hashes to
 * `Integer.MIN_VALUE` and so lands in partition 0.
 */
export function consumerOffsetsPartitionFor(
  groupId: string,
  numPartitions: number = DEFAULT_OFFSETS_TOPIC_NUM_PARTITIONS,
): number {
  if (!Number.isInteger(numPartitions) || numPartitions < 1) {
    throw new RangeError(
      `offsets.topic.num.partitions must be a positive integer, got ${numPartitions}`,
    );
  }
  return kafkaAbs(javaStringHashCode(groupId)) % numPartitions;
}
