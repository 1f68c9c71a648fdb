import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  initialStickyPartitionerState,
  murmur2,
  onStickyAppend,
  partitionForKey,
  partitionLoadStats,
  roundRobinPartition,
  stickyPartition,
  toPositive,
  utf8Bytes,
  type PartitionLoadStats,
  type StickyPartitionerState,
} from "../../src/engine/partitioner";

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const bytes = (...values: number[]): number[] => values;

/** Kafka's BuiltInPartitionerTest mocks the random source with 0, 1, 2, ... */
function sequentialRandom(): () => number {
  let next = 0;
  return () => next++;
}

/** mulberry32, a small seeded generator for the determinism tests. */
function seededRandom(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return t ^ (t >>> 14);
  };
}

/** Sends `count` unkeyed records of `recordBytes` each and returns their partitions. */
function sendUnkeyed(
  state: StickyPartitionerState,
  count: number,
  options: {
    available: readonly number[];
    numPartitions: number;
    batchSize: number;
    random: () => number;
    recordBytes?: number;
    loadStats?: PartitionLoadStats | null;
  },
): number[] {
  const partitions: number[] = [];
  for (let i = 0; i < count; i++) {
    partitions.push(
      stickyPartition(
        state,
        options.available,
        options.numPartitions,
        options.random,
        options.loadStats ?? null,
      ),
    );
    onStickyAppend(state, options.recordBytes ?? 1, options.batchSize);
  }
  return partitions;
}

describe("murmur2", () => {
  it("matches Kafka's own vectors", () => {
    // clients/.../common/utils/UtilsTest.java, testMurmur2
    expect(murmur2(ascii("21"))).toBe(-973932308);
    expect(murmur2(ascii("foobar"))).toBe(-790332482);
    expect(murmur2(ascii("a-little-bit-long-string"))).toBe(-985981536);
    expect(murmur2(ascii("a-little-bit-longer-string"))).toBe(-1486304829);
    expect(murmur2(ascii("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8"))).toBe(-58897971);
    expect(murmur2(Uint8Array.of(0x61, 0x62, 0x63))).toBe(479470107);
  });

  it("matches librdkafka's Java-compatible vectors, including the empty key", () => {
    // librdkafka src/rdmurmur2.c, unittest_murmur2 (unsigned hex read as Java's signed int)
    const unaligned = "PreAmbleWillBeRemoved,ThePrePartThatIs";
    const cases: [string, number][] = [
      ["kafka", 0xd067cf64],
      ["giberish123456789", 0x8f552b0c],
      ["1234", 0x9fc97b14],
      ["234", 0xe7c009ca],
      ["34", 0x873930da],
      ["4", 0x5a4b5ca1],
      [unaligned, 0x78424f1c],
      [unaligned.slice(1), 0x4a62b377],
      [unaligned.slice(2), 0xe0e4e09e],
      [unaligned.slice(3), 0x62b8b43f],
      ["", 0x106e08d9],
    ];
    for (const [key, expected] of cases) expect(murmur2(ascii(key)), key).toBe(expected | 0);
    expect(murmur2(new Uint8Array(0))).toBe(275646681);
  });

  it("matches kafkajs's values generated with the Java client", () => {
    // kafkajs src/producer/partitioners/defaultJava/murmur2.spec.js (from its Test.java)
    const javaValues: Record<string, number> = {
      "0": 971027396,
      "1": -1993445489,
      "128": -326012175,
      "2187": -1508407203,
      "16384": -325739742,
      "78125": -1654490814,
      "279936": 1462227128,
      "823543": -2014198330,
      "2097152": 607668903,
      "4782969": -1182699775,
      "10000000": -1830336757,
      "19487171": -1603849305,
      "35831808": -857013643,
      "62748517": -1167431028,
      "105413504": -381294639,
      "170859375": -1658323481,
      "100:48069": 1009543857,
    };
    for (const [key, expected] of Object.entries(javaValues)) {
      expect(murmur2(utf8Bytes(key)), key).toBe(expected);
    }
  });
});

describe("toPositive", () => {
  it("clears the sign bit rather than taking the absolute value", () => {
    expect(toPositive(-973932308)).toBe(1173551340);
    expect(Math.abs(-973932308)).not.toBe(toPositive(-973932308));
    expect(toPositive(-2147483648)).toBe(0);
    expect(toPositive(479470107)).toBe(479470107);
  });
});

