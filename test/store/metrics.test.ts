import { describe, expect, it } from "vitest";
import type { SimulationSpec } from "../../src/engine/index.ts";
import {
  advanceRun,
  createRun,
  issueCommand,
  METRICS_SAMPLE_MS,
  seekRun,
  type Run,
} from "../../src/store/index.ts";

function spec(): SimulationSpec {
  return {
    name: "metrics",
    seed: 7,
    brokers: [{ id: 1 }, { id: 2 }, { id: 3 }],
    config: { brokerSessionTimeoutMs: 3000, replicaLagTimeMaxMs: 5000 },
    topics: [
      { name: "orders", partitions: 3, replicationFactor: 3, config: { minInsyncReplicas: 2 } },
    ],
    producers: [
      { id: "checkout", topic: "orders", ratePerSec: 40, keys: ["a", "b", "c"], config: {} },
    ],
    consumers: [
      {
        id: "billing-1",
        groupId: "billing",
        topics: ["orders"],
        config: { autoOffsetReset: "earliest" },
        processingMsPerRecord: 30,
      },
    ],
    timeline: [
      { at: 8_000, command: { type: "killBroker", broker: 2 } },
      { at: 21_000, command: { type: "restartBroker", broker: 2 } },
    ],
  };
}

function newRun(): Run {
  const r = createRun(spec());
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return r.value;
}

const series = (run: Run): string => JSON.stringify(run.metrics.samples);

describe("metrics sampled on virtual time", () => {
  it("takes one sample per second of virtual time, whatever the frame sizes", () => {
    const inOneJump = newRun();
    advanceRun(inOneJump, 30_000);
    const inFrames = newRun();
    for (let t = 17; t < 30_000; t += 16.7) advanceRun(inFrames, t);
    advanceRun(inFrames, 30_000);
    expect(inOneJump.metrics.samples.map((s) => s.time)).toEqual(
      Array.from({ length: 31 }, (_, i) => i * METRICS_SAMPLE_MS),
    );
    expect(series(inFrames)).toBe(series(inOneJump));
  });

  it("seeking back and forth leaves the straight run's series, regenerated on each replay", () => {
    const straight = newRun();
    advanceRun(straight, 40_000);
    const travelled = newRun();
    advanceRun(travelled, 40_000);
    for (const t of [12_345, 3_000, 0, 27_500, 40_000, 9_000]) {
      const before = travelled.metrics.samples.slice();
      seekRun(travelled, t);
      expect(series(travelled)).toBe(series(straight));
      // The replay from the checkpoint sampled its seconds again (new objects, same values).
      const replayed = travelled.metrics.samples.filter((s, i) => s !== before[i]);
      if (t % 5_000 !== 0) expect(replayed.length).toBeGreaterThan(0);
    }
  });

  it("a fork drops the samples after it: the old future is gone", () => {
    const run = newRun();
    advanceRun(run, 30_000);
    seekRun(run, 12_345);
    expect(run.metrics.samples.at(-1)!.time).toBe(30_000);
    issueCommand(run, { type: "setProducer", producer: "checkout", running: false });
    expect(run.metrics.samples.at(-1)!.time).toBe(12_000);
  });

  it("a fork keeps the samples up to now, and the new future is sampled like a straight run", () => {
    const forked = newRun();
    advanceRun(forked, 30_000);
    seekRun(forked, 10_500);
    issueCommand(forked, { type: "setProducer", producer: "checkout", ratePerSec: 200 });
    advanceRun(forked, 20_000);

    const straight = newRun();
    advanceRun(straight, 10_500);
    issueCommand(straight, { type: "setProducer", producer: "checkout", ratePerSec: 200 });
    advanceRun(straight, 20_000);
    expect(series(forked)).toBe(series(straight));
  });

  it("shows what the lesson is about: a dead broker leaves partitions under-replicated until it returns", () => {
    const run = newRun();
    advanceRun(run, 40_000);
    const at = (t: number) => run.metrics.samples.find((s) => s.time === t)!;
    expect(at(5_000).underReplicated).toBe(0);
    expect(at(5_000).isr["orders"]).toBe(9);
    expect(at(15_000).underReplicated).toBe(3);
    expect(at(15_000).isr["orders"]).toBe(6);
    expect(at(40_000).underReplicated).toBe(0);
    // Cumulative counters grow; the consumer falls behind at 30 ms a record.
    expect(at(40_000).sent).toBeGreaterThan(at(20_000).sent);
    expect(at(40_000).consumed["billing"]).toBeGreaterThan(0);
    expect(at(40_000).lag["billing"]).toBeGreaterThan(0);
    expect(Object.keys(at(40_000).partitionLag["billing"]!)).toEqual([
      "orders-0",
      "orders-1",
      "orders-2",
    ]);
  });
});
