// Kafka's RangeAssignorTest (assertions compare sets, as Kafka's assertAssignment does), the
// non-rack-aware vectors of its rack tests, and the RangeAssignor javadoc example.

import { describe, expect, it } from "vitest";
import {
  assignRange,
  type AssignmentMember,
  type MemberAssignment,
} from "../../../src/engine/assignors";
import { toSortedStrings, tp } from "./kafkaTestSupport";

const sub = (id: string, subscription: string[], groupInstanceId?: string): AssignmentMember =>
  groupInstanceId === undefined ? { id, subscription } : { id, subscription, groupInstanceId };

const asSets = (assignment: MemberAssignment): Record<string, Set<string>> =>
  Object.fromEntries(Object.entries(assignment).map(([id, ps]) => [id, new Set(ps)]));

describe("RangeAssignorTest", () => {
  it("testOneConsumerNoTopic", () => {
    expect(assignRange({ topics: {}, members: [sub("consumer1", [])] })).toEqual({ consumer1: [] });
  });

  it("testOneConsumerNonexistentTopic", () => {
    const members = [sub("consumer1", ["topic1"])];
    expect(assignRange({ topics: {}, members })).toEqual({ consumer1: [] });
  });

  it("testOneConsumerOneTopic", () => {
    const assignment = assignRange({
      topics: { topic1: 3 },
      members: [sub("consumer1", ["topic1"])],
    });
    expect(assignment).toEqual({ consumer1: [tp("topic1", 0), tp("topic1", 1), tp("topic1", 2)] });
  });

  it("testOnlyAssignsPartitionsFromSubscribedTopics", () => {
    const assignment = assignRange({
      topics: { topic1: 3, other: 3 },
      members: [sub("consumer1", ["topic1"])],
    });
    expect(assignment).toEqual({ consumer1: [tp("topic1", 0), tp("topic1", 1), tp("topic1", 2)] });
  });

  it("testOneConsumerMultipleTopics", () => {
    const assignment = assignRange({
      topics: { topic1: 1, topic2: 2 },
      members: [sub("consumer1", ["topic1", "topic2"])],
    });
    expect(assignment).toEqual({ consumer1: [tp("topic1", 0), tp("topic2", 0), tp("topic2", 1)] });
  });

  it("testTwoConsumersOneTopicOnePartition", () => {
    const members = [sub("consumer1", ["topic1"]), sub("consumer2", ["topic1"])];
    expect(assignRange({ topics: { topic1: 1 }, members })).toEqual({
      consumer1: [tp("topic1", 0)],
      consumer2: [],
    });
  });

  it("testTwoConsumersOneTopicTwoPartitions", () => {
    const members = [sub("consumer1", ["topic1"]), sub("consumer2", ["topic1"])];
    expect(assignRange({ topics: { topic1: 2 }, members })).toEqual({
      consumer1: [tp("topic1", 0)],
      consumer2: [tp("topic1", 1)],
    });
  });

  it("testMultipleConsumersMixedTopics", () => {
    const members = [
      sub("consumer1", ["topic1"]),
      sub("consumer2", ["topic1", "topic2"]),
      sub("consumer3", ["topic1"]),
    ];
    expect(asSets(assignRange({ topics: { topic1: 3, topic2: 2 }, members }))).toEqual(
      asSets({
        consumer1: [tp("topic1", 0)],
        consumer2: [tp("topic1", 1), tp("topic2", 0), tp("topic2", 1)],
        consumer3: [tp("topic1", 2)],
      }),
    );
  });

  it("testTwoConsumersTwoTopicsSixPartitions (also the class javadoc's C0/C1 example)", () => {
    const members = [
      sub("consumer1", ["topic1", "topic2"]),
      sub("consumer2", ["topic1", "topic2"]),
    ];
    expect(asSets(assignRange({ topics: { topic1: 3, topic2: 3 }, members }))).toEqual(
      asSets({
        consumer1: [tp("topic1", 0), tp("topic1", 1), tp("topic2", 0), tp("topic2", 1)],
        consumer2: [tp("topic1", 2), tp("topic2", 2)],
      }),
    );
  });

  it("testTwoStaticConsumersTwoTopicsSixPartitions: static members sort by instance id", () => {
    const members = [
      sub("consumer-b", ["topic1", "topic2"], "instance1"),
      sub("consumer-a", ["topic1", "topic2"], "instance2"),
    ];
    expect(asSets(assignRange({ topics: { topic1: 3, topic2: 3 }, members }))).toEqual(
      asSets({
        "consumer-b": [tp("topic1", 0), tp("topic1", 1), tp("topic2", 0), tp("topic2", 1)],
        "consumer-a": [tp("topic1", 2), tp("topic2", 2)],
      }),
    );
  });

  it("testOneStaticConsumerAndOneDynamicConsumerTwoTopicsSixPartitions: static before dynamic", () => {
    const members = [
      sub("consumer-b", ["topic1", "topic2"], "instance1"),
      sub("consumer-a", ["topic1", "topic2"]),
    ];
    expect(asSets(assignRange({ topics: { topic1: 3, topic2: 3 }, members }))).toEqual(
      asSets({
        "consumer-b": [tp("topic1", 0), tp("topic1", 1), tp("topic2", 0), tp("topic2", 1)],
        "consumer-a": [tp("topic1", 2), tp("topic2", 2)],
      }),
    );
  });

  it("testStaticMemberRangeAssignmentPersistent", () => {
    const topics = { topic1: 5, topic2: 4 };
    const statics = [1, 2, 3].map((i) => sub(`consumer${i}`, ["topic1", "topic2"], `instance${i}`));
    const expected = {
      consumer1: [tp("topic1", 0), tp("topic1", 1), tp("topic2", 0)],
      consumer2: [tp("topic1", 2), tp("topic2", 1)],
      consumer3: [tp("topic1", 3), tp("topic2", 2)],
    };
    const first = assignRange({
      topics,
      members: [...statics, sub("consumer4", ["topic1", "topic2"])],
    });
    expect(first).toEqual({ ...expected, consumer4: [tp("topic1", 4), tp("topic2", 3)] });
    // Replace dynamic member 4 with a new dynamic member 5.
    const second = assignRange({
      topics,
      members: [...statics, sub("consumer5", ["topic1", "topic2"])],
    });
    expect(second).toEqual({ ...expected, consumer5: [tp("topic1", 4), tp("topic2", 3)] });
  });

  it("testStaticMemberRangeAssignmentPersistentAfterMemberIdChanges", () => {
    const topics = { topic1: 5, topic2: 5 };
    const byInstance = (members: AssignmentMember[]): Record<string, string[]> => {
      const assignment = assignRange({ topics, members });
      return Object.fromEntries(
        members.map((m) => [m.groupInstanceId ?? "", assignment[m.id] ?? []]),
      );
    };
    const expected = {
      instance1: [tp("topic1", 0), tp("topic1", 1), tp("topic2", 0), tp("topic2", 1)],
      instance2: [tp("topic1", 2), tp("topic1", 3), tp("topic2", 2), tp("topic2", 3)],
      instance3: [tp("topic1", 4), tp("topic2", 4)],
    };
    const both = ["topic1", "topic2"];
    expect(
      byInstance([
        sub("consumer1", both, "instance1"),
        sub("consumer2", both, "instance2"),
        sub("consumer3", both, "instance3"),
      ]),
    ).toEqual(expected);
    // Switch the member ids: consumer3 -> consumer4, consumer2 -> consumer5.
    expect(
      byInstance([
        sub("consumer1", both, "instance1"),
        sub("consumer5", both, "instance2"),
        sub("consumer4", both, "instance3"),
      ]),
    ).toEqual(expected);
  });
});

