// The builder's form as plain data, and the scenario document it stands for. The form holds
// what a person types (strings where a field may be left empty); `toDocument` writes the
// scenario document, which the scenario validator then checks like any file.

export type Acks = "all" | "1" | "0";
export type Idempotence = "default" | "true" | "false";
export type Assignor = "range" | "roundrobin" | "sticky" | "cooperative-sticky";
export const ASSIGNORS: readonly Assignor[] = [
  "range",
  "roundrobin",
  "sticky",
  "cooperative-sticky",
];
export const ACTIONS = [
  "killBroker",
  "restartBroker",
  "shutdownBroker",
  "isolateBroker",
  "healBroker",
] as const;
export type Action = (typeof ACTIONS)[number];
export const ACTION_LABEL: Record<Action, string> = {
  killBroker: "Kill broker",
  restartBroker: "Restart broker",
  shutdownBroker: "Shut down broker",
  isolateBroker: "Isolate broker",
  healBroker: "Heal broker",
};

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
  acks: Acks;
  idempotence: Idempotence;
}

export interface GroupForm {
  groupId: string;
  topic: string;
  members: number;
  assignor: Assignor;
}

export interface TimelineForm {
  /** Virtual seconds. */
  atSeconds: number;
  action: Action;
  broker: number;
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
  acks: "all",
  idempotence: "default",
});

export const newGroup = (n: number, topic: string): GroupForm => ({
  groupId: n === 1 ? "billing" : `group-${n}`,
  topic,
  members: 2,
  assignor: "range",
});

export const newEvent = (n: number): TimelineForm => ({
  atSeconds: 10 * n,
  action: n % 2 === 1 ? "killBroker" : "restartBroker",
  broker: 1,
});

export const initialForm = (): BuilderForm => ({
  name: "My cluster",
  brokers: 3,
  racks: 0,
  topics: [newTopic(1)],
  producers: [newProducer(1, "orders")],
  groups: [],
  timeline: [newEvent(1)],
});

const keysOf = (text: string): string[] | null => {
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
      config: p.idempotence === "default" ? {} : { "enable.idempotence": p.idempotence === "true" },
    })),
    consumerGroups: f.groups.map((g) => ({
      groupId: g.groupId,
      topics: [g.topic],
      members: g.members,
      config: { "partition.assignment.strategy": [g.assignor] },
    })),
    timeline: f.timeline.map((e) => ({
      at: Math.round(e.atSeconds * 1000),
      do: e.action,
      broker: e.broker,
    })),
  };
}
