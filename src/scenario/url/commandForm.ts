// The user's commands, as a link writes them: in the scenario's timeline form
// (`{"at": 12000, "do": "killBroker", "broker": 2}`, configs by Kafka's name), so that a link is
// documented by docs/scenario-format.md and checked by the same validator as any timeline. This
// file turns an engine command back into that form; `commandOf` (toSpec.ts) turns it forward
// again, and a command whose round trip is not exact is refused rather than shared wrongly.

import type { Acks, Command, ConsumerSpec, TopicSpec, ProducerSpec } from "../../engine/index.ts";
import {
  CONSUMER_CONFIGS,
  PRODUCER_CONFIGS,
  TOPIC_CONFIGS,
  type ConfigEntry,
  type ConfigValue,
} from "../kafkaConfig.ts";
import type {
  ScenarioAcks,
  ScenarioCommand,
  ScenarioConsumerGroup,
  ScenarioProducer,
  ScenarioTopic,
  TimelineEntry,
} from "../schema.ts";
import { commandOf } from "../toSpec.ts";
import { canonicalJson } from "./canonicalJson.ts";

type Table = Readonly<Record<string, ConfigEntry<unknown>>>;

/** An engine config value back to what a scenario writes (the inverse of the table's toEngine). */
function kafkaValue(entry: ConfigEntry<unknown>, value: unknown): unknown {
  const rule = entry.rule;
  if (rule.kind === "integer") {
    // int() scales (seconds to ms, say) by multiplying: toEngine(1) is the scale.
    const scale = Number(entry.toEngine(1));
    return typeof value === "number" && scale !== 0 ? value / scale : value;
  }
  if (rule.kind === "choice")
    return rule.choices.find((c) => entry.toEngine(c as ConfigValue) === value) ?? value;
  return value;
}

function configFromEngine(table: Table, config: object | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(config ?? {})) {
    const entry = Object.prototype.hasOwnProperty.call(table, field) ? table[field] : undefined;
    // An unknown field stays under its engine name: the exactness check then refuses it.
    if (entry) out[entry.name] = kafkaValue(entry, value);
    else out[field] = value;
  }
  return out;
}

const acksOf = (acks: Acks): ScenarioAcks => (acks === "all" ? "all" : acks === 1 ? "1" : "0");

function topicOf(t: TopicSpec): ScenarioTopic {
  const topic: ScenarioTopic = {
    name: t.name,
    partitions: t.partitions,
    replicationFactor: t.replicationFactor,
    config: configFromEngine(TOPIC_CONFIGS, t.config),
  };
  if (t.replicaAssignment) topic.replicaAssignment = t.replicaAssignment.map((r) => [...r]);
  return topic;
}

function producerOf(p: ProducerSpec): ScenarioProducer {
  const { acks, ...rest } = p.config ?? {};
  const producer: ScenarioProducer = {
    id: p.id,
    topic: p.topic,
    acks: acksOf(acks ?? "all"),
    ratePerSec: p.ratePerSec,
    keys: p.keys === null ? null : [...p.keys],
    keyDistribution: p.keyDistribution ?? "uniform",
    config: configFromEngine(PRODUCER_CONFIGS, rest),
  };
  if (p.valuePrefix !== undefined) producer.valuePrefix = p.valuePrefix;
  return producer;
}

