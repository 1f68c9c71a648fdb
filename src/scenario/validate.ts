// Reading an untrusted scenario: from a file, a pasted text or a shared link. The order is
// Excalidraw's restore: check the version (and migrate older ones), fill defaults, validate.
// The result is either a normalized Scenario with its engine spec, or every problem found,
// each with the JSON path of the field and a sentence for the person who wrote it. It never
// throws, whatever it is given, and its work is bounded by the limits below, not by the input.

import {
  DEFAULT_BROKER_CONFIG,
  resolveProducerConfig,
  type CommandType,
  type SimulationSpec,
} from "../engine/index.ts";
import { producerConfigToEngine, readConfig } from "./kafkaConfig.ts";
import {
  childPath,
  describeValue,
  didYouMean,
  has,
  isRecord,
  listOf,
  quote,
  type Problem,
} from "./problems.ts";
import {
  SCENARIO_VERSION,
  type Scenario,
  type ScenarioAcks,
  type ScenarioBroker,
  type ScenarioClusterConfig,
  type ScenarioCommand,
  type ScenarioProducer,
  type ScenarioProducerConfig,
  type ScenarioTopic,
  type ScenarioTopicConfig,
  type TimelineEntry,
} from "./schema.ts";
import { acksToEngine, toSpec } from "./toSpec.ts";

export type ValidationResult =
  { ok: true; scenario: Scenario; spec: SimulationSpec } | { ok: false; problems: Problem[] };

/** Sizes a classroom scenario stays within; they also bound the validator's own work. */
export const SCENARIO_LIMITS = {
  brokers: 200,
  brokerId: 2147483647,
  topics: 1000,
  partitionsPerTopic: 10000,
  partitionsInAll: 10000,
  producers: 200,
  ratePerSec: 10000,
  keys: 10000,
  keyLength: 1000,
  valueLength: 100000,
  headers: 100,
  timeline: 10000,
  produceCount: 100000,
  nameLength: 200,
  descriptionLength: 20000,
  problems: 100,
  /** Past this many problems the checking stops: nobody reads them all, and work stays bounded. */
  problemsChecked: 500,
} as const;

const enough = (problems: Problem[]): boolean => problems.length >= SCENARIO_LIMITS.problemsChecked;

const TOP_LEVEL_FIELDS = [
  "version",
  "name",
  "description",
  "seed",
  "brokers",
  "topics",
  "producers",
  "consumerGroups",
  "cluster",
  "timeline",
];
const BROKER_FIELDS = ["id", "rack"];
const TOPIC_FIELDS = ["name", "partitions", "replicationFactor", "config", "replicaAssignment"];
const PRODUCER_FIELDS = [
  "id",
  "topic",
  "acks",
  "ratePerSec",
  "keys",
  "keyDistribution",
  "valuePrefix",
  "config",
];

/** The fields of each timeline command, beside `at` and `do`. */
const COMMAND_FIELDS: Record<CommandType, readonly string[]> = {
  killBroker: ["broker"],
  restartBroker: ["broker"],
  shutdownBroker: ["broker"],
  isolateBroker: ["broker"],
  healBroker: ["broker"],
  slowBroker: ["broker", "delayMs"],
  addBroker: ["broker", "rack"],
  createTopic: ["topic"],
  setTopicConfig: ["topic", "config"],
  electPreferredLeaders: ["topic"],
  addProducer: ["producer"],
  setProducer: ["producer", "ratePerSec", "keys", "acks", "running"],
  produce: ["producer", "key", "value", "headers", "partition", "count"],
};
const COMMAND_TYPES = Object.keys(COMMAND_FIELDS) as CommandType[];
const isCommandType = (s: string): s is CommandType => has(COMMAND_FIELDS, s);

const ACKS_VALUES: readonly ScenarioAcks[] = ["all", "-1", "1", "0", -1, 1, 0];
const ACKS_TEXT = '"all" (or -1), 1 or 0';

/** Kafka's legal topic names (Topic.validate); producer ids follow the same rule here. */
const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

/**
 * Names of Object.prototype's members ("constructor", "toString", "__proto__"...): the engine
 * keeps topics and producers in plain objects keyed by name, where these would collide.
 */
const isReservedName = (name: string): boolean => name in Object.prototype;

// --- small readers -------------------------------------------------------------------------

type Problems = Problem[];

const get = (o: Record<string, unknown>, key: string): unknown =>
  has(o, key) ? o[key] : undefined;

function unknownFields(
  o: Record<string, unknown>,
  path: string,
  known: readonly string[],
  problems: Problems,
  what = "field",
): void {
  for (const key of Object.keys(o)) {
    if (!known.includes(key))
      problems.push({
        path: childPath(path, key),
        message: `unknown ${what}${didYouMean(key, known)}`,
      });
  }
}

interface IntRule {
  min: number;
  max: number;
  /** What the number is, for the "missing" message. */
  what: string;
}

