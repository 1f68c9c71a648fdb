import { describe, expect, it } from "vitest";
import { DETAIL_EVENTS, type SimEvent, type SimulationSpec } from "../../src/engine/index.ts";
import { MAX_EVENTS } from "../../src/store/run.ts";
import {
  advanceRun,
  createRun,
  issueCommand,
  seekRun,
  stepBack,
  stepForward,
  type Run,
} from "../../src/store/index.ts";

function spec(): SimulationSpec {
  return {
    name: "store",
    seed: 11,
    brokers: [{ id: 1 }, { id: 2 }, { id: 3 }],
    config: { brokerSessionTimeoutMs: 3000, replicaLagTimeMaxMs: 5000 },
    topics: [
      { name: "orders", partitions: 3, replicationFactor: 3, config: { minInsyncReplicas: 2 } },
    ],
    producers: [
      {
        id: "checkout",
        topic: "orders",
        ratePerSec: 20,
        keys: ["alice", "bob", "carol", "dave"],
        config: { acks: 1 },
      },
    ],
    timeline: [
      { at: 7_000, command: { type: "killBroker", broker: 1 } },
      { at: 19_000, command: { type: "restartBroker", broker: 1 } },
    ],
  };
}

function newRun(): Run {
  const r = createRun(spec());
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return r.value;
}

/** What a student sees, as comparable data (the whole engine state). */
const snapshot = (run: Run): string => JSON.stringify(run.state);

