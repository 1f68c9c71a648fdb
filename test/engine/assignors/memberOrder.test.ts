// Kafka's AbstractPartitionAssignorTest member-order cases, and the Java HashMap iteration order
// the sticky assignors depend on.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortMembers } from "../../../src/engine/assignors";
import {
  javaHashKeys,
  javaHashMapOrder,
  javaHashPut,
  newJavaHashTable,
} from "../../../src/engine/assignors/javaHashMapOrder";
import { javaStringHashCode } from "../../../src/engine/consumerOffsetsPartition";
import { topicPartitionHashCode } from "../../../src/engine/assignors/topicPartition";

const ids = (members: { id: string }[]): string[] => members.map((m) => m.id);

describe("AbstractPartitionAssignorTest: MemberInfo order", () => {
  it("testMemberInfoSortingWithoutGroupInstanceId", () => {
    expect(ids(sortMembers([{ id: "a" }, { id: "b" }, { id: "c" }]))).toEqual(["a", "b", "c"]);
  });

  it("testMemberInfoSortingWithAllGroupInstanceId", () => {
    const members = [
      { id: "a", groupInstanceId: "y" },
      { id: "b", groupInstanceId: "z" },
      { id: "c", groupInstanceId: "x" },
    ];
    expect(ids(sortMembers(members))).toEqual(["c", "a", "b"]);
  });

  it("testMemberInfoSortingSomeGroupInstanceId: a/none, b/y, c/x sort as c, b, a", () => {
    const members = [
      { id: "a" },
      { id: "b", groupInstanceId: "y" },
      { id: "c", groupInstanceId: "x" },
    ];
    expect(ids(sortMembers(members))).toEqual(["c", "b", "a"]);
  });

  it("testMergeSortManyMemberInfo: static members first, each group in id order", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 100 }), (isStatic) => {
        // Three-digit ids, as Kafka's test uses, so string order is numeric order.
        const members = isStatic.map((s, i) => {
          const id = String(100 + i);
          return s ? { id, groupInstanceId: id } : { id };
        });
        const expected = [
          ...members.filter((m) => "groupInstanceId" in m),
          ...members.filter((m) => !("groupInstanceId" in m)),
        ];
        expect(ids(sortMembers([...members].reverse()))).toEqual(ids(expected));
      }),
    );
  });

  it("compares ids like Java String.compareTo: consumer10 before consumer2", () => {
    expect(ids(sortMembers([{ id: "consumer2" }, { id: "consumer10" }]))).toEqual([
      "consumer10",
      "consumer2",
    ]);
  });
});

describe("Java HashMap iteration order", () => {
  it("iterates consumer1..consumer4 in reverse in a 16-bucket table", () => {
    expect(javaHashMapOrder(["consumer1", "consumer2", "consumer3", "consumer4"])).toEqual([
      "consumer4",
      "consumer3",
      "consumer2",
      "consumer1",
    ]);
  });

  it("keeps insertion order within a bucket ('Aa' and 'BB' share hash 2112, bucket 0)", () => {
    expect(javaHashMapOrder(["a", "BB", "Aa"])).toEqual(["BB", "Aa", "a"]);
    expect(javaHashMapOrder(["a", "Aa", "BB"])).toEqual(["Aa", "BB", "a"]);
  });

  it("doubles the table when the 13th key arrives (load factor 0.75)", () => {
    // "0".."9" hash to 48..57, "10" to 1567, "11" to 1568, "12" to 1569.
    const twelve = Array.from({ length: 12 }, (_, i) => String(i));
    expect(javaHashMapOrder(twelve)).toEqual([
      "0",
      "11",
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
      "10",
    ]);
    expect(javaHashMapOrder([...twelve, "12"])).toEqual([
      "11",
      "12",
      "0",
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
      "10",
    ]);
  });

  it("honours an initial capacity (new HashMap<>(3) has 4 buckets)", () => {
    expect(javaHashMapOrder(["consumer0", "consumer1", "consumer2"], 3)).toEqual([
      "consumer1",
      "consumer0",
      "consumer2",
    ]);
    expect(javaHashMapOrder(["consumer0", "consumer1", "consumer2"])).toEqual([
      "consumer2",
      "consumer1",
      "consumer0",
    ]);
  });

  it("resizes instead of treeifying when one bucket of a small table reaches 9 keys", () => {
    // Every 8-character concatenation of "Aa" and "BB" has the same hash code.
    const colliding = Array.from({ length: 9 }, (_, i) =>
      [3, 2, 1, 0].map((bit) => ((i >> bit) & 1 ? "BB" : "Aa")).join(""),
    );
    expect(new Set(colliding.map(javaStringHashCode)).size).toBe(1);
    const table = newJavaHashTable<string>();
    for (const key of colliding.slice(0, 8)) javaHashPut(table, key, key, javaStringHashCode(key));
    expect(table.capacity).toBe(16);
    const ninth = colliding[8] ?? "";
    javaHashPut(table, ninth, ninth, javaStringHashCode(ninth));
    expect(table.capacity).toBe(32);
    expect(javaHashKeys(table)).toEqual(colliding);
  });

  it("orders TopicPartitions by TopicPartition.hashCode buckets", () => {
    // hashCode = 31 * (31 + partition) + "t".hashCode() (116): 1077, 1108, 1139, 1170.
    expect(
      [0, 1, 2, 3].map((partition) => topicPartitionHashCode({ topic: "t", partition })),
    ).toEqual([1077, 1108, 1139, 1170]);
    // Buckets (hash & 15): 5, 4, 3, 2.
    const table = newJavaHashTable<number>();
    for (const p of [0, 1, 2, 3])
      javaHashPut(table, `t-${p}`, p, topicPartitionHashCode({ topic: "t", partition: p }));
    expect(javaHashKeys(table)).toEqual([3, 2, 1, 0]);
  });
});
