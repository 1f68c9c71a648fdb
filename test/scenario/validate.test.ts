import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_BROKER_CONFIG,
  DEFAULT_PRODUCER_CONFIG,
  DEFAULT_TOPIC_CONFIG,
  createSimulation,
} from "../../src/engine/index.ts";
import {
  BUILTIN_SCENARIOS,
  CLUSTER_CONFIGS,
  PRODUCER_CONFIGS,
  SCENARIO_LIMITS,
  TOPIC_CONFIGS,
  configNames,
  formatProblem,
  parseScenario,
  validateScenario,
  type ValidationResult,
} from "../../src/scenario/index.ts";

/** A small valid document that each test breaks in one place. */
function base(): Record<string, unknown> {
  return {
    version: 1,
    name: "test",
    seed: 7,
    brokers: 3,
    topics: [
      { name: "orders", partitions: 3, replicationFactor: 3, config: { "min.insync.replicas": 2 } },
    ],
    producers: [
      { id: "checkout", topic: "orders", acks: "all", ratePerSec: 10, keys: ["a"], config: {} },
    ],
    consumerGroups: [],
    cluster: { "broker.session.timeout.ms": 6000 },
    timeline: [{ at: 5000, do: "killBroker", broker: 1 }],
  };
}

function problemsOf(doc: unknown): string[] {
  const result = validateScenario(doc);
  if (result.ok) return [];
  return result.problems.map(formatProblem);
}

/** Applies a change to a fresh base document and returns the problems. */
function problemsWith(change: (doc: Record<string, unknown>) => void): string[] {
  const doc = base();
  change(doc);
  return problemsOf(doc);
}

const topic0 = (doc: Record<string, unknown>) => (doc.topics as Record<string, unknown>[])[0]!;
const producer0 = (doc: Record<string, unknown>) =>
  (doc.producers as Record<string, unknown>[])[0]!;

