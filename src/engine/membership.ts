// The consumer client's side of membership: the rebalance listener (partitions assigned,
// revoked, lost), the starting position of a new partition (committed offset, else
// auto.offset.reset), and sending OffsetCommit to the coordinator.

import { emit, reachable, send, type Ctx } from "./context.ts";
import { consumerParty } from "./consumerTasks.ts";
import type { ConsumerState, GroupState } from "./groupTypes.ts";
import { brokerParty } from "./messages.ts";
import { coordinatorOf, OFFSETS_TOPIC } from "./offsets.ts";
import type { ReplicaState, SimState } from "./types.ts";

export function splitPartition(pk: string): { topic: string; partition: number } {
  const i = pk.lastIndexOf("-");
  return { topic: pk.slice(0, i), partition: Number(pk.slice(i + 1)) };
}

/** The replica a consumer reads a partition from: the current leader's (undefined if offline). */
export function leaderReplicaOf(s: SimState, pk: string): ReplicaState | undefined {
  const { topic, partition } = splitPartition(pk);
  const p = s.topics[topic]?.partitions[partition];
  if (!p || p.leader < 0) return undefined;
  const b = s.brokers[String(p.leader)];
  if (!b || b.status !== "online") return undefined;
  return p.replicaStates[String(p.leader)];
}

export const groupOf = (s: SimState, c: ConsumerState): GroupState => s.groups[c.groupId]!;

/** Is the group's coordinator up and reachable from this consumer? */
export function coordinatorReachable(s: SimState, c: ConsumerState): number {
  const coordinator = coordinatorOf(s, c.groupId);
  if (coordinator < 0 || groupOf(s, c).coordinator !== coordinator) return -1;
  return reachable(s, consumerParty(c.id), brokerParty(coordinator)) ? coordinator : -1;
}

/**
 * A partition's position when the consumer starts on it: the committed offset if it is valid,
 * else auto.offset.reset (consulted only then; Kafka docs section 4.2).
 */
export function initPosition(ctx: Ctx, c: ConsumerState, pk: string, outOfRange = false): void {
  const s = ctx.state;
  const r = leaderReplicaOf(s, pk);
  if (!r) return; // retried on the next poll, once the partition has a leader
  const committed = groupOf(s, c).committed[pk];
  const valid = (o: number): boolean => o >= r.logStartOffset && o <= r.highWatermark;
  if (!outOfRange && committed !== undefined && valid(committed)) {
    c.positions[pk] = committed;
    return;
  }
  const reason = outOfRange
    ? `its position is outside the log (log start offset ${r.logStartOffset}, high watermark ${r.highWatermark})`
    : committed === undefined
      ? "the group has no committed offset for it"
      : `the committed offset ${committed} is outside the log (log start offset ${r.logStartOffset})`;
  const policy = c.config.autoOffsetReset;
  const time = s.time;
  if (policy === "none") {
    const error =
      committed === undefined ? "NoOffsetForPartitionException" : "OffsetOutOfRangeException";
    c.errors[pk] = error;
    delete c.positions[pk];
    emit(ctx, () => ({
      type: "consumerError",
      time,
      consumer: c.id,
      groupId: c.groupId,
      error,
      message: `${c.id} cannot start on ${pk}: ${reason}, and auto.offset.reset=none.`,
    }));
    return;
  }
  const offset = policy === "earliest" ? r.logStartOffset : r.highWatermark;
  c.positions[pk] = offset;
  emit(ctx, () => ({
    type: "offsetReset",
    time,
    groupId: c.groupId,
    consumer: c.id,
    partition: pk,
    offset,
    reason: `${reason}; auto.offset.reset=${policy}`,
  }));
}

export function assignTo(ctx: Ctx, c: ConsumerState, partitions: string[]): void {
  if (partitions.length === 0) return;
  for (const pk of partitions) {
    if (!c.assignment.includes(pk)) c.assignment.push(pk);
    initPosition(ctx, c, pk);
  }
  c.assignment.sort();
  const time = ctx.state.time;
  const generation = c.generation;
  const list = partitions.slice().sort();
  emit(ctx, () => ({
    type: "partitionsAssigned",
    time,
    groupId: c.groupId,
    consumer: c.id,
    generation,
    partitions: list,
  }));
}

/**
 * onPartitionsRevoked (with an auto-commit first, as the classic consumer does) or
 * onPartitionsLost (no commit: the member is no longer in the group).
 */
export function revokeFrom(
  ctx: Ctx,
  c: ConsumerState,
  partitions: string[],
  how: "eager" | "cooperative" | "lost",
  cause: string,
  commit = how !== "lost",
): void {
  if (partitions.length === 0) return;
  const g = groupOf(ctx.state, c);
  if (commit && c.config.enableAutoCommit) commitPositions(ctx, c, partitions);
  for (const pk of partitions) {
    c.assignment = c.assignment.filter((x) => x !== pk);
    delete c.positions[pk];
    delete c.errors[pk];
    g.redeliveryCause[pk] = cause;
  }
  const time = ctx.state.time;
  const list = partitions.slice().sort();
  emit(ctx, () => ({
    type: "partitionsRevoked",
    time,
    groupId: c.groupId,
    consumer: c.id,
    partitions: list,
    protocol: how,
  }));
}

/** Sends OffsetCommit for these partitions' positions; returns its id, or -1 if not sent. */
export function commitPositions(ctx: Ctx, c: ConsumerState, partitions: string[]): number {
  const s = ctx.state;
  const offsets: Record<string, number> = {};
  for (const pk of partitions) {
    const pos = c.positions[pk];
    if (pos !== undefined) offsets[pk] = pos;
  }
  if (Object.keys(offsets).length === 0) return -1;
  const g = groupOf(s, c);
  const coordinator = coordinatorReachable(s, c);
  const commitId = ++c.commitId;
  const time = s.time;
  if (coordinator < 0 || c.memberId === "") {
    // Not in an active group (evicted by max.poll.interval.ms, say): Kafka's CommitFailedException.
    const error = c.memberId === "" ? "CommitFailedException" : "CoordinatorNotAvailable";
    emit(ctx, () => ({
      type: "offsetCommitFailed",
      time,
      groupId: c.groupId,
      consumer: c.id,
      error,
    }));
    return -1;
  }
  const label = Object.entries(offsets)
    .map(([pk, o]) => `${pk}=${o}`)
    .join(" ");
  const sent = send(
    ctx,
    {
      from: consumerParty(c.id),
      to: brokerParty(coordinator),
      toIncarnation: s.brokers[String(coordinator)]!.incarnation,
      body: {
        kind: "offsetCommit",
        groupId: c.groupId,
        consumer: c.id,
        incarnation: c.incarnation,
        memberId: c.memberId,
        generation: c.generation,
        commitId,
        offsets,
      },
    },
    {
      kind: "commit",
      topic: OFFSETS_TOPIC,
      partition: g.offsetsPartition,
      keys: [],
      firstOffset: -1,
      label: `commit ${label}`,
    },
  );
  return sent ? commitId : -1;
}
