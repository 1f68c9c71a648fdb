import { describe, expect, it } from "vitest";
import { SimDriver } from "../helpers/SimDriver.ts";

// Brokers 1-3 are the KRaft voters (combined mode); partitions live on brokers that are not
// the active controller (broker 1) unless a test is about the controller, so a broker crash
// does not also cost a controller failover.

describe("acks=1", () => {
  it("loses the unreplicated tail when the leader dies", () => {
    const sim = SimDriver.create({
      brokers: 3,
      topics: [{ name: "orders", assignment: [[3, 1, 2]] }],
      producers: [{ id: "p", topic: "orders", config: { acks: 1 } }],
    });
    sim.at(1000);
    // Followers wait 20 s before each fetch: the leader is alone with what it appends next.
    sim.slow(1, 20_000).slow(2, 20_000).at(2000);
    sim.produce("p", "k1").produce("p", "k2").produce("p", "k3").at(2100);

    expect(sim.producer("p").acknowledged).toBe(3);
    expect(sim.leo("orders", 0, 3)).toBe(3);
    expect(sim.leo("orders", 0, 1)).toBe(0);
    expect(sim.leo("orders", 0, 2)).toBe(0);
    expect(sim.hw("orders", 0, 3)).toBe(0);

    sim.kill(3).at(15_000);
    expect(sim.leaderOf("orders", 0)).toBe(1);
    expect(sim.epochOf("orders", 0)).toBe(1);
    expect(sim.isrOf("orders", 0)).toEqual([1, 2]);
    expect(sim.leo("orders", 0, 1)).toBe(0);

    const lost = sim.audit().lost;
    expect(lost.map((l) => [l.topic, l.partition, l.offset, l.key])).toEqual([
      ["orders", 0, 0, "k1"],
      ["orders", 0, 1, "k2"],
      ["orders", 0, 2, "k3"],
    ]);
    for (const l of lost) {
      expect(l.cause).toContain("acks=1");
      expect(l.cause).toContain("leader 3 crashed");
      expect(l.cause).toContain("broker 1 became leader (epoch 1)");
    }
    expect(sim.events("recordsLost")).toHaveLength(1);

    sim.restart(3).at(20_000);
    const truncated = sim.events("recordsTruncated");
    expect(truncated).toEqual([
      expect.objectContaining({ broker: 3, truncatedTo: 0, count: 3, leader: 1, leaderEpoch: 1 }),
    ]);
    expect(sim.leo("orders", 0, 3)).toBe(0);
  });

  it("does not lose records that a follower fetched before the leader died", () => {
    const sim = SimDriver.create({
      brokers: 3,
      topics: [{ name: "orders", assignment: [[3, 1, 2]] }],
      producers: [{ id: "p", topic: "orders", config: { acks: 1 } }],
    });
    sim.at(1000);
    sim.produce("p", "k1", { count: 4 }).at(1100);
    expect(sim.leo("orders", 0, 1)).toBe(4);
    sim.kill(3).at(15_000);
    expect(sim.leaderOf("orders", 0)).toBe(1);
    expect(sim.audit().lost).toEqual([]);
    expect(sim.offsets("orders", 0, 1)).toEqual([0, 1, 2, 3]);
  });
});

