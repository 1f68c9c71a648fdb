import { describe, expect, it } from "vitest";
import { partitionForKey } from "../../src/engine/index.ts";
import { SimDriver } from "../helpers/SimDriver.ts";

/** Every record in the cluster's leader logs, by the order it was sent, with its partition. */
function placement(sim: SimDriver, topic: string): { key: string | null; partition: number }[] {
  const out: { id: number; key: string | null; partition: number }[] = [];
  for (const p of sim.state.topics[topic]!.partitions)
    for (const r of sim.records(topic, p.partition, p.leader))
      out.push({ id: r.recordId, key: r.key, partition: p.partition });
  return out.sort((a, b) => a.id - b.id).map(({ key, partition }) => ({ key, partition }));
}

describe("the partitioner inside the producer", () => {
  it("sends a keyed record to toPositive(murmur2(key)) % partitions", () => {
    const sim = SimDriver.create({
      brokers: 3,
      topics: [{ name: "orders", partitions: 6, rf: 2 }],
      producers: [{ id: "p", topic: "orders" }],
    });
    const keys = Array.from({ length: 40 }, (_, i) => `customer-${i}`);
    sim.at(100);
    for (const key of keys) sim.produce("p", key);
    sim.at(1000);
    const placed = placement(sim, "orders");
    expect(placed.map((r) => r.key)).toEqual(keys);
    for (const r of placed) expect(r.partition).toBe(partitionForKey(r.key!, 6));
    expect(new Set(placed.map((r) => r.partition)).size).toBeGreaterThan(3);
  });

  it("sticks records without a key to one partition for batch.size bytes, then picks another", () => {
    const sim = SimDriver.create({
      brokers: 3,
      topics: [{ name: "orders", partitions: 6, rf: 2 }],
      // 25-byte records: batch.size=250 is ten records.
      producers: [{ id: "p", topic: "orders", config: { batchSize: 250 } }],
    });
    sim.at(100).produce("p", null, { count: 60, value: "vvvvv" }).at(1000);
    const partitions = placement(sim, "orders").map((r) => r.partition);
    expect(partitions).toHaveLength(60);
    const runs = Array.from({ length: 6 }, (_, i) => partitions.slice(i * 10, i * 10 + 10));
    for (const run of runs) expect(new Set(run).size).toBe(1);
    expect(new Set(partitions).size).toBeGreaterThan(1);
  });

  it("an explicit partition wins over the key", () => {
    const sim = SimDriver.create({
      brokers: 3,
      topics: [{ name: "orders", partitions: 6, rf: 2 }],
      producers: [{ id: "p", topic: "orders" }],
    });
    const key = "customer-1";
    const other = (partitionForKey(key, 6) + 1) % 6;
    sim.at(100).produce("p", key, { partition: other }).at(500);
    expect(placement(sim, "orders")).toEqual([{ key, partition: other }]);
  });
});

describe("the record accumulator", () => {
  const create = (config: { lingerMs: number; batchSize?: number }) =>
    SimDriver.create({
      brokers: 3,
      topics: [{ name: "orders", assignment: [[1, 2, 3]] }],
      producers: [{ id: "p", topic: "orders", config }],
    });

  it("linger.ms gathers records sent close together into one batch", () => {
    const sim = create({ lingerMs: 50 }).at(100);
    sim.produce("p", "k").advance(10).produce("p", "k").advance(10).produce("p", "k").at(500);
    expect(sim.events("batchAppended").map((e) => [e.time, e.count])).toEqual([[153, 3]]);
  });

  it("a full batch goes at once, without waiting for linger.ms", () => {
    const sim = create({ lingerMs: 10_000, batchSize: 100 }).at(100);
    sim.produce("p", "k", { count: 4, value: "vvvv" }).at(200);
    expect(sim.events("batchAppended").map((e) => e.count)).toEqual([4]);
    expect(sim.events("batchAppended")[0]!.time).toBeLessThan(110);
  });

  it("only a partition's last batch takes records, so a small record never slips into an earlier batch", () => {
    const sim = create({ lingerMs: 50, batchSize: 100 }).at(100);
    // 60, 50 and 30 bytes: the second opens a new batch; the third would fit in the first.
    sim.produce("p", "k", { value: "a".repeat(39) });
    sim.produce("p", "k", { value: "b".repeat(29) });
    sim.produce("p", "k", { value: "c".repeat(9) }).at(1000);
    expect(sim.producer("p").acknowledged).toBe(3);
    expect(sim.records("orders", 0, 1).map((r) => r.value![0])).toEqual(["a", "b", "c"]);
    expect(sim.events("batchAppended").map((e) => e.count)).toEqual([1, 2]);
  });

  it("the rate generator sends ratePerSec records per second", () => {
    const sim = SimDriver.create({
      brokers: 3,
      topics: [{ name: "orders", assignment: [[1, 2, 3]] }],
      producers: [{ id: "p", topic: "orders", rate: 100, keys: ["a", "b"] }],
    });
    sim.at(10_000);
    expect(sim.producer("p").sent).toBeGreaterThanOrEqual(995);
    expect(sim.producer("p").sent).toBeLessThanOrEqual(1001);
  });
});