describe("RangeAssignorTest rack tests: their non-rack-aware vectors", () => {
  const consumers = ["consumer0", "consumer1", "consumer2", "consumer3"];
  const run = (topics: Record<string, number>, subscriptions: string[][]): string[] => {
    const members = subscriptions.map((s, i) => sub(consumers[i] ?? "", s));
    return toSortedStrings(assignRange({ topics, members }), consumers.slice(0, members.length));
  };
  const all = ["t1", "t2", "t3"];

  it("testRackAwareAssignmentWithUniformSubscription", () => {
    expect(run({ t1: 6, t2: 7, t3: 2 }, [all, all, all])).toEqual([
      "t1-0, t1-1, t2-0, t2-1, t2-2, t3-0",
      "t1-2, t1-3, t2-3, t2-4, t3-1",
      "t1-4, t1-5, t2-5, t2-6",
    ]);
  });

  it("testRackAwareAssignmentWithNonEqualSubscription", () => {
    expect(run({ t1: 6, t2: 7, t3: 2 }, [all, all, ["t1", "t3"]])).toEqual([
      "t1-0, t1-1, t2-0, t2-1, t2-2, t2-3, t3-0",
      "t1-2, t1-3, t2-4, t2-5, t2-6, t3-1",
      "t1-4, t1-5",
    ]);
  });

  it("testRackAwareAssignmentWithUniformPartitions", () => {
    expect(run({ t1: 5, t2: 5, t3: 5 }, [all, all, all])).toEqual([
      "t1-0, t1-1, t2-0, t2-1, t3-0, t3-1",
      "t1-2, t1-3, t2-2, t2-3, t3-2, t3-3",
      "t1-4, t2-4, t3-4",
    ]);
  });

  it("testRackAwareAssignmentWithUniformPartitionsNonEqualSubscription", () => {
    expect(run({ t1: 5, t2: 5, t3: 5 }, [all, all, ["t1", "t3"]])).toEqual([
      "t1-0, t1-1, t2-0, t2-1, t2-2, t3-0, t3-1",
      "t1-2, t1-3, t2-3, t2-4, t3-2, t3-3",
      "t1-4, t3-4",
    ]);
  });

  it("testRackAwareAssignmentWithCoPartitioning", () => {
    const topics = { t1: 6, t2: 6, t3: 2, t4: 2 };
    expect(
      run(topics, [
        ["t1", "t2"],
        ["t1", "t2"],
        ["t3", "t4"],
        ["t3", "t4"],
      ]),
    ).toEqual([
      "t1-0, t1-1, t1-2, t2-0, t2-1, t2-2",
      "t1-3, t1-4, t1-5, t2-3, t2-4, t2-5",
      "t3-0, t4-0",
      "t3-1, t4-1",
    ]);
    const four = ["t1", "t2", "t3", "t4"];
    expect(run(topics, [four, four, four, four])).toEqual([
      "t1-0, t1-1, t2-0, t2-1, t3-0, t4-0",
      "t1-2, t1-3, t2-2, t2-3, t3-1, t4-1",
      "t1-4, t2-4",
      "t1-5, t2-5",
    ]);
  });

  it("testCoPartitionedAssignmentWithSameSubscription (t7..t9 have no metadata)", () => {
    const topicList = ["t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9"];
    const topics = { t1: 6, t2: 6, t3: 2, t4: 2, t5: 4, t6: 4 };
    expect(run(topics, [topicList, topicList, topicList])).toEqual([
      "t1-0, t1-1, t2-0, t2-1, t3-0, t4-0, t5-0, t5-1, t6-0, t6-1",
      "t1-2, t1-3, t2-2, t2-3, t3-1, t4-1, t5-2, t6-2",
      "t1-4, t1-5, t2-4, t2-5, t5-3, t6-3",
    ]);
  });

  it("topic names containing '-' keep their partitions apart", () => {
    const members = [sub("a", ["orders-eu", "orders"]), sub("b", ["orders-eu", "orders"])];
    expect(assignRange({ topics: { "orders-eu": 3, orders: 2 }, members })).toEqual({
      a: ["orders-0", "orders-eu-0", "orders-eu-1"],
      b: ["orders-1", "orders-eu-2"],
    });
  });
});
