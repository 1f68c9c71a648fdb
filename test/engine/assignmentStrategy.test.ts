import { describe, expect, it } from "vitest";
import { consumer, fill, groupSim } from "./groups/groupFixtures.ts";

describe("setAssignmentStrategy: a consumer restarted with a new partition.assignment.strategy", () => {
  it("rejoins, and once every member lists the new assignor the group rebalances with it", () => {
    const sim = fill(groupSim(4, [consumer("c1", "g"), consumer("c2", "g")]), 4, 5).at(3000);
    const before = sim.group("g");
    expect(before).toMatchObject({ state: "Stable", assignor: "range" });
    const generation = before.generation;
    for (const c of ["c1", "c2"])
      sim.command({ type: "setAssignmentStrategy", consumer: c, strategy: ["roundrobin"] });
    expect(sim.rejected()).toEqual([]);
    sim.at(6000);
    const g = sim.group("g");
    expect(g).toMatchObject({ state: "Stable", assignor: "roundrobin" });
    expect(g.generation).toBeGreaterThan(generation);
    // Round robin deals the four partitions out one by one.
    expect(sim.consumer("c1").assignment.length + sim.consumer("c2").assignment.length).toBe(4);
    expect(sim.consumer("c1").config.partitionAssignmentStrategy).toEqual(["roundrobin"]);
    expect(sim.feed("commandApplied").join("\n")).toMatch(
      /c1 restarts with partition.assignment.strategy=roundrobin/,
    );
  });

  it("keeps the assignor every member still lists while only some members have changed", () => {
    const sim = groupSim(4, [consumer("c1", "g"), consumer("c2", "g")]).at(3000);
    sim.command({
      type: "setAssignmentStrategy",
      consumer: "c2",
      strategy: ["roundrobin", "range"],
    });
    sim.at(6000);
    expect(sim.group("g")).toMatchObject({ state: "Stable", assignor: "range" });
  });

  it("a crashed consumer keeps the new strategy for its restart, without a rebalance now", () => {
    const sim = groupSim(2, [consumer("c1", "g"), consumer("c2", "g")]).at(3000);
    sim.command({ type: "crashConsumer", consumer: "c2" });
    sim.command({ type: "setAssignmentStrategy", consumer: "c2", strategy: ["sticky"] });
    expect(sim.rejected()).toEqual([]);
    expect(sim.consumer("c2").config.partitionAssignmentStrategy).toEqual(["sticky"]);
    expect(sim.feed("commandApplied").join("\n")).toMatch(/c2 will use .*sticky when it restarts/);
  });

  it("refuses an empty list, an unknown assignor or one named twice, with Kafka's ConfigException", () => {
    const sim = groupSim(2, [consumer("c1", "g")]).at(1000);
    sim.command({ type: "setAssignmentStrategy", consumer: "c1", strategy: [] });
    sim.command({
      type: "setAssignmentStrategy",
      consumer: "c1",
      // A value the type forbids, as a hand-written command could carry it.
      strategy: ["roundrobbin" as "roundrobin"],
    });
    sim.command({ type: "setAssignmentStrategy", consumer: "c1", strategy: ["range", "range"] });
    sim.command({ type: "setAssignmentStrategy", consumer: "nobody", strategy: ["range"] });
    expect(sim.rejected().map((e) => e.name)).toEqual([
      "ConfigException",
      "ConfigException",
      "ConfigException",
      "InvalidRequest",
    ]);
    expect(sim.rejected()[1]!.message).toMatch(/partition.assignment.strategy/);
    expect(sim.consumer("c1").config.partitionAssignmentStrategy).toEqual([
      "range",
      "cooperative-sticky",
    ]);
  });
});
