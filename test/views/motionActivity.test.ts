import { describe, expect, it } from "vitest";
import { openBuiltinScenario } from "../../src/store/open.ts";
import type { SimEvent, SimState } from "../../src/store/index.ts";
import {
  partyAnchor,
  recentEffects,
  recentHops,
  replicaAnchor,
} from "../../src/views/motion/activity.ts";
import { createEventTail } from "../../src/views/motion/eventTail.ts";
import { curveBetween, pointAt, progress } from "../../src/views/motion/geometry.ts";
import { effectWindow, hopWindow } from "../../src/views/motion/timing.ts";

/** The compact view's records per second over `windowMs` before `now`, read afresh. */
const throughput = (events: readonly SimEvent[], now: number, windowMs: number) =>
  createEventTail(windowMs, windowMs)(events, now).throughput;

function state(): SimState {
  const opened = openBuiltinScenario("default");
  if (!opened.ok) throw new Error(opened.errors.join("\n"));
  return structuredClone(opened.store.getState().run.state);
}

const topicOf = (s: SimState) => Object.values(s.topics).find((t) => !t.internal)!;
const ev = (e: Record<string, unknown>) => e as unknown as SimEvent;

describe("a message in flight", () => {
  it("its progress interpolates by virtual time between sending and arrival", () => {
    expect(progress(1_000, 1_100, 1_000)).toBe(0);
    expect(progress(1_000, 1_100, 1_025)).toBeCloseTo(0.25);
    expect(progress(1_000, 1_100, 1_050)).toBeCloseTo(0.5);
    expect(progress(1_000, 1_100, 1_100)).toBe(1);
    // Clamped outside the flight; an instant transfer has arrived.
    expect(progress(1_000, 1_100, 900)).toBe(0);
    expect(progress(1_000, 1_100, 5_000)).toBe(1);
    expect(progress(1_000, 1_000, 1_000)).toBe(1);
  });

  it("the dot starts at the sender, ends at the receiver and moves steadily in between", () => {
    const from = { x: 10, y: 20 };
    const to = { x: 410, y: 220 };
    const c = curveBetween(from, to);
    expect(pointAt(c, progress(0, 100, 0))).toEqual(from);
    expect(pointAt(c, progress(0, 100, 100))).toEqual(to);
    const mid = pointAt(c, progress(0, 100, 50));
    expect(mid.x).toBeCloseTo(210);
    expect(mid.y).toBeCloseTo(120);
    let last = -Infinity;
    for (let t = 0; t <= 100; t += 10) {
      const x = pointAt(c, progress(0, 100, t)).x;
      expect(x).toBeGreaterThan(last);
      last = x;
    }
  });

  it("two points one above the other get a bulge, not a straight line through the cards", () => {
    const c = curveBetween({ x: 300, y: 0 }, { x: 300, y: 200 });
    expect(pointAt(c, 0.5).x).not.toBe(300);
  });
});

describe("anchors", () => {
  it("a broker party draws at its replica when that replica is on screen, else at the broker", () => {
    const has = (a: string) => a === replicaAnchor("orders", 2, 3);
    expect(partyAnchor("broker:3", "orders", 2, has)).toBe("replica:orders-2@3");
    expect(partyAnchor("broker:1", "orders", 2, has)).toBe("broker:1");
    expect(partyAnchor("producer:checkout", "orders", 2, has)).toBe("producer:checkout");
  });
});

describe("recent hops", () => {
  it("turns the trace into hops completed in the window, newest first", () => {
    const s = state();
    const t = topicOf(s);
    const p = t.partitions[0]!;
    const follower = p.replicas.find((b) => b !== p.leader)!;
    const events = [
      ev({
        type: "batchAppended",
        time: 100,
        topic: t.name,
        partition: 0,
        broker: p.leader,
        producer: "checkout",
        baseOffset: 0,
        count: 1,
        leaderEpoch: 0,
      }),
      ev({
        type: "replicaFetched",
        time: 900,
        topic: t.name,
        partition: 0,
        follower,
        leader: p.leader,
        count: 1,
        logEndOffset: 1,
      }),
      ev({
        type: "replicaFetched",
        time: 950,
        topic: t.name,
        partition: 0,
        follower,
        leader: p.leader,
        count: 0,
        logEndOffset: 1,
      }),
      ev({
        type: "produceAcknowledged",
        time: 960,
        producer: "checkout",
        topic: t.name,
        partition: 0,
        baseOffset: 0,
        count: 1,
      }),
      ev({
        type: "recordsConsumed",
        time: 980,
        groupId: "g",
        consumer: "g-1",
        partition: `${t.name}-0`,
        firstOffset: 0,
        count: 1,
      }),
      ev({
        type: "batchAppended",
        time: 2_000,
        topic: t.name,
        partition: 0,
        broker: p.leader,
        producer: "checkout",
        baseOffset: 1,
        count: 1,
        leaderEpoch: 0,
      }),
    ];
    const leader = replicaAnchor(t.name, 0, p.leader);
    const hops = recentHops(events, s, 1_000, 500);
    // The append at 100 is out of the window, the one at 2000 is in the future, an empty fetch is no hop.
    expect(hops).toEqual([
      { kind: "consume", from: leader, to: "consumer:g-1", at: 980 },
      { kind: "ack", from: leader, to: "producer:checkout", at: 960 },
      { kind: "replicate", from: leader, to: replicaAnchor(t.name, 0, follower), at: 900 },
    ]);
    expect(recentHops(events, s, 1_000, 500, 1)).toHaveLength(1);
  });

  it("reads a dashed topic name back from `topic-partition`", () => {
    const s = state();
    const t = topicOf(s);
    s.topics["web-clicks"] = { ...structuredClone(t), name: "web-clicks" };
    const leader = s.topics["web-clicks"].partitions[1]!.leader;
    const hops = recentHops(
      [
        ev({
          type: "recordsConsumed",
          time: 10,
          groupId: "g",
          consumer: "g-2",
          partition: "web-clicks-1",
          firstOffset: 0,
          count: 2,
        }),
      ],
      s,
      10,
      100,
    );
    expect(hops[0]?.from).toBe(replicaAnchor("web-clicks", 1, leader));
  });
});

