import { describe, expect, it } from "vitest";
import { consumerOffsetsPartitionFor } from "../../src/engine/consumerOffsetsPartition.ts";
import { SimDriver } from "../helpers/SimDriver.ts";
import { consumer, fill, groupSim } from "./groups/groupFixtures.ts";

describe("the group coordinator", () => {
  it("is the leader of the group's __consumer_offsets partition, created with the first group (50 partitions, RF 3)", () => {
    const sim = SimDriver.create({
      brokers: 4,
      topics: [{ name: "orders" }],
      consumers: [consumer("c1", "billing")],
    });
    const offsets = sim.state.topics["__consumer_offsets"]!;
    expect(offsets.internal).toBe(true);
    expect(offsets.partitions).toHaveLength(50);
    expect(offsets.partitions[0]!.replicas).toHaveLength(3);
    expect(offsets.config.cleanupPolicy).toBe("compact");
    const p = consumerOffsetsPartitionFor("billing", 50);
    expect(sim.group("billing").offsetsPartition).toBe(p);
    expect(sim.group("billing").coordinator).toBe(offsets.partitions[p]!.leader);
  });

  it("does not create __consumer_offsets while there is no group", () => {
    const sim = SimDriver.create({ brokers: 3, topics: [{ name: "orders" }] });
    expect(sim.state.topics["__consumer_offsets"]).toBeUndefined();
  });

  it("stores each commit as a record in the group's partition, replicated before it counts", () => {
    const sim = fill(groupSim(1, [consumer("c1", "g", { enableAutoCommit: false })]), 1, 5).at(
      10_000,
    );
    const g = sim.group("g");
    const leader = sim.leaderOf("__consumer_offsets", g.offsetsPartition);
    const records = sim.records("__consumer_offsets", g.offsetsPartition, leader);
    expect(records.at(-1)).toMatchObject({ key: "g/orders-0", value: "5" });
    expect(sim.hw("__consumer_offsets", g.offsetsPartition, leader)).toBe(records.length);
  });

  it("a new group waits group.initial.rebalance.delay.ms, then one rebalance takes every member", () => {
    const sim = groupSim(2, [consumer("c1", "g"), consumer("c2", "g")], {
      config: { offsetsTopicNumPartitions: 5, groupInitialRebalanceDelayMs: 3000 },
    });
    sim.at(2900);
    expect(sim.group("g").state).toBe("PreparingRebalance");
    sim.at(4000);
    expect(sim.group("g")).toMatchObject({ state: "Stable", generation: 1 });
    expect(sim.events("rebalanceStarted")).toHaveLength(1);
  });

  it("a clean leave rebalances at once; a crash only after session.timeout.ms", () => {
    const sim = groupSim(2, [consumer("c1", "g"), consumer("c2", "g"), consumer("c3", "g")]).at(
      3000,
    );
    const gen = sim.group("g").generation;
    sim.command({ type: "removeConsumer", consumer: "c1" }).at(3500);
    expect(sim.group("g").generation).toBe(gen + 1);
    expect(sim.feed("memberLeft")[0]).toMatch(/c1 left group g \(LeaveGroup\)/);
    sim.command({ type: "crashConsumer", consumer: "c2" }).at(8000);
    expect(sim.group("g").generation).toBe(gen + 1);
    sim.at(10_000);
    expect(sim.group("g").generation).toBe(gen + 2);
    expect(sim.feed("memberEvicted")[0]).toMatch(/no heartbeat within session.timeout.ms/);
    expect(sim.consumer("c3").assignment).toEqual(["orders-0", "orders-1"]);
  });

  it("moves with its partition's leadership and loads the committed offsets from the new leader's log", () => {
    const sim = fill(
      groupSim(1, [consumer("c1", "g")], {
        config: {
          offsetsTopicNumPartitions: 1,
          groupInitialRebalanceDelayMs: 0,
          brokerSessionTimeoutMs: 3000,
        },
      }),
      1,
      20,
    );
    sim.at(12_000);
    const before = sim.group("g").coordinator;
    const committed = sim.group("g").committed["orders-0"];
    expect(committed).toBe(20);
    sim.kill(before).at(20_000);
    const g = sim.group("g");
    expect(g.coordinator).not.toBe(before);
    expect(g.coordinator).toBeGreaterThan(0);
    expect(g.committed["orders-0"]).toBeGreaterThanOrEqual(20);
    expect(sim.feed("coordinatorMoved")[0]).toMatch(
      /moved from broker \d to broker \d, which loaded 1 committed offset/,
    );
  });

  it("rejects a commit from an old generation (CommitFailedException in the client)", () => {
    const sim = fill(
      groupSim(1, [
        consumer("c1", "g", { maxPollIntervalMs: 2000, enableAutoCommit: false }, ["orders"], 1000),
      ]),
      1,
      5,
    );
    sim.at(12_000);
    expect(
      sim
        .events("offsetCommitFailed")
        .some((e) => /CommitFailedException|IllegalGeneration|UnknownMemberId/.test(e.error)),
    ).toBe(true);
  });
});
