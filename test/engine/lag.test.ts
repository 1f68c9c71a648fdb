import { describe, expect, it } from "vitest";
import { LAG_SAMPLES_KEPT } from "../../src/engine/lag.ts";
import { consumer, fill, groupSim } from "./groups/groupFixtures.ts";

describe("consumer lag", () => {
  it("is the log end offset (HW) minus the committed offset, per partition, summed per group", () => {
    const sim = groupSim(2, [consumer("c1", "g")]).at(3000);
    sim.command({ type: "pauseConsumer", consumer: "c1" });
    fill(sim, 2, 7).at(6000);
    const offsets = sim.groupOffsets("g");
    expect(offsets.map((o) => [o.logEndOffset, o.lag])).toEqual([
      [7, 7],
      [7, 7],
    ]);
    expect(sim.group("g").lag.at(-1)!.lag).toBe(14);
  });

  it("shows '-' (null) for a partition the group never committed", () => {
    const sim = groupSim(1, [
      consumer("c1", "g", { autoOffsetReset: "latest", autoCommitIntervalMs: 100_000 }),
    ]).at(3000);
    expect(sim.groupOffsets("g")[0]).toMatchObject({ committed: null, lag: null });
  });

  it("is sampled once a second into a bounded series", () => {
    const sim = groupSim(1, [consumer("c1", "g")]).at(LAG_SAMPLES_KEPT * 1000 + 30_000);
    const lag = sim.group("g").lag;
    expect(lag).toHaveLength(LAG_SAMPLES_KEPT);
    expect(lag[1]!.time - lag[0]!.time).toBe(1000);
  });

  it("grows while processing is slower than producing", () => {
    const sim = groupSim(1, [
      consumer("c1", "g", { autoCommitIntervalMs: 1000 }, ["orders"], 100),
    ]).at(2000);
    for (let t = 2000; t < 20_000; t += 1000)
      sim.produce("p", "k", { count: 20, partition: 0 }).at(t + 1000);
    const lag = sim.group("g").lag;
    const at = (t: number): number => lag.find((x) => x.time >= t)!.lag;
    expect(at(18_000)).toBeGreaterThan(at(8000));
  });
});