describe("utf8Bytes", () => {
  it("encodes keys as Java's String.getBytes(UTF_8) does", () => {
    const cases: [string, number[]][] = [
      ["abc", bytes(0x61, 0x62, 0x63)],
      ["é", bytes(0xc3, 0xa9)],
      ["日本", bytes(0xe6, 0x97, 0xa5, 0xe6, 0x9c, 0xac)],
      ["😀", bytes(0xf0, 0x9f, 0x98, 0x80)],
      ["\u0000", bytes(0x00)],
      ["\u007f", bytes(0x7f)],
      ["\u0080", bytes(0xc2, 0x80)],
      ["\u07ff", bytes(0xdf, 0xbf)],
      ["\u0800", bytes(0xe0, 0xa0, 0x80)],
      ["\uffff", bytes(0xef, 0xbf, 0xbf)],
      ["\u{10000}", bytes(0xf0, 0x90, 0x80, 0x80)],
      ["\u{10ffff}", bytes(0xf4, 0x8f, 0xbf, 0xbf)],
    ];
    for (const [s, expected] of cases)
      expect([...utf8Bytes(s)], JSON.stringify(s)).toEqual(expected);
  });

  it("writes '?' for an unpaired surrogate, as Java does (TextEncoder would write U+FFFD)", () => {
    // java.lang.String.encodeUTF8_UTF16 replaces a malformed surrogate with '?'.
    expect([...utf8Bytes("\ud800")]).toEqual(bytes(0x3f));
    expect([...utf8Bytes("\udc00")]).toEqual(bytes(0x3f));
    expect([...utf8Bytes("a\ud800b")]).toEqual(bytes(0x61, 0x3f, 0x62));
    expect([...utf8Bytes("\udc00\ud800")]).toEqual(bytes(0x3f, 0x3f));
    expect([...utf8Bytes("\ud800\ud83d\ude00")]).toEqual(bytes(0x3f, 0xf0, 0x9f, 0x98, 0x80));
  });

  it("agrees with Node's UTF-8 encoder on every well-formed string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 64 }), (s) => {
        expect(Buffer.from(utf8Bytes(s)).equals(Buffer.from(s, "utf8"))).toBe(true);
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
});

describe("partitionForKey", () => {
  it("puts librdkafka's test keys where the Java client puts them", () => {
    // librdkafka tests/0048-partitioner.c, "murmur2" partitioner (values from its Java Murmur2Cli)
    const cases: [string, number][] = [
      ["", 0x106e08d9],
      ["23456", 0x058d780f],
      ["this is another string with more length to it perhaps", 0x4f7703da],
      ["hejsan", 0x5ec19395],
    ];
    for (const [key, positiveHash] of cases) {
      expect(partitionForKey(key, 17), key).toBe(positiveHash % 17);
      expect(partitionForKey(key, 7), key).toBe(positiveHash % 7);
    }
  });

  it("hashes the UTF-8 bytes of multi-byte keys, not their UTF-16 units", () => {
    // Values from kafkajs 2.2.4's Java-compatible murmur2, itself pinned to Java above.
    expect(murmur2(utf8Bytes("é"))).toBe(186971271);
    expect(murmur2(utf8Bytes("日本"))).toBe(-700811021);
    expect(murmur2(utf8Bytes("😀"))).toBe(131881617);
    expect(partitionForKey("é", 6)).toBe(186971271 % 6);
    expect(partitionForKey("日本", 6)).toBe(toPositive(-700811021) % 6);
    expect(partitionForKey("😀", 1000)).toBe(131881617 % 1000);
  });

  it("treats an empty key as a key: it hashes zero bytes", () => {
    expect(partitionForKey("", 50)).toBe(275646681 % 50);
  });

  it("always answers the same partition for the same key and partition count", () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 1000 }), (key, n) => {
        const p = partitionForKey(key, n);
        expect(p).toBe(partitionForKey(key, n));
        expect(Number.isInteger(p) && p >= 0 && p < n).toBe(true);
      }),
      { seed: 11 },
    );
  });

  it("rejects a partition count below 1 as a programming error", () => {
    expect(() => partitionForKey("k", 0)).toThrow(RangeError);
  });
});

