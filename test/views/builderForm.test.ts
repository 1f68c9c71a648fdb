import { describe, expect, it } from "vitest";
import {
  checkScenarioDocument,
  openScenarioDocument,
  type SimState,
} from "../../src/store/index.ts";
import {
  addedBrokerIds,
  initialForm,
  newGroup,
  renamed,
  toDocument,
  type BuilderForm,
} from "../../src/views/builder/builderForm.ts";
import {
  consumersAt,
  nextMemberIds,
  withMembersFollowing,
} from "../../src/views/builder/members.ts";
import { eventProblems, problemsAt } from "../../src/views/builder/problemPaths.ts";
import { ACTIONS, newEvent, type TimelineForm } from "../../src/views/builder/timelineForm.ts";

/**
 * The initial form (3 brokers, topic "orders", producer "checkout"), group "billing" (members
 * billing-1 and billing-2), and these events.
 */
function formWith(...events: Partial<TimelineForm>[]): BuilderForm {
  const f = initialForm();
  return {
    ...f,
    groups: [newGroup(1, "orders")],
    timeline: events.map((e, i) => ({
      ...newEvent(i + 1, {
        producer: "checkout",
        topic: "orders",
        group: "billing",
        consumer: "billing-1",
      }),
      ...e,
    })),
  };
}

const timelineOf = (f: BuilderForm): unknown[] =>
  (toDocument(f) as { timeline: unknown[] }).timeline;

/** The state after the scenario the form stands for ran to `ms`. */
function runTo(f: BuilderForm, ms: number): SimState {
  const opened = openScenarioDocument(toDocument(f));
  if (!opened.ok) throw new Error(opened.errors.join("\n"));
  opened.store.getState().seek(ms);
  return opened.store.getState().run.state;
}

interface Case {
  event: Partial<TimelineForm>;
  entry: Record<string, unknown>;
  /** What the command did, seen in the engine's state 2 s after it ran. */
  effect: (s: SimState) => unknown;
  expected: unknown;
  /** Events run before this one (a restart needs a crash first). */
  before?: Partial<TimelineForm>[];
}

