import { describe, expect, it } from "vitest";
import { describeProducerQueue, type ProducerQueue } from "../../src/engine/index.ts";
import { twoLeaders } from "../helpers/clusters.ts";
import { SimDriver } from "../helpers/SimDriver.ts";

function queue(sim: SimDriver): ProducerQueue {
  const q = describeProducerQueue(sim.state, "p");
  if (!q) throw new Error("no producer p");
  return q;
}

describe("describeProducerQueue", () => {
  it("a lone record lingers until linger.ms has passed, then is in flight to its leader", () => {
    const sim = twoLeaders({ lingerMs: 50 });
    sim.at(100).produce("p", "k", { partition: 2 }).at(120);
    const waiting = queue(sim);
    expect(waiting.time).toBe(120);
    expect(waiting.waitingRecords).toBe(1);
    expect(waiting.waitingBatches).toBe(1);
    expect(waiting.partitions).toEqual([
      {
        topic: "orders",
        partition: 2,
        batches: 1,
        records: 1,
        attempt: 1,
        leader: 2,
        wait: { kind: "lingering", until: 150 },
      },
    ]);
    expect(waiting.inFlight).toEqual([]);

    sim.at(151);
    const sent = queue(sim);
    expect(sent.partitions).toEqual([]);
    expect(sent.waitingRecords).toBe(0);
    expect(sent.inFlight).toEqual([
      { broker: 2, requests: 1, max: 5, batches: 1, records: 1, oldestSentAt: 150 },
    ]);
  });

  it("counts requests per broker: one request carries a batch of each partition its broker leads", () => {
    const sim = twoLeaders();
    sim.at(50).slow(2, 20_000).slow(3, 20_000);
    sim.at(100);
    for (const partition of [0, 1, 2]) sim.produce("p", "k", { partition, count: 2 });
    sim.at(110).produce("p", "k", { partition: 0 }).at(120);
    expect(queue(sim).inFlight).toEqual([
      // Partitions 0 and 1 in the first request, partition 0's next batch in a second one.
      { broker: 1, requests: 2, max: 5, batches: 3, records: 5, oldestSentAt: 105 },
      { broker: 2, requests: 1, max: 5, batches: 1, records: 2, oldestSentAt: 105 },
    ]);
    expect(queue(sim).partitions).toEqual([]);
  });

  it("max.in.flight.requests.per.connection=1 keeps a second batch waiting behind the one in flight", () => {
    // Slow followers keep the acks=all request waiting at the leader.
    const sim = twoLeaders({ maxInFlightRequestsPerConnection: 1 });
    sim.at(50).slow(2, 20_000).slow(3, 20_000);
    sim.at(100).produce("p", "a", { partition: 0 });
    sim.at(200).produce("p", "b", { partition: 0 }).produce("p", "c", { partition: 1 });
    sim.at(300);
    const q = queue(sim);
    expect(q.inFlight).toEqual([
      { broker: 1, requests: 1, max: 1, batches: 1, records: 1, oldestSentAt: 105 },
    ]);
    expect(q.partitions.map((p) => [p.partition, p.records, p.wait])).toEqual([
      // Its own partition's batch is out: it waits for the answer, for ordering.
      [0, 1, { kind: "inOrder", why: "maxInFlightOne" }],
      // Another partition of the same broker is ready but the connection is full.
      [1, 1, { kind: "ready", inFlightLimit: true }],
    ]);
    expect(q.waitingBatches).toBe(2);
  });

  it("a batch refused with NotEnoughReplicas waits for its retry, with the attempt it will make", () => {
    const sim = SimDriver.create({
      brokers: 3,
      config: { brokerSessionTimeoutMs: 6000 },
      topics: [{ name: "orders", assignment: [[1, 2, 3]], config: { minInsyncReplicas: 2 } }],
      producers: [{ id: "p", topic: "orders", config: { lingerMs: 5 } }],
    });
    sim.at(100).kill(2).kill(3).at(8000);
    expect(sim.isrOf("orders", 0)).toEqual([1]);
    sim.produce("p", "k");
    // Let the request go out and come back refused.
    let retried = sim.events("produceRetried");
    while (retried.length === 0 && sim.now < 9000) {
      sim.advance(1);
      retried = sim.events("produceRetried");
    }
    expect(retried[0]).toMatchObject({ error: "NotEnoughReplicas", attempt: 2 });
    const batch = sim.producer("p").batches[0]!;
    const q = queue(sim);
    expect(q.partitions).toEqual([
      {
        topic: "orders",
        partition: 0,
        batches: 1,
        records: 1,
        attempt: 2,
        leader: -1,
        wait: { kind: "retrying", at: batch.retryAt },
      },
    ]);
    expect(batch.retryAt).toBeGreaterThan(sim.now);
    expect(q.inFlight).toEqual([]);
  });

  it("after a killed leader the batch retries, then waits with no reachable leader until one is elected", () => {
    const sim = SimDriver.create({
      brokers: 3,
      config: { brokerSessionTimeoutMs: 6000 },
      topics: [{ name: "orders", assignment: [[1, 2, 3]] }],
      producers: [{ id: "p", topic: "orders", config: { lingerMs: 5 } }],
    });
    sim.at(50).slow(2, 20_000).slow(3, 20_000);
    sim.at(100).produce("p", "k").at(110);
    expect(queue(sim).inFlight.map((r) => r.broker)).toEqual([1]);
    sim.kill(1).at(112);
    // The connection closed: a retriable NetworkException, retried after retry.backoff.ms.
    expect(sim.events("produceRetried")).toMatchObject([{ error: "NetworkException", time: 112 }]);
    const batch = sim.producer("p").batches[0]!;
    expect(queue(sim).partitions.map((p) => [p.attempt, p.wait])).toEqual([
      [2, { kind: "retrying", at: batch.retryAt }],
    ]);
    expect(queue(sim).inFlight).toEqual([]);

    sim.at(1000);
    // Broker 1 is not fenced yet: still the leader, but the producer cannot connect to it.
    expect(sim.leaderOf("orders", 0)).toBe(1);
    expect(queue(sim).partitions.map((p) => [p.attempt, p.leader, p.wait])).toEqual([
      [2, -1, { kind: "noLeader", unreachable: 1 }],
    ]);

    sim.at(10_000);
    // Fenced; broker 2 leads and has the batch (its slow follower keeps the request waiting).
    expect(sim.leaderOf("orders", 0)).toBe(2);
    expect(queue(sim).partitions).toEqual([]);
    expect(queue(sim).inFlight.map((r) => [r.broker, r.requests, r.records])).toEqual([[2, 1, 1]]);
  });

  it("reads the state and changes nothing, not even the metadata cache a send would refresh", () => {
    const sim = SimDriver.create({
      brokers: 3,
      config: { brokerSessionTimeoutMs: 6000 },
      topics: [{ name: "orders", partitions: 3, rf: 3 }],
      producers: [{ id: "p", topic: "orders", rate: 200, config: { lingerMs: 20 } }],
    });
    let reasons = new Set<string>();
    for (const t of [1000, 1010, 1500, 2100, 2200, 3000, 9000]) {
      sim.at(t);
      if (t === 2100) sim.kill(1);
      const before = JSON.stringify(sim.state);
      const q = queue(sim);
      expect(JSON.stringify(sim.state)).toBe(before);
      reasons = new Set([...reasons, ...q.partitions.map((p) => p.wait.kind)]);
    }
    // The moments looked at cover batches lingering and waiting for a leader.
    expect(reasons).toContain("lingering");
    expect(reasons).toContain("noLeader");
  });

  it("says there is no such producer with null", () => {
    expect(describeProducerQueue(twoLeaders().state, "nobody")).toBeNull();
  });
});
