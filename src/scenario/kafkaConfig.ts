// The one table between Kafka's dotted config names (what a scenario says) and the engine's
// camelCase fields (what the engine reads). The validator, toSpec, the CLI's describe output
// and the docs all go through it. Each table is keyed by the engine's field, so the compiler
// fails if the engine grows a config that has no scenario name.

import type { BrokerConfig, ConsumerConfig, ProducerConfig, TopicConfig } from "../engine/index.ts";
import { childPath, describeValue, didYouMean, quote, type Problem } from "./problems.ts";
import { get, has, isRecord } from "./readers.ts";
import type {
  ScenarioClusterConfig,
  ScenarioConsumerConfig,
  ScenarioProducerConfig,
  ScenarioTopicConfig,
} from "./schema.ts";

export type ConfigValue = number | boolean | string | null;

export type ValueRule =
  | { kind: "integer"; min: number; max: number }
  | { kind: "number"; min: number; max: number }
  | { kind: "boolean" }
  | { kind: "choice"; choices: readonly (string | null)[] };

export interface ConfigEntry<Value> {
  /** Kafka's name, as a scenario writes it. */
  name: string;
  rule: ValueRule;
  /** One line for the docs. */
  doc: string;
  toEngine: (value: ConfigValue) => Value;
}

type Table<Config, Name extends string> = {
  readonly [F in keyof Config]-?: ConfigEntry<Config[F]> & { name: Name };
};

const INT_MAX = 2147483647;
const LONG_MAX = Number.MAX_SAFE_INTEGER;

function int<N extends string>(
  name: N,
  min: number,
  max: number,
  doc: string,
  scale = 1,
): ConfigEntry<number> & { name: N } {
  return { name, rule: { kind: "integer", min, max }, doc, toEngine: (v) => Number(v) * scale };
}

function bool<N extends string>(name: N, doc: string): ConfigEntry<boolean> & { name: N } {
  return { name, rule: { kind: "boolean" }, doc, toEngine: (v) => v === true };
}

export const CLUSTER_CONFIGS: Table<BrokerConfig, keyof ScenarioClusterConfig> = {
  brokerHeartbeatIntervalMs: int(
    "broker.heartbeat.interval.ms",
    1,
    INT_MAX,
    "How often each broker heartbeats to the controller.",
  ),
  brokerSessionTimeoutMs: int(
    "broker.session.timeout.ms",
    1,
    INT_MAX,
    "How long the controller waits without a heartbeat before it fences a broker.",
  ),
  replicaLagTimeMaxMs: int(
    "replica.lag.time.max.ms",
    1,
    LONG_MAX,
    "A follower not caught up for this long leaves the ISR.",
  ),
  replicaFetchWaitMaxMs: int(
    "replica.fetch.wait.max.ms",
    1,
    INT_MAX,
    "How long a leader holds a follower's fetch when it has no new records (at least 1 here).",
  ),
  replicaFetchMaxBytes: int(
    "replica.fetch.max.bytes",
    1,
    INT_MAX,
    "Bytes a follower fetches per request (at least one record is always sent).",
  ),
  autoLeaderRebalanceEnable: bool(
    "auto.leader.rebalance.enable",
    "Move leadership back to each partition's preferred replica on a timer.",
  ),
  leaderImbalanceCheckIntervalMs: int(
    "leader.imbalance.check.interval.seconds",
    1,
    LONG_MAX / 1000,
    "Seconds between two preferred-leader checks.",
    1000,
  ),
  logRetentionCheckIntervalMs: int(
    "log.retention.check.interval.ms",
    1,
    LONG_MAX,
    "How often brokers delete expired segments and run the log cleaner.",
  ),
  controllerQuorumElectionTimeoutMs: int(
    "controller.quorum.election.timeout.ms",
    1,
    INT_MAX,
    "How long the controller voters wait before electing a new active controller.",
  ),
  controllerQuorumVoters: int(
    "controller.quorum.voters",
    1,
    INT_MAX,
    "How many brokers (the lowest ids) are KRaft controller voters; a count, not Kafka's host list.",
  ),
  networkLatencyMs: int(
    "network.latency.ms",
    0,
    60000,
    "Brokerlab's own: one-way network delay between two parties.",
  ),
  diskAppendMs: int(
    "disk.append.ms",
    0,
    60000,
    "Brokerlab's own: time a leader needs to append a batch to its log.",
  ),
  offsetsTopicNumPartitions: int(
    "offsets.topic.num.partitions",
    1,
    1000,
    "Partitions of __consumer_offsets, created with the first consumer group (Kafka: 50).",
  ),
  offsetsTopicReplicationFactor: int(
    "offsets.topic.replication.factor",
    1,
    32767,
    "Replication factor of __consumer_offsets (lowered to the live broker count here).",
  ),
  groupInitialRebalanceDelayMs: int(
    "group.initial.rebalance.delay.ms",
    0,
    INT_MAX,
    "How long a new group waits for more members before its first rebalance.",
  ),
};

