import { describe, expect, it } from "vitest";
import { consumer, fill, groupSim } from "./groups/groupFixtures.ts";

describe("the consumer's poll loop", () => {
  it("reads every record below the HW and commits its position (the next offset to read)", () => {
    const sim = fill(groupSim(2, [consumer("c1", "g")]), 2, 10).at(20_000);
    const g = sim.group("g");
    expect(g.state).toBe("Stable");
    expect(sim.consumer("c1").assignment).toEqual(["orders-0", "orders-1"]);
    expect(g.committed).toEqual({ "orders-0": 10, "orders-1": 10 });
    expect(sim.groupOffsets("g").map((o) => o.lag)).toEqual([0, 0]);
    expect(sim.consumer("c1").consumed).toBe(20);
  });

  it("auto.offset.reset=latest starts at the HW: records written before the group are skipped", () => {
    const sim = groupSim(1, []);
    sim.produce("p", "k", { count: 5, partition: 0 }).at(1000);
    sim.command({
      type: "addConsumer",
      consumer: consumer("c1", "g", { autoOffsetReset: "latest" }),
    });
    sim.at(10_000).produce("p", "k", { count: 3, partition: 0 }).at(20_000);
    expect(sim.consumer("c1").consumed).toBe(3);
    expect(sim.group("g").committed["orders-0"]).toBe(8);
    expect(sim.feed("offsetReset")[0]).toMatch(/no committed offset.*auto.offset.reset=latest/);
  });

  it("auto.offset.reset=none without a committed offset is a NoOffsetForPartitionException", () => {
    const sim = fill(groupSim(1, [consumer("c1", "g", { autoOffsetReset: "none" })]), 1, 5);
    sim.at(10_000);
    expect(sim.consumer("c1").consumed).toBe(0);
    expect(sim.consumer("c1").errors["orders-0"]).toBe("NoOffsetForPartitionException");
    expect(sim.feed("consumerError")[0]).toMatch(/NoOffsetForPartitionException/);
  });

  it("takes at most max.poll.records per poll and spends processingMsPerRecord on each", () => {
    const sim = fill(
      groupSim(1, [consumer("c1", "g", { maxPollRecords: 10 }, ["orders"], 100)]),
      1,
      50,
    );
    sim.at(3000);
    const polls = sim.events("recordsConsumed");
    expect(polls.length).toBeGreaterThan(0);
    expect(Math.max(...polls.map((e) => e.count))).toBe(10);
    // 10 records at 100 ms each: one poll per second at most.
    expect(sim.consumer("c1").consumed).toBeLessThanOrEqual(30);
  });

  it("never hands a consumer a record at or above the high watermark", () => {
    const sim = fill(groupSim(3, [consumer("c1", "g")]), 3, 40).at(15_000);
    expect(sim.group("g").aboveHighWatermark).toBe(0);
    expect(sim.audit().redelivered).toEqual([
      { groupId: "g", count: 0, examples: [], aboveHighWatermark: 0 },
    ]);
  });

  it("a paused consumer stops fetching but keeps polling, so it stays in the group", () => {
    const sim = groupSim(1, [consumer("c1", "g")]).at(5000);
    sim.command({ type: "pauseConsumer", consumer: "c1" });
    fill(sim, 1, 10).at(20_000);
    expect(sim.consumer("c1").consumed).toBe(0);
    expect(sim.group("g").state).toBe("Stable");
    sim.command({ type: "resumeConsumer", consumer: "c1" }).at(25_000);
    expect(sim.consumer("c1").consumed).toBe(10);
  });

  it("a stalled consumer misses max.poll.interval.ms and leaves the group", () => {
    const sim = groupSim(2, [
      consumer("c1", "g", { maxPollIntervalMs: 5000 }),
      consumer("c2", "g"),
    ]);
    sim.at(5000).command({ type: "stallConsumer", consumer: "c1" }).at(15_000);
    expect(sim.feed("memberEvicted")[0]).toMatch(
      /c1 was removed from g: it did not call poll\(\) within max.poll.interval.ms/,
    );
    expect(sim.consumer("c2").assignment).toEqual(["orders-0", "orders-1"]);
    expect(sim.consumer("c1").assignment).toEqual([]);
  });

  it("a position below the log start offset (deleted by retention) is reset by auto.offset.reset", () => {
    const sim = groupSim(1, [consumer("c1", "g")], {
      config: {
        offsetsTopicNumPartitions: 5,
        groupInitialRebalanceDelayMs: 0,
        logRetentionCheckIntervalMs: 1000,
      },
      topics: [{ name: "orders", partitions: 1, config: { segmentBytes: 200, retentionMs: 2000 } }],
    });
    sim.at(3000).command({ type: "pauseConsumer", consumer: "c1" });
    fill(sim, 1, 40).at(12_000);
    expect(sim.logStart("orders", 0, sim.leaderOf("orders", 0))).toBeGreaterThan(0);
    sim.command({ type: "resumeConsumer", consumer: "c1" }).at(15_000);
    expect(sim.feed("offsetReset").some((l) => /outside the log/.test(l))).toBe(true);
  });

  it("manual commitSync after processing commits exactly what was processed", () => {
    const sim = fill(groupSim(1, [consumer("c1", "g", { enableAutoCommit: false })]), 1, 25).at(
      10_000,
    );
    expect(sim.group("g").committed["orders-0"]).toBe(25);
    expect(sim.events("offsetCommitted").length).toBeGreaterThan(0);
  });
});
