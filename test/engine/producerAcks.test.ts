import { describe, expect, it } from "vitest";
import type { ProducerConfig } from "../../src/engine/index.ts";
import { SimDriver } from "../helpers/SimDriver.ts";

function driver(config: Partial<ProducerConfig> = {}): SimDriver {
  return SimDriver.create({
    brokers: 3,
    topics: [{ name: "orders", partitions: 1 }],
    producers: [{ id: "p", topic: "orders", rate: 100, keys: ["a"], config }],
  });
}

/** The producer ids on the leader's records written after `from` (virtual ms). */
function producerIdsSince(sim: SimDriver, from: number): Set<number> {
  const leader = sim.partition("orders", 0).leader;
  return new Set(
    sim
      .records("orders", 0, leader)
      .filter((r) => r.timestamp >= from)
      .map((r) => r.producerId),
  );
}

describe("changing acks on a running producer", () => {
  it("acks=1 turns default idempotence off: the records carry no producer id", () => {
    const sim = driver().at(2_000);
    expect(sim.producer("p").producerId).toBeGreaterThanOrEqual(0);
    sim.command({ type: "setProducer", producer: "p", acks: 1 }).at(2_001);
    expect(sim.rejected()).toEqual([]);
    expect(sim.producer("p").config.enableIdempotence).toBe(false);
    sim.at(5_000);
    expect(producerIdsSince(sim, 2_100)).toEqual(new Set([-1]));
  });

  it("back to acks=all turns it on again under a new producer id, sequences from 0", () => {
    const sim = driver().at(2_000);
    const first = sim.producer("p").producerId;
    sim.command({ type: "setProducer", producer: "p", acks: 1 }).at(3_000);
    sim.command({ type: "setProducer", producer: "p", acks: "all" }).at(3_001);
    const pr = sim.producer("p");
    expect(pr.config.enableIdempotence).toBe(true);
    expect(pr.producerId).toBeGreaterThanOrEqual(0);
    expect(pr.producerId).not.toBe(first);
    sim.at(6_000);
    const leader = sim.partition("orders", 0).leader;
    const mine = sim.records("orders", 0, leader).filter((r) => r.producerId === pr.producerId);
    expect(mine.length).toBeGreaterThan(200);
    expect(mine[0]!.sequence).toBe(0);
    mine.forEach((r, i) => expect(r.sequence).toBe(i));
    expect(sim.producer("p").failed).toBe(0);
  });

  it("a producer whose config asks for idempotence refuses acks=1, as KafkaProducer does", () => {
    const sim = driver({ enableIdempotence: true }).at(1_000);
    sim.command({ type: "setProducer", producer: "p", acks: 1, ratePerSec: 5 }).at(1_001);
    const refused = sim.rejected();
    expect(refused).toHaveLength(1);
    expect(refused[0]!.name).toBe("ConfigException");
    expect(refused[0]!.message).toMatch(/enable\.idempotence=true needs acks=all/);
    // The whole command is refused: the rate did not change either.
    expect(sim.producer("p").ratePerSec).toBe(100);
    expect(sim.producer("p").config.acks).toBe("all");
  });

  it("a producer whose config turned idempotence off keeps it off at acks=all", () => {
    const sim = driver({ enableIdempotence: false, acks: 1 }).at(1_000);
    sim.command({ type: "setProducer", producer: "p", acks: "all" }).at(1_001);
    expect(sim.rejected()).toEqual([]);
    expect(sim.producer("p").config.enableIdempotence).toBe(false);
    expect(sim.producer("p").producerId).toBe(-1);
  });
});