/** Consumer configs (the list-valued partition.assignment.strategy and group.instance.id are read by validateGroups.ts). */
export const CONSUMER_CONFIGS: Table<
  Omit<ConsumerConfig, "partitionAssignmentStrategy" | "groupInstanceId">,
  keyof ScenarioConsumerConfig
> = {
  autoOffsetReset: {
    name: "auto.offset.reset",
    rule: { kind: "choice", choices: ["latest", "earliest", "none"] },
    doc: "Where to start without a valid committed offset.",
    toEngine: (v) => (v === "earliest" ? "earliest" : v === "none" ? "none" : "latest"),
  },
  enableAutoCommit: bool("enable.auto.commit", "Commit positions inside poll() every interval."),
  autoCommitIntervalMs: int("auto.commit.interval.ms", 1, INT_MAX, "How often auto-commit runs."),
  sessionTimeoutMs: int(
    "session.timeout.ms",
    1,
    INT_MAX,
    "Heartbeats missed this long remove a member.",
  ),
  heartbeatIntervalMs: int("heartbeat.interval.ms", 1, INT_MAX, "How often a member heartbeats."),
  maxPollIntervalMs: int(
    "max.poll.interval.ms",
    1,
    INT_MAX,
    "A member that does not poll this long leaves the group.",
  ),
  maxPollRecords: int("max.poll.records", 1, INT_MAX, "At most this many records per poll()."),
  fetchMaxWaitMs: int("fetch.max.wait.ms", 0, INT_MAX, "How long a fetch waits for data."),
  fetchMinBytes: int("fetch.min.bytes", 1, INT_MAX, "Bytes a fetch waits for (1: any record)."),
  commitMode: {
    name: "commit.mode",
    rule: { kind: "choice", choices: ["sync", "async"] },
    doc: "Brokerlab's own: with enable.auto.commit=false, commitSync or commitAsync after processing.",
    toEngine: (v) => (v === "async" ? "async" : "sync"),
  },
};

const CLEANUP_POLICIES: Record<string, TopicConfig["cleanupPolicy"]> = {
  delete: "delete",
  compact: "compact",
  "compact,delete": "compact,delete",
  "delete,compact": "compact,delete",
};

export const TOPIC_CONFIGS: Table<TopicConfig, keyof ScenarioTopicConfig> = {
  minInsyncReplicas: int(
    "min.insync.replicas",
    1,
    INT_MAX,
    "With acks=all, the fewest in-sync replicas a write needs (else NotEnoughReplicas).",
  ),
  uncleanLeaderElectionEnable: bool(
    "unclean.leader.election.enable",
    "Let an out-of-sync replica become leader when no ISR member is alive (loses data).",
  ),
  retentionMs: int(
    "retention.ms",
    -1,
    LONG_MAX,
    "Delete segments whose newest record is older than this (-1: keep forever).",
  ),
  retentionBytes: int(
    "retention.bytes",
    -1,
    LONG_MAX,
    "Delete the oldest segments while a partition is larger than this (-1: no limit).",
  ),
  segmentBytes: int(
    "segment.bytes",
    14,
    INT_MAX,
    "Roll a new segment when the active one would grow past this size.",
  ),
  segmentMs: int(
    "segment.ms",
    1,
    LONG_MAX,
    "Roll a new segment on the next append once the active one is this old.",
  ),
  cleanupPolicy: {
    name: "cleanup.policy",
    rule: { kind: "choice", choices: Object.keys(CLEANUP_POLICIES) },
    doc: '"delete" (retention), "compact" (latest record per key) or both.',
    toEngine: (v: ConfigValue) => CLEANUP_POLICIES[String(v)] ?? "delete",
  },
  deleteRetentionMs: int(
    "delete.retention.ms",
    0,
    LONG_MAX,
    "How long a tombstone stays in a compacted log.",
  ),
  minCleanableDirtyRatio: {
    name: "min.cleanable.dirty.ratio",
    rule: { kind: "number", min: 0, max: 1 },
    doc: "The share of not-yet-cleaned bytes that makes the cleaner compact a log.",
    toEngine: (v: ConfigValue) => Number(v),
  },
};

