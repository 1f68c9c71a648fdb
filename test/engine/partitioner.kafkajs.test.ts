// Differential test: our key partitioner against kafkajs's Java-compatible one (kafkajs 2.2.4,
// whose murmur2 is pinned to values generated with the Java client), over many random keys.
import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type * as KafkaJS from "kafkajs";
import { murmur2, partitionForKey, utf8Bytes } from "../../src/engine/partitioner";

const require = createRequire(import.meta.url);
// kafkajs is CommonJS; DefaultPartitioner is the Java-compatible one since kafkajs 2.0.
const { Partitioners } = require("kafkajs") as typeof KafkaJS;
const kafkajsMurmur2 = require("kafkajs/src/producer/partitioners/default/murmur2") as (
  key: Buffer | string,
) => number;

const PARTITION_COUNTS = [1, 3, 6, 12, 50, 1000] as const;

/** Every partition with a leader: kafkajs only round-robins unkeyed records over those. */
function metadataFor(numPartitions: number): KafkaJS.PartitionMetadata[] {
  return Array.from({ length: numPartitions }, (_, partitionId) => ({
    partitionErrorCode: 0,
    partitionId,
    leader: partitionId % 3,
    replicas: [partitionId % 3],
    isr: [partitionId % 3],
  }));
}

const METADATA = new Map(PARTITION_COUNTS.map((n) => [n, metadataFor(n)]));

/** Keys mixing ASCII, any Unicode code point (no lone surrogates) and printable graphemes. */
const keyArbitrary = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: "binary-ascii", minLength: 100, maxLength: 300 }),
);

describe("partitionForKey against kafkajs's Java-compatible partitioner", () => {
  it("picks the same partition for 12,000 random keys and every partition count", () => {
    const partition = Partitioners.JavaCompatiblePartitioner();
    fc.assert(
      fc.property(keyArbitrary, (key) => {
        for (const numPartitions of PARTITION_COUNTS) {
          const expected = partition({
            topic: "brokerlab",
            partitionMetadata: METADATA.get(numPartitions)!,
            message: { key, value: null },
          });
          expect(partitionForKey(key, numPartitions)).toBe(expected);
        }
      }),
      { seed: 20240521, numRuns: 12_000 },
    );
  });

  it("computes the same murmur2 for arbitrary bytes, including bytes above 0x7f", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(murmur2(bytes)).toBe(kafkajsMurmur2(Buffer.from(bytes)));
      }),
      { seed: 99, numRuns: 5_000 },
    );
  });

  it("differs from kafkajs only on lone surrogates, where we follow the Java client", () => {
    // Node encodes an unpaired surrogate as U+FFFD (EF BF BD); Java's getBytes(UTF_8) writes '?'.
    const lone = "order-\ud800";
    expect(murmur2(utf8Bytes(lone))).toBe(kafkajsMurmur2("order-?"));
    expect(kafkajsMurmur2(lone)).toBe(kafkajsMurmur2("order-\ufffd"));
  });
});
