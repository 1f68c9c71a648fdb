import { describe, expect, it } from "vitest";
import { SimDriver } from "../helpers/SimDriver.ts";

const FAST = { brokerSessionTimeoutMs: 3000, brokerHeartbeatIntervalMs: 1000 };

/**
 * The leader appends a batch, both followers copy it, and the leader dies before it learns
 * that they did: the producer never gets its answer and retries to the new leader.
 */
function responseLostWithLeader(enableIdempotence: boolean): SimDriver {
  const sim = SimDriver.create({
    brokers: 5,
    config: FAST,
    topics: [{ name: "orders", assignment: [[3, 4, 5]] }],
    producers: [
      {
        id: "p",
        topic: "orders",
        config: {
          acks: "all",
          enableIdempotence,
          requestTimeoutMs: 2000,
          deliveryTimeoutMs: 20_000,
          lingerMs: 0,
        },
      },
    ],
  });
  sim.at(1000).slow(4, 300).slow(5, 300).at(1600);
  sim.produce("p", "k", { count: 2 }).at(1700);
  expect([3, 4, 5].map((b) => sim.leo("orders", 0, b))).toEqual([2, 2, 2]);
  expect(sim.hw("orders", 0, 3)).toBe(0);
  expect(sim.producer("p").acknowledged).toBe(0);
  sim.kill(3).slow(4, 0).slow(5, 0).at(12_000);
  expect(sim.leaderOf("orders", 0)).toBe(4);
  expect(sim.producer("p").acknowledged).toBe(2);
  return sim;
}

describe("enable.idempotence", () => {
  it("true: a retry after a lost response is recognised by its sequence numbers and not written twice", () => {
    const sim = responseLostWithLeader(true);
    expect(sim.offsets("orders", 0, 4)).toEqual([0, 1]);
    expect(sim.events("duplicateDropped")).toEqual([
      expect.objectContaining({ broker: 4, producer: "p", baseOffset: 0, count: 2 }),
    ]);
    // The duplicate is acknowledged with the offsets of the original.
    expect(sim.events("produceAcknowledged")).toEqual([
      expect.objectContaining({ baseOffset: 0, count: 2 }),
    ]);
    const audit = sim.audit();
    expect(audit.duplicates).toEqual([]);
    expect(audit.lost).toEqual([]);
  });

  it("false: with acks=all the same schedule writes the batch twice", () => {
    const sim = responseLostWithLeader(false);
    const keys = sim.records("orders", 0, 4).map((r) => r.recordId);
    expect(keys).toHaveLength(4);
    expect(keys.slice(2)).toEqual(keys.slice(0, 2));
    expect(sim.events("duplicateDropped")).toEqual([]);
    expect(sim.events("duplicateWritten")).toEqual([
      expect.objectContaining({ producer: "p", partition: 0, offset: 2, count: 2 }),
    ]);
    expect(sim.audit().duplicates).toEqual([
      { topic: "orders", partition: 0, producer: "p", offset: 2, originalOffset: 0, count: 2 },
    ]);
  });

  /** acks=all waits for a follower slower than request.timeout.ms: the producer retries. */
  function requestTimesOut(enableIdempotence: boolean): SimDriver {
    const sim = SimDriver.create({
      brokers: 5,
      topics: [{ name: "orders", assignment: [[3, 4, 5]] }],
      producers: [
        {
          id: "p",
          topic: "orders",
          config: {
            acks: "all",
            enableIdempotence,
            requestTimeoutMs: 1000,
            deliveryTimeoutMs: 20_000,
          },
        },
      ],
    });
    sim.at(1000).slow(5, 1500).at(1600);
    // The leader learns that broker 5 has the record only ~3 s later: the request times out.
    sim.produce("p", "k").at(3000);
    sim.slow(5, 0).at(10_000);
    expect(sim.producer("p").acknowledged).toBe(1);
    expect(sim.events("produceRetried").map((e) => e.error)).toContain("RequestTimedOut");
    return sim;
  }

  it("true: a retry after request.timeout.ms while the record waits for a slow follower is dropped as a duplicate", () => {
    const sim = requestTimesOut(true);
    expect(sim.offsets("orders", 0, 3)).toEqual([0]);
    expect(sim.events("duplicateDropped").length).toBeGreaterThan(0);
    expect(sim.audit().duplicates).toEqual([]);
  });

  it("false: the same retry appends a second copy", () => {
    const sim = requestTimesOut(false);
    expect(sim.leo("orders", 0, 3)).toBeGreaterThan(1);
    const duplicates = sim.audit().duplicates;
    expect(duplicates.length).toBe(sim.leo("orders", 0, 3) - 1);
    expect(duplicates[0]).toMatchObject({ offset: 1, originalOffset: 0, count: 1 });
  });

  it("numbers each partition's records with sequences from 0 under the producer id", () => {
    const sim = SimDriver.create({
      brokers: 3,
      topics: [
        {
          name: "orders",
          assignment: [
            [1, 2, 3],
            [2, 3, 1],
          ],
        },
      ],
      producers: [
        { id: "p", topic: "orders" },
        { id: "q", topic: "orders", config: { acks: 1 } },
      ],
    });
    sim.at(100);
    sim.produce("p", null, { partition: 0, count: 3 }).at(200);
    sim.produce("p", null, { partition: 1, count: 2 }).at(300);
    sim.produce("p", null, { partition: 0, count: 2 }).at(400);
    sim.produce("q", null, { partition: 0 }).at(500);
    const p = sim.producer("p");
    expect(p.producerId).toBeGreaterThanOrEqual(0);
    expect(sim.producer("q").producerId).toBe(-1);
    const seqs = (partition: number) =>
      sim.records("orders", partition, 2).map((r) => [r.producerId, r.sequence]);
    expect(seqs(0)).toEqual([
      [p.producerId, 0],
      [p.producerId, 1],
      [p.producerId, 2],
      [p.producerId, 3],
      [p.producerId, 4],
      [-1, -1],
    ]);
    expect(seqs(1)).toEqual([
      [p.producerId, 0],
      [p.producerId, 1],
    ]);
  });

  it("after a batch expires unwritten, the producer bumps its epoch and writes again from sequence 0 (KIP-360)", () => {
    const sim = SimDriver.create({
      brokers: 5,
      topics: [{ name: "orders", assignment: [[3, 4, 5]], config: { minInsyncReplicas: 2 } }],
      producers: [
        { id: "p", topic: "orders", config: { requestTimeoutMs: 1000, deliveryTimeoutMs: 3000 } },
      ],
    });
    sim.at(1000).produce("p", "a").at(1100);
    sim.kill(4).kill(5).at(12_000);
    // Sequence 1 is refused (NotEnoughReplicas) until it expires: a gap the broker never saw.
    sim.produce("p", "b").at(16_000);
    expect(sim.producer("p").errors).toEqual({ TimeoutException: 1 });
    sim.restart(4).restart(5).at(20_000);
    sim.produce("p", "c").at(25_000);

    expect(sim.producer("p").acknowledged).toBe(2);
    expect(sim.producer("p").errors).toEqual({ TimeoutException: 1 });
    expect(sim.events("produceRetried").filter((e) => e.time >= 20_000)).toEqual([
      expect.objectContaining({ error: "OutOfOrderSequence", attempt: 2 }),
    ]);
    const records = sim.records("orders", 0, 3);
    expect(records.map((r) => [r.key, r.producerEpoch, r.sequence])).toEqual([
      ["a", 0, 0],
      ["c", 1, 0],
    ]);
    expect(sim.records("orders", 0, 4)).toEqual(records);
  });
});