const ROUND_ROBIN = [
  "RoundRobinPartitioner",
  "org.apache.kafka.clients.producer.RoundRobinPartitioner",
];

export const PRODUCER_CONFIGS: Table<Omit<ProducerConfig, "acks">, keyof ScenarioProducerConfig> = {
  enableIdempotence: bool(
    "enable.idempotence",
    "Producer id and sequence numbers, so a retried batch is never written twice.",
  ),
  retries: int(
    "retries",
    0,
    INT_MAX,
    "How many times a failed send is retried (within delivery.timeout.ms).",
  ),
  retryBackoffMs: int(
    "retry.backoff.ms",
    1,
    INT_MAX,
    "Wait before a retry (at least 1 here: 0 would retry in the same virtual instant forever).",
  ),
  retryBackoffMaxMs: int(
    "retry.backoff.max.ms",
    1,
    INT_MAX,
    "Upper bound of the exponential retry backoff (KIP-580).",
  ),
  requestTimeoutMs: int(
    "request.timeout.ms",
    1,
    INT_MAX,
    "How long the producer waits for a broker's answer before it retries.",
  ),
  deliveryTimeoutMs: int(
    "delivery.timeout.ms",
    1,
    INT_MAX,
    "Upper bound on the time from send() to success or failure, retries included.",
  ),
  lingerMs: int(
    "linger.ms",
    0,
    INT_MAX,
    "How long a batch waits for more records before it is sent.",
  ),
  batchSize: int("batch.size", 0, INT_MAX, "Bytes per batch; a full batch is sent at once."),
  maxInFlightRequestsPerConnection: int(
    "max.in.flight.requests.per.connection",
    1,
    INT_MAX,
    "Requests sent to one broker and not yet answered; a request carries a batch per partition that broker leads.",
  ),
  metadataMaxAgeMs: int(
    "metadata.max.age.ms",
    0,
    INT_MAX,
    "How often the producer refreshes which broker leads each partition, even without an error.",
  ),
  partitioner: {
    name: "partitioner.class",
    rule: { kind: "choice", choices: [null, ...ROUND_ROBIN] },
    doc: "null: Kafka's built-in sticky partitioner for records without a key; or RoundRobinPartitioner.",
    toEngine: (v: ConfigValue) =>
      typeof v === "string" && ROUND_ROBIN.includes(v) ? "roundrobin" : "sticky",
  },
};

export type ConfigScope = "cluster" | "topic" | "producer" | "consumer";

const TABLES = {
  cluster: CLUSTER_CONFIGS,
  topic: TOPIC_CONFIGS,
  producer: PRODUCER_CONFIGS,
  consumer: CONSUMER_CONFIGS,
} as const;

function entriesOf(scope: ConfigScope): ConfigEntry<unknown>[] {
  return Object.values(TABLES[scope]) as ConfigEntry<unknown>[];
}

/** Kafka's names accepted in a scope, in table order. */
export function configNames(scope: ConfigScope): string[] {
  return entriesOf(scope).map((e) => e.name);
}

export function configEntry(scope: ConfigScope, name: string): ConfigEntry<unknown> | undefined {
  return entriesOf(scope).find((e) => e.name === name);
}

const WHERE: Record<ConfigScope, string> = {
  cluster: 'the scenario\'s "cluster"',
  topic: 'a topic\'s "config"',
  producer: 'a producer\'s "config"',
  consumer: 'a consumer group\'s "config"',
};

/** Why a name is not accepted here: it belongs elsewhere, or it is a near miss, or unknown. */
function unknownConfigMessage(name: string, scope: ConfigScope): string {
  if (scope === "producer" && name === "acks")
    return 'acks is a field of the producer itself: write "acks" beside "config", not inside it';
  for (const other of ["cluster", "topic", "producer", "consumer"] as const) {
    if (other !== scope && configEntry(other, name))
      return `${name} is a ${other === "cluster" ? "broker" : other} config: set it in ${WHERE[other]}`;
  }
  return `unknown ${scope === "cluster" ? "broker" : scope} config${didYouMean(name, configNames(scope))}`;
}

