// The group coordinator (classic protocol): membership, JoinGroup/SyncGroup rounds and
// generations, session expiry, static membership (KIP-345), and moving with the leadership of
// the group's __consumer_offsets partition. The leader member's assignor runs at the end of the
// join phase; SyncGroup hands the result out one round trip later.

import { emit, schedule, type Ctx } from "./context.ts";
import type { ConsumerState, GroupState } from "./groupTypes.ts";
import { LAG_SAMPLE_MS, sampleLag } from "./lag.ts";
import { becomeEmpty, completeJoin, completeSync, maybeCompleteJoin } from "./rebalance.ts";
import { assignTo, revokeFrom } from "./membership.ts";
import {
  completeCommits,
  coordinatorOf,
  ensureOffsetsTopic,
  loadOffsets,
  offsetsPartitionOf,
} from "./offsets.ts";

/** How often the coordinator checks sessions, rebalance deadlines and its own leadership. */
export const GROUP_TICK_MS = 100;

export function createGroup(ctx: Ctx, groupId: string): GroupState {
  const s = ctx.state;
  ensureOffsetsTopic(ctx);
  const g: GroupState = {
    groupId,
    state: "Empty",
    generation: 0,
    protocol: "eager",
    assignor: null,
    leader: null,
    members: {},
    memberOrder: [],
    coordinator: coordinatorOf(s, groupId),
    previousCoordinator: -1,
    offsetsPartition: offsetsPartitionOf(s, groupId)?.partition ?? 0,
    committed: {},
    pendingCommits: [],
    commitCheckScheduled: false,
    lastLagSampleAt: -1,
    rebalanceReason: "",
    rebalanceDeadline: 0,
    initialDelayUntil: 0,
    syncAt: -1,
    pendingAssignment: null,
    nextMemberNumber: 1,
    lag: [],
    deliveredUpTo: {},
    redeliveryCause: {},
    redelivered: { count: 0, examples: [] },
    aboveHighWatermark: 0,
  };
  s.groups[groupId] = g;
  schedule(ctx, s.time, { kind: "groupTick", groupId });
  return g;
}

function triggerRebalance(ctx: Ctx, g: GroupState, reason: string): void {
  const s = ctx.state;
  if (g.state === "PreparingRebalance") return;
  const wasEmpty = g.state === "Empty";
  if (g.state === "CompletingRebalance") {
    g.pendingAssignment = null;
    g.syncAt = -1;
  }
  g.state = "PreparingRebalance";
  g.rebalanceReason = reason;
  let timeout = 0;
  for (const m of Object.values(g.members)) {
    m.joined = false;
    timeout = Math.max(timeout, m.rebalanceTimeoutMs);
  }
  g.rebalanceDeadline = s.time + timeout;
  // group.initial.rebalance.delay.ms: an empty group waits for more members before the first round.
  g.initialDelayUntil = wasEmpty ? s.time + s.config.groupInitialRebalanceDelayMs : s.time;
  const time = s.time;
  const protocol = g.protocol;
  emit(ctx, () => ({ type: "rebalanceStarted", time, groupId: g.groupId, reason, protocol }));
}

/** JoinGroup from a consumer (called when the coordinator is reachable). */
export function joinGroup(ctx: Ctx, g: GroupState, c: ConsumerState): void {
  const s = ctx.state;
  c.rejoinNeeded = false;
  let m = c.memberId ? g.members[c.memberId] : undefined;
  const instanceId = c.config.groupInstanceId;
  if (!m && instanceId !== null) {
    const old = Object.values(g.members).find((x) => x.instanceId === instanceId);
    if (old) {
      // KIP-345: a known group.instance.id gets a new member.id that replaces (and fences) the old one.
      const fenced = s.consumers[old.consumer];
      if (fenced && fenced.id !== c.id && fenced.memberId === old.memberId) fenced.memberId = "";
      const memberId = `${c.id}-${g.nextMemberNumber++}`;
      delete g.members[old.memberId];
      m = { ...old, memberId, consumer: c.id, lastHeartbeat: s.time };
      g.members[memberId] = m;
      g.memberOrder = g.memberOrder.map((id) => (id === old.memberId ? memberId : id));
      if (g.leader === old.memberId) g.leader = memberId;
      c.memberId = memberId;
      const sameSubscription = old.subscription.join() === c.topics.join();
      if (g.state === "Stable" && sameSubscription) {
        c.generation = g.generation;
        c.memberState = "stable";
        const time = s.time;
        const partitions = m.assignment.slice();
        emit(ctx, () => ({
          type: "staticMemberRejoined",
          time,
          groupId: g.groupId,
          consumer: c.id,
          memberId,
          partitions,
        }));
        assignTo(ctx, c, m.assignment);
        return;
      }
    }
  }
  if (!m) {
    const memberId = `${c.id}-${g.nextMemberNumber++}`;
    m = {
      memberId,
      consumer: c.id,
      instanceId,
      subscription: c.topics.slice(),
      strategies: c.config.partitionAssignmentStrategy.slice(),
      sessionTimeoutMs: c.config.sessionTimeoutMs,
      rebalanceTimeoutMs: c.config.maxPollIntervalMs,
      lastHeartbeat: s.time,
      joined: false,
      owned: [],
      ownedGeneration: -1,
      assignment: [],
    };
    g.members[memberId] = m;
    g.memberOrder.push(memberId);
    c.memberId = memberId;
    const time = s.time;
    emit(ctx, () => ({
      type: "memberJoined",
      time,
      groupId: g.groupId,
      consumer: c.id,
      memberId,
      isStatic: instanceId !== null,
    }));
    if (g.state === "PreparingRebalance" && g.initialDelayUntil > s.time)
      g.initialDelayUntil = Math.min(
        s.time + s.config.groupInitialRebalanceDelayMs,
        g.rebalanceDeadline,
      );
  }
  triggerRebalance(
    ctx,
    g,
    m.joined || c.memberState !== "unjoined" ? `${c.id} rejoined` : `${c.id} joined`,
  );
  m.joined = true;
  m.lastHeartbeat = s.time;
  m.owned = c.assignment.slice();
  m.ownedGeneration = c.generation;
  m.subscription = c.topics.slice();
  c.memberState = "joining";
  maybeCompleteJoin(ctx, g);
}