describe("a valid scenario", () => {
  it("is accepted, normalized, and turned into the engine's spec", () => {
    const result = validateScenario(base());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.brokers).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect(result.scenario.description).toBe("");
    expect(result.spec.brokers).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect(result.spec.config).toEqual({ brokerSessionTimeoutMs: 6000 });
    expect(result.spec.topics[0]).toMatchObject({
      name: "orders",
      partitions: 3,
      replicationFactor: 3,
      config: { minInsyncReplicas: 2 },
    });
    expect(result.spec.producers[0]?.config).toEqual({ acks: "all" });
    expect(result.spec.timeline).toEqual([
      { at: 5000, command: { type: "killBroker", broker: 1 } },
    ]);
    expect(createSimulation(result.spec).ok).toBe(true);
  });

  it("fills the defaults: seed 1, acks all, no keys, empty lists", () => {
    const result = validateScenario({ version: 1, name: "bare", brokers: 1 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario).toMatchObject({
      seed: 1,
      topics: [],
      producers: [],
      consumerGroups: [],
      cluster: {},
      timeline: [],
    });
    const withProducer = validateScenario({
      version: 1,
      name: "p",
      brokers: 1,
      topics: [{ name: "t", partitions: 1, replicationFactor: 1 }],
      producers: [{ id: "p", topic: "t" }],
    });
    expect(withProducer.ok && withProducer.scenario.producers[0]).toMatchObject({
      acks: "all",
      ratePerSec: 0,
      keys: null,
      keyDistribution: "uniform",
      config: {},
    });
  });

  it("maps Kafka's names and units to the engine's through the one table", () => {
    const result = validateScenario({
      ...base(),
      cluster: {
        "leader.imbalance.check.interval.seconds": 10,
        "auto.leader.rebalance.enable": false,
        "network.latency.ms": 0,
      },
      topics: [
        {
          name: "orders",
          partitions: 1,
          replicationFactor: 1,
          config: { "cleanup.policy": "delete,compact", "min.cleanable.dirty.ratio": 0.2 },
        },
      ],
      producers: [
        {
          id: "checkout",
          topic: "orders",
          acks: -1,
          keys: null,
          config: { "partitioner.class": "RoundRobinPartitioner", "linger.ms": 0 },
        },
        { id: "fast", topic: "orders", acks: "1", keys: null },
        { id: "blind", topic: "orders", acks: 0, keys: null },
      ],
      timeline: [{ at: 0, do: "setProducer", producer: "fast", acks: "0", running: false }],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.spec.config).toEqual({
      leaderImbalanceCheckIntervalMs: 10000,
      autoLeaderRebalanceEnable: false,
      networkLatencyMs: 0,
    });
    expect(result.spec.topics[0]?.config).toEqual({
      cleanupPolicy: "compact,delete",
      minCleanableDirtyRatio: 0.2,
    });
    expect(result.spec.producers.map((p) => p.config?.acks)).toEqual(["all", 1, 0]);
    expect(result.spec.producers[0]?.config).toMatchObject({
      partitioner: "roundrobin",
      lingerMs: 0,
    });
    expect(result.spec.timeline[0]?.command).toEqual({
      type: "setProducer",
      producer: "fast",
      acks: 0,
      running: false,
    });
  });

  it("expresses every engine command on the timeline, fields flat beside `do`", () => {
    const result = validateScenario({
      ...base(),
      brokers: [{ id: 1 }, { id: 2 }, { id: 3 }],
      timeline: [
        { at: 0, do: "slowBroker", broker: 2, delayMs: 40000 },
        { at: 1, do: "killBroker", broker: 1 },
        { at: 2, do: "restartBroker", broker: 1 },
        { at: 3, do: "shutdownBroker", broker: 2 },
        { at: 4, do: "isolateBroker", broker: 3 },
        { at: 5, do: "healBroker", broker: 3 },
        { at: 6, do: "addBroker", broker: 4 },
        {
          at: 7,
          do: "createTopic",
          topic: { name: "payments", partitions: 2, replicationFactor: 4 },
        },
        { at: 8, do: "setTopicConfig", topic: "payments", config: { "retention.ms": 60000 } },
        { at: 9, do: "electPreferredLeaders", topic: "orders" },
        { at: 10, do: "addProducer", producer: { id: "pay", topic: "payments", acks: 1 } },
        { at: 11, do: "setProducer", producer: "pay", ratePerSec: 3, keys: ["x"] },
        { at: 9000, do: "produce", producer: "pay", key: "alice", count: 20, partition: 1 },
        {
          at: 9001,
          do: "produce",
          producer: "checkout",
          key: "bob",
          value: null,
          headers: { h: "v" },
        },
      ],
    });
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
    if (!result.ok) return;
    expect(result.spec.timeline.map((t) => t.command)).toEqual([
      { type: "slowBroker", broker: 2, delayMs: 40000 },
      { type: "killBroker", broker: 1 },
      { type: "restartBroker", broker: 1 },
      { type: "shutdownBroker", broker: 2 },
      { type: "isolateBroker", broker: 3 },
      { type: "healBroker", broker: 3 },
      { type: "addBroker", broker: 4 },
      {
        type: "createTopic",
        topic: { name: "payments", partitions: 2, replicationFactor: 4, config: {} },
      },
      { type: "setTopicConfig", topic: "payments", config: { retentionMs: 60000 } },
      { type: "electPreferredLeaders", topic: "orders" },
      {
        type: "addProducer",
        producer: {
          id: "pay",
          topic: "payments",
          ratePerSec: 0,
          keys: null,
          keyDistribution: "uniform",
          config: { acks: 1 },
        },
      },
      { type: "setProducer", producer: "pay", ratePerSec: 3, keys: ["x"] },
      { type: "produce", producer: "pay", key: "alice", count: 20, partition: 1 },
      { type: "produce", producer: "checkout", key: "bob", value: null, headers: { h: "v" } },
    ]);
    expect(createSimulation(result.spec).ok).toBe(true);
  });

  it("accepts every built-in scenario, and the engine accepts its spec", () => {
    expect(BUILTIN_SCENARIOS.length).toBeGreaterThanOrEqual(10);
    for (const builtin of BUILTIN_SCENARIOS) {
      const result = validateScenario(builtin.document);
      expect(result.ok ? [] : result.problems.map(formatProblem), builtin.id).toEqual([]);
      if (result.ok) expect(createSimulation(result.spec).ok, builtin.id).toBe(true);
    }
  });
});

describe("each kind of problem gets one message with the field's path", () => {
  it("a replication factor above the broker count, in Kafka's words", () => {
    expect(problemsWith((d) => (topic0(d).replicationFactor = 4))).toEqual([
      "topics[0].replicationFactor: 4 is larger than the number of brokers (3): InvalidReplicationFactorException, each replica of a partition needs its own broker",
    ]);
  });

  it("a producer writing to a topic that does not exist", () => {
    const found = problemsWith((d) => {
      (d.producers as unknown[]).push({ id: "billing", topic: "payments" });
    });
    expect(found).toEqual(['producers[1].topic: no topic named "payments"']);
    expect(problemsWith((d) => (producer0(d).topic = "order"))).toEqual([
      'producers[0].topic: no topic named "order" (did you mean "orders"?)',
    ]);
  });

  it("a timeline command naming a broker that does not exist", () => {
    const found = problemsWith((d) => {
      (d.timeline as unknown[]).push(
        { at: 6000, do: "restartBroker", broker: 1 },
        { at: 7000, do: "killBroker", broker: 7 },
      );
    });
    expect(found).toEqual(["timeline[2].broker: there is no broker 7 (the brokers are 1, 2, 3)"]);
  });

  it("a version from a newer Brokerlab, a missing or wrong version", () => {
    expect(problemsWith((d) => (d.version = 2))).toEqual([
      "version: this scenario was written for a newer Brokerlab (version 2); this one reads version 1",
    ]);
    expect(problemsWith((d) => delete d.version)).toEqual([
      'version: missing: this Brokerlab reads scenarios of version 1; add "version": 1',
    ]);
    expect(problemsWith((d) => (d.version = "1"))).toEqual(['version: must be 1, not "1"']);
  });

  it("unknown fields, with a guess for near misses", () => {
    expect(problemsWith((d) => (d.brokerz = 3))).toEqual([
      'brokerz: unknown field (did you mean "brokers"?)',
    ]);
    expect(problemsWith((d) => (topic0(d).replication_factor = 3))).toEqual([
      'topics[0].replication_factor: unknown field (did you mean "replicationFactor"?)',
    ]);
    expect(problemsWith((d) => (d.colour = "blue"))).toEqual(["colour: unknown field"]);
  });

  it("unknown config names, with a guess for near misses and camelCase spellings", () => {
    expect(problemsWith((d) => (topic0(d).config = { "min.insync.replica": 2 }))).toEqual([
      'topics[0].config["min.insync.replica"]: unknown topic config (did you mean "min.insync.replicas"?)',
    ]);
    expect(problemsWith((d) => (topic0(d).config = { minInsyncReplicas: 2 }))).toEqual([
      'topics[0].config.minInsyncReplicas: unknown topic config (did you mean "min.insync.replicas"?)',
    ]);
    expect(problemsWith((d) => (d.cluster = { "broker.session.timeout": 6000 }))).toEqual([
      'cluster["broker.session.timeout"]: unknown broker config (did you mean "broker.session.timeout.ms"?)',
    ]);
    expect(problemsWith((d) => (producer0(d).config = { "linger.msec": 5 }))).toEqual([
      'producers[0].config["linger.msec"]: unknown producer config (did you mean "linger.ms"?)',
    ]);
  });

  it("a config put in the wrong place says where it belongs", () => {
    expect(problemsWith((d) => (d.cluster = { "min.insync.replicas": 2 }))).toEqual([
      'cluster["min.insync.replicas"]: min.insync.replicas is a topic config: set it in a topic\'s "config"',
    ]);
    expect(problemsWith((d) => (producer0(d).config = { acks: "all" }))).toEqual([
      'producers[0].config.acks: acks is a field of the producer itself: write "acks" beside "config", not inside it',
    ]);
  });

  it("wrong types and out-of-range values", () => {
    expect(problemsWith((d) => (topic0(d).partitions = "3"))).toEqual([
      'topics[0].partitions: must be a whole number from 1 to 10000, not "3" (write it without quotes)',
    ]);
    expect(problemsWith((d) => (topic0(d).partitions = 0))).toEqual([
      "topics[0].partitions: must be a whole number from 1 to 10000, not 0",
    ]);
    expect(problemsWith((d) => (d.cluster = { "replica.lag.time.max.ms": 1.5 }))).toEqual([
      'cluster["replica.lag.time.max.ms"]: must be a whole number, at least 1, not 1.5',
    ]);
    expect(
      problemsWith((d) => (topic0(d).config = { "unclean.leader.election.enable": "true" })),
    ).toEqual([
      'topics[0].config["unclean.leader.election.enable"]: must be true or false, not "true" (write it without quotes)',
    ]);
    expect(problemsWith((d) => (topic0(d).config = { "cleanup.policy": "compacted" }))).toEqual([
      'topics[0].config["cleanup.policy"]: must be one of "delete", "compact", "compact,delete", "delete,compact", not "compacted"',
    ]);
    expect(problemsWith((d) => (producer0(d).acks = 2))).toEqual([
      'producers[0].acks: must be "all" (or -1), 1 or 0, not 2',
    ]);
    expect(problemsWith((d) => (producer0(d).keys = []))).toEqual([
      "producers[0].keys: is empty: list at least one key, or write null",
    ]);
    expect(problemsWith((d) => (producer0(d).keys = ["a", 3]))).toEqual([
      "producers[0].keys[1]: must be a string, not 3",
    ]);
    expect(problemsWith((d) => (d.brokers = 0))).toEqual([
      "brokers: must be a whole number of brokers from 1 to 200, not 0",
    ]);
    expect(problemsWith((d) => (d.seed = -1))).toEqual([
      "seed: must be a whole number from 0 to 4294967295, not -1",
    ]);
    expect(problemsWith((d) => (d.consumerGroups = {}))).toEqual([
      "consumerGroups: must be a list (of consumer groups), not an object",
    ]);
  });

  it("Kafka's consistency rules between configs", () => {
    expect(problemsWith((d) => (topic0(d).config = { "min.insync.replicas": 4 }))).toEqual([
      'topics[0].config["min.insync.replicas"]: 4 is larger than the replication factor (3): acks=all writes could never succeed (InvalidConfigurationException)',
    ]);
    const idempotence = problemsWith((d) => {
      producer0(d).acks = 1;
      producer0(d).config = { "enable.idempotence": true };
    });
    expect(idempotence).toHaveLength(1);
    expect(idempotence[0]).toMatch(
      /^producers\[0\]\.config\["enable\.idempotence"\]: ConfigException: .*acks=1/,
    );
    const delivery = problemsWith(
      (d) => (producer0(d).config = { "delivery.timeout.ms": 1000, "request.timeout.ms": 5000 }),
    );
    expect(delivery).toHaveLength(1);
    expect(delivery[0]).toMatch(
      /^producers\[0\]\.config\["delivery\.timeout\.ms"\]: ConfigException/,
    );
    expect(
      problemsWith(
        (d) =>
          (d.cluster = { "replica.fetch.wait.max.ms": 20000, "replica.lag.time.max.ms": 10000 }),
      ),
    ).toEqual([
      'cluster["replica.fetch.wait.max.ms"]: replica.fetch.wait.max.ms (20000) must not be larger than replica.lag.time.max.ms (10000), or followers would drop out of the ISR while they wait',
    ]);
    expect(problemsWith((d) => (d.cluster = { "controller.quorum.voters": 5 }))).toEqual([
      'cluster["controller.quorum.voters"]: 5 controller voters, but the cluster has 3 brokers',
    ]);
  });

  it("producer ids: unique, readable, not a JavaScript built-in name", () => {
    expect(
      problemsWith((d) => (d.producers as unknown[]).push({ id: "checkout", topic: "orders" })),
    ).toEqual(['producers[1].id: a producer with id "checkout" already exists (producers[0])']);
    expect(problemsWith((d) => (producer0(d).id = "__proto__"))).toEqual([
      'producers[0].id: "__proto__" is a name Brokerlab keeps for itself',
    ]);
    expect(problemsWith((d) => (producer0(d).id = "check out"))).toEqual([
      'producers[0].id: "check out" is not a valid producer id: use letters, digits, ".", "_" and "-"',
    ]);
  });

  it("brokers listed twice or with racks on only some of them", () => {
    expect(problemsWith((d) => (d.brokers = [{ id: 1 }, { id: 2 }, { id: 1 }]))).toEqual([
      "brokers[2].id: broker id 1 is used twice (also brokers[0]); every broker needs its own id",
    ]);
    expect(
      problemsWith((d) => (d.brokers = [{ id: 1, rack: "a" }, { id: 2 }, { id: 3, rack: "b" }])),
    ).toEqual([
      "brokers: broker 2 has no rack while the others have one: give every broker a rack, or none",
    ]);
  });

  it("topics: bad and reserved names, duplicates, replica assignments", () => {
    const second = (name: string) => (d: Record<string, unknown>) => {
      (d.topics as unknown[]).push({ name, partitions: 1, replicationFactor: 1 });
    };
    expect(problemsWith(second("my topic"))).toEqual([
      'topics[1].name: "my topic" is not a valid topic name (InvalidTopicException): use letters, digits, ".", "_" and "-"',
    ]);
    expect(problemsWith(second("__consumer_offsets"))).toEqual([
      'topics[1].name: "__consumer_offsets": names starting with "__" are kept for Kafka\'s internal topics',
    ]);
    expect(problemsWith(second("constructor"))).toEqual([
      'topics[1].name: "constructor" is a name Brokerlab keeps for itself',
    ]);
    expect(problemsWith(second("orders_"))).toEqual([]);
    expect(problemsWith(second("my.topic"))).toEqual([]);
    expect(
      problemsWith((d) => {
        second("a.b")(d);
        second("a_b")(d);
      }),
    ).toEqual([
      'topics[2].name: "a_b" collides with topic "a.b": Kafka treats "." and "_" alike in topic names',
    ]);
    expect(problemsWith((d) => (topic0(d).name = "my_topic"))).toEqual([
      'producers[0].topic: no topic named "orders"',
    ]);
    expect(
      problemsWith((d) => {
        (d.topics as unknown[]).push({ name: "orders", partitions: 1, replicationFactor: 1 });
      }),
    ).toEqual([
      'topics[1].name: a topic named "orders" already exists (topics[0]): TopicExistsException',
    ]);
    expect(
      problemsWith(
        (d) =>
          (topic0(d).replicaAssignment = [
            [1, 2, 3],
            [2, 3, 9],
            [3, 3, 1],
          ]),
      ),
    ).toEqual([
      "topics[0].replicaAssignment[1][2]: there is no broker 9 (the brokers are 1, 2, 3) (InvalidReplicaAssignmentException)",
      "topics[0].replicaAssignment[2][1]: broker 3 is listed twice: each replica of a partition needs its own broker",
    ]);
    expect(problemsWith((d) => (topic0(d).replicaAssignment = [[1, 2, 3]]))).toEqual([
      "topics[0].replicaAssignment: has 1 replica lists but the topic has 3 partitions: give one list per partition",
    ]);
  });

  it("timeline: unknown commands, missing fields, and references checked in time order", () => {
    expect(problemsWith((d) => (d.timeline = [{ at: 0, do: "killbroker", broker: 1 }]))).toEqual([
      expect.stringMatching(
        /^timeline\[0\]\.do: unknown command "killbroker" \(did you mean "killBroker"\?\); the commands are killBroker, /,
      ),
    ]);
    expect(problemsWith((d) => (d.timeline = [{ do: "killBroker", brokerId: 1 }]))).toEqual([
      "timeline[0].at: missing: when, in virtual milliseconds",
      'timeline[0].brokerId: unknown field for killBroker (did you mean "broker"?)',
      "timeline[0].broker: missing: the id of a broker",
    ]);
    // A topic created at 5 s exists for a command at 6 s, not for one at 4 s, whatever the order.
    const created = {
      at: 5000,
      do: "createTopic",
      topic: { name: "audit", partitions: 1, replicationFactor: 1 },
    };
    expect(
      problemsWith(
        (d) =>
          (d.timeline = [
            { at: 6000, do: "setTopicConfig", topic: "audit", config: { "retention.ms": 1 } },
            created,
          ]),
      ),
    ).toEqual([]);
    expect(
      problemsWith(
        (d) => (d.timeline = [created, { at: 4000, do: "electPreferredLeaders", topic: "audit" }]),
      ),
    ).toEqual(['timeline[1].topic: no topic named "audit"']);
    expect(
      problemsWith(
        (d) =>
          (d.timeline = [{ at: 0, do: "produce", producer: "checkout", key: "a", partition: 3 }]),
      ),
    ).toEqual(['timeline[0].partition: topic "orders" has no partition 3 (it has 3: 0 to 2)']);
    expect(
      problemsWith((d) => (d.timeline = [{ at: -1, do: "produce", producer: "nobody", key: 5 }])),
    ).toEqual([
      "timeline[0].at: must be a whole number, at least 0, not -1",
      'timeline[0].producer: no producer with id "nobody"',
      "timeline[0].key: must be a string, or null for a record without a key; not 5",
    ]);
  });

  it("the document itself: not an object, or not JSON", () => {
    expect(problemsOf(null)).toEqual([
      'a scenario is a JSON object ({"version": 1, "name": ..., "brokers": 3, ...}), not null',
    ]);
    expect(problemsOf([base()])[0]).toMatch(/not an array$/);
    const parsed = parseScenario("{ version: 1 }");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(formatProblem(parsed.problems[0]!)).toMatch(/^not valid JSON: /);
  });

  it("reports many problems at once, and stops listing at a limit", () => {
    const found = problemsWith((d) => {
      d.name = 5;
      topic0(d).partitions = -1;
      producer0(d).ratePerSec = "fast";
    });
    expect(found).toEqual([
      "name: must be a string, not 5",
      "topics[0].partitions: must be a whole number from 1 to 10000, not -1",
      'producers[0].ratePerSec: must be a number from 0 to 10000, not "fast"',
    ]);
    const many = problemsWith(
      (d) =>
        (d.timeline = Array.from({ length: 300 }, () => ({ at: 0, do: "killBroker", broker: 9 }))),
    );
    expect(many).toHaveLength(SCENARIO_LIMITS.problems + 1);
    expect(many.at(-1)).toBe("… and 200 more problems");
  });
});

describe("the Kafka config table", () => {
  it("gives every engine config exactly one Kafka name", () => {
    expect(Object.keys(CLUSTER_CONFIGS).sort()).toEqual(Object.keys(DEFAULT_BROKER_CONFIG).sort());
    expect(Object.keys(TOPIC_CONFIGS).sort()).toEqual(Object.keys(DEFAULT_TOPIC_CONFIG).sort());
    expect(Object.keys(PRODUCER_CONFIGS).sort()).toEqual(
      Object.keys(DEFAULT_PRODUCER_CONFIG)
        .filter((k) => k !== "acks")
        .sort(),
    );
    const names = [...configNames("cluster"), ...configNames("topic"), ...configNames("producer")];
    expect(new Set(names).size).toBe(names.length);
  });

  it("is documented, name by name, in docs/scenario-format.md", () => {
    const docs = readFileSync(new URL("../../docs/scenario-format.md", import.meta.url), "utf8");
    const names = [...configNames("cluster"), ...configNames("topic"), ...configNames("producer")];
    expect(names.filter((n) => !docs.includes(`\`${n}\``))).toEqual([]);
  });
});

// --- hostile input -----------------------------------------------------------------------------

function isWellFormed(result: ValidationResult): boolean {
  if (result.ok)
    return typeof result.scenario.name === "string" && Array.isArray(result.spec.brokers);
  return (
    result.problems.length > 0 &&
    result.problems.every((p) => typeof p.path === "string" && typeof p.message === "string")
  );
}

const hostile = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(
    NaN,
    Infinity,
    -Infinity,
    -0,
    1e308,
    -1,
    0,
    1,
    2.5,
    Number.MAX_SAFE_INTEGER + 2,
    "",
    "__proto__",
    null,
    undefined,
    [],
    {},
    { __proto__: { version: 1 } },
    "x".repeat(100000),
  ),
  fc.integer({ min: -5, max: 20 }),
);

