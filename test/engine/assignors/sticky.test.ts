// Kafka's StickyAssignorTest: the cases specific to the eager StickyAssignor ("sticky"). The
// cases it inherits from AbstractStickyAssignorTest are in abstractSticky*.test.ts.
// StickyAssignor reads ownership and generation from its userData; Kafka's buildSubscriptionV0/V1/
// V2Above all put the same partitions and generation there, which is what our input carries.

import { describe, expect, it } from "vitest";
import { assignPartitions, assignSticky } from "../../../src/engine/assignors";
import {
  DEFAULT_GENERATION,
  GENERATION_ID,
  StickyGroup,
  isFullyBalanced,
  toSortedStrings,
  tp,
} from "./kafkaTestSupport";

const disjoint = (a: readonly string[] = [], b: readonly string[] = []): boolean =>
  a.every((p) => !b.includes(p));

describe("StickyAssignorTest", () => {
  it("testAllConsumersHaveOwnedPartitionInvalidatedWhenClaimedByMultipleConsumersInSameGenerationWithEqualPartitionsPerConsumer", () => {
    const group = new StickyGroup("sticky", { topic: 3 });
    group.subscribeOwning("consumer1", ["topic"], [tp("topic", 0), tp("topic", 1)], GENERATION_ID);
    group.subscribeOwning("consumer2", ["topic"], [tp("topic", 0), tp("topic", 2)], GENERATION_ID);
    group.subscribeOwning("consumer3", ["topic"], [], GENERATION_ID);
    const { assignment } = group.assign();
    expect(assignment).toEqual({
      consumer1: [tp("topic", 1)],
      consumer2: [tp("topic", 2)],
      consumer3: [tp("topic", 0)],
    });
    expect(isFullyBalanced(group.verifyValidityAndBalance(assignment))).toBe(true);
  });

  it("testAllConsumersHaveOwnedPartitionInvalidatedWhenClaimedByMultipleConsumersInSameGenerationWithUnequalPartitionsPerConsumer", () => {
    const group = new StickyGroup("sticky", { topic: 4 });
    group.subscribeOwning("consumer1", ["topic"], [tp("topic", 0), tp("topic", 1)], GENERATION_ID);
    group.subscribeOwning("consumer2", ["topic"], [tp("topic", 0), tp("topic", 2)], GENERATION_ID);
    group.subscribeOwning("consumer3", ["topic"], [], GENERATION_ID);
    expect(group.assign().assignment).toEqual({
      consumer1: [tp("topic", 1), tp("topic", 3)],
      consumer2: [tp("topic", 2)],
      consumer3: [tp("topic", 0)],
    });
  });

  describe.each([true, false])("isAllSubscriptionsEqual = %s", (isAllSubscriptionsEqual) => {
    it("testAssignmentWithMultipleGenerations1", () => {
      const allTopics = ["topic", "topic2"];
      const consumer2Topics = isAllSubscriptionsEqual ? allTopics : ["topic"];
      const group = new StickyGroup("sticky", { topic: 6, topic2: 6 });
      group.subscribe("consumer1", allTopics);
      group.subscribe("consumer2", consumer2Topics);
      group.subscribe("consumer3", allTopics);
      const r1 = group.assign().assignment;
      for (const id of ["consumer1", "consumer2", "consumer3"]) expect(r1[id]).toHaveLength(4);
      expect(isFullyBalanced(group.verifyValidityAndBalance(r1))).toBe(true);

      group.subscribeOwning("consumer1", allTopics, r1.consumer1 ?? [], GENERATION_ID);
      group.subscribeOwning("consumer2", consumer2Topics, r1.consumer2 ?? [], GENERATION_ID);
      group.remove("consumer3");
      const r2 = group.assign().assignment;
      expect(r2.consumer1).toHaveLength(6);
      expect(r2.consumer2).toHaveLength(6);
      // only true in the all-subscriptions-equal case
      if (isAllSubscriptionsEqual)
        expect(r2.consumer1).toEqual(expect.arrayContaining(r1.consumer1 ?? []));
      expect(r2.consumer2).toEqual(expect.arrayContaining(r1.consumer2 ?? []));
      expect(isFullyBalanced(group.verifyValidityAndBalance(r2))).toBe(true);
      expect(disjoint(r2.consumer2, r1.consumer3)).toBe(false);

      group.remove("consumer1");
      group.subscribeOwning("consumer2", consumer2Topics, r2.consumer2 ?? [], 2);
      group.subscribeOwning("consumer3", allTopics, r1.consumer3 ?? [], 1);
      const r3 = group.assign().assignment;
      expect(r3.consumer2).toHaveLength(6);
      expect(r3.consumer3).toHaveLength(6);
      expect(disjoint(r3.consumer2, r3.consumer3)).toBe(true);
      expect(isFullyBalanced(group.verifyValidityAndBalance(r3))).toBe(true);
    });

    it("testAssignmentWithMultipleGenerations2", () => {
      const allTopics = ["topic", "topic2", "topic3"];
      const consumer1Topics = isAllSubscriptionsEqual ? allTopics : ["topic"];
      const consumer3Topics = isAllSubscriptionsEqual ? allTopics : ["topic", "topic2"];
      const group = new StickyGroup("sticky", { topic: 4, topic2: 4, topic3: 4 });
      group.subscribe("consumer1", consumer1Topics);
      group.subscribe("consumer2", allTopics);
      group.subscribe("consumer3", consumer3Topics);
      const r1 = group.assign().assignment;
      for (const id of ["consumer1", "consumer2", "consumer3"]) expect(r1[id]).toHaveLength(4);
      expect(isFullyBalanced(group.verifyValidityAndBalance(r1))).toBe(true);

      group.remove("consumer1");
      group.subscribeOwning("consumer2", allTopics, r1.consumer2 ?? [], 1);
      group.remove("consumer3");
      const r2 = group.assign().assignment;
      expect(r2.consumer2).toHaveLength(12);
      expect(r2.consumer2).toEqual(expect.arrayContaining(r1.consumer2 ?? []));
      expect(isFullyBalanced(group.verifyValidityAndBalance(r2))).toBe(true);

      group.subscribeOwning("consumer1", consumer1Topics, r1.consumer1 ?? [], 1);
      group.subscribeOwning("consumer2", allTopics, r2.consumer2 ?? [], 2);
      group.subscribeOwning("consumer3", consumer3Topics, r1.consumer3 ?? [], 1);
      const r3 = group.assign().assignment;
      for (const id of ["consumer1", "consumer2", "consumer3"]) expect(r3[id]).toHaveLength(4);
      expect(isFullyBalanced(group.verifyValidityAndBalance(r3))).toBe(true);
    });

    it("testAssignmentWithConflictingPreviousGenerations", () => {
      const allTopics = ["topic", "topic2", "topic3"];
      const consumer1Topics = isAllSubscriptionsEqual ? allTopics : ["topic"];
      const consumer2Topics = isAllSubscriptionsEqual ? allTopics : ["topic", "topic2"];
      const group = new StickyGroup("sticky", { topic: 4, topic2: 4, topic3: 4 });
      const c1partitions0 = isAllSubscriptionsEqual
        ? [
            tp("topic", 0),
            tp("topic", 1),
            tp("topic", 2),
            tp("topic2", 2),
            tp("topic2", 3),
            tp("topic3", 0),
          ]
        : [tp("topic", 0), tp("topic", 1), tp("topic", 2), tp("topic", 3)];
      const c2partitions0 = [
        tp("topic", 0),
        tp("topic", 1),
        tp("topic2", 0),
        tp("topic2", 1),
        tp("topic2", 2),
        tp("topic2", 3),
      ];
      const c3partitions0 = [
        tp("topic", 2),
        tp("topic", 3),
        tp("topic3", 0),
        tp("topic3", 1),
        tp("topic3", 2),
        tp("topic3", 3),
      ];
      group.subscribeOwning("consumer1", consumer1Topics, c1partitions0, 1);
      group.subscribeOwning("consumer2", consumer2Topics, c2partitions0, 2);
      group.subscribeOwning("consumer3", allTopics, c3partitions0, 2);
      const { assignment } = group.assign();
      for (const id of ["consumer1", "consumer2", "consumer3"])
        expect(assignment[id]).toHaveLength(4);
      expect(c2partitions0).toEqual(expect.arrayContaining(assignment.consumer2 ?? []));
      expect(c3partitions0).toEqual(expect.arrayContaining(assignment.consumer3 ?? []));
      expect(isFullyBalanced(group.verifyValidityAndBalance(assignment))).toBe(true);
    });
  });

  it("testSchemaBackwardCompatibility (old userData schema: no generation)", () => {
    const group = new StickyGroup("sticky", { topic: 3 });
    group.subscribeOwning("consumer1", ["topic"], [tp("topic", 0), tp("topic", 2)], 1);
    group.subscribeOwning("consumer2", ["topic"], [tp("topic", 1)], DEFAULT_GENERATION);
    group.subscribe("consumer3", ["topic"]);
    const { assignment } = group.assign();
    for (const id of ["consumer1", "consumer2", "consumer3"])
      expect(assignment[id]).toHaveLength(1);
    expect([tp("topic", 0), tp("topic", 2)]).toEqual(
      expect.arrayContaining(assignment.consumer1 ?? []),
    );
    expect([tp("topic", 1)]).toEqual(expect.arrayContaining(assignment.consumer2 ?? []));
    expect(isFullyBalanced(group.verifyValidityAndBalance(assignment))).toBe(true);
  });

  it("testAssignorWithOldVersionSubscriptions", () => {
    const group = new StickyGroup("sticky", { topic1: 3 });
    group.subscribeOwning("consumer1", ["topic1"], [tp("topic1", 0)], GENERATION_ID);
    group.subscribeOwning("consumer2", ["topic1"], [tp("topic1", 1)], GENERATION_ID);
    group.subscribeOwning("consumer3", ["topic1"], [], GENERATION_ID);
    expect(group.assign().assignment).toEqual({
      consumer1: [tp("topic1", 0)],
      consumer2: [tp("topic1", 1)],
      consumer3: [tp("topic1", 2)],
    });
  });

  it("testRackAwareAssignmentWithNonEqualSubscription: StickyAssignor ignores protocol-only ownership", () => {
    // Kafka's verifyRackAssignment puts owned partitions only in the protocol field; the eager
    // StickyAssignor reads userData (null there), so it sees no ownership and gives the
    // non-rack-aware result. Our input carries what the assignor reads: nothing owned.
    const consumers = ["consumer0", "consumer1", "consumer2"];
    const all = ["t1", "t2", "t3"];
    const assignment = assignSticky({
      topics: { t1: 6, t2: 7, t3: 2 },
      members: [
        { id: "consumer0", subscription: all },
        { id: "consumer1", subscription: all },
        { id: "consumer2", subscription: ["t1", "t3"] },
      ],
    });
    expect(toSortedStrings(assignment, consumers)).toEqual([
      "t1-5, t2-0, t2-2, t2-4, t2-6",
      "t1-3, t2-1, t2-3, t2-5, t3-0",
      "t1-0, t1-1, t1-2, t1-4, t3-1",
    ]);
  });

  it('is what assignPartitions("sticky") returns', () => {
    const input = {
      topics: { topic: 3 },
      members: [
        {
          id: "consumer1",
          subscription: ["topic"],
          ownedPartitions: ["topic-0", "topic-1", "topic-2"],
          generation: 1,
        },
        { id: "consumer2", subscription: ["topic"], generation: 1 },
      ],
    };
    expect(assignPartitions("sticky", input)).toEqual({
      consumer1: [tp("topic", 0), tp("topic", 1)],
      consumer2: [tp("topic", 2)],
    });
  });
});