describe("time travel", () => {
  it("seeking back to any time gives exactly the state of a straight run to that time", () => {
    const long = newRun();
    expect(advanceRun(long, 40_000)).toBeNull();
    for (const t of [0, 1, 4_999, 5_000, 7_000, 12_345, 19_000, 33_333, 40_000]) {
      expect(seekRun(long, t)).toBeNull();
      const straight = newRun();
      advanceRun(straight, t);
      expect(long.state.time).toBe(t);
      expect(snapshot(long)).toBe(snapshot(straight));
    }
  });

  it("replays the user's commands at their virtual times when seeking", () => {
    const run = newRun();
    advanceRun(run, 3_000);
    expect(issueCommand(run, { type: "killBroker", broker: 2 })).toBeNull();
    advanceRun(run, 20_000);
    const at20 = snapshot(run);
    seekRun(run, 1_000);
    expect(run.state.brokers["2"]!.status).toBe("online");
    seekRun(run, 20_000);
    expect(snapshot(run)).toBe(at20);
    expect(run.state.brokers["2"]!.status).toBe("offline");
  });

  it("a command issued in the past discards the old future (fork)", () => {
    const run = newRun();
    advanceRun(run, 3_000);
    issueCommand(run, { type: "killBroker", broker: 2 });
    advanceRun(run, 20_000);
    seekRun(run, 2_000);
    issueCommand(run, { type: "killBroker", broker: 3 });
    expect(run.commands.map((c) => [c.at, c.command.type])).toEqual([[2_000, "killBroker"]]);
    expect(run.horizon).toBe(2_000);
    advanceRun(run, 20_000);
    expect(run.state.brokers["2"]!.status).toBe("online");
    expect(run.state.brokers["3"]!.status).toBe("offline");
  });

  it("step back then step forward returns to the same moment and state", () => {
    const run = newRun();
    advanceRun(run, 15_000);
    stepForward(run); // land on a moment where something happened
    const before = snapshot(run);
    const time = run.state.time;
    expect(stepBack(run)).toBeNull();
    expect(run.state.time).toBeLessThan(time);
    expect(stepForward(run)).toBeNull();
    expect(run.state.time).toBe(time);
    expect(snapshot(run)).toBe(before);
  });

  it("step forward stops at the next moment the trace says something", () => {
    const run = newRun();
    advanceRun(run, 6_990);
    const count = run.events.length;
    stepForward(run);
    expect(run.events.length).toBeGreaterThan(count);
    expect(run.events.slice(count).every((e) => e.time === run.state.time)).toBe(true);
  });

  it("seeking forward past a checkpoint and back again still lands on the straight run's state", () => {
    const long = newRun();
    expect(advanceRun(long, 40_000)).toBeNull();
    // Back to the start, then far forward (restores a later checkpoint), then in between.
    for (const t of [500, 38_123, 2_001, 26_600, 26_601, 9_999]) {
      expect(seekRun(long, t)).toBeNull();
      const straight = newRun();
      advanceRun(straight, t);
      expect(snapshot(long)).toBe(snapshot(straight));
    }
  });

  it("after a seek the recent trace is the straight run's trace over its last second", () => {
    const long = newRun();
    advanceRun(long, 30_000);
    seekRun(long, 12_345);
    const straight = newRun();
    advanceRun(straight, 12_345);
    const tail = (events: readonly SimEvent[]) =>
      JSON.stringify(events.filter((e) => e.time > 11_345));
    expect(long.events.length).toBeGreaterThan(0);
    expect(long.events.every((e) => e.time > 11_345 && e.time <= 12_345)).toBe(true);
    expect(tail(long.events)).toBe(tail(straight.events));
  });

  it("keeps the notable events up to the horizon whatever moment is shown, and a fork cuts them", () => {
    const run = newRun();
    advanceRun(run, 3_000);
    issueCommand(run, { type: "killBroker", broker: 2 });
    advanceRun(run, 30_000);
    const notable = JSON.stringify(run.history);
    expect(run.history.some((e) => e.type === "brokerKilled" && e.time === 3_000)).toBe(true);
    expect(run.history.some((e) => e.type === "brokerKilled" && e.time === 7_000)).toBe(true);
    expect(run.history.every((e) => !DETAIL_EVENTS.has(e.type))).toBe(true);
    // The same as a straight run's trace without detail.
    const straight = newRun();
    advanceRun(straight, 3_000);
    issueCommand(straight, { type: "killBroker", broker: 2 });
    advanceRun(straight, 30_000);
    expect(JSON.stringify(straight.events.filter((e) => !DETAIL_EVENTS.has(e.type)))).toBe(notable);
    seekRun(run, 1_000);
    stepForward(run);
    stepBack(run);
    expect(JSON.stringify(run.history)).toBe(notable);
    // Fork at 5 s: the scripted kill at 7 s is gone from the history until time reaches it again.
    seekRun(run, 5_000);
    issueCommand(run, { type: "isolateBroker", broker: 3 });
    expect(run.history.every((e) => e.time <= 5_000)).toBe(true);
    expect(run.history.at(-1)!.type).toBe("brokerIsolated");
    advanceRun(run, 8_000);
    expect(run.history.some((e) => e.type === "brokerKilled" && e.time === 7_000)).toBe(true);
  });

  it("steps forward to the next event even when the recent trace is full", () => {
    const run = newRun();
    let t = 0;
    while (run.events.length < MAX_EVENTS) advanceRun(run, (t += 5_000));
    const start = run.state.time;
    expect(stepForward(run)).toBeNull();
    expect(run.state.time).toBeGreaterThan(start);
    expect(run.state.time - start).toBeLessThan(1_000);
    expect(run.events.at(-1)!.time).toBe(run.state.time);
  });

  it("step back lands on the previous event of the straight run, even after a quiet stretch", () => {
    // One record every five seconds: most of the time nothing at all happens.
    const quiet = (): Run => {
      const base = spec();
      const r = createRun({
        ...base,
        producers: base.producers.map((p) => ({ ...p, ratePerSec: 0.2 })),
        timeline: [],
      });
      if (!r.ok) throw new Error(r.errors[0]!.message);
      return r.value;
    };
    const straight = quiet();
    advanceRun(straight, 40_000);
    const times = straight.events.map((e) => e.time);
    const run = quiet();
    advanceRun(run, 40_000);
    for (const t of [39_000, 23_456, 17_000, 12_001, 4_000]) {
      seekRun(run, t);
      expect(stepBack(run)).toBeNull();
      const expected = times.filter((x) => x < t).at(-1) ?? 0;
      expect(run.state.time).toBe(expected);
    }
  });
});
