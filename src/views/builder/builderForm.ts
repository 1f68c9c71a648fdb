// The builder's form as plain data, and the scenario document it stands for. The form holds
// what a person types (strings where a field may be left empty); `toDocument` writes the
// scenario document, which the scenario validator then checks like any file.

import { addedMemberIds } from "./members.ts";
import { newEvent, runOrder, type TimelineForm } from "./timelineForm.ts";

export type Acks = "all" | "1" | "0";
/** "hot": the first key takes most of the records (a skewed workload). */
export type KeyDistribution = "uniform" | "hot";
export const KEY_DISTRIBUTIONS: readonly { value: KeyDistribution; label: string }[] = [
  { value: "uniform", label: "uniform" },
  { value: "hot", label: "hot (first key: 80%)" },
];
export type Idempotence = "default" | "true" | "false";
export type Assignor = "range" | "roundrobin" | "sticky" | "cooperative-sticky";
export const ASSIGNORS: readonly Assignor[] = [
  "range",
  "roundrobin",
  "sticky",
  "cooperative-sticky",
];
export interface TopicForm {
  name: string;
  partitions: number;
  replicationFactor: number;
  minInsyncReplicas: number;
  uncleanLeaderElection: boolean;
  /** Empty: Kafka's default (7 days). */
  retentionMs: string;
}

export interface ProducerForm {
  id: string;
  topic: string;
  ratePerSec: number;
  /** Comma-separated; empty sends records without a key. */
  keys: string;
  keyDistribution: KeyDistribution;
  acks: Acks;
  idempotence: Idempotence;
}

export interface GroupForm {
  groupId: string;
  topic: string;
  members: number;
  assignor: Assignor;
}

export interface BuilderForm {
  name: string;
  brokers: number;
  /** 0: no racks; else brokers are spread over this many racks. */
  racks: number;
  topics: TopicForm[];
  producers: ProducerForm[];
  groups: GroupForm[];
  timeline: TimelineForm[];
}

export const newTopic = (n: number): TopicForm => ({
  name: n === 1 ? "orders" : `topic-${n}`,
  partitions: 3,
  replicationFactor: 3,
  minInsyncReplicas: 2,
  uncleanLeaderElection: false,
  retentionMs: "",
});

export const newProducer = (n: number, topic: string): ProducerForm => ({
  id: n === 1 ? "checkout" : `producer-${n}`,
  topic,
  ratePerSec: 10,
  keys: "alice, bob, carol",
  keyDistribution: "uniform",
  acks: "all",
  idempotence: "default",
});

export const newGroup = (n: number, topic: string): GroupForm => ({
  groupId: n === 1 ? "billing" : `group-${n}`,
  topic,
  members: 2,
  assignor: "range",
});

export const initialForm = (): BuilderForm => ({
  name: "My cluster",
  brokers: 3,
  racks: 0,
  topics: [newTopic(1)],
  producers: [newProducer(1, "orders")],
  groups: [],
  timeline: [newEvent(1, { producer: "checkout", topic: "orders" })],
});

export const keysOf = (text: string): string[] | null => {
  const keys = text
    .split(",")
    .map((k) => k.trim())
    .filter((k) => k !== "");
  return keys.length > 0 ? keys : null;
};

/** The scenario document the form stands for (unchecked: the validator decides). */
export function toDocument(f: BuilderForm): unknown {
  const brokers =
    f.racks > 0
      ? Array.from({ length: f.brokers }, (_, i) => ({
          id: i + 1,
          rack: `rack-${(i % f.racks) + 1}`,
        }))
      : f.brokers;
  const added = addedBrokerIds(f);
  const members = addedMemberIds(f);
  return {
    version: 1,
    name: f.name,
    description: "Made with the scenario builder.",
    // Lessons' timeouts, so that a failure shows within seconds of virtual time.
    cluster: { "broker.session.timeout.ms": 6000, "replica.lag.time.max.ms": 10000 },
    brokers,
    topics: f.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions,
      replicationFactor: t.replicationFactor,
      config: {
        "min.insync.replicas": t.minInsyncReplicas,
        "unclean.leader.election.enable": t.uncleanLeaderElection,
        ...(t.retentionMs.trim() === "" ? {} : { "retention.ms": Number(t.retentionMs) }),
      },
    })),
    producers: f.producers.map((p) => ({
      id: p.id,
      topic: p.topic,
      acks: p.acks,
      ratePerSec: p.ratePerSec,
      keys: keysOf(p.keys),
      keyDistribution: p.keyDistribution,
      config: p.idempotence === "default" ? {} : { "enable.idempotence": p.idempotence === "true" },
    })),
    consumerGroups: f.groups.map((g) => ({
      groupId: g.groupId,
      topics: [g.topic],
      members: g.members,
      config: { "partition.assignment.strategy": [g.assignor] },
    })),
    timeline: f.timeline.map((e, i) => ({
      at: Math.round(e.atSeconds * 1000),
      ...entryOf(f, e, added[i], members[i]),
    })),
  };
}

