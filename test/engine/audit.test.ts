import { describe, expect, it } from "vitest";
import { SimDriver } from "../helpers/SimDriver.ts";

/**
 * p writes w first, so the leader knows its producer id. A is then refused with
 * NotEnoughReplicas while the ISR is below min.insync.replicas; B goes out 5 ms later, while A's
 * request is still in flight (a second request on the connection), and arrives after the
 * follower rejoined. Without idempotence B is written at once and A's retry lands after it.
 */
function refusedThenAccepted(enableIdempotence: boolean): SimDriver {
  const sim = SimDriver.create({
    brokers: 5,
    config: { replicaLagTimeMaxMs: 4000 },
    topics: [{ name: "orders", assignment: [[3, 4]], config: { minInsyncReplicas: 2 } }],
    producers: [
      { id: "p", topic: "orders", config: { enableIdempotence, lingerMs: 0 } },
      { id: "q", topic: "orders", config: { acks: 1, lingerMs: 0 } },
    ],
  });
  sim.at(1000).slow(4, 60_000).at(1200).produce("p", "w").at(1600).produce("q", "x").at(10_000);
  expect(sim.isrOf("orders", 0)).toEqual([3]);
  sim.slow(4, 0).produce("p", "A").advance(5).produce("p", "B").at(12_000);
  expect(sim.producer("p").acknowledged).toBe(3);
  return sim;
}

describe("the auditor", () => {
  it("reports records a retry wrote out of order (no idempotence, several requests in flight)", () => {
    const sim = refusedThenAccepted(false);
    expect(sim.records("orders", 0, 4).map((r) => r.key)).toEqual(["w", "x", "B", "A"]);
    expect(sim.events("produceRetried")[0]).toMatchObject({ error: "NotEnoughReplicas" });
    expect(sim.audit().orderViolations).toEqual([
      { topic: "orders", partition: 0, producer: "p", offset: 3, laterSentOffset: 2 },
    ]);
  });

  it("idempotence keeps the order: the later batch is refused as out of sequence and follows the earlier one's retry", () => {
    const sim = refusedThenAccepted(true);
    expect(sim.records("orders", 0, 4).map((r) => r.key)).toEqual(["w", "x", "A", "B"]);
    expect(sim.events("produceRetried").map((e) => e.error)).toEqual([
      "NotEnoughReplicas",
      "OutOfOrderSequence",
    ]);
    const [retried] = sim.events("produceRetried");
    const appended = sim
      .events("batchAppended")
      .filter((e) => e.producer === "p")
      .slice(1);
    // retry.backoff.ms=100 with KIP-580's 20% jitter: at least 80 ms later.
    for (const e of appended) expect(e.time).toBeGreaterThanOrEqual(retried!.time + 80);
    expect(sim.audit().orderViolations).toEqual([]);
  });

  it("a batch produced while an earlier one of its partition waits to be retried goes after it (the retry is first in the accumulator)", () => {
    const sim = SimDriver.create({
      brokers: 5,
      config: { replicaLagTimeMaxMs: 4000 },
      topics: [{ name: "orders", assignment: [[3, 4]], config: { minInsyncReplicas: 2 } }],
      producers: [
        { id: "p", topic: "orders", config: { enableIdempotence: false, lingerMs: 0 } },
        { id: "q", topic: "orders", config: { acks: 1, lingerMs: 0 } },
      ],
    });
    sim.at(1000).slow(4, 60_000).at(1600).produce("q", "x").at(10_000);
    sim.slow(4, 0).produce("p", "A").at(10_020).produce("p", "B").at(12_000);
    expect(sim.events("produceRetried").map((e) => e.error)).toEqual(["NotEnoughReplicas"]);
    expect(sim.records("orders", 0, 3).map((r) => r.key)).toEqual(["x", "A", "B"]);
    expect(sim.audit().orderViolations).toEqual([]);
  });

  it("counts an acks=0 record sent to a broker that died on the way as lost, with no offset", () => {
    const sim = SimDriver.create({
      brokers: 5,
      topics: [{ name: "orders", assignment: [[3, 4, 5]] }],
      producers: [{ id: "p", topic: "orders", config: { acks: 0, lingerMs: 0 } }],
    });
    sim.at(1000).produce("p", "k").advance(1).kill(3).at(2000);
    expect(sim.producer("p").acknowledged).toBe(1);
    const audit = sim.audit();
    expect(audit.acknowledged).toBe(1);
    expect(audit.lost).toEqual([
      expect.objectContaining({
        topic: "orders",
        partition: 0,
        offset: null,
        key: "k",
        producer: "p",
      }),
    ]);
    expect(audit.lost[0]!.cause).toMatch(/^acks=0: the request to broker 3 never arrived/);
  });

  it("reading the audit changes nothing in the state, and reading it twice gives the same report", () => {
    const sim = SimDriver.create({
      brokers: 3,
      topics: [{ name: "orders", assignment: [[3, 1, 2]] }],
      producers: [{ id: "p", topic: "orders", config: { acks: 1 } }],
    });
    sim.at(1000).slow(1, 20_000).slow(2, 20_000).at(2000).produce("p", "k", { count: 2 }).at(2100);
    sim.kill(3).at(8000);
    const before = JSON.stringify(sim.state);
    const first = sim.audit();
    expect(JSON.stringify(sim.state)).toBe(before);
    expect(sim.audit()).toEqual(first);
    // The leader is not elected yet: nothing is lost yet, and the audit does not say otherwise.
    expect(sim.leaderOf("orders", 0)).toBe(3);
    expect(first.lost).toEqual([]);
    sim.at(15_000);
    expect(sim.audit().lost.map((l) => l.offset)).toEqual([0, 1]);
  });

  it("explains every event kind it emitted in a sentence", () => {
    const sim = SimDriver.create({
      brokers: 5,
      config: { brokerSessionTimeoutMs: 3000, brokerHeartbeatIntervalMs: 1000 },
      topics: [{ name: "orders", assignment: [[3, 4, 5]] }],
      producers: [{ id: "p", topic: "orders", rate: 20, keys: ["a", "b"], config: { acks: 1 } }],
    });
    sim.at(1000).slow(4, 9000).isolate(3).at(8000).heal(3).kill(5).at(15_000).restart(5);
    sim.at(20_000);
    const lines = sim.feed();
    expect(lines.length).toBeGreaterThan(50);
    for (const line of lines) expect(line).toMatch(/^\d+: \S.{10,}$/);
  });
});
