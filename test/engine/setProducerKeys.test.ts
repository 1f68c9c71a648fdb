import { describe, expect, it } from "vitest";
import { SimDriver } from "../helpers/SimDriver.ts";

/** Keys of every record in every partition of topic t, as the leaders hold them. */
function keysWritten(sim: SimDriver): (string | null)[] {
  const out: (string | null)[] = [];
  for (const p of sim.state.topics["orders"]!.partitions)
    for (const r of sim.records("orders", p.partition, p.leader)) out.push(r.key);
  return out;
}

describe("setProducer changes the key workload live", () => {
  it('keyDistribution "hot" makes the first key take most of the records', () => {
    const sim = SimDriver.create({
      brokers: 3,
      topics: [{ name: "orders", partitions: 3 }],
      producers: [{ id: "p", topic: "orders", rate: 200, keys: ["a", "b", "c", "d"] }],
    });
    sim.command({ type: "setProducer", producer: "p", keyDistribution: "hot" }).at(10_000);
    expect(sim.rejected()).toEqual([]);
    expect(sim.producer("p").keyDistribution).toBe("hot");
    const keys = keysWritten(sim);
    const hot = keys.filter((k) => k === "a").length;
    expect(keys.length).toBeGreaterThan(1000);
    expect(hot / keys.length).toBeGreaterThan(0.7);
  });

  it("back to uniform, with new keys, spreads the records over them", () => {
    const sim = SimDriver.create({
      brokers: 3,
      topics: [{ name: "orders", partitions: 3 }],
      producers: [{ id: "p", topic: "orders", rate: 200, keys: ["a"] }],
    });
    sim.command({
      type: "setProducer",
      producer: "p",
      keys: ["x", "y"],
      keyDistribution: "uniform",
    });
    sim.at(10_000);
    const keys = keysWritten(sim);
    const x = keys.filter((k) => k === "x").length;
    expect(new Set(keys)).toEqual(new Set(["x", "y"]));
    expect(x / keys.length).toBeGreaterThan(0.4);
    expect(x / keys.length).toBeLessThan(0.6);
  });
});
