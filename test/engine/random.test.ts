import { describe, expect, it } from "vitest";
import { random, randomInt, stableFraction } from "../../src/engine/random.ts";
import type { SimState } from "../../src/engine/types.ts";
import { SimDriver, type DriverSpec } from "../helpers/SimDriver.ts";

const withRng = (seed: number): SimState => ({ seed, rng: {} }) as unknown as SimState;

describe("seeded randomness", () => {
  it("the same seed and stream give the same numbers; another seed gives others", () => {
    const draw = (seed: number) => {
      const s = withRng(seed);
      return Array.from({ length: 5 }, () => random(s, "placement"));
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    for (const x of draw(7)) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it("streams are independent: drawing from one does not shift another", () => {
    const a = withRng(9);
    const b = withRng(9);
    const fromA = [random(a, "keys:p"), random(a, "keys:p"), random(a, "keys:p")];
    random(b, "partitioner:q");
    random(b, "keys:q");
    const fromB = [random(b, "keys:p"), random(b, "partitioner:q"), random(b, "keys:p")];
    expect([fromB[0], fromB[2]]).toEqual(fromA.slice(0, 2));
  });

  it("randomInt stays in [0, bound) and covers it", () => {
    const s = withRng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) {
      const n = randomInt(s, "x", 7);
      expect(Number.isInteger(n) && n >= 0 && n < 7).toBe(true);
      seen.add(n);
    }
    expect(seen.size).toBe(7);
  });

  it("a stable fraction depends on the seed and the name only", () => {
    expect(stableFraction(1, "broker:1>broker:2")).toBe(stableFraction(1, "broker:1>broker:2"));
    expect(stableFraction(1, "broker:1>broker:2")).not.toBe(stableFraction(1, "broker:2>broker:1"));
  });
});

describe("random streams in a simulation", () => {
  const spec = (producers: DriverSpec["producers"]): DriverSpec => ({
    brokers: 5,
    seed: 1234,
    topics: [
      { name: "orders", partitions: 8, rf: 3 },
      { name: "payments", partitions: 5, rf: 2 },
    ],
    producers,
  });
  const assignment = (sim: SimDriver) =>
    Object.values(sim.state.topics).map((t) => t.partitions.map((p) => p.replicas));

  it("adding a producer does not change replica placement or another producer's draws", () => {
    const alone = SimDriver.create(
      spec([{ id: "p", topic: "orders", rate: 50, keys: ["a", "b", "c", "d"] }]),
    );
    const crowded = SimDriver.create(
      spec([
        { id: "noisy", topic: "orders", rate: 200, keys: ["x", "y", "z"] },
        { id: "p", topic: "orders", rate: 50, keys: ["a", "b", "c", "d"] },
        { id: "unkeyed", topic: "payments", rate: 100 },
      ]),
    );
    expect(assignment(crowded)).toEqual(assignment(alone));
    alone.at(3000);
    crowded.at(3000);
    const keysOf = (sim: SimDriver) =>
      sim
        .events("batchAppended")
        .filter((e) => e.producer === "p")
        .map((e) => e.partition);
    expect(keysOf(alone).length).toBeGreaterThan(20);
    expect(keysOf(crowded)).toEqual(keysOf(alone));
  });

  it("another seed places replicas differently", () => {
    const a = SimDriver.create(spec([]));
    const b = SimDriver.create({ ...spec([]), seed: 99 });
    expect(assignment(a)).not.toEqual(assignment(b));
  });
});