/** One event's command and its fields, in the scenario's timeline form. */
function entryOf(
  f: BuilderForm,
  e: TimelineForm,
  addedId: number | undefined,
  memberId: string | undefined,
): Record<string, unknown> {
  const partition = Number.isNaN(e.partition) ? {} : { partition: e.partition };
  switch (e.action) {
    case "killBroker":
    case "restartBroker":
    case "shutdownBroker":
    case "isolateBroker":
    case "healBroker":
      return { do: e.action, broker: e.broker };
    case "slowBroker":
      return Number.isNaN(e.delayMs)
        ? { do: "slowBroker", broker: e.broker }
        : { do: "slowBroker", broker: e.broker, delayMs: e.delayMs };
    case "addBroker":
      // Without an id the engine takes the next one; with racks, spread like the first brokers.
      if (addedId === undefined) return { do: "addBroker" };
      return f.racks > 0
        ? { do: "addBroker", broker: addedId, rack: `rack-${((addedId - 1) % f.racks) + 1}` }
        : { do: "addBroker", broker: addedId };
    case "produce":
      return {
        do: "produce",
        producer: e.producer,
        key: e.key.trim() === "" ? null : e.key.trim(),
        ...partition,
        count: e.count,
      };
    case "stopProducer":
    case "startProducer":
      return { do: "setProducer", producer: e.producer, running: e.action === "startProducer" };
    case "setRate":
      return { do: "setProducer", producer: e.producer, ratePerSec: e.ratePerSec };
    case "setAcks":
      return { do: "setProducer", producer: e.producer, acks: e.acks };
    case "setKeys":
      return {
        do: "setProducer",
        producer: e.producer,
        keys: keysOf(e.keys),
        keyDistribution: e.keyDistribution,
      };
    case "setMinIsr":
      return {
        do: "setTopicConfig",
        topic: e.topic,
        config: { "min.insync.replicas": e.minInsyncReplicas },
      };
    case "setUnclean":
      return {
        do: "setTopicConfig",
        topic: e.topic,
        config: { "unclean.leader.election.enable": e.uncleanLeaderElection },
      };
    case "addConsumer": {
      // Written with its group's topics and assignor (the inline form a share link uses), so the
      // entry says what the member subscribes to on its own.
      const g = f.groups.find((x) => x.groupId === e.group);
      return {
        do: "addConsumer",
        consumer: memberId ?? "",
        groupId: e.group,
        topics: g ? [g.topic] : [],
        config: g ? { "partition.assignment.strategy": [g.assignor] } : {},
      };
    }
    case "crashConsumer":
    case "restartConsumer":
    case "removeConsumer":
    case "pauseConsumer":
    case "resumeConsumer":
    case "stallConsumer":
      return { do: e.action, consumer: e.consumer };
    case "setProcessingTime":
      return { do: "setProcessingTime", consumer: e.consumer, ms: e.processingMs };
  }
}

/**
 * The id of the broker each addBroker event adds (by event index): the next id after the
 * first brokers and the ones added before it. Undefined while the broker count is not a number.
 */
export function addedBrokerIds(f: BuilderForm): (number | undefined)[] {
  const ids: (number | undefined)[] = f.timeline.map(() => undefined);
  if (!Number.isInteger(f.brokers) || f.brokers < 0) return ids;
  let next = f.brokers + 1;
  for (const i of runOrder(f.timeline)) if (f.timeline[i]!.action === "addBroker") ids[i] = next++;
  return ids;
}

type Renamable = "producer" | "topic" | "group";

/**
 * The form with a producer, topic or group renamed from `from` to `to`, and what referred to
 * it by name (a producer's topic, an event's target) following, while the old name was unique.
 */
export function renamed(f: BuilderForm, kind: Renamable, i: number, to: string): BuilderForm {
  const names =
    kind === "producer"
      ? f.producers.map((p) => p.id)
      : kind === "topic"
        ? f.topics.map((t) => t.name)
        : f.groups.map((g) => g.groupId);
  const from = names[i];
  // An emptied name follows too: a field cleared to be retyped keeps what refers to it.
  const follows = from !== undefined && names.filter((n) => n === from).length === 1;
  const ref = (name: string): string => (follows && name === from ? to : name);
  return {
    ...f,
    topics: f.topics.map((t, j) => (kind === "topic" && j === i ? { ...t, name: to } : t)),
    producers: f.producers.map((p, j) =>
      kind === "producer" && j === i
        ? { ...p, id: to }
        : kind === "topic"
          ? { ...p, topic: ref(p.topic) }
          : p,
    ),
    groups: f.groups.map((g, j) =>
      kind === "group" && j === i
        ? { ...g, groupId: to }
        : kind === "topic"
          ? { ...g, topic: ref(g.topic) }
          : g,
    ),
    timeline: f.timeline.map((e) => ({ ...e, [kind]: ref(e[kind]) })),
  };
}
