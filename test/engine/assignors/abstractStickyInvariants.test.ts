// The AbstractStickyAssignorTest cases that assert properties rather than exact lists
// (verifyValidityAndBalance, isFullyBalanced, isSticky, stickiness), plus the non-rack-aware
// vectors of its rack tests. Run for both sticky assignors, as Kafka does.

import { describe, expect, it } from "vitest";
import {
  GENERATION_ID,
  StickyGroup,
  canonicalName,
  isFullyBalanced,
  ownedFromStrings,
  seededRandom,
  toSortedStrings,
  tp,
  type StickyAssignorName,
} from "./kafkaTestSupport";

const ASSIGNORS: StickyAssignorName[] = ["sticky", "cooperative-sticky"];

const countOf = (partitions: readonly string[], topic: string): number =>
  partitions.filter((p) => p.slice(0, p.lastIndexOf("-")) === topic).length;

describe.each(ASSIGNORS)("AbstractStickyAssignorTest invariant cases (%s)", (assignor) => {
  it("testTopicBalanceAfterReassignment", () => {
    const allTopics = ["topic1", "topic2"];
    const group = new StickyGroup(assignor, { topic1: 12, topic2: 12 });
    const expectPerTopic = (assignment: Record<string, string[]>, n: number): void => {
      for (const partitions of Object.values(assignment)) {
        expect(countOf(partitions, "topic1")).toBe(n);
        expect(countOf(partitions, "topic2")).toBe(n);
      }
      expect(isFullyBalanced(assignment)).toBe(true);
    };
    group.subscribe("consumer1", allTopics);
    let assignment = group.verifyValidityAndBalance(group.assign().assignment);
    expectPerTopic(assignment, 12);

    group.subscribeOwning("consumer1", allTopics, assignment.consumer1 ?? [], GENERATION_ID);
    group.subscribeOwning("consumer2", allTopics, [], GENERATION_ID);
    assignment = group.verifyValidityAndBalance(group.assign().assignment);
    expectPerTopic(assignment, 6);

    for (const id of ["consumer1", "consumer2"]) {
      group.subscribeOwning(id, allTopics, assignment[id] ?? [], GENERATION_ID);
    }
    group.subscribeOwning("consumer3", allTopics, [], GENERATION_ID);
    group.subscribeOwning("consumer4", allTopics, [], GENERATION_ID);
    assignment = group.verifyValidityAndBalance(group.assign().assignment);
    expectPerTopic(assignment, 3);

    group.remove("consumer1");
    group.remove("consumer2");
    for (const id of ["consumer3", "consumer4"]) {
      group.subscribeOwning(id, allTopics, assignment[id] ?? [], GENERATION_ID);
    }
    const round = group.assign();
    expect(round.partitionsTransferringOwnership).toEqual({});
    expectPerTopic(group.verifyValidityAndBalance(round.assignment), 6);
  });

  it("testPoorRoundRobinAssignmentScenario", () => {
    const group = new StickyGroup(assignor, {
      topic1: 2,
      topic2: 1,
      topic3: 2,
      topic4: 1,
      topic5: 2,
    });
    group.subscribe("consumer1", ["topic1", "topic2", "topic3", "topic4", "topic5"]);
    group.subscribe("consumer2", ["topic1", "topic3", "topic5"]);
    group.subscribe("consumer3", ["topic1", "topic3", "topic5"]);
    group.subscribe("consumer4", ["topic1", "topic2", "topic3", "topic4", "topic5"]);
    group.verifyValidityAndBalance(group.assign().assignment);
  });

  it("testAddRemoveTopicTwoConsumers", () => {
    const group = new StickyGroup(assignor, { topic: 3 });
    group.subscribe("consumer1", ["topic"]);
    group.subscribe("consumer2", ["topic"]);
    let round = group.assign();
    expect(round.partitionsTransferringOwnership).toEqual({});
    const first = group.verifyValidityAndBalance(round.assignment);
    expect(isFullyBalanced(first)).toBe(true);

    group.topics = { topic: 3, topic2: 3 };
    for (const id of ["consumer1", "consumer2"]) {
      group.subscribeOwning(id, ["topic", "topic2"], first[id] ?? [], GENERATION_ID);
    }
    round = group.assign();
    expect(round.partitionsTransferringOwnership).toEqual({});
    const second = group.verifyValidityAndBalance(round.assignment);
    expect(second.consumer1).toHaveLength(3);
    expect(second.consumer2).toHaveLength(3);
    expect(second.consumer1).toEqual(expect.arrayContaining(first.consumer1 ?? []));
    expect(second.consumer2).toEqual(expect.arrayContaining(first.consumer2 ?? []));

    group.topics = { topic2: 3 };
    for (const id of ["consumer1", "consumer2"]) {
      group.subscribeOwning(id, ["topic2"], second[id] ?? [], GENERATION_ID);
    }
    round = group.assign();
    expect(round.partitionsTransferringOwnership).toEqual({});
    const third = group.verifyValidityAndBalance(round.assignment);
    expect(isFullyBalanced(third)).toBe(true);
    expect(second.consumer1).toEqual(expect.arrayContaining(third.consumer1 ?? []));
    expect(second.consumer2).toEqual(expect.arrayContaining(third.consumer2 ?? []));
  });

  it("testReassignmentAfterOneConsumerLeaves", () => {
    const topics: Record<string, number> = {};
    for (let i = 1; i < 20; i++) topics[canonicalName("t", i, 20)] = i;
    const group = new StickyGroup(assignor, topics);
    for (let i = 1; i < 20; i++) {
      const subscription = Array.from({ length: i }, (_, j) => canonicalName("t", j + 1, 20));
      group.subscribe(canonicalName("c", i, 20), subscription);
    }
    const assignment = group.verifyValidityAndBalance(group.assign().assignment);
    for (const member of [...group.members]) {
      group.subscribeOwning(
        member.id,
        member.subscription,
        assignment[member.id] ?? [],
        GENERATION_ID,
      );
    }
    // Kafka removes "consumer10", a name no member has (they are c01..c19); kept as in Kafka.
    // The property tests remove real members.
    group.remove("consumer10");
    const round = group.assign();
    group.verifyValidityAndBalance(round.assignment);
    expect(round.isSticky).toBe(true);
  });

  it("testReassignmentAfterOneConsumerAdded", () => {
    const group = new StickyGroup(assignor, { topic: 20 });
    for (let i = 1; i < 10; i++) group.subscribe(canonicalName("c", i, 10), ["topic"]);
    let round = group.assign();
    expect(round.partitionsTransferringOwnership).toEqual({});
    group.verifyValidityAndBalance(round.assignment);
    group.subscribe(canonicalName("c", 10, 10), ["topic"]);
    round = group.assign();
    expect(round.partitionsTransferringOwnership).toEqual({});
    group.verifyValidityAndBalance(round.assignment);
  });

  it("testSameSubscriptions", () => {
    const topics: Record<string, number> = {};
    for (let i = 1; i < 15; i++) topics[canonicalName("t", i, 15)] = i;
    const group = new StickyGroup(assignor, topics);
    for (let i = 1; i < 9; i++) group.subscribe(canonicalName("c", i, 9), Object.keys(topics));
    let round = group.assign();
    expect(round.partitionsTransferringOwnership).toEqual({});
    const assignment = group.verifyValidityAndBalance(round.assignment);
    for (const member of [...group.members]) {
      group.subscribeOwning(
        member.id,
        member.subscription,
        assignment[member.id] ?? [],
        GENERATION_ID,
      );
    }
    group.remove(canonicalName("c", 5, 9));
    round = group.assign();
    expect(round.partitionsTransferringOwnership).toEqual({});
    group.verifyValidityAndBalance(round.assignment);
  });

  it("testSubscriptionNotEqualAndAssignSamePartitionWith3Generation", () => {
    const group = new StickyGroup(assignor, { topic: 6, topic1: 1 });
    const sequences = [
      [1, 2, 3],
      [1, 3, 2],
      [2, 1, 3],
      [2, 3, 1],
      [3, 1, 2],
      [3, 2, 1],
    ];
    for (const [g1 = 0, g2 = 0, g3 = 0] of sequences) {
      group.subscribeOwning("consumer1", ["topic"], [tp("topic", 0), tp("topic", 2)], g1);
      group.subscribeOwning(
        "consumer2",
        ["topic"],
        [tp("topic", 1), tp("topic", 2), tp("topic", 3)],
        g2,
      );
      group.subscribeOwning(
        "consumer3",
        ["topic"],
        [tp("topic", 2), tp("topic", 4), tp("topic", 5)],
        g3,
      );
      group.subscribeOwning("consumer4", ["topic1"], [tp("topic1", 0)], 2);
      const { assignment } = group.assign();
      const all = Object.values(assignment).flat();
      expect(new Set(all).size).toBe(all.length);
      for (const partitions of Object.values(assignment)) {
        expect(partitions.length).toBeGreaterThanOrEqual(1);
        expect(partitions.length).toBeLessThanOrEqual(2);
      }
    }
  });

  it("testNewSubscription", () => {
    const group = new StickyGroup(assignor, { t1: 1, t2: 1, t3: 1, t4: 1 });
    for (let i = 0; i < 3; i++) {
      const topics: string[] = [];
      for (let j = i; j <= 3 * i - 2; j++) topics.push(canonicalName("t", j, 5));
      group.subscribe(canonicalName("c", i, 3), topics);
    }
    group.verifyValidityAndBalance(group.assign().assignment);
    // Kafka adds t1 to c0's subscription list in place; the members still report no ownership.
    group.subscribe("c0", ["t1"]);
    const round = group.assign();
    group.verifyValidityAndBalance(round.assignment);
    expect(round.isSticky).toBe(true);
  });

  it("testMoveExistingAssignments", () => {
    const group = new StickyGroup(assignor, {
      topic1: 1,
      topic2: 1,
      topic3: 1,
      topic4: 1,
      topic5: 1,
      topic6: 1,
    });
    group.subscribeOwning("consumer1", ["topic1", "topic2"], [tp("topic1", 0)], GENERATION_ID);
    group.subscribeOwning(
      "consumer2",
      ["topic1", "topic2", "topic3", "topic4"],
      [tp("topic2", 0), tp("topic3", 0)],
      GENERATION_ID,
    );
    group.subscribeOwning(
      "consumer3",
      ["topic2", "topic3", "topic4", "topic5", "topic6"],
      [tp("topic4", 0), tp("topic5", 0), tp("topic6", 0)],
      GENERATION_ID,
    );
    const round = group.assign();
    expect(round.partitionsTransferringOwnership).toBeNull();
    group.verifyValidityAndBalance(round.assignment);
  });

  it("testStickiness", () => {
    const group = new StickyGroup(assignor, { topic1: 3 });
    for (const id of ["consumer1", "consumer2", "consumer3", "consumer4"])
      group.subscribe(id, ["topic1"]);
    let round = group.assign();
    expect(round.partitionsTransferringOwnership).toEqual({});
    const before = group.verifyValidityAndBalance(round.assignment);
    for (const partitions of Object.values(before))
      expect(partitions.length).toBeLessThanOrEqual(1);

    // removing the potential group leader
    group.remove("consumer1");
    for (const id of ["consumer2", "consumer3", "consumer4"]) {
      group.subscribeOwning(id, ["topic1"], before[id] ?? [], GENERATION_ID);
    }
    round = group.assign();
    expect(round.partitionsTransferringOwnership).toEqual({});
    const after = group.verifyValidityAndBalance(round.assignment);
    for (const [consumer, partitions] of Object.entries(after)) {
      expect(partitions).toHaveLength(1);
      expect(partitions).toEqual(expect.arrayContaining(before[consumer] ?? []));
    }
  });

  it("testReassignmentWithRandomSubscriptionsAndChanges (seeded; 25 of Kafka's 100 rounds)", () => {
    const random = seededRandom(20241025);
    const randomSublist = (list: readonly string[]): string[] => {
      const selected = [...list];
      const howManyToRemove = random(list.length);
      for (let i = 1; i <= howManyToRemove; i++) selected.splice(random(selected.length), 1);
      return selected.sort();
    };
    for (let round = 1; round <= 25; round++) {
      const numTopics = 10 + random(10);
      const topics: Record<string, number> = {};
      for (let i = 0; i < numTopics; i++) topics[canonicalName("t", i, 20)] = i + 1;
      const topicNames = Object.keys(topics);
      const numConsumers = 20 + random(20);
      const group = new StickyGroup(assignor, topics);
      for (let i = 0; i < numConsumers; i++) {
        group.subscribe(canonicalName("c", i, 40), randomSublist(topicNames));
      }
      const assignment = group.verifyValidityAndBalance(group.assign().assignment);
      for (let i = 0; i < numConsumers; i++) {
        const id = canonicalName("c", i, 40);
        group.subscribeOwning(id, randomSublist(topicNames), assignment[id] ?? [], GENERATION_ID);
      }
      const next = group.assign();
      group.verifyValidityAndBalance(next.assignment);
      expect(next.isSticky).toBe(true);
    }
  });

  it("testRackAwareAssignmentWithUniformSubscription: the non-rack-aware vectors", () => {
    // verifyRackAssignment's consumers are consumer0..2; without broker racks no rack logic runs.
    const consumers = ["consumer0", "consumer1", "consumer2"];
    const expected = [
      "t1-0, t1-3, t2-0, t2-3, t2-6",
      "t1-1, t1-4, t2-1, t2-4, t3-0",
      "t1-2, t1-5, t2-2, t2-5, t3-1",
    ];
    for (const owned of [["", "", ""], expected]) {
      const group = new StickyGroup(assignor, { t1: 6, t2: 7, t3: 2 });
      consumers.forEach((id, i) => {
        group.subscribeOwning(id, ["t1", "t2", "t3"], ownedFromStrings(owned[i] ?? ""), -1);
      });
      expect(toSortedStrings(group.assign().assignment, consumers)).toEqual(expected);
    }
  });

  it("testRackAwareAssignmentWithNonEqualSubscription: the non-rack-aware vectors", () => {
    const consumers = ["consumer0", "consumer1", "consumer2"];
    const topicsOf = [
      ["t1", "t2", "t3"],
      ["t1", "t2", "t3"],
      ["t1", "t3"],
    ];
    const expected = [
      "t1-5, t2-0, t2-2, t2-4, t2-6",
      "t1-3, t2-1, t2-3, t2-5, t3-0",
      "t1-0, t1-1, t1-2, t1-4, t3-1",
    ];
    for (const owned of [["", "", ""], expected]) {
      const group = new StickyGroup(assignor, { t1: 6, t2: 7, t3: 2 });
      consumers.forEach((id, i) => {
        group.subscribeOwning(id, topicsOf[i] ?? [], ownedFromStrings(owned[i] ?? ""), -1);
      });
      expect(toSortedStrings(group.assign().assignment, consumers)).toEqual(expected);
    }
  });
});