/** Removes a member: LeaveGroup, an expired session, or a missed max.poll.interval.ms. */
export function removeMember(
  ctx: Ctx,
  g: GroupState,
  memberId: string,
  how: "left" | "session.timeout.ms" | "max.poll.interval.ms",
): void {
  const s = ctx.state;
  const m = g.members[memberId];
  if (!m) return;
  delete g.members[memberId];
  g.memberOrder = g.memberOrder.filter((id) => id !== memberId);
  if (g.leader === memberId) g.leader = null;
  const c = s.consumers[m.consumer];
  const cause =
    how === "left"
      ? `rebalance after ${m.consumer} left`
      : c?.status === "crashed"
        ? `${m.consumer} crashed before committing`
        : `${m.consumer} was evicted (${how})`;
  for (const pk of m.assignment) g.redeliveryCause[pk] = cause;
  if (c && c.memberId === memberId) {
    revokeFrom(ctx, c, c.assignment.slice(), "lost", cause);
    c.memberId = "";
    c.memberState = "unjoined";
    c.generation = -1;
  }
  const time = s.time;
  const consumer = m.consumer;
  emit(ctx, () =>
    how === "left"
      ? { type: "memberLeft", time, groupId: g.groupId, consumer, memberId }
      : { type: "memberEvicted", time, groupId: g.groupId, consumer, memberId, reason: how },
  );
  if (g.memberOrder.length === 0) {
    if (g.state !== "Empty") becomeEmpty(ctx, g);
    return;
  }
  triggerRebalance(
    ctx,
    g,
    how === "left" ? `${consumer} left` : `${consumer} was evicted (${how})`,
  );
  maybeCompleteJoin(ctx, g);
}

/** The coordinator's periodic work for one group. */
export function handleGroupTick(ctx: Ctx, groupId: string): void {
  const s = ctx.state;
  const g = s.groups[groupId];
  if (!g || g.state === "Dead") return;
  const coordinator = coordinatorOf(s, groupId);
  if (coordinator !== g.coordinator) {
    if (g.coordinator >= 0) g.previousCoordinator = g.coordinator;
    const from = g.previousCoordinator;
    g.coordinator = coordinator;
    g.pendingCommits = [];
    if (coordinator >= 0) {
      // The new coordinator loads what its own copy of the partition holds (group metadata is
      // kept: Kafka stores it in the same partition).
      g.committed = loadOffsets(s, groupId, coordinator);
      for (const m of Object.values(g.members)) m.lastHeartbeat = s.time;
      const time = s.time;
      const offsetsLoaded = Object.keys(g.committed).length;
      emit(ctx, () => ({
        type: "coordinatorMoved",
        time,
        groupId,
        from,
        to: coordinator,
        offsetsLoaded,
      }));
    }
  }
  completeCommits(ctx, g);
  if (coordinator >= 0) {
    for (const id of g.memberOrder.slice()) {
      const m = g.members[id];
      if (m && s.time - m.lastHeartbeat > m.sessionTimeoutMs)
        removeMember(ctx, g, id, "session.timeout.ms");
    }
    if (g.state === "PreparingRebalance") {
      if (s.time >= g.rebalanceDeadline) {
        for (const id of g.memberOrder.slice())
          if (!g.members[id]!.joined) removeMember(ctx, g, id, "max.poll.interval.ms");
        if (g.state === "PreparingRebalance") completeJoin(ctx, g);
      } else maybeCompleteJoin(ctx, g);
    }
    if (g.state === "CompletingRebalance" && g.syncAt >= 0 && s.time >= g.syncAt)
      completeSync(ctx, g);
  }
  if (g.lastLagSampleAt < 0 || s.time - g.lastLagSampleAt >= LAG_SAMPLE_MS) sampleLag(s, g);
  schedule(ctx, s.time + GROUP_TICK_MS, { kind: "groupTick", groupId });
}