const CASES: Record<TimelineForm["action"], Case> = {
  killBroker: {
    event: { broker: 2 },
    entry: { do: "killBroker", broker: 2 },
    effect: (s) => s.brokers["2"]?.status,
    expected: "offline",
  },
  restartBroker: {
    before: [{ atSeconds: 0.5, action: "killBroker", broker: 2 }],
    event: { broker: 2 },
    entry: { do: "restartBroker", broker: 2 },
    effect: (s) => s.brokers["2"]?.status,
    expected: "online",
  },
  shutdownBroker: {
    event: { broker: 3 },
    entry: { do: "shutdownBroker", broker: 3 },
    effect: (s) => s.brokers["3"]?.status,
    expected: "offline",
  },
  isolateBroker: {
    event: { broker: 1 },
    entry: { do: "isolateBroker", broker: 1 },
    effect: (s) => s.brokers["1"]?.isolated,
    expected: true,
  },
  healBroker: {
    before: [{ atSeconds: 0.5, action: "isolateBroker", broker: 1 }],
    event: { broker: 1 },
    entry: { do: "healBroker", broker: 1 },
    effect: (s) => s.brokers["1"]?.isolated,
    expected: false,
  },
  slowBroker: {
    event: { broker: 2, delayMs: 40000 },
    entry: { do: "slowBroker", broker: 2, delayMs: 40000 },
    effect: (s) => s.brokers["2"]?.fetchDelayMs,
    expected: 40000,
  },
  addBroker: {
    event: {},
    entry: { do: "addBroker", broker: 4 },
    effect: (s) => s.brokers["4"]?.status,
    expected: "online",
  },
  produce: {
    event: { count: 500, key: "alice" },
    entry: { do: "produce", producer: "checkout", key: "alice", count: 500 },
    // 10 records a second from the generator for 3 s, and the burst.
    effect: (s) => (s.producers.checkout?.sent ?? 0) >= 500 + 25,
    expected: true,
  },
  stopProducer: {
    event: {},
    entry: { do: "setProducer", producer: "checkout", running: false },
    effect: (s) => s.producers.checkout?.running,
    expected: false,
  },
  startProducer: {
    before: [{ atSeconds: 0.5, action: "stopProducer" }],
    event: {},
    entry: { do: "setProducer", producer: "checkout", running: true },
    effect: (s) => s.producers.checkout?.running,
    expected: true,
  },
  setRate: {
    event: { ratePerSec: 250 },
    entry: { do: "setProducer", producer: "checkout", ratePerSec: 250 },
    effect: (s) => s.producers.checkout?.ratePerSec,
    expected: 250,
  },
  setAcks: {
    event: { acks: "1" },
    entry: { do: "setProducer", producer: "checkout", acks: "1" },
    effect: (s) => s.producers.checkout?.config.acks,
    expected: 1,
  },
  setMinIsr: {
    event: { minInsyncReplicas: 3 },
    entry: { do: "setTopicConfig", topic: "orders", config: { "min.insync.replicas": 3 } },
    effect: (s) => s.topics.orders?.config.minInsyncReplicas,
    expected: 3,
  },
  setUnclean: {
    event: { uncleanLeaderElection: true },
    entry: {
      do: "setTopicConfig",
      topic: "orders",
      config: { "unclean.leader.election.enable": true },
    },
    effect: (s) => s.topics.orders?.config.uncleanLeaderElectionEnable,
    expected: true,
  },
  addConsumer: {
    event: { group: "billing" },
    entry: {
      do: "addConsumer",
      consumer: "billing-3",
      groupId: "billing",
      topics: ["orders"],
      config: { "partition.assignment.strategy": ["range"] },
    },
    effect: (s) => s.consumers["billing-3"]?.groupId,
    expected: "billing",
  },
  setKeys: {
    event: { keys: "dave, , erin ", keyDistribution: "hot" },
    entry: {
      do: "setProducer",
      producer: "checkout",
      keys: ["dave", "erin"],
      keyDistribution: "hot",
    },
    effect: (s) => [s.producers.checkout?.keys, s.producers.checkout?.keyDistribution],
    expected: [["dave", "erin"], "hot"],
  },
  crashConsumer: {
    event: { consumer: "billing-2" },
    entry: { do: "crashConsumer", consumer: "billing-2" },
    effect: (s) => s.consumers["billing-2"]?.status,
    expected: "crashed",
  },
  restartConsumer: {
    before: [{ atSeconds: 0.5, action: "crashConsumer" }],
    event: {},
    entry: { do: "restartConsumer", consumer: "billing-1" },
    effect: (s) => s.consumers["billing-1"]?.status,
    expected: "running",
  },
  removeConsumer: {
    event: {},
    entry: { do: "removeConsumer", consumer: "billing-1" },
    effect: (s) => s.consumers["billing-1"]?.status,
    expected: "closed",
  },
  pauseConsumer: {
    event: {},
    entry: { do: "pauseConsumer", consumer: "billing-1" },
    effect: (s) => s.consumers["billing-1"]?.status,
    expected: "paused",
  },
  resumeConsumer: {
    before: [{ atSeconds: 0.5, action: "pauseConsumer" }],
    event: {},
    entry: { do: "resumeConsumer", consumer: "billing-1" },
    effect: (s) => s.consumers["billing-1"]?.status,
    expected: "running",
  },
  stallConsumer: {
    event: {},
    entry: { do: "stallConsumer", consumer: "billing-1" },
    effect: (s) => s.consumers["billing-1"]?.status,
    expected: "stalled",
  },
  setProcessingTime: {
    event: { processingMs: 200 },
    entry: { do: "setProcessingTime", consumer: "billing-1", ms: 200 },
    effect: (s) => s.consumers["billing-1"]?.processingMsPerRecord,
    expected: 200,
  },
};