/** The scenario form of an engine command (fields beside `do`, Kafka's config names). */
export function scenarioCommandOf(c: Command): ScenarioCommand {
  switch (c.type) {
    case "killBroker":
    case "restartBroker":
    case "shutdownBroker":
    case "isolateBroker":
    case "healBroker":
      return { do: c.type, broker: c.broker };
    case "slowBroker":
      return c.delayMs === undefined
        ? { do: c.type, broker: c.broker }
        : { do: c.type, broker: c.broker, delayMs: c.delayMs };
    case "addBroker": {
      const out: ScenarioCommand = { do: c.type };
      if (c.broker !== undefined) out.broker = c.broker;
      if (c.rack !== undefined) out.rack = c.rack;
      return out;
    }
    case "createTopic":
      return { do: c.type, topic: topicOf(c.topic) };
    case "setTopicConfig":
      return {
        do: c.type,
        topic: c.topic,
        config: configFromEngine(TOPIC_CONFIGS, c.config),
      };
    case "electPreferredLeaders":
      return c.topic === undefined ? { do: c.type } : { do: c.type, topic: c.topic };
    case "addProducer":
      return { do: c.type, producer: producerOf(c.producer) };
    case "setProducer": {
      const out: ScenarioCommand = { do: c.type, producer: c.producer };
      if (c.ratePerSec !== undefined) out.ratePerSec = c.ratePerSec;
      if (c.keys !== undefined) out.keys = c.keys === null ? null : [...c.keys];
      if (c.keyDistribution !== undefined) out.keyDistribution = c.keyDistribution;
      if (c.acks !== undefined) out.acks = acksOf(c.acks);
      if (c.running !== undefined) out.running = c.running;
      return out;
    }
    case "produce": {
      const out: ScenarioCommand = { do: c.type, producer: c.producer, key: c.key };
      if (c.value !== undefined) out.value = c.value;
      if (c.headers !== undefined) out.headers = { ...c.headers };
      if (c.partition !== undefined) out.partition = c.partition;
      if (c.count !== undefined) out.count = c.count;
      return out;
    }
    case "addConsumer":
      return { do: c.type, consumer: c.consumer.id, groupId: c.consumer.groupId };
    case "removeConsumer":
    case "crashConsumer":
    case "restartConsumer":
    case "pauseConsumer":
    case "resumeConsumer":
    case "stallConsumer":
      return { do: c.type, consumer: c.consumer };
    case "setProcessingTime":
      return { do: c.type, consumer: c.consumer, ms: c.ms };
    case "setAssignmentStrategy":
      return { do: c.type, consumer: c.consumer, strategy: [...c.strategy] };
    case "resetOffsets": {
      const out: ScenarioCommand = { do: c.type, groupId: c.groupId, to: c.to };
      if (c.topic !== undefined) out.topic = c.topic;
      if (c.to === "offset") out.offset = c.offset;
      if (c.to === "timestamp") out.timestamp = c.timestamp;
      return out;
    }
  }
}

/** An addConsumer that carries its own topics and config (its group need not be defined). */
function inlineConsumerOf(c: ConsumerSpec): ScenarioCommand {
  const { partitionAssignmentStrategy, ...rest } = c.config ?? {};
  const config = configFromEngine(CONSUMER_CONFIGS, rest);
  if (partitionAssignmentStrategy)
    config["partition.assignment.strategy"] = [...partitionAssignmentStrategy];
  return { do: "addConsumer", consumer: c.id, groupId: c.groupId, topics: [...c.topics], config };
}

export type TimelineFormResult =
  { ok: true; entry: TimelineEntry } | { ok: false; message: string };

/**
 * A command the user issued at `at`, in timeline form, if turning it forward again gives the very
 * same engine command (else the link would replay something else).
 */
export function timelineEntryOf(
  at: number,
  command: Command,
  groups: readonly ScenarioConsumerGroup[],
): TimelineFormResult {
  const exact = canonicalJson(command);
  const entry: TimelineEntry = { at, ...scenarioCommandOf(command) };
  if (canonicalJson(commandOf(entry, groups)) === exact) return { ok: true, entry };
  // A consumer of a group the scenario does not define (one added from the app) says it all.
  if (command.type === "addConsumer") {
    const inline: TimelineEntry = { at, ...inlineConsumerOf(command.consumer) };
    if (canonicalJson(commandOf(inline, groups)) === exact) return { ok: true, entry: inline };
  }
  return {
    ok: false,
    message: `the ${command.type} command at ${at} ms cannot be written in a link exactly`,
  };
}