describe("acks=all with min.insync.replicas=2 and RF 3", () => {
  const create = () =>
    SimDriver.create({
      brokers: 5,
      topics: [{ name: "orders", assignment: [[3, 4, 5]], config: { minInsyncReplicas: 2 } }],
      producers: [
        {
          id: "p",
          topic: "orders",
          config: { acks: "all", requestTimeoutMs: 3000, deliveryTimeoutMs: 6000 },
        },
      ],
    });

  it("acknowledges only after every ISR member has the record", () => {
    const sim = create().at(1000);
    sim.slow(5, 800).at(1600);
    sim.produce("p", "k").at(1700);
    // Broker 5 is in the ISR and has not fetched yet: the leader parks the request.
    expect(sim.leo("orders", 0, 3)).toBe(1);
    expect(sim.leo("orders", 0, 4)).toBe(1);
    expect(sim.leo("orders", 0, 5)).toBe(0);
    expect(sim.hw("orders", 0, 3)).toBe(0);
    expect(sim.producer("p").acknowledged).toBe(0);
    sim.at(4000);
    expect(sim.producer("p").acknowledged).toBe(1);
    // The leader learns that broker 5 has the record from its next fetch offset: only then
    // does the HW pass it and the request complete.
    const [ack] = sim.events("produceAcknowledged");
    const [fetched] = sim.events("replicaFetched").filter((e) => e.follower === 5);
    const [hwMoved] = sim.events("highWatermarkAdvanced").filter((e) => e.broker === 3);
    expect(fetched!.time).toBeGreaterThan(1700);
    expect(hwMoved!.time).toBeGreaterThanOrEqual(fetched!.time + 800);
    expect(ack!.time).toBeGreaterThan(hwMoved!.time);
    expect(sim.events("produceRetried")).toEqual([]);
  });

  it("survives one broker failure with no loss", () => {
    const sim = create().at(1000);
    sim.produce("p", "a", { count: 5 }).at(1100);
    expect(sim.producer("p").acknowledged).toBe(5);
    sim.kill(3).at(13_000);
    expect(sim.leaderOf("orders", 0)).toBe(4);
    expect(sim.isrOf("orders", 0)).toEqual([4, 5]);
    sim.produce("p", "b", { count: 5 }).at(14_000);
    expect(sim.producer("p").acknowledged).toBe(10);
    expect(sim.producer("p").failed).toBe(0);
    expect(sim.audit().lost).toEqual([]);
    expect(sim.offsets("orders", 0, 5)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("refuses writes with NotEnoughReplicas after two failures and loses nothing acknowledged", () => {
    const sim = create().at(1000);
    sim.produce("p", "a", { count: 5 }).at(1100);
    sim.kill(3).at(13_000);
    sim.produce("p", "b", { count: 5 }).at(14_000);
    sim.kill(4).at(26_000);
    expect(sim.leaderOf("orders", 0)).toBe(5);
    expect(sim.isrOf("orders", 0)).toEqual([5]);

    sim.produce("p", "c", { count: 5 }).at(40_000);
    const retries = sim.events("produceRetried").filter((e) => e.time > 26_000);
    expect(retries.length).toBeGreaterThan(3);
    expect(retries.filter((e) => e.error === "NotEnoughReplicas").length).toBeGreaterThan(3);
    // Refused before the append: the leader's log did not grow.
    expect(sim.leo("orders", 0, 5)).toBe(10);
    expect(sim.producer("p").acknowledged).toBe(10);
    expect(sim.producer("p").errors).toEqual({ TimeoutException: 5 });
    expect(sim.events("produceFailed")).toEqual([
      expect.objectContaining({ error: "TimeoutException", count: 5, partition: 0 }),
    ]);
    expect(sim.audit().lost).toEqual([]);
  });
});

describe("the high watermark under min.insync.replicas (Kafka 3.7, KAFKA-15583)", () => {
  it("does not advance while the ISR is smaller than min.insync.replicas: acks=1 writes are accepted but not readable", () => {
    const sim = SimDriver.create({
      brokers: 5,
      config: { replicaLagTimeMaxMs: 4000 },
      topics: [{ name: "orders", assignment: [[3, 4, 5]], config: { minInsyncReplicas: 2 } }],
      producers: [{ id: "p", topic: "orders", config: { acks: 1 } }],
    });
    sim.at(1000).produce("p", "a", { count: 2 }).at(1100);
    expect(sim.hw("orders", 0, 3)).toBe(2);

    // Both followers stop fetching for long: the leader shrinks the ISR to itself.
    sim.slow(4, 60_000).slow(5, 60_000).at(1700);
    sim.produce("p", "b").at(1800);
    sim.at(12_000);
    expect(sim.isrOf("orders", 0)).toEqual([3]);

    sim.produce("p", "c", { count: 3 }).at(12_100);
    expect(sim.producer("p").acknowledged).toBe(6);
    expect(sim.leo("orders", 0, 3)).toBe(6);
    expect(sim.hw("orders", 0, 3)).toBe(2);
    sim.at(20_000);
    expect(sim.hw("orders", 0, 3)).toBe(2);

    // A follower returns: it catches up, rejoins the ISR, and the HW moves again.
    sim.slow(4, 0).at(80_000);
    expect(sim.isrOf("orders", 0)).toEqual([3, 4]);
    expect(sim.hw("orders", 0, 3)).toBe(6);
    expect(sim.audit().lost).toEqual([]);
  });
});

describe("acks=0", () => {
  it("counts a record as sent at once, without waiting for the leader", () => {
    const sim = SimDriver.create({
      brokers: 3,
      topics: [{ name: "orders", assignment: [[3, 1, 2]] }],
      producers: [{ id: "p", topic: "orders", config: { acks: 0, lingerMs: 0 } }],
    });
    sim.at(1000).produce("p", "k").at(1000);
    expect(sim.producer("p").acknowledged).toBe(1);
    expect(sim.leo("orders", 0, 3)).toBe(0);
    sim.at(1010);
    expect(sim.leo("orders", 0, 3)).toBe(1);
  });
});