describe("the builder's timeline", () => {
  it("has a case below for every action it offers", () => {
    expect(Object.keys(CASES).sort()).toEqual([...ACTIONS].sort());
  });

  for (const [action, c] of Object.entries(CASES) as [TimelineForm["action"], Case][]) {
    it(`writes ${action} as the validator's ${String(c.entry.do)} and the engine runs it`, () => {
      const f = formWith(...(c.before ?? []), { atSeconds: 1, action, ...c.event });
      expect(checkScenarioDocument(toDocument(f))).toEqual([]);
      expect(timelineOf(f).at(-1)).toEqual({ at: 1000, ...c.entry });
      expect(c.effect(runTo(f, 3000))).toEqual(c.expected);
    });
  }

  it("leaves a burst without a key as null and a slow broker's delay to the engine when empty", () => {
    const f = formWith(
      { atSeconds: 2, action: "produce", key: " ", count: 5 },
      { atSeconds: 3, action: "slowBroker", broker: 1, delayMs: Number.NaN },
    );
    expect(checkScenarioDocument(toDocument(f))).toEqual([]);
    expect(timelineOf(f)).toEqual([
      { at: 2000, do: "produce", producer: "checkout", key: null, count: 5 },
      { at: 3000, do: "slowBroker", broker: 1 },
    ]);
  });

  it("numbers added brokers in the order they run, with racks when the cluster has them", () => {
    const f = {
      ...formWith(
        { atSeconds: 20, action: "addBroker" },
        { atSeconds: 5, action: "addBroker" },
        { atSeconds: 30, action: "killBroker", broker: 5 },
      ),
      racks: 2,
    };
    expect(addedBrokerIds(f)).toEqual([5, 4, undefined]);
    expect(checkScenarioDocument(toDocument(f))).toEqual([]);
    expect(timelineOf(f).slice(0, 2)).toEqual([
      { at: 20000, do: "addBroker", broker: 5, rack: "rack-1" },
      { at: 5000, do: "addBroker", broker: 4, rack: "rack-2" },
    ]);
  });

  it("names new group members after the group's own, unless given an id", () => {
    const f = formWith(
      { action: "addConsumer", atSeconds: 9 },
      { action: "addConsumer", atSeconds: 4 },
      { action: "addConsumer", atSeconds: 6, memberId: "auditor" },
    );
    expect(nextMemberIds(f)).toEqual(["billing-5", "billing-3", "billing-4"]);
    expect(checkScenarioDocument(toDocument(f))).toEqual([]);
    expect(timelineOf(f).map((e) => (e as { consumer: string }).consumer)).toEqual([
      "billing-5",
      "billing-3",
      "auditor",
    ]);
  });

  it("puts the validator's problems on the event's fields", () => {
    const paths = (f: BuilderForm): string[] =>
      checkScenarioDocument(toDocument(f)).map((p) => p.path);
    expect(paths(formWith({ action: "setMinIsr", minInsyncReplicas: 4 }))).toEqual([
      'timeline[0].config["min.insync.replicas"]',
    ]);
    expect(paths(formWith({ action: "produce", producer: "payments" }))).toEqual([
      "timeline[0].producer",
    ]);
    expect(paths(formWith({ action: "produce", count: 0 }))).toEqual(["timeline[0].count"]);
    expect(paths(formWith({ action: "setRate", ratePerSec: 20000 }))).toEqual([
      "timeline[0].ratePerSec",
    ]);
    expect(paths(formWith({ action: "setUnclean", topic: "" }))).toEqual(["timeline[0].topic"]);
    expect(paths(formWith({ action: "killBroker", broker: 7 }))).toEqual(["timeline[0].broker"]);
    expect(paths(formWith({ action: "addConsumer", group: "nobody" }))[0]).toMatch(
      /^timeline\[0\]\.topics/,
    );
  });

  it("keeps events on a producer, topic or group that is renamed", () => {
    const f = formWith(
      { action: "setRate" },
      { action: "setMinIsr" },
      { action: "addConsumer", group: "billing" },
    );
    const g = renamed(
      renamed(renamed(f, "producer", 0, "cart"), "topic", 0, "sales"),
      "group",
      0,
      "fees",
    );
    expect(g.producers[0]).toMatchObject({ id: "cart", topic: "sales" });
    expect(g.groups[0]).toMatchObject({ groupId: "fees", topic: "sales" });
    expect(g.timeline.map((e) => [e.producer, e.topic, e.group])).toEqual([
      ["cart", "sales", "fees"],
      ["cart", "sales", "fees"],
      ["cart", "sales", "fees"],
    ]);
    expect(checkScenarioDocument(toDocument(g))).toEqual([]);
    // Cleared to be retyped: still the same producer.
    const retyped = renamed(renamed(g, "producer", 0, ""), "producer", 0, "basket");
    expect(retyped.timeline.map((e) => e.producer)).toEqual(["basket", "basket", "basket"]);
  });
});

