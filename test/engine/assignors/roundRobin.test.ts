// Kafka's RoundRobinAssignorTest (exact lists, as Kafka asserts them), and the RoundRobinAssignor
// and StickyAssignor javadoc examples of round robin.

import { describe, expect, it } from "vitest";
import { assignRoundRobin, type AssignmentMember } from "../../../src/engine/assignors";
import { tp } from "./kafkaTestSupport";

const sub = (id: string, subscription: string[], groupInstanceId?: string): AssignmentMember =>
  groupInstanceId === undefined ? { id, subscription } : { id, subscription, groupInstanceId };

describe("RoundRobinAssignorTest", () => {
  it("testOneConsumerNoTopic", () => {
    expect(assignRoundRobin({ topics: {}, members: [sub("consumer", [])] })).toEqual({
      consumer: [],
    });
  });

  it("testOneConsumerNonexistentTopic", () => {
    expect(assignRoundRobin({ topics: {}, members: [sub("consumer", ["topic"])] })).toEqual({
      consumer: [],
    });
  });

  it("testOneConsumerOneTopic", () => {
    expect(
      assignRoundRobin({ topics: { topic: 3 }, members: [sub("consumer", ["topic"])] }),
    ).toEqual({
      consumer: [tp("topic", 0), tp("topic", 1), tp("topic", 2)],
    });
  });

  it("testOnlyAssignsPartitionsFromSubscribedTopics", () => {
    const input = { topics: { topic: 3, other: 3 }, members: [sub("consumer", ["topic"])] };
    expect(assignRoundRobin(input)).toEqual({
      consumer: [tp("topic", 0), tp("topic", 1), tp("topic", 2)],
    });
  });

  it("testOneConsumerMultipleTopics", () => {
    const input = {
      topics: { topic1: 1, topic2: 2 },
      members: [sub("consumer", ["topic1", "topic2"])],
    };
    expect(assignRoundRobin(input)).toEqual({
      consumer: [tp("topic1", 0), tp("topic2", 0), tp("topic2", 1)],
    });
  });

  it("testTwoConsumersOneTopicOnePartition", () => {
    const members = [sub("consumer1", ["topic"]), sub("consumer2", ["topic"])];
    expect(assignRoundRobin({ topics: { topic: 1 }, members })).toEqual({
      consumer1: [tp("topic", 0)],
      consumer2: [],
    });
  });

  it("testTwoConsumersOneTopicTwoPartitions", () => {
    const members = [sub("consumer1", ["topic"]), sub("consumer2", ["topic"])];
    expect(assignRoundRobin({ topics: { topic: 2 }, members })).toEqual({
      consumer1: [tp("topic", 0)],
      consumer2: [tp("topic", 1)],
    });
  });

  it("testMultipleConsumersMixedTopics", () => {
    const members = [
      sub("consumer1", ["topic1"]),
      sub("consumer2", ["topic1", "topic2"]),
      sub("consumer3", ["topic1"]),
    ];
    expect(assignRoundRobin({ topics: { topic1: 3, topic2: 2 }, members })).toEqual({
      consumer1: [tp("topic1", 0)],
      consumer2: [tp("topic1", 1), tp("topic2", 0), tp("topic2", 1)],
      consumer3: [tp("topic1", 2)],
    });
  });

  it("testTwoConsumersTwoTopicsSixPartitions", () => {
    const members = [
      sub("consumer1", ["topic1", "topic2"]),
      sub("consumer2", ["topic1", "topic2"]),
    ];
    expect(assignRoundRobin({ topics: { topic1: 3, topic2: 3 }, members })).toEqual({
      consumer1: [tp("topic1", 0), tp("topic1", 2), tp("topic2", 1)],
      consumer2: [tp("topic1", 1), tp("topic2", 0), tp("topic2", 2)],
    });
  });

  it("testTwoStaticConsumersTwoTopicsSixPartitions", () => {
    const members = [
      sub("consumer-b", ["topic1", "topic2"], "instance1"),
      sub("consumer-a", ["topic1", "topic2"], "instance2"),
    ];
    expect(assignRoundRobin({ topics: { topic1: 3, topic2: 3 }, members })).toEqual({
      "consumer-b": [tp("topic1", 0), tp("topic1", 2), tp("topic2", 1)],
      "consumer-a": [tp("topic1", 1), tp("topic2", 0), tp("topic2", 2)],
    });
  });

  it("testOneStaticConsumerAndOneDynamicConsumerTwoTopicsSixPartitions", () => {
    const members = [
      sub("consumer-b", ["topic1", "topic2"], "instance1"),
      sub("consumer-a", ["topic1", "topic2"]),
    ];
    expect(assignRoundRobin({ topics: { topic1: 3, topic2: 3 }, members })).toEqual({
      "consumer-b": [tp("topic1", 0), tp("topic1", 2), tp("topic2", 1)],
      "consumer-a": [tp("topic1", 1), tp("topic2", 0), tp("topic2", 2)],
    });
  });

  it("testStaticMemberAssignmentPersistent", () => {
    const topics = { topic1: 3, topic2: 3 };
    const both = ["topic1", "topic2"];
    const statics = [1, 2, 3].map((i) => sub(`consumer${i}`, both, `instance${i}`));
    const expected = {
      consumer1: [tp("topic1", 0), tp("topic2", 1)],
      consumer2: [tp("topic1", 1), tp("topic2", 2)],
      consumer3: [tp("topic1", 2)],
    };
    expect(assignRoundRobin({ topics, members: [...statics, sub("consumer4", both)] })).toEqual({
      ...expected,
      consumer4: [tp("topic2", 0)],
    });
    expect(assignRoundRobin({ topics, members: [...statics, sub("consumer5", both)] })).toEqual({
      ...expected,
      consumer5: [tp("topic2", 0)],
    });
  });

  it("testStaticMemberAssignmentPersistentAfterMemberIdChanges", () => {
    const topics = { topic1: 3, topic2: 3 };
    const both = ["topic1", "topic2"];
    const byInstance = (pairs: [string, string][]): Record<string, string[]> => {
      const assignment = assignRoundRobin({
        topics,
        members: pairs.map(([id, i]) => sub(id, both, i)),
      });
      return Object.fromEntries(pairs.map(([id, instance]) => [instance, assignment[id] ?? []]));
    };
    const expected = {
      instance1: [tp("topic1", 0), tp("topic2", 0)],
      instance2: [tp("topic1", 1), tp("topic2", 1)],
      instance3: [tp("topic1", 2), tp("topic2", 2)],
    };
    expect(
      byInstance([
        ["consumer1", "instance1"],
        ["consumer2", "instance2"],
        ["consumer3", "instance3"],
      ]),
    ).toEqual(expected);
    expect(
      byInstance([
        ["consumer4", "instance1"],
        ["consumer5", "instance2"],
        ["consumer1", "instance3"],
      ]),
    ).toEqual(expected);
  });
});

