// Committed offsets: records in the internal topic __consumer_offsets, written by the group
// coordinator (the leader of the group's partition) through the normal replicated path, and
// acknowledged once the HW passes them (acks=all inside the coordinator). A new coordinator loads
// them from its own copy of the log.

import { emit, schedule, send, type Ctx } from "./context.ts";
import { consumerOffsetsPartitionFor } from "./consumerOffsetsPartition.ts";
import { consumerParty, type ConsumerMessageBody } from "./consumerTasks.ts";
import type { GroupState } from "./groupTypes.ts";
import { appendRecord, readRecords } from "./log.ts";
import { brokerParty } from "./messages.ts";
import { maybeAdvanceHighWatermark, wakeParkedFetches } from "./replication.ts";
import { createTopic, usableBrokers } from "./topics.ts";
import type { BrokerId, LogRecord, PartitionState, ReplicaState, SimState } from "./types.ts";

export const OFFSETS_TOPIC = "__consumer_offsets";
/** offsets.commit.timeout.ms */
const OFFSET_COMMIT_TIMEOUT_MS = 5000;
const COMMIT_RECORD_BYTES = 80;
/** How often the coordinator looks at the HW for waiting commits (a DelayedProduce stand-in). */
const COMMIT_CHECK_MS = 5;

export function handleOffsetCommitCheck(ctx: Ctx, groupId: string): void {
  const g = ctx.state.groups[groupId];
  if (!g) return;
  g.commitCheckScheduled = false;
  completeCommits(ctx, g);
}

type OffsetCommit = Extract<ConsumerMessageBody, { kind: "offsetCommit" }>;

/** Creates __consumer_offsets when the first group appears (auto-created, as Kafka does). */
export function ensureOffsetsTopic(ctx: Ctx): void {
  const s = ctx.state;
  if (s.topics[OFFSETS_TOPIC]) return;
  const live = usableBrokers(s).length;
  createTopic(ctx, {
    name: OFFSETS_TOPIC,
    partitions: s.config.offsetsTopicNumPartitions,
    replicationFactor: Math.max(1, Math.min(s.config.offsetsTopicReplicationFactor, live)),
    config: { cleanupPolicy: "compact", segmentBytes: 104857600 },
  });
}

export function offsetsPartitionOf(s: SimState, groupId: string): PartitionState | undefined {
  const t = s.topics[OFFSETS_TOPIC];
  return t?.partitions[consumerOffsetsPartitionFor(groupId, t.partitions.length)];
}

/** The coordinator broker of a group: the leader of its __consumer_offsets partition (-1: none). */
export function coordinatorOf(s: SimState, groupId: string): BrokerId {
  const p = offsetsPartitionOf(s, groupId);
  if (!p || p.leader < 0) return -1;
  const b = s.brokers[String(p.leader)];
  return b && b.status === "online" ? p.leader : -1;
}

/** The coordinator's replica of the group's partition, if it still leads it. */
function leaderReplica(s: SimState, groupId: string, broker: BrokerId): ReplicaState | undefined {
  const r = offsetsPartitionOf(s, groupId)?.replicaStates[String(broker)];
  return r && r.role === "leader" ? r : undefined;
}

/** Appends one offset record per partition; returns the offset the HW must reach, or -1. */
export function appendOffsets(
  ctx: Ctx,
  g: GroupState,
  broker: BrokerId,
  offsets: Record<string, number>,
): number {
  const s = ctx.state;
  const p = offsetsPartitionOf(s, g.groupId);
  const r = leaderReplica(s, g.groupId, broker);
  if (!p || !r) return -1;
  const cfg = s.topics[OFFSETS_TOPIC]!.config;
  for (const pk of Object.keys(offsets).sort()) {
    const rec: LogRecord = {
      offset: r.logEndOffset,
      key: `${g.groupId}/${pk}`,
      value: String(offsets[pk]),
      headers: {},
      timestamp: s.time,
      leaderEpoch: r.knownLeaderEpoch,
      producerId: -1,
      producerEpoch: -1,
      sequence: -1,
      batchId: -1,
      bytes: COMMIT_RECORD_BYTES,
      recordId: -1,
    };
    appendRecord(r, rec, s.time, cfg.segmentBytes, cfg.segmentMs);
  }
  wakeParkedFetches(ctx, broker, p.topic, p.partition);
  maybeAdvanceHighWatermark(ctx, p, r);
  return r.logEndOffset;
}