/** A whole number in range; undefined (and a problem) when missing or wrong. */
function readInt(
  o: Record<string, unknown>,
  key: string,
  path: string,
  rule: IntRule,
  problems: Problems,
  required = true,
): number | undefined {
  const v = get(o, key);
  const at = childPath(path, key);
  if (v === undefined) {
    if (required) problems.push({ path: at, message: `missing: ${rule.what}` });
    return undefined;
  }
  if (typeof v === "number" && Number.isInteger(v) && v >= rule.min && v <= rule.max) return v;
  const hint = typeof v === "string" ? " (write it without quotes)" : "";
  const range =
    rule.max >= Number.MAX_SAFE_INTEGER
      ? `a whole number, at least ${rule.min}`
      : `a whole number from ${rule.min} to ${rule.max}`;
  problems.push({ path: at, message: `must be ${range}, not ${describeValue(v)}${hint}` });
  return undefined;
}

function readNumber(
  o: Record<string, unknown>,
  key: string,
  path: string,
  min: number,
  max: number,
  problems: Problems,
): number | undefined {
  const v = get(o, key);
  if (v === undefined) return undefined;
  if (typeof v === "number" && Number.isFinite(v) && v >= min && v <= max) return v;
  problems.push({
    path: childPath(path, key),
    message: `must be a number from ${min} to ${max}, not ${describeValue(v)}`,
  });
  return undefined;
}

function readString(
  o: Record<string, unknown>,
  key: string,
  path: string,
  maxLength: number,
  problems: Problems,
  what: string | null,
): string | undefined {
  const v = get(o, key);
  const at = childPath(path, key);
  if (v === undefined) {
    if (what !== null) problems.push({ path: at, message: `missing: ${what}` });
    return undefined;
  }
  if (typeof v !== "string") {
    problems.push({ path: at, message: `must be a string, not ${describeValue(v)}` });
    return undefined;
  }
  if (v.length > maxLength) {
    problems.push({ path: at, message: `is ${v.length} characters long; at most ${maxLength}` });
    return undefined;
  }
  return v;
}

function readBoolean(
  o: Record<string, unknown>,
  key: string,
  path: string,
  problems: Problems,
): boolean | undefined {
  const v = get(o, key);
  if (v === undefined || typeof v === "boolean") return v;
  problems.push({
    path: childPath(path, key),
    message: `must be true or false, not ${describeValue(v)}`,
  });
  return undefined;
}

function readAcks(
  o: Record<string, unknown>,
  path: string,
  problems: Problems,
): ScenarioAcks | undefined {
  const v = get(o, "acks");
  if (v === undefined) return undefined;
  if ((typeof v === "string" || typeof v === "number") && ACKS_VALUES.includes(v as ScenarioAcks))
    return v as ScenarioAcks;
  problems.push({
    path: childPath(path, "acks"),
    message: `must be ${ACKS_TEXT}, not ${describeValue(v)}`,
  });
  return undefined;
}

/** null, or a non-empty list of strings. `undefined` when absent or wrong. */
function readKeys(
  o: Record<string, unknown>,
  path: string,
  problems: Problems,
): string[] | null | undefined {
  const v = get(o, "keys");
  const at = childPath(path, "keys");
  if (v === undefined || v === null) return v;
  if (!Array.isArray(v)) {
    problems.push({
      path: at,
      message: `must be a list of strings, or null for records without a key; not ${describeValue(v)}`,
    });
    return undefined;
  }
  if (v.length === 0) {
    problems.push({ path: at, message: "is empty: list at least one key, or write null" });
    return undefined;
  }
  if (v.length > SCENARIO_LIMITS.keys) {
    problems.push({ path: at, message: `has ${v.length} keys; at most ${SCENARIO_LIMITS.keys}` });
    return undefined;
  }
  let ok = true;
  v.forEach((k: unknown, i) => {
    if (typeof k !== "string" || k.length > SCENARIO_LIMITS.keyLength) {
      problems.push({
        path: childPath(at, i),
        message:
          typeof k === "string"
            ? `is ${k.length} characters long; at most ${SCENARIO_LIMITS.keyLength}`
            : `must be a string, not ${describeValue(k)}`,
      });
      ok = false;
    }
  });
  return ok ? (v as string[]) : undefined;
}

function readList(
  o: Record<string, unknown>,
  key: string,
  path: string,
  max: number,
  problems: Problems,
  what: string,
): unknown[] {
  const v = get(o, key);
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    problems.push({
      path: childPath(path, key),
      message: `must be a list (${what}), not ${describeValue(v)}`,
    });
    return [];
  }
  if (v.length > max) {
    problems.push({
      path: childPath(path, key),
      message: `has ${v.length} entries; at most ${max}`,
    });
    return [];
  }
  return v as unknown[];
}

const isListOrAbsent = (v: unknown, max: number): boolean =>
  v === undefined || (Array.isArray(v) && v.length <= max);

function requireObject(v: unknown, path: string, what: string, problems: Problems): boolean {
  if (isRecord(v)) return true;
  problems.push({ path, message: `must be an object (${what}), not ${describeValue(v)}` });
  return false;
}

// --- the world the timeline changes ---------------------------------------------------------

interface KnownTopic {
  partitions: number | undefined;
  replicationFactor: number | undefined;
  minInsyncReplicas: number;
  definedAt: string;
}

/** What exists at each point of the timeline, for the cross-references. */
interface World {
  /** null when `brokers` itself was wrong: checks that need the brokers are skipped. */
  brokers: number[] | null;
  racks: boolean;
  topics: Map<string, KnownTopic>;
  producers: Map<string, { topic: string; definedAt: string }>;
  /** The list itself was unreadable: references to its members are not checked. */
  topicsUnknown: boolean;
  producersUnknown: boolean;
  partitionsInAll: number;
}

