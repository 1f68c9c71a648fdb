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
  nextMemberIds,
  renamed,
  toDocument,
  type BuilderForm,
} from "../../src/views/builder/builderForm.ts";
import { ACTIONS, newEvent, type TimelineForm } from "../../src/views/builder/timelineForm.ts";

/** The initial form (3 brokers, topic "orders", producer "checkout"), a group, and these events. */
function formWith(...events: Partial<TimelineForm>[]): BuilderForm {
  const f = initialForm();
  return {
    ...f,
    groups: [newGroup(1, "orders")],
    timeline: events.map((e, i) => ({
      ...newEvent(i + 1, { producer: "checkout", topic: "orders", group: "billing" }),
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
      { action: "addConsumer", atSeconds: 6, consumer: "auditor" },
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