describe("the builder's burst, keys and consumer events", () => {
  it("sends a burst to the partition it names, and leaves the partition out when empty", () => {
    const f = formWith(
      { atSeconds: 1, action: "produce", count: 40, partition: 2 },
      { atSeconds: 1, action: "produce", count: 5, partition: Number.NaN },
    );
    f.producers[0]!.ratePerSec = 0;
    expect(checkScenarioDocument(toDocument(f))).toEqual([]);
    expect(timelineOf(f)).toEqual([
      { at: 1000, do: "produce", producer: "checkout", key: null, partition: 2, count: 40 },
      { at: 1000, do: "produce", producer: "checkout", key: null, count: 5 },
    ]);
    const s = runTo(f, 3000);
    const leo = s.topics.orders!.partitions.map(
      (p) => p.replicaStates[String(p.leader)]?.logEndOffset ?? 0,
    );
    expect(leo[2]).toBeGreaterThanOrEqual(40);
    expect(leo.reduce((a, b) => a + b, 0)).toBe(45);
  });

  it("writes empty keys as null keys, and a producer's key distribution", () => {
    const f = formWith({ action: "setKeys", keys: " , ", keyDistribution: "uniform" });
    f.producers[0]!.keyDistribution = "hot";
    expect(checkScenarioDocument(toDocument(f))).toEqual([]);
    const doc = toDocument(f) as { producers: unknown[] };
    expect(doc.producers[0]).toMatchObject({
      keys: ["alice", "bob", "carol"],
      keyDistribution: "hot",
    });
    expect(timelineOf(f)[0]).toEqual({
      at: 10000,
      do: "setProducer",
      producer: "checkout",
      keys: null,
      keyDistribution: "uniform",
    });
  });

  it("offers each consumer event the members that exist when it runs", () => {
    const f = formWith(
      { atSeconds: 2, action: "crashConsumer" },
      { atSeconds: 5, action: "addConsumer" },
      { atSeconds: 6, action: "pauseConsumer" },
      { atSeconds: 5, action: "addConsumer", memberId: "auditor" },
    );
    expect(consumersAt(f)).toEqual([
      ["billing-1", "billing-2"],
      ["billing-1", "billing-2"],
      ["billing-1", "billing-2", "billing-3", "auditor"],
      ["billing-1", "billing-2", "billing-3"],
    ]);
  });

  it("keeps consumer events on their member when a group is renamed or a member's id typed", () => {
    const f = formWith(
      { atSeconds: 2, action: "addConsumer", consumer: "" },
      { atSeconds: 3, action: "crashConsumer", consumer: "billing-2" },
      { atSeconds: 4, action: "stallConsumer", consumer: "billing-3" },
    );
    const fees = withMembersFollowing(f, renamed(f, "group", 0, "fees"));
    expect(fees.timeline.map((e) => [e.group, e.consumer])).toEqual([
      ["fees", ""],
      ["fees", "fees-2"],
      ["fees", "fees-3"],
    ]);
    expect(checkScenarioDocument(toDocument(fees))).toEqual([]);

    const typed = (g: BuilderForm, memberId: string): BuilderForm =>
      withMembersFollowing(g, {
        ...g,
        timeline: g.timeline.map((e, i) => (i === 0 ? { ...e, memberId } : e)),
      });
    const audited = typed(typed(fees, "a"), "auditor");
    expect(audited.timeline[2]!.consumer).toBe("auditor");
    expect(checkScenarioDocument(toDocument(audited))).toEqual([]);

    // One more first member: the added one becomes fees-4, and the event stays on it.
    const bigger = withMembersFollowing(fees, {
      ...fees,
      groups: [{ ...fees.groups[0]!, members: 3 }],
    });
    expect(bigger.timeline.map((e) => e.consumer)).toEqual(["", "fees-2", "fees-4"]);

    // A removed event moves the others' places: names stay as written.
    const fewer = withMembersFollowing(fees, { ...fees, timeline: fees.timeline.slice(1) });
    expect(fewer.timeline.map((e) => e.consumer)).toEqual(["fees-2", "fees-3"]);
  });

  it("puts a problem about a whole event on its row, and a field's beside the field", () => {
    // A consumer added at 5 s cannot be crashed at 2 s: the consumer field is wrong.
    const early = formWith(
      { atSeconds: 5, action: "addConsumer" },
      { atSeconds: 2, action: "crashConsumer", consumer: "billing-3" },
    );
    const problems = checkScenarioDocument(toDocument(early));
    expect(problems.map((p) => p.path)).toEqual(["timeline[1].consumer"]);
    expect(problemsAt(problems, "timeline[1].consumer")).toHaveLength(1);
    expect(eventProblems(problems, 1, "crashConsumer")).toEqual([]);
    expect(eventProblems(problems, 0, "addConsumer")).toEqual([]);

    // A 201st broker: the cluster's limit, about the event itself.
    const full = { ...formWith({ action: "killBroker" }, { action: "addBroker" }), brokers: 200 };
    const limits = checkScenarioDocument(toDocument(full));
    expect(limits.map((p) => p.path)).toEqual(["timeline[1]"]);
    expect(eventProblems(limits, 1, "addBroker").map((p) => p.message)).toEqual([
      "a cluster has at most 200 brokers",
    ]);
    expect(eventProblems(limits, 0, "killBroker")).toEqual([]);
    expect(eventProblems(limits, 10, "addBroker")).toEqual([]);

    // A partition the topic does not have is the burst's partition field's problem.
    const off = checkScenarioDocument(toDocument(formWith({ action: "produce", partition: 3 })));
    expect(off.map((p) => p.path)).toEqual(["timeline[0].partition"]);
    expect(eventProblems(off, 0, "produce")).toEqual([]);
    // A field the row for this action does not edit is the row's.
    expect(eventProblems(off, 0, "setRate")).toEqual(off);
  });
});