function ruleText(rule: ValueRule): string {
  switch (rule.kind) {
    case "integer":
      return rule.max >= LONG_MAX / 1000
        ? `a whole number, at least ${rule.min}`
        : `a whole number from ${rule.min} to ${rule.max}`;
    case "number":
      return `a number from ${rule.min} to ${rule.max}`;
    case "boolean":
      return "true or false";
    case "choice":
      return `one of ${rule.choices.map((c) => (c === null ? "null" : quote(c))).join(", ")}`;
  }
}

/** Checks one value against its rule; the message if it does not fit. */
export function checkConfigValue(entry: ConfigEntry<unknown>, value: unknown): string | null {
  const rule = entry.rule;
  const fits = ((): boolean => {
    switch (rule.kind) {
      case "integer":
        return (
          typeof value === "number" &&
          Number.isInteger(value) &&
          value >= rule.min &&
          value <= rule.max
        );
      case "number":
        return typeof value === "number" && value >= rule.min && value <= rule.max;
      case "boolean":
        return typeof value === "boolean";
      case "choice":
        return (typeof value === "string" || value === null) && rule.choices.includes(value);
    }
  })();
  if (fits) return null;
  const hint =
    typeof value === "string" && rule.kind !== "choice" ? " (write it without quotes)" : "";
  return `must be ${ruleText(rule)}, not ${describeValue(value)}${hint}`;
}

/**
 * Reads a config object of one scope: keeps the valid entries, reports the rest. A missing
 * object is an empty one.
 */
export function readConfig(
  value: unknown,
  path: string,
  scope: ConfigScope,
  problems: Problem[],
): Record<string, ConfigValue> {
  const out: Record<string, ConfigValue> = {};
  if (value === undefined) return out;
  if (!isRecord(value)) {
    problems.push({
      path,
      message: `must be an object of config names and values, not ${describeValue(value)}`,
    });
    return out;
  }
  for (const name of Object.keys(value)) {
    const at = childPath(path, name);
    const entry = configEntry(scope, name);
    if (!entry) {
      problems.push({ path: at, message: unknownConfigMessage(name, scope) });
      continue;
    }
    const v = get(value, name);
    const message = checkConfigValue(entry, v);
    if (message) problems.push({ path: at, message });
    else out[name] = v as ConfigValue;
  }
  return out;
}

/** The engine's fields for the given Kafka names (only those given: the engine fills defaults). */
function convert<C>(table: Table<C, string>, given: Readonly<Record<string, unknown>>): Partial<C> {
  const out: Partial<C> = {};
  for (const field of Object.keys(table) as (keyof C)[]) {
    const entry = table[field];
    const v = get(given, entry.name);
    if (v === undefined) continue;
    out[field] = entry.toEngine(v as ConfigValue);
  }
  return out;
}

export const consumerConfigToEngine = (
  c: ScenarioConsumerConfig,
): Partial<Omit<ConsumerConfig, "partitionAssignmentStrategy" | "groupInstanceId">> =>
  convert(CONSUMER_CONFIGS, c);

export const clusterConfigToEngine = (c: ScenarioClusterConfig): Partial<BrokerConfig> =>
  convert(CLUSTER_CONFIGS, c);

export const topicConfigToEngine = (c: ScenarioTopicConfig): Partial<TopicConfig> =>
  convert(TOPIC_CONFIGS, c);

export const producerConfigToEngine = (
  c: ScenarioProducerConfig,
): Partial<Omit<ProducerConfig, "acks">> => convert(PRODUCER_CONFIGS, c);

/** The Kafka name of an engine field (for showing an engine config with Kafka's names). */
export function kafkaNameOf(scope: ConfigScope, field: string): string | undefined {
  const table = TABLES[scope] as Readonly<Record<string, ConfigEntry<unknown>>>;
  return has(table, field) ? table[field]?.name : undefined;
}

/** An engine value as a scenario writes it (the inverse of toEngine, for display). */
export function kafkaValueOf(scope: ConfigScope, field: string, value: unknown): string {
  if (scope === "cluster" && field === "leaderImbalanceCheckIntervalMs")
    return String(Number(value) / 1000);
  if (scope === "producer" && field === "partitioner")
    return value === "roundrobin" ? "RoundRobinPartitioner" : "null";
  return String(value);
}
