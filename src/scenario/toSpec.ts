// A validated scenario in the engine's terms: camelCase configs (through the one mapping
// table), engine acks, and timeline commands as the engine's Command objects.

import type { Acks, Command, ProducerSpec, SimulationSpec, TopicSpec } from "../engine/index.ts";
import {
  clusterConfigToEngine,
  producerConfigToEngine,
  topicConfigToEngine,
} from "./kafkaConfig.ts";
import { consumerSpecOf, groupConsumers } from "./validateGroups.ts";
import type {
  Scenario,
  ScenarioAcks,
  ScenarioConsumerGroup,
  ScenarioProducer,
  ScenarioTopic,
  TimelineEntry,
} from "./schema.ts";

/** Kafka's acks spellings to the engine's: "all" and -1 are the same setting. */
export function acksToEngine(acks: ScenarioAcks): Acks {
  if (acks === 1 || acks === "1") return 1;
  if (acks === 0 || acks === "0") return 0;
  return "all";
}

export function topicToSpec(t: ScenarioTopic): TopicSpec {
  const spec: TopicSpec = {
    name: t.name,
    partitions: t.partitions,
    replicationFactor: t.replicationFactor,
    config: topicConfigToEngine(t.config),
  };
  if (t.replicaAssignment) spec.replicaAssignment = t.replicaAssignment.map((r) => [...r]);
  return spec;
}

export function producerToSpec(p: ScenarioProducer): ProducerSpec {
  const spec: ProducerSpec = {
    id: p.id,
    topic: p.topic,
    ratePerSec: p.ratePerSec,
    keys: p.keys === null ? null : [...p.keys],
    keyDistribution: p.keyDistribution,
    config: { acks: acksToEngine(p.acks), ...producerConfigToEngine(p.config) },
  };
  if (p.valuePrefix !== undefined) spec.valuePrefix = p.valuePrefix;
  return spec;
}

export function commandOf(
  e: TimelineEntry,
  groups: readonly ScenarioConsumerGroup[] = [],
): Command {
  switch (e.do) {
    case "addConsumer": {
      // Its own topics and config define it on the spot (a group the scenario does not define).
      const g: ScenarioConsumerGroup | undefined =
        e.topics !== undefined
          ? {
              groupId: e.groupId,
              topics: e.topics,
              members: 1,
              config: e.config ?? {},
              processingMsPerRecord: 1,
            }
          : groups.find((x) => x.groupId === e.groupId);
      const spec = g
        ? consumerSpecOf(g, e.consumer, e.consumer)
        : { id: e.consumer, groupId: e.groupId, topics: [] };
      return { type: e.do, consumer: spec };
    }
    case "removeConsumer":
    case "crashConsumer":
    case "restartConsumer":
    case "pauseConsumer":
    case "resumeConsumer":
    case "stallConsumer":
      return { type: e.do, consumer: e.consumer };
    case "setProcessingTime":
      return { type: e.do, consumer: e.consumer, ms: e.ms };
    case "setAssignmentStrategy":
      return { type: e.do, consumer: e.consumer, strategy: [...e.strategy] };
    case "resetOffsets": {
      const base =
        e.topic === undefined ? { groupId: e.groupId } : { groupId: e.groupId, topic: e.topic };
      if (e.to === "offset") return { type: e.do, ...base, to: "offset", offset: e.offset ?? 0 };
      if (e.to === "timestamp")
        return { type: e.do, ...base, to: "timestamp", timestamp: e.timestamp ?? 0 };
      return { type: e.do, ...base, to: e.to };
    }
    case "killBroker":
    case "restartBroker":
    case "shutdownBroker":
    case "isolateBroker":
    case "healBroker":
      return { type: e.do, broker: e.broker };
    case "slowBroker":
      return e.delayMs === undefined
        ? { type: e.do, broker: e.broker }
        : { type: e.do, broker: e.broker, delayMs: e.delayMs };
    case "addBroker": {
      const command: Command = { type: e.do };
      if (e.broker !== undefined) command.broker = e.broker;
      if (e.rack !== undefined) command.rack = e.rack;
      return command;
    }
    case "createTopic":
      return { type: e.do, topic: topicToSpec(e.topic) };
    case "setTopicConfig":
      return { type: e.do, topic: e.topic, config: topicConfigToEngine(e.config) };
    case "electPreferredLeaders":
      return e.topic === undefined ? { type: e.do } : { type: e.do, topic: e.topic };
    case "addProducer":
      return { type: e.do, producer: producerToSpec(e.producer) };
    case "setProducer": {
      const command: Command = { type: e.do, producer: e.producer };
      if (e.ratePerSec !== undefined) command.ratePerSec = e.ratePerSec;
      if (e.keys !== undefined) command.keys = e.keys === null ? null : [...e.keys];
      if (e.keyDistribution !== undefined) command.keyDistribution = e.keyDistribution;
      if (e.acks !== undefined) command.acks = acksToEngine(e.acks);
      if (e.running !== undefined) command.running = e.running;
      return command;
    }
    case "produce": {
      const command: Command = { type: e.do, producer: e.producer, key: e.key };
      if (e.value !== undefined) command.value = e.value;
      if (e.headers !== undefined) command.headers = { ...e.headers };
      if (e.partition !== undefined) command.partition = e.partition;
      if (e.count !== undefined) command.count = e.count;
      return command;
    }
  }
}

/** The engine's SimulationSpec for a validated scenario. */
export function toSpec(s: Scenario): SimulationSpec {
  return {
    name: s.name,
    seed: s.seed,
    brokers: s.brokers.map((b) =>
      b.rack === undefined ? { id: b.id } : { id: b.id, rack: b.rack },
    ),
    config: clusterConfigToEngine(s.cluster),
    topics: s.topics.map(topicToSpec),
    producers: s.producers.map(producerToSpec),
    consumers: s.consumerGroups.flatMap(groupConsumers),
    timeline: s.timeline.map((e) => ({ at: e.at, command: commandOf(e, s.consumerGroups) })),
  };
}
