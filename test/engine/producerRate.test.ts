import { describe, expect, it } from "vitest";
import { SimDriver } from "../helpers/SimDriver.ts";

function pausedAndResumed(gapMs: number): SimDriver {
  const sim = SimDriver.create({
    brokers: 3,
    topics: [{ name: "orders", partitions: 3 }],
    producers: [{ id: "p", topic: "orders", rate: 100, keys: ["a", "b"] }],
  });
  sim.at(1_001);
  sim.command({ type: "setProducer", producer: "p", running: false });
  sim.at(1_001 + gapMs);
  sim.command({ type: "setProducer", producer: "p", running: true });
  return sim.at(11_001);
}

describe("the rate generator", () => {
  it("keeps its rate when paused and resumed within one tick", () => {
    // 100 records/s ticks every 10 ms: a resume 3 ms after the pause finds the tick still pending.
    const sim = pausedAndResumed(3);
    const sent = sim.producer("p").sent;
    expect(sent).toBeGreaterThanOrEqual(1_095);
    expect(sent).toBeLessThanOrEqual(1_105);
  });

  it("resumes after a longer pause at the same rate", () => {
    const sim = pausedAndResumed(5_000);
    const sent = sim.producer("p").sent;
    expect(sent).toBeGreaterThanOrEqual(595);
    expect(sent).toBeLessThanOrEqual(605);
  });

  it("runs the sender inside the tick when linger ends on it, sending every record", () => {
    const sim = SimDriver.create({
      brokers: 3,
      topics: [{ name: "orders", partitions: 3 }],
      producers: [{ id: "p", topic: "orders", rate: 200, keys: ["a", "b", "c"] }],
    }).at(10_000);
    const pr = sim.producer("p");
    // Everything but the last linger's worth is acknowledged: no batch waits for a lost wake.
    expect(pr.acknowledged).toBeGreaterThan(pr.sent - 10);
    expect(pr.batches.every((b) => sim.state.time - b.createdAt < 50)).toBe(true);
  });
});