function brokerListText(world: World): string {
  return world.brokers ? ` (the brokers are ${listOf(world.brokers)})` : "";
}

function checkBrokerRef(
  v: unknown,
  path: string,
  world: World,
  problems: Problems,
): number | undefined {
  if (v === undefined) {
    problems.push({ path, message: "missing: the id of a broker" });
    return undefined;
  }
  if (typeof v !== "number" || !Number.isInteger(v)) {
    problems.push({
      path,
      message: `must be a broker id (a whole number), not ${describeValue(v)}`,
    });
    return undefined;
  }
  if (world.brokers && !world.brokers.includes(v)) {
    problems.push({ path, message: `there is no broker ${v}${brokerListText(world)}` });
    return undefined;
  }
  return v;
}

function checkTopicRef(
  v: unknown,
  path: string,
  world: World,
  problems: Problems,
): string | undefined {
  if (typeof v !== "string") {
    problems.push({
      path,
      message:
        v === undefined
          ? "missing: the name of a topic"
          : `must be a topic name, not ${describeValue(v)}`,
    });
    return undefined;
  }
  if (!world.topics.has(v) && !world.topicsUnknown) {
    problems.push({
      path,
      message: `no topic named ${quote(v)}${didYouMean(v, [...world.topics.keys()])}`,
    });
    return undefined;
  }
  return v;
}

function checkProducerRef(
  v: unknown,
  path: string,
  world: World,
  problems: Problems,
): string | undefined {
  if (typeof v !== "string") {
    problems.push({
      path,
      message:
        v === undefined
          ? "missing: the id of a producer"
          : `must be a producer id, not ${describeValue(v)}`,
    });
    return undefined;
  }
  if (!world.producers.has(v) && !world.producersUnknown) {
    problems.push({
      path,
      message: `no producer with id ${quote(v)}${didYouMean(v, [...world.producers.keys()])}`,
    });
    return undefined;
  }
  return v;
}

// --- brokers ---------------------------------------------------------------------------------

function readBrokers(v: unknown, problems: Problems): ScenarioBroker[] | null {
  const path = "brokers";
  if (v === undefined) {
    problems.push({ path, message: 'missing: how many brokers (3), or a list ([{"id": 1}, ...])' });
    return null;
  }
  if (typeof v === "number") {
    if (Number.isInteger(v) && v >= 1 && v <= SCENARIO_LIMITS.brokers)
      return Array.from({ length: v }, (_, i) => ({ id: i + 1 }));
    problems.push({
      path,
      message: `must be a whole number of brokers from 1 to ${SCENARIO_LIMITS.brokers}, not ${describeValue(v)}`,
    });
    return null;
  }
  if (!Array.isArray(v)) {
    problems.push({
      path,
      message: `must be a number of brokers or a list of {"id", "rack"}, not ${describeValue(v)}`,
    });
    return null;
  }
  if (v.length === 0 || v.length > SCENARIO_LIMITS.brokers) {
    problems.push({
      path,
      message: `lists ${v.length} brokers; a cluster has from 1 to ${SCENARIO_LIMITS.brokers}`,
    });
    return null;
  }
  const out: ScenarioBroker[] = [];
  const firstAt = new Map<number, number>();
  let ok = true;
  (v as unknown[]).forEach((item, i) => {
    const at = childPath(path, i);
    if (!requireObject(item, at, '{"id": 1, "rack": "a"}', problems)) {
      ok = false;
      return;
    }
    const o = item as Record<string, unknown>;
    unknownFields(o, at, BROKER_FIELDS, problems);
    const id = readInt(
      o,
      "id",
      at,
      { min: 0, max: SCENARIO_LIMITS.brokerId, what: "the broker id" },
      problems,
    );
    const rack = readString(o, "rack", at, 100, problems, null);
    if (rack === "") {
      problems.push({
        path: childPath(at, "rack"),
        message: "is empty: give a rack name or leave it out",
      });
      ok = false;
    }
    if (id === undefined) {
      ok = false;
      return;
    }
    const first = firstAt.get(id);
    if (first !== undefined) {
      problems.push({
        path: childPath(at, "id"),
        message: `broker id ${id} is used twice (also brokers[${first}]); every broker needs its own id`,
      });
      ok = false;
      return;
    }
    firstAt.set(id, i);
    out.push(rack === undefined || rack === "" ? { id } : { id, rack });
  });
  if (!ok) return null;
  const withoutRack = out.filter((b) => b.rack === undefined).map((b) => b.id);
  if (withoutRack.length > 0 && withoutRack.length < out.length) {
    problems.push({
      path,
      message: `broker ${listOf(withoutRack)} ${withoutRack.length === 1 ? "has" : "have"} no rack while the others have one: give every broker a rack, or none`,
    });
    return null;
  }
  return out;
}

// --- topics ----------------------------------------------------------------------------------

