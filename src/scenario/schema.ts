// The scenario document, version 1: what a lesson, a file and a shared link hold. Names are
// Kafka's wherever Kafka has one (dotted config names, acks values); docs/scenario-format.md
// describes every field. validate.ts turns an untrusted value into a `Scenario`; toSpec.ts
// turns a `Scenario` into the engine's SimulationSpec.

import type { CommandType } from "../engine/index.ts";

/** The version this Brokerlab writes and reads. Older versions are migrated on read. */
export const SCENARIO_VERSION = 1;

/** Kafka accepts acks as "all", "-1", "1" or "0"; JSON numbers are accepted too. */
export type ScenarioAcks = "all" | "-1" | "1" | "0" | -1 | 1 | 0;

export interface ScenarioBroker {
  id: number;
  rack?: string;
}

/** Broker configs (server.properties), by Kafka's name. Brokerlab's own knobs say so in the docs. */
export type ScenarioClusterConfig = {
  "broker.heartbeat.interval.ms"?: number;
  "broker.session.timeout.ms"?: number;
  "replica.lag.time.max.ms"?: number;
  "replica.fetch.wait.max.ms"?: number;
  "replica.fetch.max.bytes"?: number;
  "auto.leader.rebalance.enable"?: boolean;
  "leader.imbalance.check.interval.seconds"?: number;
  "log.retention.check.interval.ms"?: number;
  "controller.quorum.election.timeout.ms"?: number;
  /** How many brokers are KRaft controller voters (combined mode): a count, not Kafka's list. */
  "controller.quorum.voters"?: number;
  /** Brokerlab's own: one-way network delay between two parties. */
  "network.latency.ms"?: number;
  /** Brokerlab's own: time a leader takes to append a batch to its log. */
  "disk.append.ms"?: number;
  "offsets.topic.num.partitions"?: number;
  "offsets.topic.replication.factor"?: number;
  "group.initial.rebalance.delay.ms"?: number;
};

/** Consumer configs, by Kafka's name (partition.assignment.strategy and group.instance.id are read apart). */
export type ScenarioConsumerConfig = {
  "auto.offset.reset"?: "latest" | "earliest" | "none";
  "enable.auto.commit"?: boolean;
  "auto.commit.interval.ms"?: number;
  "session.timeout.ms"?: number;
  "heartbeat.interval.ms"?: number;
  "max.poll.interval.ms"?: number;
  "max.poll.records"?: number;
  "fetch.max.wait.ms"?: number;
  "fetch.min.bytes"?: number;
  /** Brokerlab's own: how the application commits when enable.auto.commit is false. */
  "commit.mode"?: "sync" | "async";
};

export type ScenarioAssignor = "range" | "roundrobin" | "sticky" | "cooperative-sticky";

/**
 * A consumer group: `members` consumers named `<groupId>-1`, `<groupId>-2`, ...; with
 * `group.instance.id` set (a prefix) each member is static with instance id `<prefix>-<n>`.
 */
export interface ScenarioConsumerGroup {
  groupId: string;
  topics: string[];
  members: number;
  config: ScenarioConsumerConfig & {
    "partition.assignment.strategy"?: ScenarioAssignor[];
    "group.instance.id"?: string;
  };
  processingMsPerRecord: number;
}

export type ScenarioCleanupPolicy = "delete" | "compact" | "compact,delete" | "delete,compact";

/** Topic configs (kafka-configs --entity-type topics), by Kafka's name. */
export type ScenarioTopicConfig = {
  "min.insync.replicas"?: number;
  "unclean.leader.election.enable"?: boolean;
  "retention.ms"?: number;
  "retention.bytes"?: number;
  "segment.bytes"?: number;
  "segment.ms"?: number;
  "cleanup.policy"?: ScenarioCleanupPolicy;
  "delete.retention.ms"?: number;
  "min.cleanable.dirty.ratio"?: number;
};

export type ScenarioPartitioner =
  "RoundRobinPartitioner" | "org.apache.kafka.clients.producer.RoundRobinPartitioner" | null;

