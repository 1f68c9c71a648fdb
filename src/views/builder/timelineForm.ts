// The builder's timeline events as plain data: what each event does, what it acts on (a broker,
// a producer, a topic or a consumer group) and the one value it needs. The form's actions are
// named for what a person means ("stop producer"); `toDocument` (builderForm.ts) turns each into
// the scenario's timeline command (`setProducer` with `running: false`).

import type { Acks } from "./builderForm.ts";

export type Target = "broker" | "producer" | "topic" | "group";

export const TARGET_LABEL: Record<Target, string> = {
  broker: "Broker",
  producer: "Producer",
  topic: "Topic",
  group: "Consumer group",
};

/** Each action with its label and what it acts on (null: nothing to choose). */
const ACTION_INFO = {
  killBroker: { label: "Kill broker", target: "broker" },
  restartBroker: { label: "Restart broker", target: "broker" },
  shutdownBroker: { label: "Shut down broker", target: "broker" },
  isolateBroker: { label: "Isolate broker", target: "broker" },
  healBroker: { label: "Heal broker", target: "broker" },
  slowBroker: { label: "Slow broker down", target: "broker" },
  addBroker: { label: "Add a broker", target: null },
  produce: { label: "Burst of records", target: "producer" },
  stopProducer: { label: "Stop producer", target: "producer" },
  startProducer: { label: "Start producer", target: "producer" },
  setRate: { label: "Change producer rate", target: "producer" },
  setAcks: { label: "Change producer acks", target: "producer" },
  setMinIsr: { label: "Set min.insync.replicas", target: "topic" },
  setUnclean: { label: "Set unclean.leader.election.enable", target: "topic" },
  addConsumer: { label: "Add a group member", target: "group" },
} as const satisfies Record<string, { label: string; target: Target | null }>;

export type Action = keyof typeof ACTION_INFO;
export const ACTIONS = Object.keys(ACTION_INFO) as Action[];
export const actionLabel = (a: Action): string => ACTION_INFO[a].label;
export const targetOf = (a: Action): Target | null => ACTION_INFO[a].target;

/** The heading an action is listed under in the action menu. */
export const actionGroup = (a: Action): string => {
  const t = targetOf(a);
  return t === null ? TARGET_LABEL.broker : TARGET_LABEL[t];
};

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
  ratePerSec: number;
  acks: Acks;
  topic: string;
  minInsyncReplicas: number;
  uncleanLeaderElection: boolean;
  group: string;
  /** addConsumer: the new member's id; empty: the group's next member name. */
  consumer: string;
}

/** A new event at 10 s steps, acting on the first producer, topic and group of the form. */
export const newEvent = (
  n: number,
  firsts: { producer?: string; topic?: string; group?: string } = {},
): TimelineForm => ({
  atSeconds: 10 * n,
  action: n % 2 === 1 ? "killBroker" : "restartBroker",
  broker: 1,
  delayMs: Number.NaN,
  producer: firsts.producer ?? "",
  count: 100,
  key: "",
  ratePerSec: 50,
  acks: "1",
  topic: firsts.topic ?? "",
  minInsyncReplicas: 1,
  uncleanLeaderElection: true,
  group: firsts.group ?? "",
  consumer: "",
});