function readTopic(
  v: unknown,
  path: string,
  world: World,
  problems: Problems,
): ScenarioTopic | undefined {
  if (!requireObject(v, path, '{"name", "partitions", "replicationFactor", "config"}', problems))
    return undefined;
  const o = v as Record<string, unknown>;
  const before = problems.length;
  unknownFields(o, path, TOPIC_FIELDS, problems);
  const name = readString(o, "name", path, 249, problems, "the topic's name");
  if (name !== undefined) {
    const at = childPath(path, "name");
    const existing = world.topics.get(name);
    const collides = [...world.topics.keys()].find(
      (t) => t !== name && t.replace(/\./g, "_") === name.replace(/\./g, "_"),
    );
    if (!TOPIC_NAME.test(name) || name === "." || name === "..")
      problems.push({
        path: at,
        message: `${quote(name)} is not a valid topic name (InvalidTopicException): use letters, digits, ".", "_" and "-"`,
      });
    else if (name.startsWith("__"))
      problems.push({
        path: at,
        message: `${quote(name)}: names starting with "__" are kept for Kafka's internal topics`,
      });
    else if (isReservedName(name))
      problems.push({ path: at, message: `${quote(name)} is a name Brokerlab keeps for itself` });
    else if (existing)
      problems.push({
        path: at,
        message: `a topic named ${quote(name)} already exists (${existing.definedAt}): TopicExistsException`,
      });
    else if (collides !== undefined)
      problems.push({
        path: at,
        message: `${quote(name)} collides with topic ${quote(collides)}: Kafka treats "." and "_" alike in topic names`,
      });
  }
  const partitions = readInt(
    o,
    "partitions",
    path,
    { min: 1, max: SCENARIO_LIMITS.partitionsPerTopic, what: "how many partitions" },
    problems,
  );
  if (partitions !== undefined) {
    world.partitionsInAll += partitions;
    if (world.partitionsInAll > SCENARIO_LIMITS.partitionsInAll)
      problems.push({
        path: childPath(path, "partitions"),
        message: `brings the partitions of all topics to ${world.partitionsInAll}; at most ${SCENARIO_LIMITS.partitionsInAll}`,
      });
  }
  let replicationFactor = readInt(
    o,
    "replicationFactor",
    path,
    { min: 1, max: Number.MAX_SAFE_INTEGER, what: "how many replicas of each partition" },
    problems,
  );
  const brokerCount = world.brokers?.length ?? SCENARIO_LIMITS.brokers;
  if (replicationFactor !== undefined && replicationFactor > brokerCount) {
    problems.push({
      path: childPath(path, "replicationFactor"),
      message: `${replicationFactor} is larger than the number of brokers (${world.brokers ? brokerCount : `at most ${brokerCount}`}): InvalidReplicationFactorException, each replica of a partition needs its own broker`,
    });
    replicationFactor = undefined;
  }
  const configPath = childPath(path, "config");
  const config = readConfig(get(o, "config"), configPath, "topic", problems) as ScenarioTopicConfig;
  const minIsr = config["min.insync.replicas"] ?? 1;
  if (replicationFactor !== undefined && minIsr > replicationFactor)
    problems.push({
      path: childPath(configPath, "min.insync.replicas"),
      message: `${minIsr} is larger than the replication factor (${replicationFactor}): acks=all writes could never succeed (InvalidConfigurationException)`,
    });
  const assignment = readAssignment(o, path, partitions, replicationFactor, world, problems);
  if (name !== undefined && !world.topics.has(name))
    world.topics.set(name, {
      partitions,
      replicationFactor,
      minInsyncReplicas: minIsr,
      definedAt: path,
    });
  if (problems.length > before || name === undefined) return undefined;
  if (partitions === undefined || replicationFactor === undefined) return undefined;
  const topic: ScenarioTopic = { name, partitions, replicationFactor, config };
  if (assignment) topic.replicaAssignment = assignment;
  return topic;
}

function readAssignment(
  o: Record<string, unknown>,
  path: string,
  partitions: number | undefined,
  replicationFactor: number | undefined,
  world: World,
  problems: Problems,
): number[][] | undefined {
  const v = get(o, "replicaAssignment");
  if (v === undefined) return undefined;
  const at = childPath(path, "replicaAssignment");
  if (!Array.isArray(v)) {
    problems.push({
      path: at,
      message: `must be a list of broker-id lists, one per partition, not ${describeValue(v)}`,
    });
    return undefined;
  }
  if (partitions !== undefined && v.length !== partitions) {
    problems.push({
      path: at,
      message: `has ${v.length} replica lists but the topic has ${partitions} partitions: give one list per partition`,
    });
    return undefined;
  }
  // Only checked for a topic whose partitions are valid and within the limits, so the work is
  // bounded by SCENARIO_LIMITS.partitionsInAll lists.
  if (partitions === undefined || world.partitionsInAll > SCENARIO_LIMITS.partitionsInAll)
    return undefined;
  const known = world.brokers ? new Set(world.brokers) : null;
  const out: number[][] = [];
  (v as unknown[]).forEach((list, i) => {
    if (enough(problems)) return;
    const lp = childPath(at, i);
    if (!Array.isArray(list) || list.length > SCENARIO_LIMITS.brokers) {
      problems.push({
        path: lp,
        message: `must be a list of broker ids, not ${describeValue(list)}`,
      });
      return;
    }
    if (replicationFactor !== undefined && list.length !== replicationFactor) {
      problems.push({
        path: lp,
        message: `lists ${list.length} replicas but the replication factor is ${replicationFactor}`,
      });
      return;
    }
    const ids: number[] = [];
    (list as unknown[]).forEach((id, j) => {
      const bp = childPath(lp, j);
      if (typeof id !== "number" || !Number.isInteger(id)) {
        problems.push({ path: bp, message: `must be a broker id, not ${describeValue(id)}` });
      } else if (known && !known.has(id)) {
        problems.push({
          path: bp,
          message: `there is no broker ${id}${brokerListText(world)} (InvalidReplicaAssignmentException)`,
        });
      } else if (ids.includes(id)) {
        problems.push({
          path: bp,
          message: `broker ${id} is listed twice: each replica of a partition needs its own broker`,
        });
      } else ids.push(id);
    });
    out.push(ids);
  });
  return out;
}

