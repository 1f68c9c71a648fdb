// Evaluating a lesson's conditions on the engine's state. Each kind reads one number (or a
// fact) from the state and compares it with the condition's range; `measure` also says what
// it read, so the step panel can show the student how far along they are.

import { groupOffsets, type SimState } from "../engine/index.ts";
import type { Condition, Range } from "../scenario/index.ts";

/** What a step remembers of the moment it began. */
export interface StepBaseline {
  time: number;
  /** `topic-partition` to the leader then. */
  leaders: Record<string, number>;
  /** The active controller then (-1: none). */
  controller: number;
  /** A services lesson: how many actions the student had taken. */
  log?: number;
}

export function baselineOf(state: SimState): StepBaseline {
  const leaders: Record<string, number> = {};
  for (const t of Object.values(state.topics)) {
    if (t.internal) continue;
    for (const p of t.partitions) leaders[`${t.name}-${p.partition}`] = p.leader;
  }
  return { time: state.time, leaders, controller: state.controller.active };
}

const inRange = (n: number, r: Range): boolean =>
  (r.atLeast === undefined || n >= r.atLeast) && (r.atMost === undefined || n <= r.atMost);

function partition(state: SimState, topic: string, p: number) {
  return state.topics[topic]?.partitions[p];
}

/** The number a condition looks at, or a boolean for the yes/no kinds. */
export function measure(c: Condition, state: SimState, base: StepBaseline): number | boolean {
  if ("time" in c) return state.time;
  if ("elapsed" in c) return state.time - base.time;
  if ("leaderChanged" in c) {
    const { topic, partition: n } = c.leaderChanged;
    const p = partition(state, topic, n);
    const before = base.leaders[`${topic}-${n}`];
    return p !== undefined && p.leader >= 0 && p.leader !== before;
  }
  if ("partitionOffline" in c) {
    const p = partition(state, c.partitionOffline.topic, c.partitionOffline.partition);
    return p !== undefined && p.leader < 0;
  }
  if ("partitionOnline" in c) {
    const p = partition(state, c.partitionOnline.topic, c.partitionOnline.partition);
    return p !== undefined && p.leader >= 0;
  }
  if ("brokersDown" in c)
    return Object.values(state.brokers).filter((b) => b.status !== "online").length;
  if ("isrSize" in c)
    return partition(state, c.isrSize.topic, c.isrSize.partition)?.isr.length ?? 0;
  if ("acknowledged" in c) {
    const id = c.acknowledged.producer;
    if (id === undefined) return state.audit.acknowledged;
    return state.producers[id]?.acknowledged ?? 0;
  }
  if ("producerFailed" in c) {
    const p = state.producers[c.producerFailed.producer];
    if (!p) return 0;
    const error = c.producerFailed.error;
    return error === undefined ? p.failed : (p.errors[error] ?? 0);
  }
  if ("auditLost" in c) return state.audit.lost.length;
  if ("auditDuplicates" in c) return state.audit.duplicates.reduce((n, d) => n + d.count, 0);
  if ("auditOrderViolations" in c) return state.audit.orderViolations.length;
  if ("logEndOffset" in c) {
    const t = state.topics[c.logEndOffset.topic];
    if (!t) return 0;
    const parts =
      c.logEndOffset.partition === undefined
        ? t.partitions
        : t.partitions.filter((p) => p.partition === c.logEndOffset.partition);
    return parts.reduce((n, p) => n + bestReplica(p.replicaStates, p.leader).logEndOffset, 0);
  }
  if ("logStartOffset" in c) {
    const p = partition(state, c.logStartOffset.topic, c.logStartOffset.partition);
    return p ? bestReplica(p.replicaStates, p.leader).logStartOffset : 0;
  }
  if ("groupMembers" in c)
    return Object.keys(state.groups[c.groupMembers.groupId]?.members ?? {}).length;
  if ("groupState" in c) return state.groups[c.groupState.groupId]?.state === c.groupState.state;
  if ("groupLag" in c) return lagOf(state, c.groupLag.groupId);
  if ("consumed" in c) {
    let n = 0;
    for (const con of Object.values(state.consumers))
      if (con.groupId === c.consumed.groupId) n += con.consumed;
    return n;
  }
  if ("controllerChanged" in c)
    return state.controller.active >= 0 && state.controller.active !== base.controller;
  if ("noController" in c) return state.controller.active < 0;
  if ("redelivered" in c) return state.groups[c.redelivered.groupId]?.redelivered.count ?? 0;
  // A condition on the services simulation never reaches the Kafka one (the validator sees to it).
  return false;
}

/** The leader's replica, or while offline the one with the longest log. */
function bestReplica(
  replicas: SimState["topics"][string]["partitions"][number]["replicaStates"],
  leader: number,
) {
  const own = replicas[String(leader)];
  if (own) return own;
  return Object.values(replicas).reduce((a, b) => (b.logEndOffset > a.logEndOffset ? b : a));
}

/**
 * The group's lag: per partition, the log end (high watermark) minus the committed offset; a
 * partition the group has never committed counts from its log start, so a backlog nobody has
 * read yet shows as lag (Kafka's tools would print "-").
 */
export function lagOf(state: SimState, groupId: string): number {
  let lag = 0;
  for (const o of groupOffsets(state, groupId)) {
    const start = partition(state, o.topic, o.partition);
    const from =
      o.committed ?? (start ? bestReplica(start.replicaStates, start.leader).logStartOffset : 0);
    lag += Math.max(0, o.logEndOffset - from);
  }
  return lag;
}

export function holds(c: Condition, state: SimState, base: StepBaseline): boolean {
  const m = measure(c, state, base);
  if (typeof m === "boolean") return m;
  return inRange(m, rangeOf(c));
}

/** The range part of a numeric condition ({} for the yes/no kinds). */
export function rangeOf(c: Condition): Range {
  const body = Object.values(c)[0] as Range;
  const r: Range = {};
  if (body.atLeast !== undefined) r.atLeast = body.atLeast;
  if (body.atMost !== undefined) r.atMost = body.atMost;
  return r;
}
