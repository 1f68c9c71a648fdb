import { describe, expect, it } from "vitest";
import type { AssignorName } from "../../src/engine/assignors/index.ts";
import type { SimDriver } from "../helpers/SimDriver.ts";
import { consumer, fill, groupSim } from "./groups/groupFixtures.ts";

const strategy = (s: AssignorName[]) => ({ partitionAssignmentStrategy: s });

/** Steps through the run 10 ms at a time and fails if a partition ever has two owners. */
function neverTwoOwners(sim: SimDriver, groupId: string, until: number): void {
  while (sim.now < until) {
    sim.advance(10);
    for (const [pk, owners] of Object.entries(sim.owners(groupId)))
      expect(owners, `${pk} at ${sim.now}`).toHaveLength(1);
  }
}

describe("rebalancing", () => {
  it("eager (range): every member revokes all its partitions when a member joins", () => {
    const sim = groupSim(6, [
      consumer("c1", "g", strategy(["range"])),
      consumer("c2", "g", strategy(["range"])),
    ]);
    fill(sim, 6, 5).at(5000);
    sim.command({ type: "addConsumer", consumer: consumer("c3", "g", strategy(["range"])) });
    neverTwoOwners(sim, "g", 8000);
    const revoked = sim.events("partitionsRevoked").filter((e) => e.time >= 5000);
    expect(revoked.flatMap((e) => e.partitions)).toHaveLength(6);
    expect(revoked.every((e) => e.protocol === "eager")).toBe(true);
    expect(sim.consumer("c3").assignment).toEqual(["orders-4", "orders-5"]);
    expect(sim.group("g").protocol).toBe("eager");
  });

  it("cooperative-sticky: only moved partitions are revoked, handed over in a second rebalance", () => {
    const coop = strategy(["cooperative-sticky"]);
    const sim = groupSim(6, [consumer("c1", "g", coop), consumer("c2", "g", coop)]);
    fill(sim, 6, 5).at(5000);
    const gen = sim.group("g").generation;
    const before = {
      c1: sim.consumer("c1").assignment.slice(),
      c2: sim.consumer("c2").assignment.slice(),
    };
    sim.command({ type: "addConsumer", consumer: consumer("c3", "g", coop) });
    neverTwoOwners(sim, "g", 8000);
    const revoked = sim.events("partitionsRevoked").filter((e) => e.time >= 5000);
    expect(revoked.flatMap((e) => e.partitions)).toHaveLength(2);
    expect(revoked.every((e) => e.protocol === "cooperative")).toBe(true);
    expect(sim.group("g").generation).toBe(gen + 2);
    expect(sim.consumer("c3").assignment).toHaveLength(2);
    // What c1 and c2 kept, they never gave up.
    for (const id of ["c1", "c2"] as const)
      expect(before[id].filter((p) => !sim.consumer(id).assignment.includes(p))).toHaveLength(1);
  });

  it("the default strategy [range, cooperative-sticky] is eager and uses range", () => {
    const sim = groupSim(2, [consumer("c1", "g"), consumer("c2", "g")]).at(3000);
    expect(sim.group("g")).toMatchObject({ assignor: "range", protocol: "eager" });
  });

  it("more members than partitions leaves the extra member idle, and the group says which", () => {
    const sim = groupSim(2, [consumer("c1", "g"), consumer("c2", "g"), consumer("c3", "g")]).at(
      3000,
    );
    expect(sim.consumer("c3").assignment).toEqual([]);
    expect(sim.events("groupStable").at(-1)).toMatchObject({ idle: ["c3"] });
    expect(sim.feed("groupStable").at(-1)).toMatch(/idle with no partition: c3/);
  });

  it("two groups on one topic each receive every record (publish-subscribe)", () => {
    const sim = fill(
      groupSim(2, [consumer("a1", "a"), consumer("b1", "b"), consumer("b2", "b")]),
      2,
      10,
    ).at(10_000);
    expect(sim.consumer("a1").consumed).toBe(20);
    expect(sim.consumer("b1").consumed + sim.consumer("b2").consumed).toBe(20);
  });
});
