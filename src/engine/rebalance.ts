// The two halves of a classic rebalance round at the coordinator: the end of the join phase
// (generation bump, leader, the leader's assignor over the members' subscriptions and owned
// partitions) and SyncGroup, which hands each member its part; a cooperative member revokes only
// what moved and rejoins for the second round (KIP-429).

import { assignCooperative, assignPartitions, rebalanceProtocolFor } from "./assignors/index.ts";
import type { AssignorName } from "./assignors/index.ts";
import { emit, type Ctx } from "./context.ts";
import type { GroupMember, GroupState } from "./groupTypes.ts";
import { assignTo, revokeFrom } from "./membership.ts";

export function becomeEmpty(ctx: Ctx, g: GroupState): void {
  g.state = "Empty";
  g.generation++;
  g.pendingAssignment = null;
  g.syncAt = -1;
  const time = ctx.state.time;
  const generation = g.generation;
  emit(ctx, () => ({ type: "groupEmpty", time, groupId: g.groupId, generation }));
}

export function maybeCompleteJoin(ctx: Ctx, g: GroupState): void {
  if (g.state !== "PreparingRebalance" || ctx.state.time < g.initialDelayUntil) return;
  if (g.memberOrder.every((id) => g.members[id]!.joined)) completeJoin(ctx, g);
}

/** The pick of 2.6, simplified to the leader's first strategy that every member lists. */
function chooseAssignor(members: GroupMember[], leader: GroupMember): AssignorName {
  const common = leader.strategies.find((n) => members.every((m) => m.strategies.includes(n)));
  return common ?? leader.strategies[0] ?? "range";
}

export function completeJoin(ctx: Ctx, g: GroupState): void {
  const s = ctx.state;
  const members = g.memberOrder.map((id) => g.members[id]!);
  if (members.length === 0) {
    becomeEmpty(ctx, g);
    return;
  }
  g.generation++;
  g.state = "CompletingRebalance";
  if (!g.leader || !g.members[g.leader]) g.leader = members[0]!.memberId;
  const leader = g.members[g.leader]!;
  const assignor = chooseAssignor(members, leader);
  g.assignor = assignor;
  g.protocol = rebalanceProtocolFor(leader.strategies);
  const topics: Record<string, number> = {};
  for (const m of members)
    for (const t of m.subscription) {
      const topic = s.topics[t];
      if (topic) topics[t] = topic.partitions.length;
    }
  const input = {
    topics,
    members: members.map((m) => ({
      id: m.memberId,
      subscription: m.subscription.filter((t) => topics[t] !== undefined),
      ownedPartitions: m.owned,
      generation: m.ownedGeneration,
      ...(m.instanceId !== null ? { groupInstanceId: m.instanceId } : {}),
    })),
  };
  g.pendingAssignment =
    assignor === "cooperative-sticky"
      ? { ...assignCooperative(input).assignment }
      : assignPartitions(assignor, input);
  // SyncGroup: the leader sends the assignment back, one round trip after the JoinGroup answers.
  g.syncAt = s.time + 4 * s.config.networkLatencyMs + 1;
  for (const m of members) {
    const c = s.consumers[m.consumer];
    if (c && c.memberId === m.memberId) c.memberState = "awaitingSync";
  }
}

export function completeSync(ctx: Ctx, g: GroupState): void {
  const s = ctx.state;
  const assignment = g.pendingAssignment ?? {};
  g.pendingAssignment = null;
  g.syncAt = -1;
  g.state = "Stable";
  const idle: string[] = [];
  for (const id of g.memberOrder) {
    const m = g.members[id]!;
    m.assignment = (assignment[id] ?? []).slice().sort();
    if (m.assignment.length === 0) idle.push(m.consumer);
    const c = s.consumers[m.consumer];
    if (!c || c.memberId !== id || c.status === "crashed" || c.status === "closed") continue;
    c.generation = g.generation;
    c.memberState = "stable";
    c.nextAutoCommitAt = s.time + c.config.autoCommitIntervalMs;
    const revoked = c.assignment.filter((pk) => !m.assignment.includes(pk));
    const added = m.assignment.filter((pk) => !c.assignment.includes(pk));
    if (revoked.length > 0) {
      // KIP-429: revoke only what moves, then rejoin so a second round hands it to its new owner.
      revokeFrom(ctx, c, revoked, "cooperative", "cooperative rebalance moved it");
      c.rejoinNeeded = true;
    }
    assignTo(ctx, c, added);
  }
  const time = s.time;
  const generation = g.generation;
  const leader = g.members[g.leader ?? ""]?.consumer ?? "";
  const assignor = g.assignor ?? "";
  const count = g.memberOrder.length;
  emit(ctx, () => ({
    type: "groupStable",
    time,
    groupId: g.groupId,
    generation,
    leader,
    assignor,
    members: count,
    idle,
  }));
}
