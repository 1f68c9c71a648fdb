// The group coordinator's `__consumer_offsets` partition:
// GroupCoordinatorService.partitionFor = Utils.abs(groupId.hashCode()) % numPartitions.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  consumerOffsetsPartitionFor,
  javaStringHashCode,
  kafkaAbs,
} from "../../src/engine/consumerOffsetsPartition";

/** String.hashCode in exact arithmetic, reduced to int32 only at the end: an independent oracle. */
function referenceHashCode(s: string): number {
  let h = 0n;
  for (let i = 0; i < s.length; i++) h = (h * 31n + BigInt(s.charCodeAt(i))) % 2n ** 32n;
  return Number(BigInt.asIntN(32, h));
}

describe("javaStringHashCode (Java String.hashCode)", () => {
  it.each([
    ["", 0], // no code units
    ["a", 97],
    ["ab", 3105], // 97*31 + 98
    ["abc", 96354], // 3105*31 + 99
    ["hello", 99162322],
    ["Hello World", -862545276], // wraps negative
    ["Aa", 2112], // 65*31 + 97: the classic collision
    ["BB", 2112], // 66*31 + 66
    ["é", 233], // one UTF-16 code unit
    ["😀", 1772899], // a surrogate pair: 0xD83D*31 + 0xDE00, not the code point 0x1F600
  ])("hashCode(%j) = %i", (s, expected) => {
    expect(javaStringHashCode(s)).toBe(expected);
  });

  it.each(["polygenelubricants", "GydZG_", "DESIGNING WORKHOUSES"])(
    "%j hashes to Integer.MIN_VALUE",
    (s) => expect(javaStringHashCode(s)).toBe(-2147483648),
  );

  it("agrees with exact arithmetic on any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        expect(javaStringHashCode(s)).toBe(referenceHashCode(s));
      }),
    );
  });
});

describe("consumerOffsetsPartitionFor", () => {
  it.each([
    ["a", 47],
    ["ab", 5],
    ["abc", 4],
    ["hello", 22],
    ["payments", 13],
    ["orders-service", 17],
    ["console-consumer-12345", 6],
    ["group-1", 49],
    ["group-2", 0],
  ])("group %j lives in __consumer_offsets-%i", (groupId, expected) => {
    expect(consumerOffsetsPartitionFor(groupId)).toBe(expected);
  });

  it("uses Math.abs for negative hashes, not the sign-bit mask", () => {
    // "Hello World": |-862545276| % 50 = 26; the mask would give 1284938372 % 50 = 22.
    expect(consumerOffsetsPartitionFor("Hello World")).toBe(26);
    // "my-group": |-1906497762| % 50 = 12; the mask would give 36.
    expect(consumerOffsetsPartitionFor("my-group")).toBe(12);
  });

  it("maps a hash of Integer.MIN_VALUE to partition 0 (Utils.abs)", () => {
    expect(kafkaAbs(-2147483648)).toBe(0);
    expect(consumerOffsetsPartitionFor("polygenelubricants")).toBe(0);
    expect(consumerOffsetsPartitionFor("polygenelubricants", 7)).toBe(0);
  });

  it("honours offsets.topic.num.partitions", () => {
    expect(consumerOffsetsPartitionFor("hello", 3)).toBe(99162322 % 3);
    expect(consumerOffsetsPartitionFor("Hello World", 1)).toBe(0);
    expect(() => consumerOffsetsPartitionFor("hello", 0)).toThrow(RangeError);
  });

  it("always lands in [0, numPartitions)", () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 1000 }), (groupId, n) => {
        const p = consumerOffsetsPartitionFor(groupId, n);
        expect(Number.isInteger(p) && p >= 0 && p < n).toBe(true);
      }),
    );
  });
});
