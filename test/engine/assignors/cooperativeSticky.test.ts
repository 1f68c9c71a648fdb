// Kafka's CooperativeStickyAssignorTest: the cases specific to "cooperative-sticky" (the
// inherited AbstractStickyAssignorTest cases are in abstractSticky*.test.ts), the design doc's
// two-round example (scenario S17), and the cooperative vectors of Kafka's rack tests.

import { describe, expect, it } from "vitest";
import {
  assignCooperative,
  assignPartitions,
  rebalanceProtocolFor,
  DEFAULT_ASSIGNMENT_STRATEGY,
  type AssignmentMember,
} from "../../../src/engine/assignors";
import {
  GENERATION_ID,
  StickyGroup,
  isFullyBalanced,
  ownedFromStrings,
  toSortedStrings,
  tp,
  verifyCooperativeValidity,
} from "./kafkaTestSupport";

describe("CooperativeStickyAssignorTest", () => {
  it("testAllConsumersHaveOwnedPartitionInvalidatedWhenClaimedByMultipleConsumersInSameGenerationWithEqualPartitionsPerConsumer", () => {
    const group = new StickyGroup("cooperative-sticky", { topic: 3 });
    group.subscribeOwning("consumer1", ["topic"], [tp("topic", 0), tp("topic", 1)], GENERATION_ID);
    group.subscribeOwning("consumer2", ["topic"], [tp("topic", 0), tp("topic", 2)], GENERATION_ID);
    group.subscribeOwning("consumer3", ["topic"], [], GENERATION_ID);
    const { assignment } = group.assign();
    expect(assignment.consumer1).toEqual([tp("topic", 1)]);
    expect(assignment.consumer2).toEqual([tp("topic", 2)]);
    // topic-0 counts as owned until both claimants have revoked it.
    expect(assignment.consumer3).toEqual([]);
    expect(isFullyBalanced(group.verifyValidityAndBalance(assignment))).toBe(true);
  });

  it("testAllConsumersHaveOwnedPartitionInvalidatedWhenClaimedByMultipleConsumersInSameGenerationWithUnequalPartitionsPerConsumer", () => {
    const group = new StickyGroup("cooperative-sticky", { topic: 4 });
    group.subscribeOwning("consumer1", ["topic"], [tp("topic", 0), tp("topic", 1)], GENERATION_ID);
    group.subscribeOwning("consumer2", ["topic"], [tp("topic", 0), tp("topic", 2)], GENERATION_ID);
    group.subscribeOwning("consumer3", ["topic"], [], GENERATION_ID);
    const { assignment } = group.assign();
    expect(assignment.consumer1).toEqual([tp("topic", 1), tp("topic", 3)]);
    expect(assignment.consumer2).toEqual([tp("topic", 2)]);
    expect(assignment.consumer3).toEqual([]);
    expect(isFullyBalanced(group.verifyValidityAndBalance(assignment))).toBe(true);
  });

  it("testAssignorWithOldVersionSubscriptions", () => {
    const group = new StickyGroup("cooperative-sticky", { topic1: 3 });
    group.subscribeOwning("consumer1", ["topic1"], [tp("topic1", 0)], GENERATION_ID);
    group.subscribeOwning("consumer2", ["topic1"], [tp("topic1", 1)], GENERATION_ID);
    group.subscribeOwning("consumer3", ["topic1"], [], GENERATION_ID);
    const { assignment } = group.assign();
    expect(assignment).toEqual({
      consumer1: [tp("topic1", 0)],
      consumer2: [tp("topic1", 1)],
      consumer3: [tp("topic1", 2)],
    });
    expect(isFullyBalanced(group.verifyValidityAndBalance(assignment))).toBe(true);
  });

  it("testRackAwareAssignmentWithNonEqualSubscription: intermediate then final round, non-rack", () => {
    // Kafka's "all racks match" branch for CooperativeStickyAssignor: rack logic changes nothing.
    const consumers = ["consumer0", "consumer1", "consumer2"];
    const topicsOf = [
      ["t1", "t2", "t3"],
      ["t1", "t2", "t3"],
      ["t1", "t3"],
    ];
    const run = (owned: readonly string[]): string[] =>
      toSortedStrings(
        assignCooperative({
          topics: { t1: 6, t2: 7, t3: 2 },
          members: consumers.map((id, i) => ({
            id,
            subscription: topicsOf[i] ?? [],
            ownedPartitions: ownedFromStrings(owned[i] ?? ""),
          })),
        }).assignment,
        consumers,
      );
    const owned = [
      "t1-0, t1-1, t1-2, t1-3, t1-4",
      "t1-5, t2-0, t2-1, t2-2, t2-3",
      "t2-4, t2-5, t2-6, t3-0, t3-1",
    ];
    const intermediate = ["t1-2, t1-3, t1-4", "t2-0, t2-1, t2-2, t2-3", "t3-0, t3-1"];
    expect(run(owned)).toEqual(intermediate);
    expect(run(intermediate)).toEqual([
      "t1-2, t1-3, t1-4, t2-4, t2-5",
      "t2-0, t2-1, t2-2, t2-3, t2-6",
      "t1-0, t1-1, t1-5, t3-0, t3-1",
    ]);
  });
});