// --- producers -------------------------------------------------------------------------------

function readProducer(
  v: unknown,
  path: string,
  world: World,
  problems: Problems,
): ScenarioProducer | undefined {
  if (!requireObject(v, path, '{"id", "topic", "acks", "ratePerSec", "keys", "config"}', problems))
    return undefined;
  const o = v as Record<string, unknown>;
  const before = problems.length;
  unknownFields(o, path, PRODUCER_FIELDS, problems);
  const id = readString(o, "id", path, SCENARIO_LIMITS.nameLength, problems, "the producer's id");
  if (id !== undefined) {
    const existing = world.producers.get(id);
    if (id === "")
      problems.push({ path: childPath(path, "id"), message: "is empty: give the producer a name" });
    else if (!TOPIC_NAME.test(id))
      problems.push({
        path: childPath(path, "id"),
        message: `${quote(id)} is not a valid producer id: use letters, digits, ".", "_" and "-"`,
      });
    else if (isReservedName(id))
      problems.push({
        path: childPath(path, "id"),
        message: `${quote(id)} is a name Brokerlab keeps for itself`,
      });
    else if (existing)
      problems.push({
        path: childPath(path, "id"),
        message: `a producer with id ${quote(id)} already exists (${existing.definedAt})`,
      });
  }
  const topic = checkTopicRef(get(o, "topic"), childPath(path, "topic"), world, problems);
  const acks = readAcks(o, path, problems) ?? "all";
  const ratePerSec =
    readNumber(o, "ratePerSec", path, 0, SCENARIO_LIMITS.ratePerSec, problems) ?? 0;
  const keys = get(o, "keys") === undefined ? null : readKeys(o, path, problems);
  const dist = get(o, "keyDistribution");
  if (dist !== undefined && dist !== "uniform" && dist !== "hot")
    problems.push({
      path: childPath(path, "keyDistribution"),
      message: `must be "uniform" or "hot", not ${describeValue(dist)}`,
    });
  else if (dist === "hot" && get(o, "keys") === null)
    problems.push({
      path: childPath(path, "keyDistribution"),
      message: '"hot" picks one key more often than the others, so it needs "keys"',
    });
  const valuePrefix = readString(
    o,
    "valuePrefix",
    path,
    SCENARIO_LIMITS.nameLength,
    problems,
    null,
  );
  const configPath = childPath(path, "config");
  const config = readConfig(
    get(o, "config"),
    configPath,
    "producer",
    problems,
  ) as ScenarioProducerConfig;
  // Kafka's own consistency rules (idempotence against acks and retries, the delivery timeout).
  const resolved = resolveProducerConfig({
    acks: acksToEngine(acks),
    ...producerConfigToEngine(config),
  });
  if (!resolved.ok)
    for (const e of resolved.errors)
      problems.push({ path: childPath(configPath, e.field), message: e.message });
  if (id !== undefined && !world.producers.has(id))
    world.producers.set(id, { topic: topic ?? "", definedAt: path });
  if (problems.length > before || id === undefined || topic === undefined || keys === undefined)
    return undefined;
  const producer: ScenarioProducer = {
    id,
    topic,
    acks,
    ratePerSec,
    keys,
    keyDistribution: dist === "hot" ? "hot" : "uniform",
    config,
  };
  if (valuePrefix !== undefined) producer.valuePrefix = valuePrefix;
  return producer;
}

// --- the cluster's broker configs -------------------------------------------------------------

function readCluster(v: unknown, world: World, problems: Problems): ScenarioClusterConfig {
  const config = readConfig(v, "cluster", "cluster", problems) as ScenarioClusterConfig;
  const voters = config["controller.quorum.voters"];
  if (voters !== undefined && world.brokers && voters > world.brokers.length)
    problems.push({
      path: 'cluster["controller.quorum.voters"]',
      message: `${voters} controller voters, but the cluster has ${world.brokers.length} brokers`,
    });
  // KafkaConfig: replica.fetch.wait.max.ms must not exceed replica.lag.time.max.ms.
  const wait = config["replica.fetch.wait.max.ms"];
  const lag = config["replica.lag.time.max.ms"];
  const effectiveWait = wait ?? DEFAULT_BROKER_CONFIG.replicaFetchWaitMaxMs;
  const effectiveLag = lag ?? DEFAULT_BROKER_CONFIG.replicaLagTimeMaxMs;
  if ((wait !== undefined || lag !== undefined) && effectiveWait > effectiveLag)
    problems.push({
      path: childPath(
        "cluster",
        wait !== undefined ? "replica.fetch.wait.max.ms" : "replica.lag.time.max.ms",
      ),
      message: `replica.fetch.wait.max.ms (${effectiveWait}) must not be larger than replica.lag.time.max.ms (${effectiveLag}), or followers would drop out of the ISR while they wait`,
    });
  return config;
}