describe("sticky partitioner for unkeyed records (KIP-480, KIP-794)", () => {
  it("sticks to a partition until batch.size bytes were sent to it, then moves on", () => {
    // BuiltInPartitionerTest.testStickyPartitioning: sticky batch size 3, 1-byte records,
    // random source 0, 1, 2, ...
    const state = initialStickyPartitionerState();
    const partitions = sendUnkeyed(state, 9, {
      available: [0, 1, 2],
      numPartitions: 3,
      batchSize: 3,
      random: sequentialRandom(),
    });
    expect(partitions).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
  });

  it("switches back to the only partition of a one-partition topic", () => {
    // BuiltInPartitionerTest.testStickyPartitioning, topic B
    const state = initialStickyPartitionerState();
    const partitions = sendUnkeyed(state, 10, {
      available: [0],
      numPartitions: 1,
      batchSize: 1,
      random: sequentialRandom(),
    });
    expect(partitions).toEqual(Array(10).fill(0));
  });

  it("only draws partitions that have a leader when some have one", () => {
    // BuiltInPartitionerTest.unavailablePartitionsTest, topics A and B
    const a = sendUnkeyed(initialStickyPartitionerState(), 101, {
      available: [0, 2],
      numPartitions: 3,
      batchSize: 1,
      random: seededRandom(42),
    });
    expect(a).not.toContain(1);
    expect(new Set(a)).toEqual(new Set([0, 2]));

    const b = sendUnkeyed(initialStickyPartitionerState(), 101, {
      available: [1],
      numPartitions: 2,
      batchSize: 1,
      random: seededRandom(43),
    });
    expect(new Set(b)).toEqual(new Set([1]));
  });

  it("draws among all partitions when none has a leader", () => {
    // BuiltInPartitionerTest.unavailablePartitionsTest, topic C
    const c = sendUnkeyed(initialStickyPartitionerState(), 2, {
      available: [],
      numPartitions: 1,
      batchSize: 1,
      random: seededRandom(44),
    });
    expect(c).toEqual([0, 0]);
    const three = sendUnkeyed(initialStickyPartitionerState(), 4, {
      available: [],
      numPartitions: 3,
      batchSize: 1,
      random: sequentialRandom(),
    });
    expect(three).toEqual([0, 1, 2, 0]);
  });

  it("picks with the available partitions' metadata order, not their ids", () => {
    const state = initialStickyPartitionerState();
    expect(
      sendUnkeyed(state, 3, {
        available: [2, 0],
        numPartitions: 3,
        batchSize: 1,
        random: sequentialRandom(),
      }),
    ).toEqual([2, 0, 2]);
  });

  it("makes a negative Java int positive before drawing", () => {
    const state = initialStickyPartitionerState();
    // toPositive(-1) = 2147483647, and 2147483647 % 3 = 1
    expect(stickyPartition(state, [0, 1, 2], 3, () => -1)).toBe(1);
  });

  it("holds the partition while its batch is not full, but never past 2 x batch.size", () => {
    // BuiltInPartitioner.updatePartitionInfo with enableSwitch = RecordAccumulator.allBatchesFull
    const held = initialStickyPartitionerState();
    const p = stickyPartition(held, [0, 1, 2], 3, sequentialRandom());
    expect(onStickyAppend(held, 6, 10, false)).toBe(false);
    expect(onStickyAppend(held, 6, 10, false)).toBe(false); // 12 bytes >= 10, but the batch is open
    expect(onStickyAppend(held, 6, 10, false)).toBe(false); // 18 bytes
    expect(held.current).toBe(p);
    expect(onStickyAppend(held, 6, 10, false)).toBe(true); // 24 bytes >= 2 x 10
    expect(held).toEqual({ current: null, bytesInCurrent: 0 });

    const ready = initialStickyPartitionerState();
    stickyPartition(ready, [0, 1, 2], 3, sequentialRandom());
    expect(onStickyAppend(ready, 6, 10)).toBe(false);
    expect(onStickyAppend(ready, 6, 10)).toBe(true); // 12 bytes, last batch full
  });

  it("treats batch.size=0 as 1 byte, as KafkaProducer does", () => {
    const partitions = sendUnkeyed(initialStickyPartitionerState(), 3, {
      available: [0, 1, 2],
      numPartitions: 3,
      batchSize: 0,
      random: sequentialRandom(),
    });
    expect(partitions).toEqual([0, 1, 2]);
  });

  it("does not count records that did not use the sticky partition", () => {
    const state = initialStickyPartitionerState();
    expect(onStickyAppend(state, 100, 10)).toBe(false);
    expect(state).toEqual({ current: null, bytesInCurrent: 0 });
  });

  it("is deterministic for a given random sequence, and its state survives JSON", () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 200 }),
        fc.nat(),
        (seed, sizes, cutSeed) => {
          const send = (state: StickyPartitionerState, random: () => number, batch: number[]) =>
            batch.map((size) => {
              const p = stickyPartition(state, [0, 1, 3, 4], 5, random);
              onStickyAppend(state, size, 16384);
              return p;
            });
          const whole = send(initialStickyPartitionerState(), seededRandom(seed), sizes);
          expect(send(initialStickyPartitionerState(), seededRandom(seed), sizes)).toEqual(whole);

          // Stop part-way, round-trip the state through JSON, and carry on.
          const cut = cutSeed % (sizes.length + 1);
          const random = seededRandom(seed);
          const state = initialStickyPartitionerState();
          const head = send(state, random, sizes.slice(0, cut));
          const restored = JSON.parse(JSON.stringify(state)) as StickyPartitionerState;
          expect([...head, ...send(restored, random, sizes.slice(cut))]).toEqual(whole);
        },
      ),
      { seed: 3 },
    );
  });

  it("favours partitions with shorter queues, in proportion to max + 1 - queue size", () => {
    // BuiltInPartitionerTest.adaptivePartitionsTest: queues 5 0 3 0 1, random 0, 1, 2, ...
    const queueSizes = [5, 0, 3, 0, 1];
    const loadStats = partitionLoadStats(queueSizes, [0, 1, 2, 3, 4], 5);
    expect(loadStats?.cumulativeFrequencyTable).toEqual([1, 7, 10, 16, 21]);
    const cycles = 2;
    const partitions = sendUnkeyed(initialStickyPartitionerState(), 21 * cycles, {
      available: [0, 1, 2, 3, 4],
      numPartitions: 5,
      batchSize: 1,
      random: sequentialRandom(),
      loadStats,
    });
    const frequencies = [0, 0, 0, 0, 0];
    for (const p of partitions) frequencies[p]! += 1;
    expect(frequencies).toEqual(queueSizes.map((q) => (6 - q) * cycles));
  });

  it("draws uniformly when all queues are equal or the topic has one partition", () => {
    expect(partitionLoadStats([2, 2, 2], [0, 1, 2], 3)).toBeNull();
    expect(partitionLoadStats([4], [0], 1)).toBeNull();
    expect(partitionLoadStats([], [], 3)).toBeNull();
    // A leaderless partition left out of the stats keeps the weights, as in Kafka.
    expect(partitionLoadStats([2, 2], [0, 2], 3)?.cumulativeFrequencyTable).toEqual([1, 2]);
  });
});

