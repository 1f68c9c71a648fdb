import { describe, expect, it } from "vitest";
import type { SimulationSpec } from "../../src/engine/index.ts";
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
});