// --- the timeline ----------------------------------------------------------------------------

function readProduce(
  o: Record<string, unknown>,
  path: string,
  world: World,
  problems: Problems,
): ScenarioCommand | undefined {
  const before = problems.length;
  const producer = checkProducerRef(
    get(o, "producer"),
    childPath(path, "producer"),
    world,
    problems,
  );
  const key = get(o, "key");
  if (key !== undefined && key !== null && typeof key !== "string")
    problems.push({
      path: childPath(path, "key"),
      message: `must be a string, or null for a record without a key; not ${describeValue(key)}`,
    });
  else if (typeof key === "string" && key.length > SCENARIO_LIMITS.keyLength)
    problems.push({
      path: childPath(path, "key"),
      message: `is ${key.length} characters long; at most ${SCENARIO_LIMITS.keyLength}`,
    });
  const value = get(o, "value");
  if (value !== undefined && value !== null && typeof value !== "string")
    problems.push({
      path: childPath(path, "value"),
      message: `must be a string, or null for a tombstone; not ${describeValue(value)}`,
    });
  else if (typeof value === "string" && value.length > SCENARIO_LIMITS.valueLength)
    problems.push({
      path: childPath(path, "value"),
      message: `is ${value.length} characters long; at most ${SCENARIO_LIMITS.valueLength}`,
    });
  const headers = readHeaders(get(o, "headers"), childPath(path, "headers"), problems);
  const topic = producer !== undefined ? world.producers.get(producer)?.topic : undefined;
  const partitions = topic !== undefined ? world.topics.get(topic)?.partitions : undefined;
  const partition = readInt(
    o,
    "partition",
    path,
    { min: 0, max: SCENARIO_LIMITS.partitionsPerTopic, what: "a partition" },
    problems,
    false,
  );
  if (partition !== undefined && partitions !== undefined && partition >= partitions)
    problems.push({
      path: childPath(path, "partition"),
      message: `topic ${quote(topic ?? "")} has no partition ${partition} (it has ${partitions}: 0 to ${partitions - 1})`,
    });
  const count = readInt(
    o,
    "count",
    path,
    { min: 1, max: SCENARIO_LIMITS.produceCount, what: "how many records" },
    problems,
    false,
  );
  if (problems.length > before || producer === undefined) return undefined;
  const command: ScenarioCommand = {
    do: "produce",
    producer,
    key: typeof key === "string" ? key : null,
  };
  if (value !== undefined) command.value = value as string | null;
  if (headers !== undefined) command.headers = headers;
  if (partition !== undefined) command.partition = partition;
  if (count !== undefined) command.count = count;
  return command;
}

