// Kafka's AbstractStickyAssignorTest (clients/.../consumer/internals/), which Kafka runs for both
// StickyAssignorTest and CooperativeStickyAssignorTest; so do we. Each case keeps its Kafka name.
// Kafka's RackConfig parameters are dropped: without racks every variant is the same case.
// Where Kafka asserts after verifyValidityAndBalance, the cooperative variant has already run its
// follow-up rebalances, exactly as in Kafka's CooperativeStickyAssignorTest.

import { describe, expect, it } from "vitest";
import {
  DEFAULT_GENERATION,
  GENERATION_ID,
  StickyGroup,
  isFullyBalanced,
  tp,
  type StickyAssignorName,
} from "./kafkaTestSupport";

const ASSIGNORS: StickyAssignorName[] = ["sticky", "cooperative-sticky"];

describe.each(ASSIGNORS)("AbstractStickyAssignorTest exact cases (%s)", (assignor) => {
  it("testOneConsumerNoTopic", () => {
    const group = new StickyGroup(assignor, {});
    group.subscribe("consumer", []);
    const { assignment, partitionsTransferringOwnership } = group.assign();
    expect(assignment).toEqual({ consumer: [] });
    expect(partitionsTransferringOwnership).toEqual({});
    group.verifyValidityAndBalance(assignment);
    expect(isFullyBalanced(assignment)).toBe(true);
  });

  it("testOneConsumerNonexistentTopic", () => {
    const group = new StickyGroup(assignor, { topic: 0 });
    group.subscribe("consumer", ["topic"]);
    const { assignment, partitionsTransferringOwnership } = group.assign();
    expect(assignment).toEqual({ consumer: [] });
    expect(partitionsTransferringOwnership).toEqual({});
  });

  it("testOneConsumerOneTopic", () => {
    const group = new StickyGroup(assignor, { topic: 3 });
    group.subscribe("consumer", ["topic"]);
    const { assignment, partitionsTransferringOwnership } = group.assign();
    expect(assignment.consumer).toEqual([tp("topic", 0), tp("topic", 1), tp("topic", 2)]);
    expect(partitionsTransferringOwnership).toEqual({});
  });

  it("testOnlyAssignsPartitionsFromSubscribedTopics", () => {
    const group = new StickyGroup(assignor, { topic: 2 });
    const owned = [tp("topic", 0), tp("topic", 1), tp("other", 0), tp("other", 1)];
    group.subscribeOwning("consumer", ["topic"], owned, GENERATION_ID);
    const { assignment, partitionsTransferringOwnership } = group.assign();
    expect(assignment.consumer).toEqual([tp("topic", 0), tp("topic", 1)]);
    expect(partitionsTransferringOwnership).toEqual({});
  });

  it("testOneConsumerMultipleTopics", () => {
    const group = new StickyGroup(assignor, { topic1: 1, topic2: 2 });
    group.subscribe("consumer", ["topic1", "topic2"]);
    const { assignment } = group.assign();
    expect(assignment.consumer).toEqual([tp("topic1", 0), tp("topic2", 0), tp("topic2", 1)]);
  });

  it("testTwoConsumersOneTopicOnePartition (asserts validity and balance only)", () => {
    const group = new StickyGroup(assignor, { topic: 1 });
    group.subscribe("consumer1", ["topic"]);
    group.subscribe("consumer2", ["topic"]);
    const { assignment, partitionsTransferringOwnership } = group.assign();
    expect(partitionsTransferringOwnership).toEqual({});
    expect(isFullyBalanced(group.verifyValidityAndBalance(assignment))).toBe(true);
  });

  it("testTwoConsumersOneTopicTwoPartitions", () => {
    const group = new StickyGroup(assignor, { topic: 2 });
    group.subscribe("consumer1", ["topic"]);
    group.subscribe("consumer2", ["topic"]);
    const { assignment, partitionsTransferringOwnership } = group.assign();
    expect(assignment).toEqual({ consumer1: [tp("topic", 0)], consumer2: [tp("topic", 1)] });
    expect(partitionsTransferringOwnership).toEqual({});
  });

  it("testMultipleConsumersMixedTopicSubscriptions", () => {
    const group = new StickyGroup(assignor, { topic1: 3, topic2: 2 });
    group.subscribe("consumer1", ["topic1"]);
    group.subscribe("consumer2", ["topic1", "topic2"]);
    group.subscribe("consumer3", ["topic1"]);
    const { assignment, partitionsTransferringOwnership } = group.assign();
    expect(assignment).toEqual({
      consumer1: [tp("topic1", 0), tp("topic1", 2)],
      consumer2: [tp("topic2", 0), tp("topic2", 1)],
      consumer3: [tp("topic1", 1)],
    });
    expect(partitionsTransferringOwnership).toBeNull();
    expect(isFullyBalanced(group.verifyValidityAndBalance(assignment))).toBe(true);
  });

  it("testTwoConsumersTwoTopicsSixPartitions", () => {
    const group = new StickyGroup(assignor, { topic1: 3, topic2: 3 });
    group.subscribe("consumer1", ["topic1", "topic2"]);
    group.subscribe("consumer2", ["topic1", "topic2"]);
    const { assignment, partitionsTransferringOwnership } = group.assign();
    expect(assignment).toEqual({
      consumer1: [tp("topic1", 0), tp("topic1", 2), tp("topic2", 1)],
      consumer2: [tp("topic1", 1), tp("topic2", 0), tp("topic2", 2)],
    });
    expect(partitionsTransferringOwnership).toEqual({});
  });

  it("testConsumerOwningMinQuotaExpectedMaxQuota", () => {
    const group = new StickyGroup(assignor, { topic1: 2, topic2: 3 });
    const topics = ["topic1", "topic2"];
    group.subscribeOwning("consumer1", topics, [tp("topic1", 0), tp("topic2", 1)], GENERATION_ID);
    group.subscribeOwning("consumer2", topics, [tp("topic1", 1), tp("topic2", 2)], GENERATION_ID);
    const { assignment, partitionsTransferringOwnership } = group.assign();
    expect(assignment).toEqual({
      consumer1: [tp("topic1", 0), tp("topic2", 1), tp("topic2", 0)],
      consumer2: [tp("topic1", 1), tp("topic2", 2)],
    });
    expect(partitionsTransferringOwnership).toEqual({});
    expect(isFullyBalanced(group.verifyValidityAndBalance(assignment))).toBe(true);
  });

  it("testMaxQuotaConsumerMoreThanNumExpectedMaxCapacityMembers (HashMap order decides)", () => {
    // consumer2 is visited before consumer1 (Java HashMap order), so consumer2 keeps maxQuota.
    const group = new StickyGroup(assignor, { topic1: 2, topic2: 2 });
    const topics = ["topic1", "topic2"];
    group.subscribeOwning("consumer1", topics, [tp("topic1", 0), tp("topic2", 0)], GENERATION_ID);
    group.subscribeOwning("consumer2", topics, [tp("topic1", 1), tp("topic2", 1)], GENERATION_ID);
    group.subscribeOwning("consumer3", topics, [], GENERATION_ID);
    const first = group.assign();
    expect(first.partitionsTransferringOwnership).toEqual({ [tp("topic2", 0)]: "consumer3" });
    const assignment = group.verifyValidityAndBalance(first.assignment);
    expect(assignment).toEqual({
      consumer1: [tp("topic1", 0)],
      consumer2: [tp("topic1", 1), tp("topic2", 1)],
      consumer3: [tp("topic2", 0)],
    });
  });

  it("testAllConsumersAreUnderMinQuota", () => {
    const group = new StickyGroup(assignor, { topic1: 2, topic2: 3 });
    const topics = ["topic1", "topic2"];
    group.subscribeOwning("consumer1", topics, [tp("topic1", 0)], GENERATION_ID);
    group.subscribeOwning("consumer2", topics, [tp("topic1", 1)], GENERATION_ID);
    group.subscribeOwning("consumer3", topics, [], GENERATION_ID);
    const first = group.assign();
    expect(first.partitionsTransferringOwnership).toEqual({});
    expect(group.verifyValidityAndBalance(first.assignment)).toEqual({
      consumer1: [tp("topic1", 0), tp("topic2", 1)],
      consumer2: [tp("topic1", 1), tp("topic2", 2)],
      consumer3: [tp("topic2", 0)],
    });
  });

  it("testAddRemoveConsumerOneTopic", () => {
    const group = new StickyGroup(assignor, { topic: 3 });
    group.subscribe("consumer1", ["topic"]);
    let round = group.assign();
    expect(round.assignment.consumer1).toEqual([tp("topic", 0), tp("topic", 1), tp("topic", 2)]);
    let assignment = group.verifyValidityAndBalance(round.assignment);

    group.subscribeOwning("consumer1", ["topic"], assignment.consumer1 ?? [], GENERATION_ID);
    group.subscribeOwning("consumer2", ["topic"], [], GENERATION_ID);
    round = group.assign();
    expect(round.partitionsTransferringOwnership).toEqual({ [tp("topic", 2)]: "consumer2" });
    assignment = group.verifyValidityAndBalance(round.assignment);
    expect(assignment).toEqual({
      consumer1: [tp("topic", 0), tp("topic", 1)],
      consumer2: [tp("topic", 2)],
    });

    group.remove("consumer1");
    group.subscribeOwning("consumer2", ["topic"], assignment.consumer2 ?? [], GENERATION_ID);
    round = group.assign();
    expect(new Set(round.assignment.consumer2)).toEqual(
      new Set([tp("topic", 2), tp("topic", 1), tp("topic", 0)]),
    );
    expect(round.partitionsTransferringOwnership).toEqual({});
    expect(isFullyBalanced(group.verifyValidityAndBalance(round.assignment))).toBe(true);
  });

  it("testAddRemoveTwoConsumersTwoTopics", () => {
    const allTopics = ["topic1", "topic2"];
    const group = new StickyGroup(assignor, { topic1: 3, topic2: 4 });
    group.subscribe("consumer1", allTopics);
    group.subscribe("consumer2", allTopics);
    let round = group.assign();
    expect(round.assignment).toEqual({
      consumer1: [tp("topic1", 0), tp("topic1", 2), tp("topic2", 1), tp("topic2", 3)],
      consumer2: [tp("topic1", 1), tp("topic2", 0), tp("topic2", 2)],
    });
    expect(round.partitionsTransferringOwnership).toEqual({});
    let assignment = group.verifyValidityAndBalance(round.assignment);

    // add 2 consumers
    group.subscribeOwning("consumer1", allTopics, assignment.consumer1 ?? [], GENERATION_ID);
    group.subscribeOwning("consumer2", allTopics, assignment.consumer2 ?? [], GENERATION_ID);
    group.subscribeOwning("consumer3", allTopics, [], GENERATION_ID);
    group.subscribeOwning("consumer4", allTopics, [], GENERATION_ID);
    round = group.assign();
    expect(round.partitionsTransferringOwnership).toEqual({
      [tp("topic1", 2)]: "consumer3",
      [tp("topic2", 3)]: "consumer3",
      [tp("topic2", 2)]: "consumer4",
    });
    assignment = group.verifyValidityAndBalance(round.assignment);
    expect(assignment).toEqual({
      consumer1: [tp("topic1", 0), tp("topic2", 1)],
      consumer2: [tp("topic2", 0), tp("topic1", 1)],
      consumer3: [tp("topic1", 2), tp("topic2", 3)],
      consumer4: [tp("topic2", 2)],
    });

    // remove 2 consumers
    group.remove("consumer1");
    group.remove("consumer2");
    group.subscribeOwning("consumer3", allTopics, assignment.consumer3 ?? [], GENERATION_ID);
    group.subscribeOwning("consumer4", allTopics, assignment.consumer4 ?? [], GENERATION_ID);
    round = group.assign();
    expect(round.assignment).toEqual({
      consumer3: [tp("topic1", 2), tp("topic2", 3), tp("topic1", 0), tp("topic2", 1)],
      consumer4: [tp("topic2", 2), tp("topic1", 1), tp("topic2", 0)],
    });
    expect(round.partitionsTransferringOwnership).toEqual({});
  });

  it("testAllConsumersReachExpectedQuotaAndAreConsideredFilled", () => {
    const group = new StickyGroup(assignor, { topic: 4 });
    group.subscribeOwning("consumer1", ["topic"], [tp("topic", 0), tp("topic", 1)], GENERATION_ID);
    group.subscribeOwning("consumer2", ["topic"], [tp("topic", 2)], GENERATION_ID);
    group.subscribeOwning("consumer3", ["topic"], [], GENERATION_ID);
    const { assignment, partitionsTransferringOwnership } = group.assign();
    expect(assignment).toEqual({
      consumer1: [tp("topic", 0), tp("topic", 1)],
      consumer2: [tp("topic", 2)],
      consumer3: [tp("topic", 3)],
    });
    expect(partitionsTransferringOwnership).toEqual({});
  });

  it("testPartitionsTransferringOwnershipIncludeThePartitionClaimedByMultipleConsumersInSameGeneration", () => {
    const group = new StickyGroup(assignor, { topic: 3 });
    group.subscribeOwning("consumer1", ["topic"], [tp("topic", 0), tp("topic", 1)], GENERATION_ID);
    group.subscribeOwning("consumer2", ["topic"], [tp("topic", 0), tp("topic", 2)], GENERATION_ID);
    group.subscribeOwning("consumer3", ["topic"], [], GENERATION_ID);
    const first = group.assign();
    expect(first.partitionsTransferringOwnership).toEqual({ [tp("topic", 0)]: "consumer3" });
    expect(group.verifyValidityAndBalance(first.assignment)).toEqual({
      consumer1: [tp("topic", 1)],
      consumer2: [tp("topic", 2)],
      consumer3: [tp("topic", 0)],
    });
  });

  it("testOwnedPartitionsAreInvalidatedForConsumerWithStaleGeneration", () => {
    const group = new StickyGroup(assignor, { topic: 3, topic2: 3 });
    const owned = [tp("topic", 0), tp("topic", 2), tp("topic2", 1)];
    group.subscribeOwning("consumer1", ["topic", "topic2"], owned, 10);
    group.subscribeOwning("consumer2", ["topic", "topic2"], owned, 9);
    const { assignment, partitionsTransferringOwnership } = group.assign();
    expect(new Set(assignment.consumer1)).toEqual(new Set(owned));
    expect(new Set(assignment.consumer2)).toEqual(
      new Set([tp("topic", 1), tp("topic2", 0), tp("topic2", 2)]),
    );
    expect(partitionsTransferringOwnership).toEqual({});
    expect(isFullyBalanced(group.verifyValidityAndBalance(assignment))).toBe(true);
  });

  it("testOwnedPartitionsAreInvalidatedForConsumerWithNoGeneration", () => {
    const group = new StickyGroup(assignor, { topic: 3, topic2: 3 });
    const owned = [tp("topic", 0), tp("topic", 2), tp("topic2", 1)];
    group.subscribeOwning("consumer1", ["topic", "topic2"], owned, 10);
    group.subscribeOwning("consumer2", ["topic", "topic2"], owned, DEFAULT_GENERATION);
    const { assignment, partitionsTransferringOwnership } = group.assign();
    expect(new Set(assignment.consumer1)).toEqual(new Set(owned));
    expect(new Set(assignment.consumer2)).toEqual(
      new Set([tp("topic", 1), tp("topic2", 0), tp("topic2", 2)]),
    );
    expect(partitionsTransferringOwnership).toEqual({});
  });

  it("testEnsurePartitionsAssignedToHighestGeneration", () => {
    const topics = ["topic", "topic2", "topic3"];
    const group = new StickyGroup(assignor, { topic: 3, topic2: 3, topic3: 3 });
    group.subscribeOwning(
      "consumer1",
      topics,
      [tp("topic", 0), tp("topic2", 0), tp("topic3", 0)],
      10,
    );
    group.subscribeOwning(
      "consumer2",
      topics,
      [tp("topic", 1), tp("topic2", 1), tp("topic3", 1)],
      9,
    );
    group.subscribeOwning(
      "consumer3",
      topics,
      [tp("topic2", 1), tp("topic3", 0), tp("topic3", 2)],
      8,
    );
    const { assignment, partitionsTransferringOwnership } = group.assign();
    expect(new Set(assignment.consumer1)).toEqual(
      new Set([tp("topic", 0), tp("topic2", 0), tp("topic3", 0)]),
    );
    expect(new Set(assignment.consumer2)).toEqual(
      new Set([tp("topic", 1), tp("topic2", 1), tp("topic3", 1)]),
    );
    expect(new Set(assignment.consumer3)).toEqual(
      new Set([tp("topic", 2), tp("topic2", 2), tp("topic3", 2)]),
    );
    expect(partitionsTransferringOwnership).toEqual({});
  });

  it("testNoReassignmentOnCurrentMembers", () => {
    const topics = ["topic", "topic2", "topic3", "topic1"];
    const group = new StickyGroup(assignor, { topic: 3, topic1: 3, topic2: 3, topic3: 3 });
    group.subscribeOwning("consumer1", topics, [], DEFAULT_GENERATION);
    group.subscribeOwning(
      "consumer2",
      topics,
      [tp("topic", 0), tp("topic2", 0), tp("topic1", 0)],
      9,
    );
    group.subscribeOwning(
      "consumer3",
      topics,
      [tp("topic3", 2), tp("topic2", 2), tp("topic1", 1)],
      8,
    );
    group.subscribeOwning(
      "consumer4",
      topics,
      [tp("topic3", 1), tp("topic", 1), tp("topic", 2)],
      7,
    );
    const { assignment, partitionsTransferringOwnership } = group.assign();
    expect(new Set(assignment.consumer1)).toEqual(
      new Set([tp("topic1", 2), tp("topic2", 1), tp("topic3", 0)]),
    );
    expect(partitionsTransferringOwnership).toEqual({});
    expect(isFullyBalanced(group.verifyValidityAndBalance(assignment))).toBe(true);
  });

  it("testOwnedPartitionsAreInvalidatedForConsumerWithMultipleGeneration", () => {
    const group = new StickyGroup(assignor, { topic: 3, topic2: 3 });
    const topics = ["topic", "topic2"];
    group.subscribeOwning(
      "consumer1",
      topics,
      [tp("topic", 0), tp("topic2", 1), tp("topic", 1)],
      10,
    );
    group.subscribeOwning(
      "consumer2",
      topics,
      [tp("topic", 0), tp("topic2", 1), tp("topic2", 2)],
      8,
    );
    const { assignment, partitionsTransferringOwnership } = group.assign();
    expect(new Set(assignment.consumer1)).toEqual(
      new Set([tp("topic", 0), tp("topic2", 1), tp("topic", 1)]),
    );
    expect(new Set(assignment.consumer2)).toEqual(
      new Set([tp("topic", 2), tp("topic2", 2), tp("topic2", 0)]),
    );
    expect(partitionsTransferringOwnership).toEqual({});
  });

  it("testAssignmentUpdatedForDeletedTopic", () => {
    const group = new StickyGroup(assignor, { topic1: 1, topic3: 100 });
    group.subscribe("consumer", ["topic1", "topic2", "topic3"]);
    const { assignment, partitionsTransferringOwnership } = group.assign();
    expect(partitionsTransferringOwnership).toEqual({});
    expect(Object.keys(assignment)).toEqual(["consumer"]);
    expect(assignment.consumer).toHaveLength(1 + 100);
  });

  it("testNoExceptionThrownWhenOnlySubscribedTopicDeleted", () => {
    const group = new StickyGroup(assignor, { topic: 3 });
    group.subscribe("consumer", ["topic"]);
    const first = group.assign();
    group.subscribeOwning("consumer", ["topic"], first.assignment.consumer ?? [], GENERATION_ID);
    group.topics = {};
    const { assignment, partitionsTransferringOwnership } = group.assign();
    expect(partitionsTransferringOwnership).toEqual({});
    expect(assignment).toEqual({ consumer: [] });
  });
});
