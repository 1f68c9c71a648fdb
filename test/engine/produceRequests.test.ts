import { describe, expect, it } from "vitest";
import { twoLeaders } from "../helpers/clusters.ts";
import { SimDriver } from "../helpers/SimDriver.ts";

/** Produce requests on the network now: the broker each goes to and its batches' partitions. */
function requestsOnTheWire(sim: SimDriver): { to: string; partitions: number[] }[] {
  const out: { to: string; partitions: number[] }[] = [];
  for (const e of [...sim.state.queue].sort((a, b) => a.seq - b.seq)) {
    if (e.task.kind !== "deliver") continue;
    const { body, to } = e.task.message;
    if (body.kind !== "produceRequest") continue;
    out.push({ to, partitions: body.batches.map((b) => b.partition) });
  }
  return out;
}

describe("produce requests (RecordAccumulator.drain)", () => {
  it("sends one request per broker, carrying a batch for each partition it leads", () => {
    const sim = twoLeaders();
    sim.at(100);
    for (const partition of [0, 1, 2]) sim.produce("p", "k", { partition });
    sim.at(105);
    expect(requestsOnTheWire(sim)).toEqual([
      { to: "broker:1", partitions: [0, 1] },
      { to: "broker:2", partitions: [2] },
    ]);
    // Each batch is drawn on its own, all three on their way at once.
    const drawn = sim.state.transfers.filter((t) => t.kind === "produce");
    expect(drawn.map((t) => [t.to, t.partition])).toEqual([
      ["broker:1", 0],
      ["broker:1", 1],
      ["broker:2", 2],
    ]);
    sim.at(1000);
    expect(sim.producer("p").acknowledged).toBe(3);
    expect(sim.events("produceAcknowledged").map((e) => e.partition)).toEqual(
      expect.arrayContaining([0, 1, 2]),
    );
  });

  it("a batch that has not lingered yet rides along with its broker's ready one", () => {
    const sim = twoLeaders();
    sim.at(100).produce("p", "k", { partition: 0 }).at(103).produce("p", "k", { partition: 1 });
    sim.produce("p", "k", { partition: 2 }).at(105);
    // Partition 1's batch is 2 ms old, but broker 1 is ready: it goes. Broker 2 is not ready.
    expect(requestsOnTheWire(sim)).toEqual([{ to: "broker:1", partitions: [0, 1] }]);
    sim.at(108);
    expect(requestsOnTheWire(sim).at(-1)).toEqual({ to: "broker:2", partitions: [2] });
  });

  it("takes one batch per partition a request; the full ones behind follow in further requests", () => {
    const sim = twoLeaders({ batchSize: 100 });
    // 40-byte records, two to a batch: three batches for partition 0, the last one not full.
    sim
      .at(100)
      .produce("p", "k", { partition: 0, count: 6, value: "v".repeat(19) })
      .at(101);
    expect(requestsOnTheWire(sim)).toEqual([
      { to: "broker:1", partitions: [0] },
      { to: "broker:1", partitions: [0] },
    ]);
    expect(sim.producer("p").batches.map((b) => b.inFlight)).toEqual([true, true, false]);
    // The last one goes when it has lingered.
    sim.at(105);
    expect(requestsOnTheWire(sim).at(-1)).toEqual({ to: "broker:1", partitions: [0] });
    expect(sim.producer("p").batches.map((b) => b.inFlight)).toEqual([true, true, true]);
  });

  it("keeps a request within max.request.size (1 MB): batches that do not fit go in the next one", () => {
    const sim = twoLeaders({ batchSize: 700_000 });
    sim.at(100);
    for (const partition of [0, 1])
      sim.produce("p", "k", { partition, value: "v".repeat(600_000) });
    sim.at(105);
    expect(requestsOnTheWire(sim)).toEqual([
      { to: "broker:1", partitions: [0] },
      { to: "broker:1", partitions: [1] },
    ]);
  });

  it("max.in.flight.requests.per.connection counts the requests to a broker, whatever their partitions", () => {
    // A slow follower keeps acks=all requests waiting at the leader.
    const one = twoLeaders({ maxInFlightRequestsPerConnection: 1 });
    one.at(50).slow(2, 20_000).slow(3, 20_000);
    one.at(100).produce("p", "a", { partition: 0 }).at(200).produce("p", "b", { partition: 1 });
    one.at(300);
    const waiting = (sim: SimDriver) =>
      sim.producer("p").batches.map((b) => [b.partition, b.inFlight]);
    expect(waiting(one)).toEqual([
      [0, true],
      [1, false],
    ]);
    const five = twoLeaders({ maxInFlightRequestsPerConnection: 5 });
    five.at(50).slow(2, 20_000).slow(3, 20_000);
    five.at(100).produce("p", "a", { partition: 0 }).at(200).produce("p", "b", { partition: 1 });
    five.at(300);
    expect(waiting(five)).toEqual([
      [0, true],
      [1, true],
    ]);
  });

  it("a batch closed by one behind it goes as soon as a request slot frees, without waiting for linger.ms", () => {
    const sim = twoLeaders({ maxInFlightRequestsPerConnection: 1, lingerMs: 1000, batchSize: 100 });
    sim.at(50).slow(2, 400).slow(3, 400);
    // A full batch for orders-1 takes broker 1's only slot until the slow followers have it.
    sim.at(100).produce("p", "k", { partition: 1, value: "v".repeat(79) });
    // orders-0: 60 bytes, then 50 that do not fit: the first batch is closed, ready to go.
    sim.at(110).produce("p", "k", { partition: 0, value: "a".repeat(39) });
    sim.produce("p", "k", { partition: 0, value: "b".repeat(29) });
    const first = () => sim.producer("p").batches.find((b) => b.partition === 0)!;
    sim.at(300);
    expect(first().inFlight).toBe(false);
    sim.at(1000);
    expect(sim.producer("p").acknowledged).toBeGreaterThanOrEqual(1);
    const sent = sim.events("batchAppended").find((e) => e.partition === 0);
    expect(sent).toBeDefined();
    expect(sent!.time).toBeLessThan(1000);
  });

  it("a request that times out closes its connection: every request in flight on it fails as timed out", () => {
    const sim = twoLeaders({ requestTimeoutMs: 2000, deliveryTimeoutMs: 120_000 });
    sim.at(50).slow(2, 60_000).slow(3, 60_000);
    sim.at(100).produce("p", "a", { partition: 0 }).at(1000).produce("p", "b", { partition: 1 });
    sim.at(2500);
    // a's request (sent at 105) timed out at 2105; b's, sent at 1005, would have lasted until 3005.
    const retried = sim.events("produceRetried");
    expect(retried.map((e) => [e.partition, e.error, e.time])).toEqual([
      [0, "RequestTimedOut", 2105],
      [1, "RequestTimedOut", 2105],
    ]);
  });
});