describe("retries", () => {
  it("after NotLeaderOrFollower the producer refreshes its metadata and sends to the new leader", () => {
    const sim = SimDriver.create({
      brokers: 5,
      config: { leaderImbalanceCheckIntervalMs: 1_000_000 },
      topics: [{ name: "orders", assignment: [[3, 4, 5]] }],
      producers: [{ id: "p", topic: "orders" }],
    });
    sim.at(100).produce("p", "k").at(200);
    expect(sim.producer("p").leaderCache["0"]).toBe(3);
    // Broker 3 loses leadership while alive; the producer still believes in it.
    sim.isolate(3).at(12_000).heal(3).at(15_000);
    expect(sim.leaderOf("orders", 0)).toBe(4);
    expect(sim.replica("orders", 0, 3).role).toBe("follower");
    sim.produce("p", "k").at(16_000);
    expect(sim.events("produceRetried")).toEqual([
      expect.objectContaining({ error: "NotLeaderOrFollower", attempt: 2 }),
    ]);
    expect(sim.producer("p").leaderCache["0"]).toBe(4);
    expect(sim.producer("p").acknowledged).toBe(2);
    expect(sim.offsets("orders", 0, 4)).toEqual([0, 1]);
  });

  it("a record that cannot be delivered fails with TimeoutException after delivery.timeout.ms", () => {
    const sim = SimDriver.create({
      brokers: 5,
      topics: [{ name: "orders", assignment: [[4]] }],
      producers: [
        {
          id: "p",
          topic: "orders",
          config: { requestTimeoutMs: 1000, deliveryTimeoutMs: 5000, lingerMs: 0 },
        },
      ],
    });
    sim.at(100).kill(4).produce("p", "k").at(5099);
    expect(sim.producer("p").failed).toBe(0);
    sim.at(5100);
    expect(sim.producer("p").errors).toEqual({ TimeoutException: 1 });
    expect(sim.feed("produceFailed")).toEqual([
      expect.stringContaining("1 record for orders-0 failed for good with TimeoutException"),
    ]);
  });

  it("a producer config that breaks idempotence's rules is refused with Kafka's ConfigException", () => {
    expect(() =>
      SimDriver.create({
        brokers: 1,
        topics: [{ name: "orders" }],
        producers: [{ id: "p", topic: "orders", config: { acks: 1, enableIdempotence: true } }],
      }),
    ).toThrow(/ConfigException: enable.idempotence=true needs acks=all/);
  });

  it("acks=1 without asking for idempotence turns it off, as KafkaProducer does since 3.0", () => {
    const sim = SimDriver.create({
      brokers: 1,
      topics: [{ name: "orders" }],
      producers: [{ id: "p", topic: "orders", config: { acks: 1 } }],
    });
    expect(sim.producer("p").config.enableIdempotence).toBe(false);
    expect(sim.producer("p").producerId).toBe(-1);
  });
});
