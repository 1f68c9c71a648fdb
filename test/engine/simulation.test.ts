import { describe, expect, it } from "vitest";
import {
  advanceTo,
  applyCommand,
  createSimulation,
  type SimEvent,
} from "../../src/engine/index.ts";
import { SimDriver, toSimulationSpec } from "../helpers/SimDriver.ts";

describe("createSimulation", () => {
  it("refuses a replication factor above the broker count with InvalidReplicationFactorException", () => {
    const created = createSimulation(
      toSimulationSpec({ brokers: 3, topics: [{ name: "orders", partitions: 2, rf: 4 }] }),
    );
    expect(created).toEqual({
      ok: false,
      errors: [
        {
          name: "InvalidReplicationFactorException",
          message:
            "Topic orders: Replication factor 4 is larger than the number of available brokers (3): each replica of a partition must be on a different broker.",
        },
      ],
    });
  });

  it("refuses min.insync.replicas above the replication factor, naming both", () => {
    const created = createSimulation(
      toSimulationSpec({
        brokers: 3,
        topics: [{ name: "orders", rf: 2, config: { minInsyncReplicas: 3 } }],
      }),
    );
    expect(created.ok).toBe(false);
    if (created.ok) return;
    expect(created.errors[0]!.name).toBe("InvalidConfigurationException");
    expect(created.errors[0]!.message).toContain(
      "min.insync.replicas (3) is larger than the replication factor (2)",
    );
  });

  it("reports every problem at once: a duplicate broker id and a producer for a missing topic", () => {
    const created = createSimulation({
      ...toSimulationSpec({ brokers: [1, 1, 2], producers: [{ id: "p", topic: "nope" }] }),
    });
    expect(created.ok).toBe(false);
    if (created.ok) return;
    expect(created.errors.map((e) => e.name)).toEqual([
      "InvalidConfiguration",
      "UnknownTopicOrPartition",
    ]);
  });

  it("places replicas with Kafka's AdminUtils algorithm over the brokers, leaders spread round-robin", () => {
    const sim = SimDriver.create({
      brokers: 3,
      topics: [{ name: "orders", partitions: 6, rf: 2 }],
    });
    const replicas = sim.state.topics["orders"]!.partitions.map((p) => p.replicas);
    const leaders = replicas.map((r) => r[0]!);
    // Consecutive partitions' first replicas walk the brokers in order.
    for (let i = 1; i < 6; i++) expect(leaders[i]).toBe((leaders[i - 1]! % 3) + 1);
    for (const r of replicas) expect(new Set(r).size).toBe(2);
    for (const p of sim.state.topics["orders"]!.partitions) {
      expect(p.leader).toBe(p.replicas[0]);
      expect(p.isr).toEqual(p.replicas);
      expect(p.leaderEpoch).toBe(0);
    }
  });
});

describe("commands and time", () => {
  it("a refused command is an error value and a commandRejected event, and is still logged", () => {
    const sim = SimDriver.create({ brokers: 3 });
    sim.at(500).kill(9);
    expect(sim.rejected()).toEqual([{ name: "InvalidRequest", message: "There is no broker 9." }]);
    expect(sim.events("commandRejected")).toEqual([
      {
        type: "commandRejected",
        time: 500,
        command: "killBroker",
        error: "InvalidRequest",
        message: "There is no broker 9.",
      },
    ]);
    expect(sim.state.commandLog).toEqual([{ at: 500, command: { type: "killBroker", broker: 9 } }]);
  });

  it("timeline commands run at their virtual time", () => {
    const created = createSimulation(
      toSimulationSpec({
        brokers: 3,
        timeline: [{ at: 1234, command: { type: "killBroker", broker: 2 } }],
      }),
    );
    if (!created.ok) throw new Error("spec refused");
    const events: SimEvent[] = [];
    advanceTo(created.state, 1233, { events });
    expect(events.filter((e) => e.type === "brokerKilled")).toEqual([]);
    advanceTo(created.state, 1234, { events });
    expect(events.filter((e) => e.type === "brokerKilled")).toEqual([
      { type: "brokerKilled", time: 1234, broker: 2 },
    ]);
  });

  it("advanceTo moves the clock to the target even when nothing is due", () => {
    const sim = SimDriver.create({ brokers: 1 });
    sim.at(123_456);
    expect(sim.now).toBe(123_456);
  });

  it("stops with an error value, not a frozen tab, when an advance needs too many events", () => {
    const created = createSimulation(
      toSimulationSpec({
        brokers: 3,
        topics: [{ name: "orders" }],
        producers: [{ id: "p", topic: "orders", rate: 1000 }],
      }),
    );
    if (!created.ok) throw new Error("spec refused");
    const events: SimEvent[] = [];
    const result = advanceTo(created.state, 60_000, { events, maxEvents: 500 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.processed).toBe(500);
    expect(result.error.name).toBe("SimulationStalled");
    expect(created.state.time).toBeLessThan(60_000);
    expect(events.at(-1)).toMatchObject({ type: "simulationStalled", events: 500 });
    // It can carry on from where it stopped.
    expect(advanceTo(created.state, 1000).ok).toBe(true);
  });

  it("events without detail leave out the per-batch and per-fetch ones", () => {
    const created = createSimulation(
      toSimulationSpec({
        brokers: 3,
        topics: [{ name: "orders" }],
        producers: [{ id: "p", topic: "orders" }],
      }),
    );
    if (!created.ok) throw new Error("spec refused");
    const events: SimEvent[] = [];
    applyCommand(created.state, { type: "produce", producer: "p", key: "k" }, { events });
    advanceTo(created.state, 1000, { events });
    expect(events.map((e) => e.type)).toEqual([]);
    const detailed: SimEvent[] = [];
    applyCommand(created.state, { type: "produce", producer: "p", key: "k" }, { events: detailed });
    advanceTo(created.state, 2000, { events: detailed, detail: true });
    expect(detailed.map((e) => e.type)).toContain("batchAppended");
    expect(detailed.map((e) => e.type)).toContain("produceAcknowledged");
  });
});

describe("names a user chooses", () => {
  const spec = (topic: string, producer: string) => ({
    name: "names",
    seed: 1,
    brokers: [{ id: 1 }],
    topics: [{ name: topic, partitions: 1, replicationFactor: 1 }],
    producers: [{ id: producer, topic, ratePerSec: 1, keys: null }],
    timeline: [],
  });

  it("refuses a topic or producer named like a built-in JavaScript property, with a readable reason", () => {
    for (const [topic, producer, kind, bad] of [
      ["constructor", "p", "topic", "constructor"],
      ["orders", "__proto__", "producer", "__proto__"],
      ["orders", "toString", "producer", "toString"],
    ] as const) {
      const created = createSimulation(spec(topic, producer));
      expect(created.ok).toBe(false);
      if (created.ok) continue;
      expect(created.errors[0]!.message).toContain(
        `"${bad}" cannot be used as a ${kind} name here`,
      );
    }
  });

  it("accepts the same names with any other spelling", () => {
    expect(createSimulation(spec("constructors", "proto")).ok).toBe(true);
  });
});
