// The builder's timeline events as plain data: what each event does, what it acts on (a broker,
// a producer, a topic, a consumer group or a consumer) and the values it needs. The form's
// actions are named for what a person means ("stop producer"); `toDocument` (builderForm.ts)
// turns each into the scenario's timeline command (`setProducer` with `running: false`).

import type { Acks, KeyDistribution } from "./builderForm.ts";

export type Target = "broker" | "producer" | "topic" | "group" | "consumer";

export const TARGET_LABEL: Record<Target, string> = {
  broker: "Broker",
  producer: "Producer",
  topic: "Topic",
  group: "Consumer group",
  consumer: "Consumer",
};

/** The entry's fields that name each target (a group's also bring its topics and config). */
const TARGET_FIELDS: Record<Target, readonly string[]> = {
  broker: ["broker"],
  producer: ["producer"],
  topic: ["topic"],
  group: ["groupId", "topics", "config"],
  consumer: ["consumer"],
};

/**
 * Each action with its label, what it acts on (null: nothing to choose), and the fields of its
 * timeline entry that the row edits besides the target.
 */
const ACTION_INFO = {
  killBroker: { label: "Kill broker", target: "broker", fields: [] },
  restartBroker: { label: "Restart broker", target: "broker", fields: [] },
  shutdownBroker: { label: "Shut down broker", target: "broker", fields: [] },
  isolateBroker: { label: "Isolate broker", target: "broker", fields: [] },
  healBroker: { label: "Heal broker", target: "broker", fields: [] },
  slowBroker: { label: "Slow broker down", target: "broker", fields: ["delayMs"] },
  addBroker: { label: "Add a broker", target: null, fields: [] },
  produce: { label: "Burst of records", target: "producer", fields: ["count", "key", "partition"] },
  stopProducer: { label: "Stop producer", target: "producer", fields: [] },
  startProducer: { label: "Start producer", target: "producer", fields: [] },
  setRate: { label: "Change producer rate", target: "producer", fields: ["ratePerSec"] },
  setAcks: { label: "Change producer acks", target: "producer", fields: ["acks"] },
  setKeys: {
    label: "Change producer keys",
    target: "producer",
    fields: ["keys", "keyDistribution"],
  },
  setMinIsr: { label: "Set min.insync.replicas", target: "topic", fields: ["config"] },
  setUnclean: { label: "Set unclean.leader.election.enable", target: "topic", fields: ["config"] },
  addConsumer: { label: "Add a group member", target: "group", fields: ["consumer"] },
  crashConsumer: { label: "Crash consumer", target: "consumer", fields: [] },
  restartConsumer: { label: "Restart consumer", target: "consumer", fields: [] },
  removeConsumer: { label: "Remove consumer (leaves the group)", target: "consumer", fields: [] },
  pauseConsumer: { label: "Pause consumer", target: "consumer", fields: [] },
  resumeConsumer: { label: "Resume consumer", target: "consumer", fields: [] },
  stallConsumer: {
    label: "Stall consumer (stops polling)",
    target: "consumer",
    fields: [],
  },
  setProcessingTime: { label: "Set processing time", target: "consumer", fields: ["ms"] },
} as const satisfies Record<
  string,
  { label: string; target: Target | null; fields: readonly string[] }
>;

export type Action = keyof typeof ACTION_INFO;
export const ACTIONS = Object.keys(ACTION_INFO) as Action[];
export const actionLabel = (a: Action): string => ACTION_INFO[a].label;
export const targetOf = (a: Action): Target | null => ACTION_INFO[a].target;

/** The heading an action is listed under in the action menu. */
export const actionGroup = (a: Action): string => {
  const t = targetOf(a);
  return t === null ? TARGET_LABEL.broker : TARGET_LABEL[t];
};

/** The timeline entry's fields the row for this action edits: when, what, its target, values. */
export function entryFields(a: Action): string[] {
  const t = targetOf(a);
  return ["at", "do", ...(t === null ? [] : TARGET_FIELDS[t]), ...ACTION_INFO[a].fields];
}

export interface TimelineForm {
  /** Virtual seconds. */
  atSeconds: number;
  action: Action;
  broker: number;
  /** slowBroker's extra delay; NaN (an empty field): the engine's default. */
  delayMs: number;
  producer: string;
  /** produce: how many records. */
  count: number;
  /** produce: the records' key; empty: records without a key. */
  key: string;
  /** produce: the partition; NaN (an empty field): the partitioner decides. */
  partition: number;
  ratePerSec: number;
  acks: Acks;
  /** setKeys: comma-separated; empty: records without a key. */
  keys: string;
  keyDistribution: KeyDistribution;
  topic: string;
  minInsyncReplicas: number;
  uncleanLeaderElection: boolean;
  group: string;
  /** addConsumer: the new member's id; empty: the group's next member name. */
  memberId: string;
  /** The consumer a consumer action acts on. */
  consumer: string;
  /** setProcessingTime: virtual ms of work per record. */
  processingMs: number;
}

/** A new event at 10 s steps, on the form's first producer, topic, group and consumer. */
export const newEvent = (
  n: number,
  firsts: { producer?: string; topic?: string; group?: string; consumer?: string } = {},
): TimelineForm => ({
  atSeconds: 10 * n,
  action: n % 2 === 1 ? "killBroker" : "restartBroker",
  broker: 1,
  delayMs: Number.NaN,
  producer: firsts.producer ?? "",
  count: 100,
  key: "",
  partition: Number.NaN,
  ratePerSec: 50,
  acks: "1",
  keys: "alice, bob, carol",
  keyDistribution: "hot",
  topic: firsts.topic ?? "",
  minInsyncReplicas: 1,
  uncleanLeaderElection: true,
  group: firsts.group ?? "",
  memberId: "",
  consumer: firsts.consumer ?? "",
  processingMs: 50,
});

/** The events' indices in the order the engine runs them: by time, then in list order. */
export function runOrder(timeline: readonly TimelineForm[]): number[] {
  const atOf = (e: TimelineForm): number =>
    Number.isFinite(e.atSeconds) ? Math.round(e.atSeconds * 1000) : Infinity;
  return timeline.map((_, i) => i).sort((a, b) => atOf(timeline[a]!) - atOf(timeline[b]!) || a - b);
}