describe("javadoc examples", () => {
  it("RoundRobinAssignor: unequal subscriptions can leave the assignment badly unbalanced", () => {
    const members = [sub("C0", ["t0"]), sub("C1", ["t0", "t1"]), sub("C2", ["t0", "t1", "t2"])];
    expect(assignRoundRobin({ topics: { t0: 1, t1: 2, t2: 3 }, members })).toEqual({
      C0: ["t0-0"],
      C1: ["t1-0"],
      C2: ["t1-1", "t2-0", "t2-1", "t2-2"],
    });
  });

  it("StickyAssignor example 1: round robin over four 2-partition topics, then without C1", () => {
    const all = ["t0", "t1", "t2", "t3"];
    const topics = { t0: 2, t1: 2, t2: 2, t3: 2 };
    expect(
      assignRoundRobin({ topics, members: [sub("C0", all), sub("C1", all), sub("C2", all)] }),
    ).toEqual({
      C0: ["t0-0", "t1-1", "t3-0"],
      C1: ["t0-1", "t2-0", "t3-1"],
      C2: ["t1-0", "t2-1"],
    });
    expect(assignRoundRobin({ topics, members: [sub("C0", all), sub("C2", all)] })).toEqual({
      C0: ["t0-0", "t1-0", "t2-0", "t3-0"],
      C2: ["t0-1", "t1-1", "t2-1", "t3-1"],
    });
  });
});
