import { describe, expect, it } from "vitest";
import type { SimulationSpec } from "../../src/engine/index.ts";
import { CHECKPOINT_INTERVAL_MS } from "../../src/store/run.ts";
import { advanceRun, createRun, issueCommand, seekRun, type Run } from "../../src/store/index.ts";

const spec = (): SimulationSpec => ({
  name: "thinning",
  seed: 5,
  brokers: [{ id: 1 }, { id: 2 }, { id: 3 }],
  config: { brokerSessionTimeoutMs: 3000, replicaLagTimeMaxMs: 5000 },
  topics: [{ name: "orders", partitions: 3, replicationFactor: 3, config: {} }],
  producers: [
    { id: "p", topic: "orders", ratePerSec: 5, keys: ["a", "b", "c"], config: { acks: 1 } },
  ],
  timeline: [
    { at: 100_000, command: { type: "killBroker", broker: 2 } },
    { at: 200_000, command: { type: "restartBroker", broker: 2 } },
  ],
});

/** A run that keeps at most 120 checkpoints (the app keeps 240). */
function newRun(max = 120): Run {
  const r = createRun(spec(), true, max);
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return r.value;
}

const snapshot = (run: Run): string => JSON.stringify(run.state);
const times = (run: Run): number[] => run.checkpoints.map((c) => c.time);

describe("checkpoints in a long run", () => {
  it("stay under the limit: the start, the newest at 5 s, the rest evenly spaced", () => {
    const run = newRun();
    expect(advanceRun(run, 1_200_000)).toBeNull(); // 240 intervals of 5 s
    const t = times(run);
    expect(t.length).toBeLessThanOrEqual(120);
    expect(t[0]).toBe(0);
    const recent = t.slice(-60);
    recent.slice(1).forEach((x, i) => expect(x - recent[i]!).toBe(CHECKPOINT_INTERVAL_MS));
    expect(recent[recent.length - 1]).toBe(1_200_000);
    // Older is sparser, never the other way round, and no stretch of the past is far from one.
    const gaps = t.slice(1).map((x, i) => x - t[i]!);
    gaps.forEach((g) => expect(g % CHECKPOINT_INTERVAL_MS).toBe(0));
    gaps.slice(1).forEach((g, i) => expect(g).toBeLessThanOrEqual(gaps[i]!));
    expect(Math.max(...gaps)).toBeGreaterThan(CHECKPOINT_INTERVAL_MS);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(80_000);
  });

  it("a seek into the thinned past lands on exactly the straight run's state", () => {
    const long = newRun();
    advanceRun(long, 1_200_000);
    for (const target of [97_500, 203_333, 650_000, 1_150_001]) {
      expect(seekRun(long, target)).toBeNull();
      const straight = newRun(1_000);
      advanceRun(straight, target);
      expect(snapshot(long)).toBe(snapshot(straight));
    }
  });

  it("a fork in the thinned past goes on saving checkpoints at multiples of 5 s", () => {
    const run = newRun();
    advanceRun(run, 1_200_000);
    seekRun(run, 333_333);
    expect(issueCommand(run, { type: "killBroker", broker: 3 })).toBeNull();
    expect(advanceRun(run, 360_000)).toBeNull();
    const t = times(run);
    expect(t[t.length - 1]).toBe(360_000);
    expect(t).toContain(335_000);
    expect(t.every((x) => x <= 360_000 && x % CHECKPOINT_INTERVAL_MS === 0)).toBe(true);
    expect(run.state.brokers["3"]!.status).not.toBe("online");
  });
});