function respond(ctx: Ctx, broker: BrokerId, req: OffsetCommit, error: string | null): void {
  send(
    ctx,
    {
      from: brokerParty(broker),
      to: consumerParty(req.consumer),
      toIncarnation: 0,
      body: {
        kind: "offsetCommitResponse",
        groupId: req.groupId,
        consumer: req.consumer,
        incarnation: req.incarnation,
        commitId: req.commitId,
        offsets: req.offsets,
        error,
      },
    },
    undefined,
  );
}

/** OffsetCommit at the coordinator: generation check, append, then wait for the HW. */
export function handleOffsetCommit(ctx: Ctx, broker: BrokerId, req: OffsetCommit): void {
  const s = ctx.state;
  const g = s.groups[req.groupId];
  if (!g || coordinatorOf(s, req.groupId) !== broker || g.coordinator !== broker) {
    respond(ctx, broker, req, "NotCoordinator");
    return;
  }
  const member = g.members[req.memberId];
  if (!member || req.generation !== g.generation) {
    // Kafka: ILLEGAL_GENERATION / UNKNOWN_MEMBER_ID, which the client throws as CommitFailedException.
    respond(ctx, broker, req, member ? "IllegalGeneration" : "UnknownMemberId");
    return;
  }
  if (g.state === "CompletingRebalance") {
    respond(ctx, broker, req, "RebalanceInProgress");
    return;
  }
  const required = appendOffsets(ctx, g, broker, req.offsets);
  if (required < 0) {
    respond(ctx, broker, req, "NotCoordinator");
    return;
  }
  g.pendingCommits.push({
    commitId: req.commitId,
    consumer: req.consumer,
    incarnation: req.incarnation,
    broker,
    requiredOffset: required,
    offsets: req.offsets,
    expiresAt: s.time + OFFSET_COMMIT_TIMEOUT_MS,
  });
  completeCommits(ctx, g);
}

/** Pending commits complete once the HW passes them (checked on every group tick, too). */
export function completeCommits(ctx: Ctx, g: GroupState): void {
  const s = ctx.state;
  for (let i = 0; i < g.pendingCommits.length; i++) {
    const pc = g.pendingCommits[i]!;
    const r = leaderReplica(s, g.groupId, pc.broker);
    const done = r !== undefined && r.highWatermark >= pc.requiredOffset;
    const failed = !r || s.time >= pc.expiresAt;
    if (!done && !failed) continue;
    g.pendingCommits.splice(i--, 1);
    const req: OffsetCommit = {
      kind: "offsetCommit",
      groupId: g.groupId,
      consumer: pc.consumer,
      incarnation: pc.incarnation,
      memberId: "",
      generation: -1,
      commitId: pc.commitId,
      offsets: pc.offsets,
    };
    if (!done) {
      respond(ctx, pc.broker, req, r ? "RequestTimedOut" : "NotCoordinator");
      continue;
    }
    for (const pk in pc.offsets) g.committed[pk] = pc.offsets[pk]!;
    const time = s.time;
    const text = Object.entries(pc.offsets)
      .map(([pk, o]) => `${pk}=${o}`)
      .join(", ");
    emit(ctx, () => ({
      type: "offsetCommitted",
      time,
      groupId: g.groupId,
      consumer: pc.consumer,
      offsets: text,
      coordinator: pc.broker,
    }));
    if (pc.consumer !== "") respond(ctx, pc.broker, req, null);
  }
  if (g.pendingCommits.length > 0 && !g.commitCheckScheduled) {
    g.commitCheckScheduled = true;
    schedule(ctx, s.time + COMMIT_CHECK_MS, { kind: "offsetCommitCheck", groupId: g.groupId });
  }
}

/** What a new coordinator finds in its own copy of the group's partition: the latest value per key. */
export function loadOffsets(
  s: SimState,
  groupId: string,
  broker: BrokerId,
): Record<string, number> {
  const r = offsetsPartitionOf(s, groupId)?.replicaStates[String(broker)];
  const out: Record<string, number> = {};
  if (!r) return out;
  const prefix = `${groupId}/`;
  for (const rec of readRecords(r, r.logStartOffset, r.logEndOffset, Number.MAX_SAFE_INTEGER)) {
    if (rec.key === null || !rec.key.startsWith(prefix) || rec.value === null) continue;
    out[rec.key.slice(prefix.length)] = Number(rec.value);
  }
  return out;
}