describe("metadata.max.age.ms", () => {
  /** acks=1 into orders-0, whose leader broker 1 is cut off from the cluster at 1 s. */
  const zombie = (metadataMaxAgeMs?: number) => {
    const sim = SimDriver.create({
      brokers: 3,
      config: { brokerSessionTimeoutMs: 3000 },
      topics: [{ name: "orders", assignment: [[1, 2, 3]] }],
      producers: [
        {
          id: "p",
          topic: "orders",
          rate: 20,
          keys: ["k"],
          config: { acks: 1, ...(metadataMaxAgeMs === undefined ? {} : { metadataMaxAgeMs }) },
        },
      ],
    });
    sim.at(1000).isolate(1).at(30_000);
    return sim;
  };
  const lastWriteOn = (sim: SimDriver, broker: number) =>
    Math.max(
      ...sim
        .events("batchAppended")
        .filter((e) => e.broker === broker)
        .map((e) => e.time),
    );

  it("a producer that meets no error keeps writing to a zombie leader until its metadata is old", () => {
    const sim = zombie();
    expect(sim.partition("orders", 0).leader).not.toBe(1);
    // Kafka's default is 5 minutes: 30 s in, it still writes to broker 1.
    expect(lastWriteOn(sim, 1)).toBeGreaterThan(29_000);
  });

  it("refreshes its leaders every metadata.max.age.ms, and moves to the real leader", () => {
    const sim = zombie(10_000);
    const leader = sim.partition("orders", 0).leader;
    // The first refresh at 10 s finds the new leader (elected about 4 s in).
    expect(lastWriteOn(sim, 1)).toBeLessThan(10_100);
    expect(lastWriteOn(sim, leader)).toBeGreaterThan(29_000);
  });
});

describe("a batch that fails for good", () => {
  it("lets the batch behind it in its partition go, or expire: none is left waiting forever", () => {
    const sim = SimDriver.create({
      brokers: 3,
      topics: [{ name: "orders", assignment: [[1, 2]], config: { minInsyncReplicas: 2 } }],
      producers: [
        {
          id: "p",
          topic: "orders",
          config: {
            lingerMs: 0,
            maxInFlightRequestsPerConnection: 1,
            requestTimeoutMs: 1000,
            deliveryTimeoutMs: 3000,
          },
        },
      ],
    });
    // The follower stays in the ISR but never fetches: the HW stands still, requests time out.
    sim.at(50).slow(2, 60_000).at(1000);
    // A is written, never acknowledged, and expires in flight; B waits behind it until then.
    sim.produce("p", "a").at(1050).produce("p", "b").at(10_000);
    expect(sim.producer("p").batches).toEqual([]);
    expect(sim.producer("p").failed).toBe(2);
    expect(sim.producer("p").errors).toEqual({ TimeoutException: 2 });
  });
});