describe("recent effects", () => {
  it("an election, an ISR shrink, a truncation, a loss and an offline partition each get their mark, oldest first", () => {
    const s = state();
    const t = topicOf(s);
    const p = t.partitions[0]!;
    const [a, b, c] = p.replicas as [number, number, number];
    const events = [
      ev({
        type: "leaderElected",
        time: 100,
        topic: t.name,
        partition: 0,
        leader: b,
        previousLeader: a,
        leaderEpoch: 1,
        election: "clean",
        isr: [b, c],
      }),
      ev({
        type: "isrShrunk",
        time: 200,
        topic: t.name,
        partition: 0,
        leader: b,
        removed: [a, c],
        isr: [b],
        reason: "lagging",
      }),
      ev({
        type: "recordsTruncated",
        time: 300,
        topic: t.name,
        partition: 0,
        broker: a,
        truncatedTo: 4,
        count: 2,
        leader: b,
        leaderEpoch: 1,
      }),
      ev({
        type: "recordsLost",
        time: 400,
        topic: t.name,
        partition: 0,
        offsets: [4, 5],
        count: 2,
        cause: "unclean",
      }),
      ev({
        type: "partitionOffline",
        time: 500,
        topic: t.name,
        partition: 0,
        previousLeader: b,
        isr: [],
        unclean: false,
      }),
    ];
    const effects = recentEffects(events, s, 500, 1_000);
    expect(effects.map((e) => [e.kind, e.at])).toEqual([
      ["election", 100],
      ["isrShrink", 200],
      ["isrShrink", 200],
      ["truncation", 300],
      ["lost", 400],
      ["offline", 500],
    ]);
    expect(effects[0]!.anchor).toBe(replicaAnchor(t.name, 0, b));
    // One mark on each replica that left the ISR.
    expect(
      effects
        .slice(1, 3)
        .map((e) => e.anchor)
        .sort(),
    ).toEqual([replicaAnchor(t.name, 0, a), replicaAnchor(t.name, 0, c)].sort());
    expect(effects[3]!.anchor).toBe(replicaAnchor(t.name, 0, a));
    // A loss is shown where the partition is led now; an offline partition at its last leader.
    expect(effects[4]!.anchor).toBe(replicaAnchor(t.name, 0, p.leader));
    expect(effects[5]!.anchor).toBe(replicaAnchor(t.name, 0, b));
    expect(effects[0]!.from).toBe(replicaAnchor(t.name, 0, a));
    expect(effects[3]!.label).toMatch(/2 truncated/);
    expect(effects[4]!.label).toMatch(/2 lost/);
    // A pause freezes them: the same moment gives the same marks; later, they are gone.
    expect(recentEffects(events, s, 500, 1_000)).toEqual(effects);
    expect(recentEffects(events, s, 5_000, 1_000)).toEqual([]);
  });

  it("an election without a previous leader has no origin; internal topics have no marks", () => {
    const s = state();
    const t = topicOf(s);
    const internal = { ...structuredClone(t), name: "__consumer_offsets", internal: true };
    s.topics[internal.name] = internal;
    const effects = recentEffects(
      [
        ev({
          type: "leaderElected",
          time: 10,
          topic: t.name,
          partition: 0,
          leader: 1,
          previousLeader: -1,
          leaderEpoch: 0,
          election: "initial",
          isr: [1],
        }),
        ev({
          type: "leaderElected",
          time: 11,
          topic: internal.name,
          partition: 0,
          leader: 2,
          previousLeader: 1,
          leaderEpoch: 1,
          election: "clean",
          isr: [2],
        }),
      ],
      s,
      20,
      100,
    );
    expect(effects).toHaveLength(1);
    expect(effects[0]).not.toHaveProperty("from");
  });
});

describe("throughput and windows", () => {
  it("counts records per second over the window, per producer, consumer and leader broker", () => {
    const events = [
      ev({
        type: "batchAppended",
        time: 100,
        topic: "o",
        partition: 0,
        broker: 1,
        producer: "p",
        baseOffset: 0,
        count: 4,
        leaderEpoch: 0,
      }),
      ev({
        type: "batchAppended",
        time: 600,
        topic: "o",
        partition: 1,
        broker: 2,
        producer: "p",
        baseOffset: 0,
        count: 2,
        leaderEpoch: 0,
      }),
      ev({
        type: "recordsConsumed",
        time: 700,
        groupId: "g",
        consumer: "g-1",
        partition: "o-0",
        firstOffset: 0,
        count: 3,
      }),
    ];
    expect(throughput(events, 1_000, 1_000)).toEqual({
      producers: { p: 6 },
      consumers: { "g-1": 3 },
      brokers: { "1": 4, "2": 2 },
    });
    expect(throughput(events, 1_000, 500)).toEqual({
      producers: { p: 4 },
      consumers: { "g-1": 6 },
      brokers: { "2": 4 },
    });
  });

  it("marks last about the same wall time at any speed, capped at high speed", () => {
    expect(hopWindow(1)).toBe(350);
    expect(hopWindow(2)).toBe(700);
    expect(hopWindow(100)).toBe(4_000);
    expect(effectWindow(0.01)).toBeCloseTo(9);
    expect(effectWindow(100)).toBe(15_000);
  });
});