describe("cooperative rebalancing (KIP-429)", () => {
  it("c3 joins c1 (t-0..2) and c2 (t-3..5): round 1 only revokes, round 2 hands t-2 and t-5 to c3", () => {
    const members: AssignmentMember[] = [
      { id: "c1", subscription: ["t"], ownedPartitions: ["t-0", "t-1", "t-2"], generation: 3 },
      { id: "c2", subscription: ["t"], ownedPartitions: ["t-3", "t-4", "t-5"], generation: 3 },
      { id: "c3", subscription: ["t"] },
    ];
    const round1 = assignCooperative({ topics: { t: 6 }, members });
    expect(round1.assignment).toEqual({ c1: ["t-0", "t-1"], c2: ["t-3", "t-4"], c3: [] });
    expect(round1.revoked).toEqual({ c1: ["t-2"], c2: ["t-5"], c3: [] });
    expect(round1.withheld).toEqual(["t-2", "t-5"]);
    expect(round1.partitionsTransferringOwnership).toEqual({ "t-2": "c3", "t-5": "c3" });
    expect(verifyCooperativeValidity(members, round1.assignment)).toBe(true);

    const followUp = members.map((m) => ({
      ...m,
      ownedPartitions: round1.assignment[m.id] ?? [],
      generation: 4,
    }));
    const round2 = assignCooperative({
      topics: { t: 6 },
      members: followUp,
      previousMaxGeneration: round1.maxGeneration,
    });
    expect(round2.assignment).toEqual({
      c1: ["t-0", "t-1"],
      c2: ["t-3", "t-4"],
      c3: ["t-2", "t-5"],
    });
    expect(round2.withheld).toEqual([]);
    expect(round2.revoked).toEqual({ c1: [], c2: [], c3: [] });
  });

  it("range would instead move t-2, t-3 and t-4 at once, with every member revoking everything", () => {
    const members = [
      { id: "c1", subscription: ["t"] },
      { id: "c2", subscription: ["t"] },
      { id: "c3", subscription: ["t"] },
    ];
    expect(assignPartitions("range", { topics: { t: 6 }, members })).toEqual({
      c1: ["t-0", "t-1"],
      c2: ["t-2", "t-3"],
      c3: ["t-4", "t-5"],
    });
  });

  it('assignPartitions("cooperative-sticky") withholds transferring partitions', () => {
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
    expect(assignPartitions("cooperative-sticky", input)).toEqual({
      consumer1: [tp("topic", 0), tp("topic", 1)],
      consumer2: [],
    });
  });

  it("the rebalance protocol is the highest one every listed assignor supports", () => {
    expect(rebalanceProtocolFor(DEFAULT_ASSIGNMENT_STRATEGY)).toBe("eager");
    expect(rebalanceProtocolFor(["cooperative-sticky"])).toBe("cooperative");
    expect(rebalanceProtocolFor(["sticky"])).toBe("eager");
    expect(rebalanceProtocolFor(["cooperative-sticky", "roundrobin"])).toBe("eager");
    expect(rebalanceProtocolFor([])).toBe("eager");
  });
});