type Step = string | number;

/** Every path into a JSON value (object keys and array indexes). */
function pathsOf(value: unknown, prefix: Step[] = [], out: Step[][] = []): Step[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

function mutate(doc: unknown, path: Step[], op: "set" | "delete" | "add", value: unknown): unknown {
  if (path.length === 0) return op === "set" ? value : doc;
  let parent = doc as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (op === "set") parent[last] = value;
  else if (op === "delete") {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (Array.isArray(parent)) parent.push(value);
  else parent[`${String(last)}x`] = value;
  return doc;
}

const documents = BUILTIN_SCENARIOS.map((s) => JSON.stringify(s.document));

describe("hostile input never throws", () => {
  it("5,000 random JSON values give ok or problems, never an exception", () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.anything()), (value) => {
        expect(isWellFormed(validateScenario(value))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it("6,000 mutated built-in scenarios give ok or problems, and the engine accepts every ok", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: documents.length - 1 }),
        fc.array(
          fc.record({
            at: fc.nat(),
            op: fc.constantFrom("set", "set", "delete", "add"),
            value: hostile,
          }),
          { minLength: 1, maxLength: 4 },
        ),
        (which, mutations) => {
          let doc = JSON.parse(documents[which]!) as unknown;
          for (const m of mutations) {
            const paths = pathsOf(doc);
            doc = mutate(doc, paths[m.at % paths.length]!, m.op, m.value);
          }
          const result = validateScenario(doc);
          expect(isWellFormed(result)).toBe(true);
          // The validator knows every rule the engine enforces at creation.
          if (result.ok) expect(createSimulation(result.spec).ok).toBe(true);
        },
      ),
      { numRuns: 6000 },
    );
  });

  it("deep nesting, huge lists and values that throw when read", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100000; i++) deep = [deep];
    expect(isWellFormed(validateScenario(deep))).toBe(true);
    expect(isWellFormed(validateScenario({ ...base(), topics: deep }))).toBe(true);
    expect(isWellFormed(validateScenario({ ...base(), cluster: { nested: deep } }))).toBe(true);
    const huge = new Array<unknown>(1_000_000).fill({ name: "t" });
    expect(problemsOf({ ...base(), topics: huge })).toEqual([
      "topics: has 1000000 entries; at most 1000",
    ]);
    expect(problemsOf({ ...base(), brokers: 1e308 })).toHaveLength(1);
    const trap = new Proxy(
      {},
      {
        get() {
          throw new Error("gotcha");
        },
        getOwnPropertyDescriptor() {
          throw new Error("gotcha");
        },
        ownKeys() {
          throw new Error("gotcha");
        },
      },
    );
    expect(problemsOf(trap)).toEqual(["this scenario could not be read: gotcha"]);
    expect(isWellFormed(validateScenario({ ...base(), topics: [trap] }))).toBe(true);
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    expect(isWellFormed(validateScenario(revocable.proxy))).toBe(true);
  });

  it("a document at the size limits, wrong everywhere, is still checked (the work is bounded)", () => {
    const long = (i: number) => `t${i}${"x".repeat(240)}`.slice(0, 249);
    const doc = {
      version: 1,
      name: "big",
      brokers: 200,
      topics: Array.from({ length: 1000 }, (_, i) => ({
        name: long(i),
        partitions: 10,
        replicationFactor: 200,
        replicaAssignment: Array.from({ length: 10 }, () => Array(200).fill(1) as number[]),
      })),
      timeline: Array.from({ length: 10000 }, (_, i) => ({
        at: i,
        do: "setTopicConfig",
        topic: "y".repeat(79),
        config: { "retention.ms": 1 },
      })),
    };
    const found = problemsOf(doc);
    expect(found).toHaveLength(SCENARIO_LIMITS.problems + 1);
    expect(found.at(-1)).toBe("… and many more problems (checking stopped here)");
  });

  it("keys named like Object.prototype members are just unknown fields", () => {
    const doc = JSON.parse(
      '{"version":1,"name":"p","brokers":1,"__proto__":{"x":1},"constructor":2,"cluster":{"__proto__":1,"toString":2},' +
        '"topics":[{"name":"t","partitions":1,"replicationFactor":1}],' +
        '"timeline":[{"at":0,"do":"produce","producer":"nobody","key":"k","headers":{"__proto__":"v"}}]}',
    ) as unknown;
    expect(problemsOf(doc)).toEqual([
      "__proto__: unknown field",
      "constructor: unknown field",
      "cluster.__proto__: unknown broker config",
      "cluster.toString: unknown broker config",
      'timeline[0].producer: no producer with id "nobody"',
    ]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