/** Producer configs, by Kafka's name. `acks` is a field of the producer itself. */
export type ScenarioProducerConfig = {
  "enable.idempotence"?: boolean;
  retries?: number;
  "retry.backoff.ms"?: number;
  "retry.backoff.max.ms"?: number;
  "request.timeout.ms"?: number;
  "delivery.timeout.ms"?: number;
  "linger.ms"?: number;
  "batch.size"?: number;
  "max.in.flight.requests.per.connection"?: number;
  "metadata.max.age.ms"?: number;
  /** null (Kafka's default) is the built-in sticky partitioner for records without a key. */
  "partitioner.class"?: ScenarioPartitioner;
};

export interface ScenarioTopic {
  name: string;
  partitions: number;
  replicationFactor: number;
  config: ScenarioTopicConfig;
  /** Explicit replica lists, one per partition, preferred leader first (--replica-assignment). */
  replicaAssignment?: number[][];
}

export interface ScenarioProducer {
  id: string;
  topic: string;
  acks: ScenarioAcks;
  /** Records per second from the load generator; 0 sends only what `produce` commands ask. */
  ratePerSec: number;
  /** Keys drawn for each record; null sends records without a key. */
  keys: string[] | null;
  keyDistribution: "uniform" | "hot";
  valuePrefix?: string;
  config: ScenarioProducerConfig;
}

/**
 * One timeline command: `do` is the engine command's type and its fields sit beside it. Where
 * the engine command carries a topic or a producer spec, the scenario's own form is used.
 */
export type ScenarioCommand =
  | { do: "killBroker"; broker: number }
  | { do: "restartBroker"; broker: number }
  | { do: "shutdownBroker"; broker: number }
  | { do: "isolateBroker"; broker: number }
  | { do: "healBroker"; broker: number }
  | { do: "slowBroker"; broker: number; delayMs?: number }
  | { do: "addBroker"; broker?: number; rack?: string }
  | { do: "createTopic"; topic: ScenarioTopic }
  | { do: "setTopicConfig"; topic: string; config: ScenarioTopicConfig }
  | { do: "electPreferredLeaders"; topic?: string }
  | { do: "addProducer"; producer: ScenarioProducer }
  | {
      do: "setProducer";
      producer: string;
      ratePerSec?: number;
      keys?: string[] | null;
      keyDistribution?: "uniform" | "hot";
      acks?: ScenarioAcks;
      running?: boolean;
    }
  | {
      do: "produce";
      producer: string;
      key: string | null;
      value?: string | null;
      headers?: Record<string, string>;
      partition?: number;
      count?: number;
    }
  | ScenarioGroupCommand;

/**
 * The consumer commands; addConsumer adds a member to a group defined in `consumerGroups`, or,
 * with its own `topics` (and `config`), a consumer defined on the spot: a new group's first
 * member, as a consumer started with a new group.id.
 */
export type ScenarioGroupCommand =
  | {
      do: "addConsumer";
      consumer: string;
      groupId: string;
      topics?: string[];
      config?: ScenarioConsumerGroup["config"];
    }
  | {
      do:
        | "removeConsumer"
        | "crashConsumer"
        | "restartConsumer"
        | "pauseConsumer"
        | "resumeConsumer"
        | "stallConsumer";
      consumer: string;
    }
  | { do: "setProcessingTime"; consumer: string; ms: number }
  | { do: "setAssignmentStrategy"; consumer: string; strategy: ScenarioAssignor[] }
  | {
      do: "resetOffsets";
      groupId: string;
      topic?: string;
      to: "earliest" | "latest" | "offset" | "timestamp";
      offset?: number;
      timestamp?: number;
    };

export type TimelineEntry = { at: number } & ScenarioCommand;

// A new engine command must get a scenario form: this line stops compiling until it does.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _everyCommandHasAForm: SameKeys<ScenarioCommand["do"], CommandType> = true;
void _everyCommandHasAForm;

/** A validated, normalized scenario: every optional part present, brokers as a list. */
export interface Scenario {
  version: 1;
  name: string;
  description: string;
  seed: number;
  brokers: ScenarioBroker[];
  topics: ScenarioTopic[];
  producers: ScenarioProducer[];
  consumerGroups: ScenarioConsumerGroup[];
  cluster: ScenarioClusterConfig;
  timeline: TimelineEntry[];
}
