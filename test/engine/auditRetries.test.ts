import { describe, expect, it } from "vitest";
import { SimDriver } from "../helpers/SimDriver.ts";

/**
 * The leader of orders-0 appends a batch no follower fetches (they are slow), then crashes
 * before acknowledging it; the producer sends it again to the new leader.
 */
function retriedAfterFailover(enableIdempotence: boolean): SimDriver {
  const sim = SimDriver.create({
    brokers: 3,
    config: { brokerSessionTimeoutMs: 6000, replicaLagTimeMaxMs: 10_000 },
    topics: [{ name: "orders", assignment: [[1, 2, 3]], config: { minInsyncReplicas: 2 } }],
    producers: [{ id: "p", topic: "orders", config: { enableIdempotence, lingerMs: 0 } }],
  });
  sim.at(1_000).produce("p", "a").at(2_000);
  sim.slow(2, 60_000).slow(3, 60_000).at(3_000);
  sim.produce("p", "b").advance(50);
  // Broker 1 wrote b, no follower has it, and nobody was told.
  expect(sim.leo("orders", 0, 1)).toBe(2);
  expect(sim.producer("p").acknowledged).toBe(1);
  sim.kill(1).slow(2, 0).slow(3, 0).at(40_000);
  return sim;
}

describe("the audit after a retry on a new leader", () => {
  it("counts no duplicate for a batch the old leader wrote and lost before acknowledging it", () => {
    const sim = retriedAfterFailover(true);
    const leader = sim.partition("orders", 0).leader;
    expect(leader).not.toBe(1);
    expect(sim.records("orders", 0, leader).map((r) => r.key)).toEqual(["a", "b"]);
    expect(sim.producer("p").acknowledged).toBe(2);
    const audit = sim.audit();
    expect(audit.duplicates).toEqual([]);
    expect(audit.orderViolations).toEqual([]);
    expect(audit.lost).toEqual([]);
  });

  it("the same without idempotence: still one copy in the log, so still no duplicate", () => {
    const sim = retriedAfterFailover(false);
    const leader = sim.partition("orders", 0).leader;
    expect(sim.records("orders", 0, leader).map((r) => r.key)).toEqual(["a", "b"]);
    expect(sim.audit().duplicates).toEqual([]);
  });
});

describe("the audit after a write to a zombie leader", () => {
  /**
   * Broker 1 is cut off from the cluster (not from clients) and loses leadership of orders-0 to
   * broker 3. The producer, whose metadata still names broker 1, writes b there; broker 1
   * appends it at offset 1 and waits for followers that never come. The request times out, the
   * producer refreshes its metadata and writes b on broker 3 at the same offset. Broker 1
   * truncates its copy when it rejoins.
   */
  it.each([true, false])(
    "counts no duplicate for a batch only the zombie wrote (idempotence %s)",
    (enableIdempotence) => {
      const sim = SimDriver.create({
        brokers: 4,
        config: { brokerSessionTimeoutMs: 3000 },
        topics: [{ name: "orders", assignment: [[1, 3, 4]], config: { minInsyncReplicas: 2 } }],
        producers: [
          {
            id: "p",
            topic: "orders",
            config: { enableIdempotence, lingerMs: 0, requestTimeoutMs: 1500 },
          },
        ],
      });
      sim.at(200).produce("p", "a").at(500).isolate(1).at(8_000);
      expect(sim.partition("orders", 0).leader).toBe(3);
      sim.produce("p", "b").advance(100);
      expect(sim.leo("orders", 0, 1)).toBe(2);
      sim.at(12_000);
      expect(sim.records("orders", 0, 3).map((r) => r.key)).toEqual(["a", "b"]);
      sim.heal(1).at(20_000);
      expect(sim.records("orders", 0, 1).map((r) => r.key)).toEqual(["a", "b"]);
      expect(sim.producer("p").acknowledged).toBe(2);
      const audit = sim.audit();
      expect(audit.duplicates).toEqual([]);
      expect(audit.orderViolations).toEqual([]);
    },
  );
});