describe("roundRobinPartition", () => {
  it("cycles over the partitions that have a leader, in metadata order", () => {
    // RoundRobinPartitionerTest.testRoundRobinWithUnavailablePartitions: metadata lists
    // partitions 1 (no leader), 2, 0; 100 records split evenly between 0 and 2.
    const picks = Array.from({ length: 100 }, (_, counter) =>
      roundRobinPartition(counter, [2, 0], 3),
    );
    expect(picks.slice(0, 4)).toEqual([2, 0, 2, 0]);
    expect(picks.filter((p) => p === 0)).toHaveLength(50);
    expect(picks.filter((p) => p === 2)).toHaveLength(50);
  });

  it("gives every partition the same share when all have a leader", () => {
    // RoundRobinPartitionerTest.testRoundRobinPartitions: partitions listed 1, 2, 0, 3
    const counts = [0, 0, 0, 0];
    for (let counter = 0; counter < 100; counter++) {
      counts[roundRobinPartition(counter, [1, 2, 0, 3], 4)]! += 1;
    }
    expect(counts).toEqual([25, 25, 25, 25]);
  });

  it("falls back to all partitions when none has a leader", () => {
    expect([0, 1, 2, 3].map((c) => roundRobinPartition(c, [], 3))).toEqual([0, 1, 2, 0]);
  });

  it("wraps its counter as Java's int does", () => {
    // Java's AtomicInteger wraps to -2^31 and toPositive(-2^31) is 0.
    expect(roundRobinPartition(2 ** 31, [], 3)).toBe(0);
    expect(roundRobinPartition(2 ** 31 + 1, [], 3)).toBe(1);
  });
});