function readHeaders(
  v: unknown,
  path: string,
  problems: Problems,
): Record<string, string> | undefined {
  if (v === undefined) return undefined;
  if (!isRecord(v)) {
    problems.push({
      path,
      message: `must be an object of header names and string values, not ${describeValue(v)}`,
    });
    return undefined;
  }
  const names = Object.keys(v);
  if (names.length > SCENARIO_LIMITS.headers) {
    problems.push({
      path,
      message: `has ${names.length} headers; at most ${SCENARIO_LIMITS.headers}`,
    });
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = v[name];
    if (typeof value !== "string" || value.length > SCENARIO_LIMITS.keyLength)
      problems.push({
        path: childPath(path, name),
        message: `must be a string of at most ${SCENARIO_LIMITS.keyLength} characters, not ${describeValue(value)}`,
      });
    else
      Object.defineProperty(out, name, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return out;
}

/** One timeline command's own fields (beside `at` and `do`), checked against what exists now. */
function readCommand(
  type: CommandType,
  o: Record<string, unknown>,
  path: string,
  world: World,
  problems: Problems,
): ScenarioCommand | undefined {
  const before = problems.length;
  const broker = (): number | undefined =>
    checkBrokerRef(get(o, "broker"), childPath(path, "broker"), world, problems);
  switch (type) {
    case "killBroker":
    case "restartBroker":
    case "shutdownBroker":
    case "isolateBroker":
    case "healBroker": {
      const id = broker();
      return id === undefined ? undefined : { do: type, broker: id };
    }
    case "slowBroker": {
      const id = broker();
      const delayMs = readInt(
        o,
        "delayMs",
        path,
        { min: 0, max: Number.MAX_SAFE_INTEGER, what: "the extra delay before each fetch" },
        problems,
        false,
      );
      if (id === undefined || problems.length > before) return undefined;
      return delayMs === undefined ? { do: type, broker: id } : { do: type, broker: id, delayMs };
    }
    case "addBroker": {
      const id = readInt(
        o,
        "broker",
        path,
        { min: 0, max: SCENARIO_LIMITS.brokerId, what: "the new broker's id" },
        problems,
        false,
      );
      const rack = readString(o, "rack", path, 100, problems, null);
      if (id !== undefined && world.brokers?.includes(id))
        problems.push({ path: childPath(path, "broker"), message: `broker ${id} already exists` });
      if (world.brokers && rack === undefined && world.racks && !has(o, "rack"))
        problems.push({
          path: childPath(path, "rack"),
          message: "missing: the other brokers have racks, so give this one a rack too",
        });
      if (world.brokers && rack !== undefined && !world.racks)
        problems.push({
          path: childPath(path, "rack"),
          message: "no other broker has a rack: add this one without a rack",
        });
      if (world.brokers && world.brokers.length >= SCENARIO_LIMITS.brokers)
        problems.push({
          path,
          message: `a cluster has at most ${SCENARIO_LIMITS.brokers} brokers`,
        });
      if (problems.length > before) return undefined;
      if (world.brokers) world.brokers.push(id ?? Math.max(0, ...world.brokers) + 1);
      const command: ScenarioCommand = { do: "addBroker" };
      if (id !== undefined) command.broker = id;
      if (rack !== undefined) command.rack = rack;
      return command;
    }
    case "createTopic": {
      const topic = readTopic(get(o, "topic"), childPath(path, "topic"), world, problems);
      return topic && problems.length === before ? { do: type, topic } : undefined;
    }
    case "setTopicConfig": {
      const name = checkTopicRef(get(o, "topic"), childPath(path, "topic"), world, problems);
      const configPath = childPath(path, "config");
      if (get(o, "config") === undefined) {
        problems.push({
          path: configPath,
          message: 'missing: the configs to set, e.g. {"retention.ms": 60000}',
        });
        return undefined;
      }
      const config = readConfig(
        get(o, "config"),
        configPath,
        "topic",
        problems,
      ) as ScenarioTopicConfig;
      const known = name !== undefined ? world.topics.get(name) : undefined;
      const minIsr = config["min.insync.replicas"];
      if (known && minIsr !== undefined) {
        if (known.replicationFactor !== undefined && minIsr > known.replicationFactor)
          problems.push({
            path: childPath(configPath, "min.insync.replicas"),
            message: `${minIsr} is larger than the replication factor of ${quote(name ?? "")} (${known.replicationFactor}): InvalidConfigurationException`,
          });
        else known.minInsyncReplicas = minIsr;
      }
      return name !== undefined && problems.length === before
        ? { do: type, topic: name, config }
        : undefined;
    }
    case "electPreferredLeaders": {
      if (get(o, "topic") === undefined) return { do: type };
      const name = checkTopicRef(get(o, "topic"), childPath(path, "topic"), world, problems);
      return name === undefined ? undefined : { do: type, topic: name };
    }
    case "addProducer": {
      const producer = readProducer(
        get(o, "producer"),
        childPath(path, "producer"),
        world,
        problems,
      );
      return producer && problems.length === before ? { do: type, producer } : undefined;
    }
    case "setProducer": {
      const producer = checkProducerRef(
        get(o, "producer"),
        childPath(path, "producer"),
        world,
        problems,
      );
      const ratePerSec = readNumber(o, "ratePerSec", path, 0, SCENARIO_LIMITS.ratePerSec, problems);
      const keys = readKeys(o, path, problems);
      const acks = readAcks(o, path, problems);
      const running = readBoolean(o, "running", path, problems);
      if (producer === undefined || problems.length > before) return undefined;
      const command: ScenarioCommand = { do: type, producer };
      if (ratePerSec !== undefined) command.ratePerSec = ratePerSec;
      if (keys !== undefined) command.keys = keys;
      if (acks !== undefined) command.acks = acks;
      if (running !== undefined) command.running = running;
      return command;
    }
    case "produce":
      return readProduce(o, path, world, problems);
  }
}

function readTimeline(v: unknown, world: World, problems: Problems): TimelineEntry[] {
  const items = readList(
    { timeline: v },
    "timeline",
    "",
    SCENARIO_LIMITS.timeline,
    problems,
    "of commands",
  );
  // Checked in the order the engine runs them: by time, and in list order at equal times.
  const order = items.map((item, i) => {
    const at = isRecord(item) ? get(item, "at") : undefined;
    return { i, at: typeof at === "number" && Number.isFinite(at) ? at : Infinity };
  });
  order.sort((a, b) => a.at - b.at || a.i - b.i);
  const entries: (TimelineEntry | undefined)[] = [];
  for (const { i } of order) {
    if (enough(problems)) break;
    const path = childPath("timeline", i);
    const item = items[i];
    if (!requireObject(item, path, '{"at": 5000, "do": "killBroker", "broker": 1}', problems))
      continue;
    const o = item as Record<string, unknown>;
    const before = problems.length;
    const at = readInt(
      o,
      "at",
      path,
      { min: 0, max: Number.MAX_SAFE_INTEGER, what: "when, in virtual milliseconds" },
      problems,
    );
    const type = get(o, "do");
    if (typeof type !== "string" || !isCommandType(type)) {
      problems.push({
        path: childPath(path, "do"),
        message:
          type === undefined
            ? `missing: the command, one of ${COMMAND_TYPES.join(", ")}`
            : typeof type === "string"
              ? `unknown command ${quote(type)}${didYouMean(type, COMMAND_TYPES)}; the commands are ${COMMAND_TYPES.join(", ")}`
              : `must be a command name, not ${describeValue(type)}`,
      });
      continue;
    }
    unknownFields(o, path, ["at", "do", ...COMMAND_FIELDS[type]], problems, `field for ${type}`);
    const command = readCommand(type, o, path, world, problems);
    if (command && at !== undefined && problems.length === before) entries[i] = { at, ...command };
  }
  return entries.filter((e): e is TimelineEntry => e !== undefined);
}

// --- the document ----------------------------------------------------------------------------

function readDocument(input: unknown): ValidationResult {
  if (!isRecord(input))
    return fail([
      {
        path: "",
        message: `a scenario is a JSON object ({"version": 1, "name": ..., "brokers": 3, ...}), not ${describeValue(input)}`,
      },
    ]);
  const version = get(input, "version");
  if (version === undefined)
    return fail([
      {
        path: "version",
        message: `missing: this Brokerlab reads scenarios of version ${SCENARIO_VERSION}; add "version": 1`,
      },
    ]);
  if (typeof version === "number" && Number.isInteger(version) && version > SCENARIO_VERSION)
    return fail([
      {
        path: "version",
        message: `this scenario was written for a newer Brokerlab (version ${version}); this one reads version ${SCENARIO_VERSION}`,
      },
    ]);
  if (version !== SCENARIO_VERSION)
    return fail([
      { path: "version", message: `must be ${SCENARIO_VERSION}, not ${describeValue(version)}` },
    ]);
  // Migrations from older versions go here, before defaults and checks (none yet: 1 is the first).

  const problems: Problems = [];
  unknownFields(input, "", TOP_LEVEL_FIELDS, problems);
  const name = readString(
    input,
    "name",
    "",
    SCENARIO_LIMITS.nameLength,
    problems,
    "the scenario's name",
  );
  if (name === "") problems.push({ path: "name", message: "is empty: give the scenario a name" });
  const description =
    readString(input, "description", "", SCENARIO_LIMITS.descriptionLength, problems, null) ?? "";
  const seed =
    readInt(
      input,
      "seed",
      "",
      { min: 0, max: 4294967295, what: "the random seed" },
      problems,
      false,
    ) ?? 1;
  const brokers = readBrokers(get(input, "brokers"), problems);
  const world: World = {
    brokers: brokers ? brokers.map((b) => b.id) : null,
    racks: brokers?.some((b) => b.rack !== undefined) ?? false,
    topics: new Map(),
    producers: new Map(),
    topicsUnknown: !isListOrAbsent(get(input, "topics"), SCENARIO_LIMITS.topics),
    producersUnknown: !isListOrAbsent(get(input, "producers"), SCENARIO_LIMITS.producers),
    partitionsInAll: 0,
  };
  const cluster = readCluster(get(input, "cluster"), world, problems);
  const topics: ScenarioTopic[] = [];
  const topicItems = readList(input, "topics", "", SCENARIO_LIMITS.topics, problems, "of topics");
  for (let i = 0; i < topicItems.length && !enough(problems); i++) {
    const topic = readTopic(topicItems[i], childPath("topics", i), world, problems);
    if (topic) topics.push(topic);
  }
  const producers: ScenarioProducer[] = [];
  const producerItems = readList(
    input,
    "producers",
    "",
    SCENARIO_LIMITS.producers,
    problems,
    "of producers",
  );
  for (let i = 0; i < producerItems.length && !enough(problems); i++) {
    const producer = readProducer(producerItems[i], childPath("producers", i), world, problems);
    if (producer) producers.push(producer);
  }
  const consumerGroups = readList(
    input,
    "consumerGroups",
    "",
    1000,
    problems,
    "of consumer groups",
  );
  const timeline = readTimeline(get(input, "timeline"), world, problems);

  if (problems.length > 0 || name === undefined || brokers === null) return fail(problems);
  const scenario: Scenario = {
    version: SCENARIO_VERSION,
    name,
    description,
    seed,
    brokers,
    topics,
    producers,
    consumerGroups: [...consumerGroups],
    cluster,
    timeline,
  };
  return { ok: true, scenario, spec: toSpec(scenario) };
}

function fail(problems: Problems): ValidationResult {
  const max = SCENARIO_LIMITS.problems;
  if (problems.length <= max) return { ok: false, problems };
  return {
    ok: false,
    problems: [
      ...problems.slice(0, max),
      {
        path: "",
        message: enough(problems)
          ? "… and many more problems (checking stopped here)"
          : `… and ${problems.length - max} more problems`,
      },
    ],
  };
}

/**
 * Checks a scenario document (already parsed from JSON, or any value at all) and returns the
 * normalized scenario with its engine spec, or the problems. Never throws.
 */
export function validateScenario(input: unknown): ValidationResult {
  try {
    return readDocument(input);
  } catch (e) {
    // Only a hostile non-JSON value (a throwing getter, a revoked proxy) can get here.
    const why = e instanceof Error ? e.message : "an unreadable value";
    return fail([{ path: "", message: `this scenario could not be read: ${why}` }]);
  }
}

/** Parses scenario text (a file, a paste) and validates it; JSON syntax errors are problems too. */
export function parseScenario(text: string): ValidationResult {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (e) {
    const why = e instanceof Error ? e.message : "unreadable";
    return fail([{ path: "", message: `not valid JSON: ${why.slice(0, 300)}` }]);
  }
  return validateScenario(value);
}
