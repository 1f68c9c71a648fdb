import { describe, expect, it } from "vitest";
import { consumer, fill, groupSim } from "./groups/groupFixtures.ts";

const staticMember = (id: string) =>
  consumer(id, "g", { groupInstanceId: `host-${id}`, sessionTimeoutMs: 10_000 });

describe("static membership (group.instance.id, KIP-345)", () => {
  it("a member back within session.timeout.ms gets its partitions back without a rebalance", () => {
    const sim = fill(
      groupSim(3, [staticMember("c1"), staticMember("c2"), staticMember("c3")]),
      3,
      5,
    ).at(5000);
    const owned = sim.consumer("c2").assignment.slice();
    const gen = sim.group("g").generation;
    sim.command({ type: "crashConsumer", consumer: "c2" }).at(8000);
    sim.command({ type: "restartConsumer", consumer: "c2" }).at(10_000);
    expect(sim.group("g").generation).toBe(gen);
    expect(sim.consumer("c2").assignment).toEqual(owned);
    expect(sim.feed("staticMemberRejoined")[0]).toMatch(/without a rebalance/);
    expect(sim.events("rebalanceStarted").filter((e) => e.time > 5000)).toHaveLength(0);
  });

  it("a static member never sends LeaveGroup: the group rebalances only after session.timeout.ms", () => {
    const sim = groupSim(2, [staticMember("c1"), staticMember("c2")]).at(5000);
    const gen = sim.group("g").generation;
    sim.command({ type: "removeConsumer", consumer: "c1" }).at(14_000);
    expect(sim.group("g").generation).toBe(gen);
    sim.at(17_000);
    expect(sim.group("g").generation).toBe(gen + 1);
    expect(sim.consumer("c2").assignment).toEqual(["orders-0", "orders-1"]);
  });
});
